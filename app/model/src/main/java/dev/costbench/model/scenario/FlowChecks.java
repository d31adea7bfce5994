// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.scenario;

import dev.costbench.model.workload.conversation.ConversationFiles;
import dev.costbench.model.workload.conversation.Strategy;
import java.math.BigDecimal;
import java.util.function.BiConsumer;

/**
 * The checks of {@link Validator} for conversation and retrieval request types, their levers, heavy-tail users and
 * the budget: each refusal names its field and what to type instead.
 */
final class FlowChecks {

    private final BiConsumer<String, String> err;

    FlowChecks(BiConsumer<String, String> err) {
        this.err = err;
    }

    void requestType(String f, RequestType t) {
        int kinds = (t.isAgentTask() ? 1 : 0) + (t.isConversationType() ? 1 : 0) + (t.isRetrievalType() ? 1 : 0);
        if (kinds > 1) {
            err.accept(
                    f, "a request type is one kind: an agent task, a conversation or a retrieval query, not several");
        }
        if ((t.isConversationType() || t.isRetrievalType())
                && (t.model() == null || t.model().isBlank())) {
            err.accept(
                    f + ".model",
                    "choose the model that serves these " + (t.isConversationType() ? "conversations" : "queries"));
        }
        if (t.isConversationType()) {
            conversation(f + ".conversation", t.conversation());
        }
        if (t.isRetrievalType()) {
            retrieval(f + ".retrieval", t.retrieval());
        }
    }

    private void conversation(String f, ConversationShape c) {
        if (!c.sampleKnown()) {
            err.accept(
                    f + ".sample",
                    "there is no built-in conversation '" + c.sample() + "'; choose one of "
                            + String.join(", ", ConversationFiles.SAMPLES) + ", or type the turns and tokens");
            return;
        }
        if (c.turns() == null ? c.sample() == null : c.turns() < 1 || c.turns() > ConversationFiles.MAX_TURNS) {
            err.accept(f + ".turns", "a conversation has 1 to " + ConversationFiles.MAX_TURNS + " turns");
        }
        tokens(f + ".userTokens", c.userTokens());
        tokens(f + ".assistantTokens", c.assistantTokens());
        tokens(f + ".systemTokens", c.systemTokens());
        tokens(f + ".toolsTokens", c.toolsTokens());
        tokens(f + ".summaryTokens", c.summaryTokens());
    }

    private void retrieval(String f, RetrievalRequest r) {
        tokens(f + ".instructionTokens", r.instructionTokens());
        tokens(f + ".toolsTokens", r.toolsTokens());
        tokens(f + ".stablePrefixTokens", r.stablePrefixTokens());
        tokens(f + ".chunkTokens", r.chunkTokens());
        tokens(f + ".queryTokens", r.queryTokens());
        tokens(f + ".outputTokens", r.outputTokens());
        tokens(f + ".corpusTokens", r.corpusTokens());
        if (r.chunks() < 0) {
            err.accept(f + ".chunks", "the chunks per query must not be negative, got " + r.chunks());
        }
        negative(f + ".reembedsPerMonth", r.reembedsPerMonth(), "re-embeddings a month");
        negative(f + ".rerankerPerThousand", r.rerankerPerThousand(), "reranker price");
        if (r.embeddingModel() != null && FlowPricer.embedding(r.embeddingModel()) == null) {
            err.accept(
                    f + ".embeddingModel",
                    "unknown embedding model '" + r.embeddingModel()
                            + "': choose one of the built-in embedding models, or leave it empty");
        }
    }

    /** The conversation and retrieval levers; true when {@code l} is one of them. */
    boolean lever(String f, Lever l) {
        if (l instanceof Lever.Summarize s) {
            turns(f + ".everyTurns", s.everyTurns());
            tokens(f + ".summaryTokens", s.summaryTokens());
            return true;
        }
        if (l instanceof Lever.HistoryWindow w) {
            turns(f + ".turns", w.turns());
            return true;
        }
        if (l instanceof Lever.Rerank r) {
            if (r.chunks() == null && r.chunkTokens() == null) {
                err.accept(f + ".chunks", "give the chunks to keep, the tokens per chunk, or both");
            }
            if (r.chunks() != null && r.chunks() < 0) {
                err.accept(f + ".chunks", "the chunks to keep must not be negative, got " + r.chunks());
            }
            tokens(f + ".chunkTokens", r.chunkTokens());
            return true;
        }
        if (l instanceof Lever.PruneTools p) {
            if (p.cut() == null && p.tokens() == null) {
                err.accept(f + ".cut", "give the share of tool tokens cut or the tool tokens left");
            }
            if (p.cut() != null && (p.cut().signum() < 0 || p.cut().compareTo(BigDecimal.ONE) > 0)) {
                err.accept(f + ".cut", "the cut is a share from 0 % to 100 %, got " + Validator.pct(p.cut()));
            }
            tokens(f + ".tokens", p.tokens());
            return true;
        }
        return false;
    }

    void heavyTail(HeavyTail h, Workload w) {
        String f = "workload.heavyTail";
        if (h.p50() == null || h.p90() == null || h.p99() == null) {
            err.accept(f + ".p50", "give the units per user a month at p50, p90 and p99");
            return;
        }
        if (h.p50().signum() <= 0) {
            err.accept(f + ".p50", "the median must be above 0, got " + h.p50().toPlainString());
        } else if (h.p90().compareTo(h.p50()) < 0) {
            err.accept(f + ".p90", "p90 must be at least p50 (" + h.p50().toPlainString() + ")");
        } else if (h.p99().compareTo(h.p90()) < 0) {
            err.accept(f + ".p99", "p99 must be at least p90 (" + h.p90().toPlainString() + ")");
        }
        if (h.users() != null && h.users() < 0) {
            err.accept(f + ".users", "the number of users must not be negative");
        }
        for (int i = 0; i < h.planPrices().size(); i++) {
            BigDecimal p = h.planPrices().get(i);
            if (p == null || p.signum() < 0) {
                err.accept(f + ".planPrices[" + i + "]", "a plan price is $0 or more");
            }
        }
        if (h.requestType() != null && w.requestTypes().stream().noneMatch(t -> t.id().equals(h.requestType()))) {
            err.accept(f + ".requestType", "there is no request type '" + h.requestType() + "'");
        }
    }

    void budget(Budget b) {
        if (b.monthlyUsd() == null || b.monthlyUsd().signum() <= 0) {
            err.accept("workload.budget.monthlyUsd", "give a monthly budget above $0");
        }
        if (b.months() != null && (b.months() < 1 || b.months() > Budget.MAX_MONTHS)) {
            err.accept("workload.budget.months", "look ahead 1 to " + Budget.MAX_MONTHS + " months, got " + b.months());
        }
    }

    private void turns(String f, int n) {
        if (n < 1 || n > Strategy.MAX_N) {
            err.accept(f, "give a number of turns from 1 to " + Strategy.MAX_N + ", got " + n);
        }
    }

    private void tokens(String f, Long v) {
        if (v != null && v < 0) {
            err.accept(f, "a token count must not be negative, got " + v);
        }
    }

    private void negative(String f, BigDecimal v, String what) {
        if (v != null && v.signum() < 0) {
            err.accept(f, "the " + what + " must not be negative, got " + v.toPlainString());
        }
    }
}
