// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.workload.retrieval;

/** The parts of a retrieval request's cost. */
public enum RetrievalPart {
    RETRIEVED_CONTEXT("Retrieved context"),
    INSTRUCTIONS("Instructions and query"),
    OUTPUT("Output"),
    EMBEDDINGS("Embeddings"),
    RERANKER("Reranker");

    private final String label;

    RetrievalPart(String label) {
        this.label = label;
    }

    /** The name shown to users. */
    public String label() {
        return label;
    }
}
