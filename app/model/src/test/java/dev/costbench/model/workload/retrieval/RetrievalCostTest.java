// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.workload.retrieval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.costbench.model.catalog.CatalogBuilder;
import dev.costbench.model.catalog.ModelEntry;
import dev.costbench.model.catalog.PriceStatus;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class RetrievalCostTest {

    static final LocalDate DAY = LocalDate.of(2026, 12, 7);
    /** Claude Haiku 4.5: $1 input, $0.10 cache read, $1.25 5-minute cache write, $5 output; caches from 4,096. */
    static final ModelEntry HAIKU =
            CatalogBuilder.builtIn().find("claude-haiku-4-5").orElseThrow();

    static final EmbeddingModel SMALL = EmbeddingModel.builtIn().find("text-embedding-3-small");

    /** 1,000 instructions, 4,000 stable document prefix, 10 chunks × 500, 50 query, 300 output; 100,000 a month. */
    static final RetrievalShape SHAPE = new RetrievalShape(
            1000, 4000, 10, 500, 50, 300, BigDecimal.valueOf(100_000), 2_000_000, BigDecimal.ONE, new BigDecimal("2"));

    static void usd(String expected, BigDecimal actual) {
        assertEquals(0, new BigDecimal(expected).compareTo(actual), () -> expected + " but was " + actual);
    }

    @Test
    void embeddingPricesCarryTheirSourceAndStatus() {
        EmbeddingModel.Prices p = EmbeddingModel.builtIn();
        usd("0.02", SMALL.perMTok());
        usd("0.13", p.find("text-embedding-3-large").perMTok());
        EmbeddingModel gemini = p.find("gemini-embedding-001");
        assertEquals(PriceStatus.UNCONFIRMED, gemini.status());
        for (EmbeddingModel m : p.models()) {
            assertTrue(p.sources().containsKey(m.source()), m.id());
            assertTrue(m.asOf().matches("\\d{4}-\\d{2}-\\d{2}"), m.id());
        }
    }

    /**
     * As typed: 10,050 input tokens at $1/1M. Retrieved context (4,000 + 5,000) = $0.009; instructions and query
     * 1,050 = $0.00105; output 300 × $5/1M = $0.0015. Embeddings: the query 50 × $0.02/1M = $0.000001 a request, the
     * corpus 2,000,000 × $0.02/1M = $0.04 a month = $0.0000004 a request. A month: 100,000 × $0.01155 + $0.1 + $0.04
     * = $1,155.14.
     * Rerank to 4: context 4,000 + 2,000 = $0.006, reranker $2 / 1,000 = $0.002 → 100,000 × $0.01055 + $0.14 =
     * $1,055.14 (saves $100). Shorter chunks of 300: context 4,000 + 1,200 = $0.0052 → $975.14 (saves $80).
     * Cache at a 90 % hit rate (prefix 5,000 ≥ 4,096): each cached token 0.9 × $0.10 + 0.1 × $1.25 = $0.215/1M;
     * context 4,000 × 0.215 + 1,200 × 1 = $0.00206, instructions 1,000 × 0.215 + 50 × 1 = $0.000265 → 100,000 ×
     * $0.005825 + $0.14 = $582.64 (saves $392.50).
     */
    @Test
    void workedExampleWithEveryLever() {
        RetrievalCost.Report r = RetrievalCost.compute(
                SHAPE, HAIKU, SMALL, new RetrievalLevers(4, 300L, new BigDecimal("0.9"), null), DAY);
        assertEquals(
                List.of("As typed", "Rerank to 4 chunks", "Shorter chunks (300 tokens)", "Cache the stable prefix"),
                r.steps().stream().map(RetrievalCost.Step::label).toList());
        RetrievalCost.Step typed = r.asTyped();
        usd("0.009", typed.part(RetrievalPart.RETRIEVED_CONTEXT));
        usd("0.00105", typed.part(RetrievalPart.INSTRUCTIONS));
        usd("0.0015", typed.part(RetrievalPart.OUTPUT));
        usd("0.0000014", typed.part(RetrievalPart.EMBEDDINGS));
        usd("0", typed.part(RetrievalPart.RERANKER));
        usd("0.0115514", typed.totalPerRequest());
        usd("1155.14", typed.perMonth());
        usd("1055.14", r.steps().get(1).perMonth());
        usd("100", r.steps().get(1).saving());
        usd("0.002", r.steps().get(1).part(RetrievalPart.RERANKER));
        usd("975.14", r.steps().get(2).perMonth());
        usd("80", r.steps().get(2).saving());
        RetrievalCost.Step cached = r.optimized();
        usd("0.00206", cached.part(RetrievalPart.RETRIEVED_CONTEXT));
        usd("0.000265", cached.part(RetrievalPart.INSTRUCTIONS));
        usd("582.64", cached.perMonth());
        usd("392.5", cached.saving());
        assertTrue(r.notes().isEmpty(), r.notes().toString());
    }

    @Test
    void aPrefixBelowTheMinimumIsNotCachedAndSaysSo() {
        RetrievalShape small =
                new RetrievalShape(1000, 0, 5, 500, 50, 300, BigDecimal.valueOf(1000), 0, BigDecimal.ZERO, null);
        RetrievalCost.Report r =
                RetrievalCost.compute(small, HAIKU, null, new RetrievalLevers(null, null, BigDecimal.ONE, null), DAY);
        usd("0", r.optimized().saving());
        assertTrue(
                r.notes().get(0).contains("minimum cacheable length of 4,096 tokens"),
                r.notes().toString());
    }
}
