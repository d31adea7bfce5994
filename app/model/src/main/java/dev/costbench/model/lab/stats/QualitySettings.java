// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.lab.stats;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.costbench.model.lab.judge.JudgeSpec;
import dev.costbench.model.validation.JsonReading;
import java.util.List;

/**
 * How an experiment's outputs are judged: the pass/fail checks, the verdict thresholds and the optional LLM judge.
 * Kept in the experiment's settings JSON ({@code ExperimentSettings.extraJson}) next to what the runner keeps there:
 * <pre>
 * {"checks": [{"type": "contains", "value": "refund"}], "verdict": {"minSavingPercent": 30, ...},
 *  "judge": {"model": "gpt-4o-mini", "rubric": "...", "scale": 5}, "run": {...}}
 * </pre>
 *
 * @param checks     the pass/fail checks (may be empty)
 * @param thresholds the verdict thresholds
 * @param judge      the judge, or null
 */
public record QualitySettings(List<Check> checks, VerdictThresholds thresholds, JudgeSpec judge) {

    private static final ObjectMapper JSON = JsonReading.mapper();

    public QualitySettings {
        checks = List.copyOf(checks);
        thresholds = thresholds == null ? VerdictThresholds.defaults() : thresholds;
    }

    /** No checks, the default thresholds, no judge. */
    public static QualitySettings defaults() {
        return new QualitySettings(List.of(), VerdictThresholds.defaults(), null);
    }

    /**
     * Reads the settings JSON (missing parts take their defaults).
     *
     * @throws IllegalArgumentException for settings that are not JSON or a part that is malformed
     */
    public static QualitySettings read(String extraJson) {
        JsonNode root = parse(extraJson);
        return new QualitySettings(
                Check.listFromJson(root.get("checks")),
                VerdictThresholds.fromJson(root.get("verdict")),
                JudgeSpec.fromJson(root.get("judge")));
    }

    public QualitySettings withChecks(List<Check> c) {
        return new QualitySettings(c, thresholds, judge);
    }

    public QualitySettings withThresholds(VerdictThresholds t) {
        return new QualitySettings(checks, t, judge);
    }

    public QualitySettings withJudge(JudgeSpec j) {
        return new QualitySettings(checks, thresholds, j);
    }

    /**
     * {@code extraJson} with this object's checks, thresholds and judge written in (replacing the old ones, and
     * removing the judge when there is none); everything else in it is kept as it is.
     */
    public String writeInto(String extraJson) {
        ObjectNode root = (ObjectNode) parse(extraJson).deepCopy();
        fill(root);
        return root.toString();
    }

    /** Puts {@code checks} (when any), {@code verdict} and {@code judge} (when set) into {@code o}. */
    public void fill(ObjectNode o) {
        if (checks.isEmpty()) {
            o.remove("checks");
        } else {
            ArrayNode a = o.putArray("checks");
            checks.forEach(c -> a.add(c.toJson()));
        }
        o.set("verdict", thresholds.toJson());
        if (judge == null) {
            o.remove("judge");
        } else {
            o.set("judge", judge.toJson());
        }
    }

    private static JsonNode parse(String json) {
        if (json == null || json.isBlank()) {
            return JSON.createObjectNode();
        }
        try {
            JsonNode n = JSON.readTree(json);
            if (n == null || !n.isObject()) {
                throw new IllegalArgumentException("experiment settings must be a JSON object");
            }
            return n;
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("experiment settings are not valid JSON: " + e.getOriginalMessage(), e);
        }
    }
}
