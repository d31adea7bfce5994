// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.scenario;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * What the conversation and retrieval levers set on one request type, starting from nothing (null: off). Mutable but
 * confined to one {@link PlanState.TypeState}; {@link #copy()} for each waterfall step.
 */
final class FlowLevers {

    /** Summarize every this many turns (the fewest wins). */
    Integer summarizeEvery;
    /** The summary size of the summarize lever; null: the conversation's own. */
    Long summaryTokens;
    /** Keep the last this many turns (the fewest wins). */
    Integer window;
    /** Retrieval: chunks after reranking, and tokens per chunk (the lower wins). */
    Integer chunks;

    Long chunkTokens;
    /** Tool pruning: the share of the typed tool tokens kept, and a target size (the lower result wins). */
    BigDecimal toolsKeep;

    Long toolsTokens;

    FlowLevers copy() {
        FlowLevers c = new FlowLevers();
        c.summarizeEvery = summarizeEvery;
        c.summaryTokens = summaryTokens;
        c.window = window;
        c.chunks = chunks;
        c.chunkTokens = chunkTokens;
        c.toolsKeep = toolsKeep;
        c.toolsTokens = toolsTokens;
        return c;
    }

    /** The tool tokens after pruning {@code typed} tool tokens; null when no pruning lever is on. */
    Long tools(long typed) {
        if (toolsKeep == null && toolsTokens == null) {
            return null;
        }
        long v = typed;
        if (toolsKeep != null) {
            v = BigDecimal.valueOf(typed)
                    .multiply(toolsKeep)
                    .setScale(0, RoundingMode.HALF_UP)
                    .longValue();
        }
        return toolsTokens == null ? v : Math.min(v, toolsTokens);
    }

    static Integer min(Integer a, Integer b) {
        return a == null ? b : b == null ? a : Integer.valueOf(Math.min(a, b));
    }

    static Long min(Long a, Long b) {
        return a == null ? b : b == null ? a : Long.valueOf(Math.min(a, b));
    }
}
