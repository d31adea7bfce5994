// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.scenario;

/** The lines of a monthly bill. */
public enum BillLine {
    MEDIA_INPUT("Media input (image and video tokens)"),
    AUDIO_INPUT("Audio input tokens"),
    TEXT_INPUT("Prompt tokens"),
    CACHE_READ("Prompt cache reads"),
    CACHE_WRITE("Prompt cache writes"),
    CACHE_STORAGE("Explicit cache storage (per token-hour)"),
    OUTPUT("Output tokens"),
    REASONING("Reasoning tokens"),
    /** Conversation request types: every turn's prompt, history, answer, cache and summarizer calls. */
    CONVERSATION("Conversation turns (history, caching and summaries)"),
    /** Retrieval request types: embedding the queries and the corpus, and the reranker. */
    RETRIEVAL("Embeddings and reranker"),
    MEDIA_FEES("Per-image fees"),
    /** A custom model's fee per call, on top of its tokens. */
    REQUEST_FEES("Per-request fees"),
    TRANSCRIPTION("Transcription (per minute)"),
    SELF_HOSTING("Self-hosted GPUs"),
    /** The user's negotiated rates on the list-price lines above (negative: a discount). */
    RATE_CARD("Rate card: your negotiated rates");

    private final String label;

    BillLine(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
