// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.workload.conversation;

import java.math.BigDecimal;

/**
 * One turn's request under a strategy. Money is exact; a price the catalog lacks leaves the turn's figures short
 * (see {@link StrategyCost#complete()}).
 *
 * @param turn             1-based
 * @param inputTokens      all input tokens of the request (system prompt, tools, the history carried, the user
 *                         message), cached or not
 * @param cachedTokens     the part read from the prompt cache
 * @param cacheWriteTokens the part written to the prompt cache at a write price
 * @param outputTokens     the assistant's answer
 * @param historyTokens    the conversation as it stands after this turn, before any summary of it: the history the
 *                         request carried plus this turn's two messages
 * @param summarizerUsd    the summarizer call made after this turn (zero when none)
 * @param costUsd          this turn's request plus its summarizer call
 * @param cumulativeUsd    the conversation so far
 */
public record TurnCost(
        int turn,
        long inputTokens,
        long cachedTokens,
        long cacheWriteTokens,
        long outputTokens,
        long historyTokens,
        BigDecimal summarizerUsd,
        BigDecimal costUsd,
        BigDecimal cumulativeUsd) {}
