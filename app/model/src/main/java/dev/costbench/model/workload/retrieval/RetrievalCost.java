// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.workload.retrieval;

import dev.costbench.model.catalog.ModelEntry;
import dev.costbench.model.catalog.Price;
import dev.costbench.model.cost.BillingOptions;
import dev.costbench.model.cost.CostEngine;
import dev.costbench.model.cost.UnitPrices;
import dev.costbench.model.scenario.Lever;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Prices a retrieval-augmented request, part by part, and each lever in turn. The model's prices per token come from
 * {@link CostEngine#unitPrices} (the provider's long-context, cache-read and cache-write rules), as the scenario
 * planner's; caching follows the model's minimum cacheable length. Exact BigDecimal arithmetic; the only division is
 * the monthly embedding of the corpus spread over the month's requests (34 significant digits).
 */
public final class RetrievalCost {

    private static final MathContext MC = MathContext.DECIMAL128;

    private RetrievalCost() {}

    /**
     * The cost of one configuration: as typed, or after one or more levers.
     *
     * @param label      "As typed", or the lever's name
     * @param perRequest each part's cost per request
     * @param perMonth   the month's total
     * @param saving     what this step saves a month against the one before it (zero for "As typed")
     */
    public record Step(
            String label, Map<RetrievalPart, BigDecimal> perRequest, BigDecimal perMonth, BigDecimal saving) {

        public Step {
            perRequest = Collections.unmodifiableMap(new EnumMap<>(perRequest));
        }

        /** The whole cost of one request. */
        public BigDecimal totalPerRequest() {
            return perRequest.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        }

        /** One part's cost per request (zero when absent). */
        public BigDecimal part(RetrievalPart p) {
            return perRequest.getOrDefault(p, BigDecimal.ZERO);
        }
    }

    /** The steps, "As typed" first, then one per lever that is on; and what could not be priced or applied. */
    public record Report(List<Step> steps, List<String> notes) {

        public Report {
            steps = List.copyOf(steps);
            notes = List.copyOf(notes);
        }

        public Step asTyped() {
            return steps.get(0);
        }

        public Step optimized() {
            return steps.get(steps.size() - 1);
        }
    }

    /** The figures of {@code shape} on {@code model}, with {@code embedding} (null: none) and the levers. */
    public static Report compute(
            RetrievalShape shape, ModelEntry model, EmbeddingModel embedding, RetrievalLevers levers, LocalDate date) {
        Set<String> notes = new LinkedHashSet<>();
        List<Step> steps = new ArrayList<>();
        int chunks = shape.chunksPerRequest();
        long chunkTokens = shape.chunkTokens();
        boolean reranked = false;
        BigDecimal hit = null;
        steps.add(step("As typed", shape, model, embedding, chunks, chunkTokens, false, null, levers, date, notes));
        if (levers.rerankTo() != null) {
            if (levers.rerankTo() >= chunks) {
                notes.add("Reranking to " + levers.rerankTo() + " chunks keeps all " + chunks + " retrieved chunks");
            }
            chunks = Math.min(chunks, levers.rerankTo());
            reranked = true;
            if (shape.rerankerPerThousand() == null) {
                notes.add("No reranker price is typed in: the reranker is counted at $0");
            }
            String label = "Rerank to " + levers.rerankTo() + " chunks";
            steps.add(step(label, shape, model, embedding, chunks, chunkTokens, true, null, levers, date, notes));
        }
        if (levers.chunkTokens() != null) {
            chunkTokens = Math.min(chunkTokens, levers.chunkTokens());
            String label = String.format(Locale.ROOT, "Shorter chunks (%,d tokens)", levers.chunkTokens());
            steps.add(step(label, shape, model, embedding, chunks, chunkTokens, reranked, null, levers, date, notes));
        }
        if (levers.cacheHitRate() != null) {
            hit = levers.cacheHitRate();
            steps.add(step(
                    "Cache the stable prefix",
                    shape,
                    model,
                    embedding,
                    chunks,
                    chunkTokens,
                    reranked,
                    hit,
                    levers,
                    date,
                    notes));
        }
        List<Step> out = new ArrayList<>();
        BigDecimal prev = null;
        for (Step s : steps) {
            out.add(new Step(
                    s.label(),
                    s.perRequest(),
                    s.perMonth(),
                    prev == null ? BigDecimal.ZERO : prev.subtract(s.perMonth())));
            prev = s.perMonth();
        }
        return new Report(out, new ArrayList<>(notes));
    }

    private static Step step(
            String label,
            RetrievalShape shape,
            ModelEntry model,
            EmbeddingModel embedding,
            int chunks,
            long chunkTokens,
            boolean reranked,
            BigDecimal hit,
            RetrievalLevers levers,
            LocalDate date,
            Set<String> notes) {
        long prefix = shape.instructionTokens() + shape.stablePrefixTokens();
        long retrieved = chunks * chunkTokens;
        long input = prefix + retrieved + shape.queryTokens();
        UnitPrices p = CostEngine.unitPrices(model, input, BillingOptions.INTERACTIVE.at(date));
        BigDecimal in = perMTok(p.input(), model, "input", notes);
        BigDecimal prefixRate = in;
        if (hit != null) {
            Long min = model.minCacheTokens();
            if (prefix == 0) {
                notes.add("There are no instructions or stable document prefix to cache");
            } else if (min != null && prefix < min) {
                notes.add(String.format(
                        Locale.ROOT,
                        "The instructions and stable prefix (%,d tokens) are below %s's minimum cacheable length of "
                                + "%,d tokens: nothing is cached",
                        prefix,
                        model.name(),
                        min));
            } else {
                Price write = levers.ttl() == Lever.PromptCaching.Ttl.ONE_HOUR ? p.cacheWrite1h() : p.cacheWrite5m();
                prefixRate = hit.multiply(perMTok(p.cacheRead(), model, "cache-read", notes))
                        .add(BigDecimal.ONE.subtract(hit).multiply(perMTok(write, model, "cache-write", notes)));
            }
        }
        Map<RetrievalPart, BigDecimal> parts = new EnumMap<>(RetrievalPart.class);
        parts.put(
                RetrievalPart.RETRIEVED_CONTEXT,
                usd(shape.stablePrefixTokens(), prefixRate).add(usd(retrieved, in)));
        parts.put(
                RetrievalPart.INSTRUCTIONS,
                usd(shape.instructionTokens(), prefixRate).add(usd(shape.queryTokens(), in)));
        parts.put(RetrievalPart.OUTPUT, usd(shape.outputTokens(), perMTok(p.output(), model, "output", notes)));
        BigDecimal requests = shape.requestsPerMonth();
        BigDecimal embedMonth = BigDecimal.ZERO;
        BigDecimal embedPerRequest = BigDecimal.ZERO;
        if (embedding != null) {
            BigDecimal queries = embedding.cost(BigDecimal.valueOf(shape.queryTokens()));
            BigDecimal corpus =
                    embedding.cost(BigDecimal.valueOf(shape.corpusTokens()).multiply(shape.reembedsPerMonth()));
            embedMonth = queries.multiply(requests).add(corpus);
            embedPerRequest = requests.signum() == 0 ? queries : queries.add(corpus.divide(requests, MC));
        }
        parts.put(RetrievalPart.EMBEDDINGS, embedPerRequest);
        BigDecimal rerank = reranked && shape.rerankerPerThousand() != null
                ? shape.rerankerPerThousand().movePointLeft(3)
                : BigDecimal.ZERO;
        parts.put(RetrievalPart.RERANKER, rerank);
        BigDecimal model0 = parts.get(RetrievalPart.RETRIEVED_CONTEXT)
                .add(parts.get(RetrievalPart.INSTRUCTIONS))
                .add(parts.get(RetrievalPart.OUTPUT))
                .add(rerank);
        BigDecimal month = model0.multiply(requests).add(embedMonth);
        return new Step(label, parts, month, BigDecimal.ZERO);
    }

    private static BigDecimal perMTok(Price price, ModelEntry m, String what, Set<String> notes) {
        if (price == null) {
            notes.add(m.name() + " lists no " + what + " price: that part is left out");
            return BigDecimal.ZERO;
        }
        return price.perMTok();
    }

    private static BigDecimal usd(long tokens, BigDecimal perMTok) {
        return perMTok.multiply(BigDecimal.valueOf(tokens)).movePointLeft(6);
    }
}
