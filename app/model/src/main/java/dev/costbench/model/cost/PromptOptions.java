// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.cost;

/**
 * What a user sets beside the prompt text.
 *
 * @param outputTokens    expected visible output tokens
 * @param reasoningTokens expected reasoning tokens
 * @param cachedPrefix    the system prompt and few-shot turns are read from the prompt cache (steady state)
 * @param batch           sent through the batch API
 * @param residency       regional processing / data residency
 * @param monthlyRequests requests per month
 */
public record PromptOptions(
        long outputTokens,
        long reasoningTokens,
        boolean cachedPrefix,
        boolean batch,
        boolean residency,
        long monthlyRequests) {

    public PromptOptions {
        if (outputTokens < 0 || reasoningTokens < 0 || monthlyRequests < 0) {
            throw new IllegalArgumentException("output, reasoning and monthly volume must not be negative");
        }
    }

    public static PromptOptions defaults() {
        return new PromptOptions(500, 0, false, false, false, 100_000);
    }

    public BillingOptions billing() {
        return new BillingOptions(batch, residency);
    }
}
