// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.workload.retrieval;

import dev.costbench.model.scenario.Lever;
import java.math.BigDecimal;

/**
 * The retrieval levers, applied in this order; each one is off when null. Reranking and shorter chunks change two
 * different quantities (how many chunks, how long each is) and so compound; caching changes how the same tokens are
 * billed.
 *
 * @param rerankTo      keep this many chunks after a reranker (which then costs its price per search)
 * @param chunkTokens   shorter chunks: this many tokens each
 * @param cacheHitRate  share of requests that read the cached instructions and stable document prefix (the others
 *                      write it), under the provider's caching rules
 * @param ttl           the cache lifetime, which sets the write price
 */
public record RetrievalLevers(
        Integer rerankTo, Long chunkTokens, BigDecimal cacheHitRate, Lever.PromptCaching.Ttl ttl) {

    public static final RetrievalLevers NONE = new RetrievalLevers(null, null, null, null);

    public RetrievalLevers {
        ttl = ttl == null ? Lever.PromptCaching.Ttl.FIVE_MINUTES : ttl;
        if (rerankTo != null && rerankTo < 0 || chunkTokens != null && chunkTokens < 0) {
            throw new IllegalArgumentException("Chunks after reranking and chunk tokens must be 0 or more");
        }
        if (cacheHitRate != null && (cacheHitRate.signum() < 0 || cacheHitRate.compareTo(BigDecimal.ONE) > 0)) {
            throw new IllegalArgumentException("The cache hit rate must be from 0 % to 100 %");
        }
    }
}
