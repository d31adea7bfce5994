// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.lab.stats;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.costbench.model.validation.JsonReading;
import java.util.Locale;
import java.util.Objects;

/**
 * The user's rule for adopting an optimized variant, in the spirit of "adopt: saving &gt; 30 % with quality within
 * 5 %".
 *
 * @param minSavingPercent      the saving per call required, in percent of the baseline's cost
 * @param maxQualityDropPercent the largest relative quality drop allowed, in percent
 * @param qualityMeasure        the measure whose drop is watched
 * @param requireSignificance   whether the saving must also be significant (p &lt; 1 − level)
 */
public record VerdictThresholds(
        double minSavingPercent,
        double maxQualityDropPercent,
        QualityMeasure qualityMeasure,
        boolean requireSignificance) {

    public VerdictThresholds {
        if (Double.isNaN(minSavingPercent) || Double.isNaN(maxQualityDropPercent) || maxQualityDropPercent < 0) {
            throw new IllegalArgumentException("thresholds must be numbers, the quality drop 0 or more");
        }
        Objects.requireNonNull(qualityMeasure, "qualityMeasure");
    }

    /** Saving of at least 30 %, similarity (ROUGE-L) within 5 %, significant. */
    public static VerdictThresholds defaults() {
        return new VerdictThresholds(30, 5, QualityMeasure.ROUGE_L, true);
    }

    /**
     * {@code {"minSavingPercent":30,"maxQualityDropPercent":5,"qualityMeasure":"rouge_l","requireSignificance":true}}.
     */
    public ObjectNode toJson() {
        ObjectNode o = JsonReading.mapper().createObjectNode();
        o.put("minSavingPercent", minSavingPercent);
        o.put("maxQualityDropPercent", maxQualityDropPercent);
        o.put("qualityMeasure", qualityMeasure.name().toLowerCase(Locale.ROOT));
        o.put("requireSignificance", requireSignificance);
        return o;
    }

    /** Reads the form {@link #toJson} writes; missing fields take the {@link #defaults()}. */
    public static VerdictThresholds fromJson(JsonNode o) {
        VerdictThresholds d = defaults();
        if (o == null || !o.isObject()) {
            return d;
        }
        return new VerdictThresholds(
                o.path("minSavingPercent").asDouble(d.minSavingPercent()),
                o.path("maxQualityDropPercent").asDouble(d.maxQualityDropPercent()),
                o.hasNonNull("qualityMeasure")
                        ? QualityMeasure.parse(o.get("qualityMeasure").asText())
                        : d.qualityMeasure(),
                o.path("requireSignificance").asBoolean(d.requireSignificance()));
    }
}
