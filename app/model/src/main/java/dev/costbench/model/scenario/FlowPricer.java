// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.scenario;

import dev.costbench.model.catalog.ModelEntry;
import dev.costbench.model.cost.BillingOptions;
import dev.costbench.model.scenario.PlanState.TypeState;
import dev.costbench.model.tuning.CacheTtl;
import dev.costbench.model.workload.conversation.Conversation;
import dev.costbench.model.workload.conversation.ConversationOptions;
import dev.costbench.model.workload.conversation.ConversationPricer;
import dev.costbench.model.workload.conversation.Strategy;
import dev.costbench.model.workload.conversation.StrategyCost;
import dev.costbench.model.workload.retrieval.EmbeddingModel;
import dev.costbench.model.workload.retrieval.RetrievalCost;
import dev.costbench.model.workload.retrieval.RetrievalLevers;
import dev.costbench.model.workload.retrieval.RetrievalPart;
import dev.costbench.model.workload.retrieval.RetrievalShape;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The cost of one conversation or one retrieval query of a request type on one model, as its levers left it, by the
 * Workloads tab's own pricers ({@link ConversationPricer}, {@link RetrievalCost}): one code path for both views.
 *
 * <p>Conversations: the history levers (summarize every N turns, a window of N turns) act on the same quantity, the
 * history re-sent each turn, so with both on the cheaper of the two is kept (they overlap, never add). Prompt caching
 * acts on another component (how the same tokens are billed); the conversation pricer caches only the full history,
 * so with a history lever on too, caching's own ratio (cached ÷ full history) is applied to the shorter history:
 * {@code cost = history lever × cache ÷ full}. Without a history lever the cached run is the cost.
 */
final class FlowPricer {

    private static final Map<String, EmbeddingModel> EMBEDDINGS = new ConcurrentHashMap<>();

    private FlowPricer() {}

    /** The USD per unit by bill line of {@code ts} on {@code m} billed with {@code o}. */
    static Map<BillLine, BigDecimal> perUnit(
            TypeState ts,
            ModelEntry m,
            BillingOptions o,
            BigDecimal units,
            Models models,
            LocalDate date,
            Set<String> warnings) {
        Map<BillLine, BigDecimal> out = new EnumMap<>(BillLine.class);
        if (ts.rt.isConversationType()) {
            out.put(BillLine.CONVERSATION, conversation(ts, m, o, models, warnings));
        } else {
            RetrievalCost.Step s = retrieval(ts, m, units, date, warnings);
            out.put(
                    BillLine.TEXT_INPUT,
                    s.part(RetrievalPart.RETRIEVED_CONTEXT).add(s.part(RetrievalPart.INSTRUCTIONS)));
            out.put(BillLine.OUTPUT, s.part(RetrievalPart.OUTPUT));
            out.put(BillLine.RETRIEVAL, s.part(RetrievalPart.EMBEDDINGS).add(s.part(RetrievalPart.RERANKER)));
        }
        return out;
    }

    /** One conversation of {@code ts} on {@code m}. */
    static BigDecimal conversation(TypeState ts, ModelEntry m, BillingOptions o, Models models, Set<String> warnings) {
        ConversationShape shape = ts.rt.conversation();
        FlowLevers f = ts.flow;
        Conversation c = shape.conversation(null);
        Long tools = f.tools(c.tools().on(m));
        if (tools != null) {
            c = shape.conversation(tools);
        }
        if (f.summaryTokens() != null) {
            c = c.withSummary(f.summaryTokens(), null);
        }
        ModelEntry summarizer = c.summarizerId() == null ? null : models.entry(c.summarizerId());
        List<Strategy> history = new ArrayList<>();
        if (f.summarizeEvery() != null) {
            history.add(Strategy.summarize(f.summarizeEvery()));
        }
        if (f.window() != null) {
            history.add(Strategy.window(f.window()));
        }
        List<Strategy> asked = new ArrayList<>(history);
        if (ts.caching != null) {
            asked.add(Strategy.CACHE);
        }
        if (asked.isEmpty()) {
            asked.add(Strategy.FULL);
        }
        CacheTtl ttl = ts.caching != null && ts.caching.ttl() == Lever.PromptCaching.Ttl.ONE_HOUR
                ? CacheTtl.ONE_HOUR
                : CacheTtl.FIVE_MINUTES;
        ConversationOptions opts = ConversationOptions.DEFAULT.withTtl(ttl).withBilling(o);
        List<StrategyCost> priced = ConversationPricer.price(c, m, summarizer, asked, opts);
        BigDecimal best = null;
        BigDecimal cached = null;
        BigDecimal full = null;
        for (StrategyCost s : priced) {
            if (!s.complete()) {
                warnings.add("a price the conversations of '" + ts.rt.name() + "' need is not listed for " + m.name()
                        + ": only the priced part is counted");
            }
            if (s.strategy().equals(Strategy.CACHE)) {
                cached = s.totalUsd();
                full = s.totalUsd().add(s.savingUsd());
            } else if (best == null || s.totalUsd().compareTo(best) < 0) {
                best = s.totalUsd();
            }
        }
        if (cached == null) {
            return best;
        }
        if (best == null || full.signum() == 0) {
            return cached;
        }
        return best.multiply(cached).divide(full, ScenarioEngine.MC);
    }

    /** One retrieval query of {@code ts} on {@code m}, the corpus embedding spread over {@code units} queries. */
    static RetrievalCost.Step retrieval(
            TypeState ts, ModelEntry m, BigDecimal units, LocalDate date, Set<String> warnings) {
        RetrievalRequest r = ts.rt.retrieval();
        FlowLevers f = ts.flow;
        Long tools = f.tools(r.toolsTokens());
        long instructions = r.instructionTokens() + (tools == null ? r.toolsTokens() : tools);
        RetrievalShape shape = new RetrievalShape(
                instructions,
                r.stablePrefixTokens(),
                r.chunks(),
                r.chunkTokens(),
                r.queryTokens(),
                r.outputTokens(),
                units,
                r.corpusTokens(),
                r.reembedsPerMonth(),
                r.rerankerPerThousand());
        RetrievalLevers levers = new RetrievalLevers(
                f.chunks(),
                f.chunkTokens(),
                ts.caching == null ? null : ts.caching.hitRate(),
                ts.caching == null ? null : ts.caching.ttl());
        EmbeddingModel e = r.embeddingModel() == null ? null : embedding(r.embeddingModel());
        RetrievalCost.Report report = RetrievalCost.compute(shape, m, e, levers, date);
        for (String n : report.notes()) {
            warnings.add("'" + ts.rt.name() + "': " + n);
        }
        return report.optimized();
    }

    /** A built-in embedding model by id; null when there is none. */
    static EmbeddingModel embedding(String id) {
        if (EMBEDDINGS.isEmpty()) {
            for (EmbeddingModel e : EmbeddingModel.builtIn().models()) {
                EMBEDDINGS.put(e.id(), e);
            }
        }
        return EMBEDDINGS.get(id);
    }
}
