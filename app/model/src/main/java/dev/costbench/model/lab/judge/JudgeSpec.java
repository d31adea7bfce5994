// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.lab.judge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.costbench.model.validation.JsonReading;
import java.math.BigDecimal;
import java.util.Iterator;
import java.util.Objects;
import java.util.Set;

/**
 * An LLM-as-judge: which model scores each output, with which rubric, on which scale. Kept in an experiment's
 * settings as {@code "judge": {"model": "gpt-4o-mini", "rubric": "...", "scale": 5, "reference": true,
 * "budgetUsd": "0.10"}}.
 *
 * @param model           the judge's catalog model id (it prices the judge calls)
 * @param rubric          what a good answer is; the judge scores against it
 * @param scale           scores run from 1 to {@code scale} (2–100; 5 by default)
 * @param reference       true: the judge also sees the baseline's output for the same input and model as a reference
 * @param maxOutputTokens the judge's output cap (its answer is a short JSON object)
 * @param budgetUsd       the most all judge calls of the experiment may spend, or null for no cap
 */
public record JudgeSpec(
        String model, String rubric, int scale, boolean reference, int maxOutputTokens, BigDecimal budgetUsd) {

    /** A rubric for answers to support tickets and similar tasks; users replace it with their own. */
    public static final String DEFAULT_RUBRIC = "Score how well the answer serves the user's request:\n"
            + "5 = correct, complete and clear; addresses every point of the request.\n"
            + "4 = correct and useful, with a minor omission or some unnecessary text.\n"
            + "3 = partly correct or missing an important point.\n"
            + "2 = mostly unhelpful or partly wrong.\n"
            + "1 = wrong, off-topic or harmful.\n"
            + "Judge content, not length: a short answer that is complete is as good as a long one.";
    /** The judge's default output cap. */
    public static final int DEFAULT_MAX_OUTPUT_TOKENS = 300;

    private static final Set<String> KNOWN =
            Set.of("model", "rubric", "scale", "reference", "maxOutputTokens", "budgetUsd");

    public JudgeSpec {
        if (model == null || model.isBlank()) {
            throw new IllegalArgumentException("judge.model: the judge needs a model");
        }
        model = model.strip();
        if (rubric == null || rubric.isBlank()) {
            throw new IllegalArgumentException("judge.rubric: the judge needs a rubric (what a good answer is)");
        }
        if (scale < 2 || scale > 100) {
            throw new IllegalArgumentException(
                    "judge.scale: scores run from 1 to the scale, which must be 2–100; got " + scale);
        }
        if (maxOutputTokens < 16) {
            throw new IllegalArgumentException("judge.maxOutputTokens: at least 16, got " + maxOutputTokens);
        }
        if (budgetUsd != null && budgetUsd.signum() < 0) {
            throw new IllegalArgumentException("judge.budgetUsd: must not be negative");
        }
    }

    /** A judge with the default scale (1–5), no reference, the default output cap and no cap of its own. */
    public static JudgeSpec of(String model, String rubric) {
        return new JudgeSpec(model, rubric, 5, false, DEFAULT_MAX_OUTPUT_TOKENS, null);
    }

    public JudgeSpec withModel(String m) {
        return new JudgeSpec(m, rubric, scale, reference, maxOutputTokens, budgetUsd);
    }

    public JudgeSpec withRubric(String r) {
        return new JudgeSpec(model, r, scale, reference, maxOutputTokens, budgetUsd);
    }

    public JudgeSpec withScale(int s) {
        return new JudgeSpec(model, rubric, s, reference, maxOutputTokens, budgetUsd);
    }

    public JudgeSpec withBudget(BigDecimal usd) {
        return new JudgeSpec(model, rubric, scale, reference, maxOutputTokens, usd);
    }

    /** "gpt-4o-mini, 1–5". */
    public String label() {
        return model + ", 1–" + scale;
    }

    /** The JSON form (see the class comment); only non-default optional fields are written. */
    public ObjectNode toJson() {
        ObjectNode o = JsonReading.mapper().createObjectNode();
        o.put("model", model);
        o.put("rubric", rubric);
        o.put("scale", scale);
        if (reference) {
            o.put("reference", true);
        }
        if (maxOutputTokens != DEFAULT_MAX_OUTPUT_TOKENS) {
            o.put("maxOutputTokens", maxOutputTokens);
        }
        if (budgetUsd != null) {
            o.put("budgetUsd", budgetUsd.toPlainString());
        }
        return o;
    }

    /**
     * Reads the JSON form; null for a missing or null node.
     *
     * @throws IllegalArgumentException naming the field that is wrong
     */
    public static JudgeSpec fromJson(JsonNode o) {
        if (o == null || o.isNull() || o.isMissingNode()) {
            return null;
        }
        if (!o.isObject()) {
            throw new IllegalArgumentException("judge: expected an object {\"model\", \"rubric\", \"scale\"}");
        }
        for (Iterator<String> it = o.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!KNOWN.contains(f)) {
                throw new IllegalArgumentException("judge." + f + ": unknown property (known: budgetUsd, "
                        + "maxOutputTokens, model, reference, rubric, scale)");
            }
        }
        JsonNode scale = o.path("scale");
        if (!scale.isMissingNode() && !scale.isNull() && !scale.isIntegralNumber()) {
            throw new IllegalArgumentException("judge.scale: expected a whole number, got " + scale);
        }
        JsonNode max = o.path("maxOutputTokens");
        BigDecimal budget = null;
        JsonNode b = o.path("budgetUsd");
        if (!b.isMissingNode() && !b.isNull()) {
            try {
                budget = b.isNumber()
                        ? b.decimalValue()
                        : new BigDecimal(b.asText().strip().replace("$", ""));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("judge.budgetUsd: expected an amount in USD, got " + b);
            }
        }
        return new JudgeSpec(
                o.path("model").isTextual() ? o.get("model").asText() : null,
                o.path("rubric").isTextual() ? o.get("rubric").asText() : null,
                scale.isIntegralNumber() ? scale.asInt() : 5,
                o.path("reference").asBoolean(false),
                max.isIntegralNumber() ? max.asInt() : DEFAULT_MAX_OUTPUT_TOKENS,
                budget);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof JudgeSpec j
                && j.model.equals(model)
                && j.rubric.equals(rubric)
                && j.scale == scale
                && j.reference == reference
                && j.maxOutputTokens == maxOutputTokens
                && (budgetUsd == null
                        ? j.budgetUsd == null
                        : j.budgetUsd != null && budgetUsd.compareTo(j.budgetUsd) == 0);
    }

    @Override
    public int hashCode() {
        return Objects.hash(model, rubric, scale, reference, maxOutputTokens);
    }
}
