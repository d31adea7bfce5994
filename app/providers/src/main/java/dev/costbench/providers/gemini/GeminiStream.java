// SPDX-License-Identifier: Apache-2.0
package dev.costbench.providers.gemini;

import com.fasterxml.jackson.databind.JsonNode;
import dev.costbench.model.provider.ProviderException;
import dev.costbench.providers.http.HttpEngine;
import dev.costbench.providers.http.TextStream;
import java.util.function.Consumer;

/**
 * Collects {@code GenerateContentResponse} chunks, from a stream ({@code streamGenerateContent?alt=sse}: one per
 * {@code data:} event) or a single answer: the visible text (parts marked {@code thought} are left out), the last
 * {@code usageMetadata} seen, {@code candidates[0].finishReason}, the model version and the response id. A prompt
 * blocked by {@code promptFeedback.blockReason} or an {@code error} object becomes a {@link ProviderException}.
 */
final class GeminiStream extends TextStream {

    private final HttpEngine http;
    private final StringBuilder raw = new StringBuilder();
    private JsonNode usage;
    private String finishReason;
    private String model;
    private String id;
    private int chunks;

    GeminiStream(HttpEngine http, Consumer<String> onDelta) {
        super(onDelta);
        this.http = http;
    }

    @Override
    public void onEvent(String event, String data) throws ProviderException {
        raw.append("data: ").append(data).append("\n\n");
        accept(http.parse(data, 200), data);
    }

    /** Takes one response object; {@code rawChunk} is kept in errors. */
    void accept(JsonNode j, String rawChunk) throws ProviderException {
        chunks++;
        if (j.has("error")) {
            throw GeminiClient.errorInStream(http, j.path("error"), rawChunk);
        }
        JsonNode feedback = j.path("promptFeedback");
        if (feedback.hasNonNull("blockReason")) {
            throw GeminiClient.blocked(http, feedback, rawChunk);
        }
        if (j.hasNonNull("usageMetadata")) {
            usage = j.get("usageMetadata");
        }
        if (j.hasNonNull("modelVersion")) {
            model = j.get("modelVersion").asText();
        }
        if (j.hasNonNull("responseId")) {
            id = j.get("responseId").asText();
        }
        JsonNode candidate = j.path("candidates").path(0);
        for (JsonNode part : candidate.path("content").path("parts")) {
            if (part.has("text") && !part.path("thought").asBoolean(false)) {
                emit(part.get("text").asText());
            }
        }
        if (candidate.hasNonNull("finishReason")) {
            finishReason = candidate.get("finishReason").asText();
        }
    }

    private void emit(String piece) {
        if (!piece.isEmpty()) {
            delta(piece);
        }
    }

    String raw() {
        return raw.toString();
    }

    JsonNode usage() {
        return usage;
    }

    String finishReason() {
        return finishReason;
    }

    String model() {
        return model;
    }

    String id() {
        return id;
    }

    int chunks() {
        return chunks;
    }
}
