// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.lab;

/**
 * The request parameters an experiment sends with every trial, plus free-form settings the store keeps as they are.
 *
 * @param temperature        sampling temperature, or null for each API's default
 * @param maxOutputTokens    the output cap sent with every request (positive)
 * @param reasoningBudget    thinking budget in tokens (Anthropic, Gemini), or null
 * @param reasoningEffort    OpenAI reasoning effort ("minimal", "low", "medium", "high"), or null
 * @param reuseStoredAnswers true only when the user asked to answer identical requests from earlier trials; never
 *                           used for repetitions within one run
 * @param extraJson          further settings as a JSON object (pass/fail checks, verdict thresholds, judge rubric …);
 *                           never API keys ({@link SecretGuard} rejects them)
 */
public record ExperimentSettings(
        Double temperature,
        int maxOutputTokens,
        Integer reasoningBudget,
        String reasoningEffort,
        boolean reuseStoredAnswers,
        String extraJson) {

    public ExperimentSettings {
        if (maxOutputTokens <= 0) {
            throw new IllegalArgumentException("maxOutputTokens must be positive");
        }
        if (reasoningBudget != null && reasoningBudget < 0) {
            throw new IllegalArgumentException("reasoningBudget must not be negative");
        }
        extraJson = extraJson == null || extraJson.isBlank() ? "{}" : extraJson;
        SecretGuard.requireNoSecrets("experiment settings", extraJson);
    }

    /** No temperature or reasoning options, 1024 output tokens, no answer reuse. */
    public static ExperimentSettings defaults() {
        return new ExperimentSettings(null, 1024, null, null, false, "{}");
    }
}
