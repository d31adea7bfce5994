// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.scenario;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * What the conversation and retrieval levers set on one request type (null: off). Immutable: each lever returns a
 * changed copy, and a reduction keeps the lower result of two levers on the same quantity.
 *
 * @param summarizeEvery summarize every this many turns (the fewest wins)
 * @param summaryTokens  the summary size of the summarize lever; null: the conversation's own
 * @param window         keep the last this many turns (the fewest wins)
 * @param chunks         retrieval: chunks after reranking (the fewest wins)
 * @param chunkTokens    retrieval: tokens per chunk (the fewest wins)
 * @param toolsKeep      tool pruning: the share of the typed tool tokens kept (the smallest wins)
 * @param toolsTokens    tool pruning: a target size (the smallest wins)
 */
record FlowLevers(
        Integer summarizeEvery,
        Long summaryTokens,
        Integer window,
        Integer chunks,
        Long chunkTokens,
        BigDecimal toolsKeep,
        Long toolsTokens) {

    static final FlowLevers NONE = new FlowLevers(null, null, null, null, null, null, null);

    /** True for the levers this record keeps: summarize, history window, rerank, prune tools. */
    static boolean isOne(Lever l) {
        return l instanceof Lever.Summarize
                || l instanceof Lever.HistoryWindow
                || l instanceof Lever.Rerank
                || l instanceof Lever.PruneTools;
    }

    /** A copy with {@code l} (one of {@link #isOne}) applied. */
    FlowLevers with(Lever l) {
        if (l instanceof Lever.Summarize s) {
            return summarize(s.everyTurns(), s.summaryTokens());
        }
        if (l instanceof Lever.HistoryWindow w) {
            return window(w.turns());
        }
        if (l instanceof Lever.Rerank r) {
            return rerank(r.chunks(), r.chunkTokens());
        }
        Lever.PruneTools p = (Lever.PruneTools) l;
        return prune(p.cut(), p.tokens());
    }

    FlowLevers summarize(int every, Long tokens) {
        Long size = tokens == null ? summaryTokens : tokens;
        return new FlowLevers(min(summarizeEvery, every), size, window, chunks, chunkTokens, toolsKeep, toolsTokens);
    }

    FlowLevers window(int turns) {
        return new FlowLevers(
                summarizeEvery, summaryTokens, min(window, turns), chunks, chunkTokens, toolsKeep, toolsTokens);
    }

    FlowLevers rerank(Integer keep, Long tokens) {
        return new FlowLevers(
                summarizeEvery,
                summaryTokens,
                window,
                min(chunks, keep),
                min(chunkTokens, tokens),
                toolsKeep,
                toolsTokens);
    }

    FlowLevers prune(BigDecimal cut, Long tokens) {
        BigDecimal keep = cut == null ? toolsKeep : BigDecimal.ONE.subtract(cut);
        BigDecimal kept = toolsKeep == null || keep == null ? keep : toolsKeep.min(keep);
        return new FlowLevers(
                summarizeEvery, summaryTokens, window, chunks, chunkTokens, kept, min(toolsTokens, tokens));
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

    private static Integer min(Integer a, Integer b) {
        return a == null ? b : b == null ? a : Integer.valueOf(Math.min(a, b));
    }

    private static Long min(Long a, Long b) {
        return a == null ? b : b == null ? a : Long.valueOf(Math.min(a, b));
    }
}
