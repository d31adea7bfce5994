// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.scenario;

import java.math.BigDecimal;

/**
 * One retrieval-augmented (RAG) query of a "Retrieval" request type: the request type's volume counts queries, each
 * priced by the Workloads tab's retrieval model (instructions and tools, the stable document prefix, the retrieved
 * chunks, the query, the answer, the embeddings and the reranker).
 *
 * @param instructionTokens   the system prompt
 * @param toolsTokens         tool definitions sent with the instructions (0: none)
 * @param stablePrefixTokens  a document sent first with every query, cacheable with the instructions (0: none)
 * @param chunks              retrieved chunks per query
 * @param chunkTokens         tokens per chunk
 * @param queryTokens         the user's query
 * @param outputTokens        the answer
 * @param corpusTokens        the corpus, embedded again at each re-embedding (0: not counted)
 * @param reembedsPerMonth    re-embeddings of the corpus a month (null: none)
 * @param embeddingModel      the id of a built-in embedding model; null: embeddings not counted
 * @param rerankerPerThousand the reranker's price per 1,000 searches, paid when a rerank lever is on; null: $0
 */
public record RetrievalRequest(
        long instructionTokens,
        long toolsTokens,
        long stablePrefixTokens,
        int chunks,
        long chunkTokens,
        long queryTokens,
        long outputTokens,
        long corpusTokens,
        BigDecimal reembedsPerMonth,
        String embeddingModel,
        BigDecimal rerankerPerThousand) {

    public RetrievalRequest {
        embeddingModel = embeddingModel == null || embeddingModel.isBlank() ? null : embeddingModel;
    }

    /** Instructions, {@code chunks} chunks of {@code chunkTokens}, a query and an answer; nothing else. */
    public static RetrievalRequest of(long instructions, int chunks, long chunkTokens, long query, long output) {
        return new RetrievalRequest(instructions, 0, 0, chunks, chunkTokens, query, output, 0, null, null, null);
    }
}
