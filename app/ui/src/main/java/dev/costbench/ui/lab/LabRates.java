// SPDX-License-Identifier: Apache-2.0
package dev.costbench.ui.lab;

import dev.costbench.model.catalog.Catalog;
import dev.costbench.model.catalog.ModelEntry;
import dev.costbench.model.lab.run.RatedTrials;
import dev.costbench.model.lab.stats.ExperimentData;
import dev.costbench.model.ratecard.RateCard;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * "Use my rates" on an A/B lab page (the results, the comparison of two runs): the toggle, the user's rate card, how
 * the figures shown are priced, and the trials re-priced with them ({@link RatedTrials}). A view setting: nothing
 * stored changes.
 */
public final class LabRates {

    private final Supplier<Catalog> catalog;
    private final BooleanProperty useMyRates = new SimpleBooleanProperty(this, "useMyRates", false);
    private final ObjectProperty<RateCard> rateCard = new SimpleObjectProperty<>(this, "rateCard", RateCard.NONE);
    private final ReadOnlyStringWrapper basis = new ReadOnlyStringWrapper(this, "basis", RatedTrials.basis(false));

    /**
     * @param catalog  the models the trials are re-priced with (null: none, list price only)
     * @param onChange runs when the toggle changes, or the card while the toggle is on (the page computes again)
     */
    LabRates(Supplier<Catalog> catalog, Runnable onChange) {
        this.catalog = catalog;
        useMyRates.addListener(x -> onChange.run());
        rateCard.addListener(x -> {
            if (useMyRates.get()) {
                onChange.run();
            }
        });
    }

    /** "Use my rates": the figures at your rates; off (the default): list price. */
    public BooleanProperty useMyRatesProperty() {
        return useMyRates;
    }

    /** The user's rate card ({@link RateCard#NONE}: none saved); set by the composition root. */
    public ObjectProperty<RateCard> rateCardProperty() {
        return rateCard;
    }

    /** "list price" or "your rates": how the figures shown are priced, for the labels. */
    public ReadOnlyStringProperty basisProperty() {
        return basis.getReadOnlyProperty();
    }

    /** The card to price with now: the user's while "Use my rates" is on, else {@link RateCard#NONE}. */
    RateCard card() {
        RateCard card = rateCard.get();
        return useMyRates.get() && card != null ? card : RateCard.NONE;
    }

    /** The catalog's models by id (empty when there is no catalog), read now. */
    Function<String, Optional<ModelEntry>> finder() {
        Catalog c = catalog == null ? null : catalog.get();
        return c == null ? id -> Optional.empty() : c::find;
    }

    /** The figures now shown are priced with {@code card}. */
    void shown(RateCard card) {
        basis.set(RatedTrials.basis(!card.isEmpty()));
    }

    /** {@code d} with its trials' costs at {@code card}'s rates, and which models stayed at list price. */
    static Rated rated(ExperimentData d, Function<String, Optional<ModelEntry>> find, RateCard card) {
        RatedTrials r = RatedTrials.of(d.trials(), find, card);
        return new Rated(new ExperimentData(d.variants(), d.models(), r.trials(), d.ratings(), d.judgeScores()), r);
    }

    /** An experiment's data at some rates, and how its trials were priced. */
    record Rated(ExperimentData data, RatedTrials trials) {}
}
