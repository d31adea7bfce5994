// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.lab.run;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.costbench.model.provider.ReasoningEffort;
import dev.costbench.model.provider.ToolSpec;
import dev.costbench.model.tools.ToolsFormatException;
import dev.costbench.model.tools.ToolsJson;
import dev.costbench.model.validation.JsonReading;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The parts of the experiment file added by format 2 ({@link SpecJson}): the format number, function tools,
 * conversation scripts, reasoning effort and effort sweeps.
 */
public final class SpecJsonV2 {

    /** The format {@link SpecJson#write} writes; files of format 1 (no {@code "format"}) are read as well. */
    public static final int FORMAT = 2;

    private SpecJsonV2() {}

    /** Refuses a file of a newer format than this CostBench reads. */
    static void checkFormat(JsonNode root) {
        JsonNode f = root.get("format");
        if (f == null || f.isNull()) {
            return;
        }
        if (!f.canConvertToInt() || f.asInt() < 1) {
            throw new SpecException("format: a whole number (1 or " + FORMAT + "), got " + f);
        }
        if (f.asInt() > FORMAT) {
            throw new SpecException("format: the file is in experiment format " + f.asInt() + ", written by a newer "
                    + "CostBench; this one reads formats 1 to " + FORMAT + " (update CostBench to open it)");
        }
    }

    /**
     * A tools array in the neutral form ({@code {"name", "description", "parameters"}}) or one provider's shape, read
     * by {@link ToolsJson} as the Prompt view's tools are; empty when absent.
     */
    static List<ToolSpec> tools(JsonNode n, String at) {
        if (n == null || n.isNull()) {
            return List.of();
        }
        if (!n.isArray()) {
            throw new SpecException(at + ": expected an array of tools, e.g. [{\"name\": \"get_weather\", "
                    + "\"description\": \"…\", \"parameters\": {\"type\": \"object\", …}}]");
        }
        return read(n, at);
    }

    private static List<ToolSpec> read(JsonNode n, String at) {
        try {
            return ToolsJson.read(n, at).specs();
        } catch (ToolsFormatException e) {
            String problem = ToolsJson.problem(e);
            throw new SpecException(problem.contains("(" + at) ? problem : at + ": " + problem);
        }
    }

    /**
     * Tools typed or pasted as JSON: an array of tools (the neutral form or any provider's shape), or one tool;
     * empty for blank text.
     *
     * @throws SpecException for text that is not JSON or a tool that is malformed, naming {@code where}
     */
    public static List<ToolSpec> readTools(String text, String where) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        JsonNode n;
        try {
            n = JsonReading.readTree(JsonReading.mapper(), text);
        } catch (JsonProcessingException e) {
            throw new SpecException(where + ": not valid JSON (" + e.getOriginalMessage() + ")");
        }
        if (n != null && n.isObject() && !n.has("tools") && !n.has("functionDeclarations")) {
            n = JsonReading.mapper().createArrayNode().add(n); // one tool
        }
        return read(n, where);
    }

    /** An input's conversation script: the user's further turns, as an array of texts; empty when absent. */
    static List<String> turns(JsonNode n, String at) {
        if (n == null || n.isNull()) {
            return List.of();
        }
        if (!n.isArray()) {
            throw new SpecException(at + ": expected an array of the user's further turns, e.g. [\"And the refund?\"]");
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n.size(); i++) {
            JsonNode t = n.get(i);
            if (!t.isTextual() || t.asText().isBlank()) {
                throw new SpecException(at + "[" + i + "]: a turn is the user's message, a non-empty text");
            }
            out.add(t.asText());
        }
        return out;
    }

    /** A reasoning-effort word (none, low, medium, high), or null. */
    static ReasoningEffort effort(String word, String at) {
        if (word == null) {
            return null;
        }
        ReasoningEffort e = ReasoningEffort.fromCode(word.strip().toLowerCase(Locale.ROOT));
        if (e == null) {
            throw new SpecException(at + ": none, low, medium or high, got \"" + word + "\"");
        }
        return e;
    }

    /** {@code v} itself, or one arm per level of its {@code effortSweep} ({@link EffortSweep#arms}). */
    static List<ExperimentSpec.VariantSpec> sweep(ExperimentSpec.VariantSpec v, JsonNode levels, String at) {
        if (levels == null || levels.isNull()) {
            return List.of(v);
        }
        if (!levels.isArray() || levels.isEmpty()) {
            throw new SpecException(at + ": expected a non-empty array of effort levels, e.g. [\"low\", \"high\"]");
        }
        List<ReasoningEffort> es = new ArrayList<>();
        for (int i = 0; i < levels.size(); i++) {
            es.add(effort(levels.get(i).asText(), at + "[" + i + "]"));
        }
        return EffortSweep.arms(v, es);
    }
}
