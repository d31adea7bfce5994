// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.workload.retrieval;

import java.math.BigDecimal;

/**
 * One retrieval-augmented request as a user describes it. The prompt is sent in this order: instructions, the
 * stable document prefix (the same for every request, so it can be cached with the instructions), the retrieved
 * chunks and the query.
 *
 * @param instructionTokens  the system prompt
 * @param stablePrefixTokens a document or reference text sent first with every request; 0 when there is none
 * @param chunksPerRequest   retrieved chunks put in each request
 * @param chunkTokens        tokens per chunk
 * @param queryTokens        the user's query
 * @param outputTokens       the answer
 * @param requestsPerMonth   requests a month
 * @param corpusTokens       tokens of the whole corpus, embedded again at each re-embedding
 * @param reembedsPerMonth   how often a month the corpus is embedded again (0.25: once every four months)
 * @param rerankerPerThousand the reranker's price per 1,000 searches, as the user typed it (no catalog lists one);
 *                           null when there is no reranker
 */
public record RetrievalShape(
        long instructionTokens,
        long stablePrefixTokens,
        int chunksPerRequest,
        long chunkTokens,
        long queryTokens,
        long outputTokens,
        BigDecimal requestsPerMonth,
        long corpusTokens,
        BigDecimal reembedsPerMonth,
        BigDecimal rerankerPerThousand) {

    public RetrievalShape {
        if (instructionTokens < 0
                || stablePrefixTokens < 0
                || chunksPerRequest < 0
                || chunkTokens < 0
                || queryTokens < 0
                || outputTokens < 0
                || corpusTokens < 0) {
            throw new IllegalArgumentException("Token counts and chunks per request must be 0 or more");
        }
        requestsPerMonth = requestsPerMonth == null ? BigDecimal.ZERO : requestsPerMonth;
        reembedsPerMonth = reembedsPerMonth == null ? BigDecimal.ZERO : reembedsPerMonth;
        if (requestsPerMonth.signum() < 0 || reembedsPerMonth.signum() < 0) {
            throw new IllegalArgumentException("Requests a month and re-embeddings a month must be 0 or more");
        }
        if (rerankerPerThousand != null && rerankerPerThousand.signum() < 0) {
            throw new IllegalArgumentException("The reranker price must be 0 or more");
        }
    }
}
