// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.workload.conversation;

import dev.costbench.model.cost.BillingOptions;
import dev.costbench.model.tuning.CacheTtl;

/**
 * How a conversation is billed.
 *
 * @param ttl                    the prompt cache's lifetime (Anthropic prices 5-minute and 1-hour writes differently;
 *                               a turn gap longer than it means the cache has expired by the next turn)
 * @param summarizerPromptTokens the summarizer's own instructions, sent with every summarizer call
 * @param billing                batch, service tier, the date priced at, the rate card
 */
public record ConversationOptions(CacheTtl ttl, long summarizerPromptTokens, BillingOptions billing) {

    /** The summarizer's instructions when nothing else is said ("Summarize this conversation in … tokens: …"). */
    public static final long DEFAULT_SUMMARIZER_PROMPT_TOKENS = 100;

    public static final ConversationOptions DEFAULT = new ConversationOptions(
            CacheTtl.FIVE_MINUTES, DEFAULT_SUMMARIZER_PROMPT_TOKENS, BillingOptions.INTERACTIVE);

    public ConversationOptions {
        ttl = ttl == null ? CacheTtl.FIVE_MINUTES : ttl;
        billing = billing == null ? BillingOptions.INTERACTIVE : billing;
        if (summarizerPromptTokens < 0) {
            throw new IllegalArgumentException("the summarizer's prompt must not be negative");
        }
    }

    public ConversationOptions withTtl(CacheTtl t) {
        return new ConversationOptions(t, summarizerPromptTokens, billing);
    }

    public ConversationOptions withBilling(BillingOptions b) {
        return new ConversationOptions(ttl, summarizerPromptTokens, b);
    }
}
