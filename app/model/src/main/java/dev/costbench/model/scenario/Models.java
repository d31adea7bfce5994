// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.scenario;

import dev.costbench.model.catalog.Catalog;
import dev.costbench.model.catalog.ModelEntry;
import dev.costbench.model.media.Transcription;
import dev.costbench.model.ratecard.RateCard;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Resolves the model and transcription ids a scenario names: its custom models first, then the catalog. */
final class Models {

    private static volatile List<Transcription> transcriptions;

    private final Catalog catalog;
    private final RateCard rateCard;
    private final Map<String, ModelEntry> custom = new HashMap<>();
    private final Map<String, BigDecimal> perImage = new HashMap<>();
    private final Map<String, BigDecimal> perRequest = new HashMap<>();
    private final Map<String, Lever.SelfHosting> hosted = new LinkedHashMap<>();

    Models(Scenario s, Catalog catalog) {
        this(s, catalog, RateCard.NONE);
    }

    /** With the user's rate card applied to the model calls ({@link RateCard#NONE}: list prices). */
    Models(Scenario s, Catalog catalog, RateCard rateCard) {
        this.catalog = catalog;
        this.rateCard = rateCard == null ? RateCard.NONE : rateCard;
        for (CustomModel m : s.customModels()) {
            custom.put(m.id(), m.toEntry());
            if (m.perImage() != null) {
                perImage.put(m.id(), m.perImage());
            }
            if (m.perRequest() != null) {
                perRequest.put(m.id(), m.perRequest());
            }
            if (m.selfHosted() != null) {
                hosted.put(m.id(), m.selfHosted().asLever(m.id()));
            }
        }
    }

    /** The model, or null when the id is unknown. */
    ModelEntry entry(String id) {
        if (id == null) {
            return null;
        }
        ModelEntry m = custom.get(id);
        return m != null ? m : catalog.find(id).orElse(null);
    }

    RateCard rateCard() {
        return rateCard;
    }

    BigDecimal perImage(String id) {
        return perImage.get(id);
    }

    /** The fee per call of a custom model, or null. */
    BigDecimal perRequest(String id) {
        return perRequest.get(id);
    }

    /** The custom models that run on the user's own GPUs, as the capacity the engine prices, by id. */
    Map<String, Lever.SelfHosting> selfHosted() {
        return hosted;
    }

    static Transcription transcription(String id) {
        for (Transcription t : transcriptions()) {
            if (t.id().equals(id)) {
                return t;
            }
        }
        return null;
    }

    static List<Transcription> transcriptions() {
        List<Transcription> t = transcriptions;
        if (t == null) {
            t = Transcription.builtIn();
            transcriptions = t;
        }
        return t;
    }
}
