// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.tuning;

import dev.costbench.model.catalog.ModelEntry;
import dev.costbench.model.cost.BillingOptions;
import java.util.List;

/**
 * What {@link PromptTuner#suggest} prices savings on and which optional suggestions it makes.
 *
 * @param model                the target model the dollar savings are priced on
 * @param monthlyRequests      requests per month sending this prompt
 * @param billing              batch / residency
 * @param dropJsonDescriptions also suggest removing {@code "description"} strings from JSON schemas (off by default:
 *                             descriptions can carry meaning the model needs)
 * @param expectedAnswerTokens the expected answer length, for the output cap; null to skip it
 * @param currentOutputTokens  what answers average today without a cap; null when unknown
 * @param fewShotExamples      ranges of the prompt holding few-shot examples, for few-shot selection; empty to skip
 * @param fewShotBudget        token budget (o200k_base) for the kept examples
 * @param fewShotInput         a typical input: keep the most similar examples; null keeps the most diverse
 */
public record TuneOptions(
        ModelEntry model,
        long monthlyRequests,
        BillingOptions billing,
        boolean dropJsonDescriptions,
        Long expectedAnswerTokens,
        Long currentOutputTokens,
        List<TextRange> fewShotExamples,
        int fewShotBudget,
        String fewShotInput) {

    public TuneOptions {
        billing = billing == null ? BillingOptions.INTERACTIVE : billing;
        fewShotExamples = fewShotExamples == null ? List.of() : List.copyOf(fewShotExamples);
        if (monthlyRequests < 0) {
            throw new IllegalArgumentException("monthly requests must not be negative");
        }
    }

    /** The text suggestions only, priced on {@code model} at {@code monthlyRequests}. */
    public static TuneOptions of(ModelEntry model, long monthlyRequests) {
        return new TuneOptions(
                model, monthlyRequests, BillingOptions.INTERACTIVE, false, null, null, List.of(), 0, null);
    }

    public TuneOptions withDropJsonDescriptions(boolean drop) {
        return new TuneOptions(
                model,
                monthlyRequests,
                billing,
                drop,
                expectedAnswerTokens,
                currentOutputTokens,
                fewShotExamples,
                fewShotBudget,
                fewShotInput);
    }

    public TuneOptions withOutput(Long expectedAnswer, Long currentOutput) {
        return new TuneOptions(
                model,
                monthlyRequests,
                billing,
                dropJsonDescriptions,
                expectedAnswer,
                currentOutput,
                fewShotExamples,
                fewShotBudget,
                fewShotInput);
    }

    public TuneOptions withFewShot(List<TextRange> examples, int budget, String input) {
        return new TuneOptions(
                model,
                monthlyRequests,
                billing,
                dropJsonDescriptions,
                expectedAnswerTokens,
                currentOutputTokens,
                examples,
                budget,
                input);
    }
}
