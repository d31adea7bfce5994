// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.workload.retrieval;

import com.fasterxml.jackson.databind.JsonNode;
import dev.costbench.model.catalog.PriceStatus;
import dev.costbench.model.validation.JsonReading;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * An embedding model priced per 1M input tokens (embeddings have no output price). The chat catalog has no kind for
 * them, so the built-in list is {@code resources/pricing/embeddings.json}, with each price's source and as-of date;
 * an UNCONFIRMED or CONFLICT status stays visible through {@link #status()}.
 *
 * @param name   the name shown to users
 * @param source the key of {@link Prices#sources()} the price was read from
 */
public record EmbeddingModel(
        String id,
        String name,
        String provider,
        BigDecimal perMTok,
        PriceStatus status,
        String source,
        String asOf,
        String note) {

    public static final String BUILT_IN = "/pricing/embeddings.json";

    /** The built-in list with its sources (key → description). */
    public record Prices(List<EmbeddingModel> models, Map<String, String> sources) {

        /** The model with {@code id}, or null. */
        public EmbeddingModel find(String id) {
            return models.stream().filter(m -> m.id().equals(id)).findFirst().orElse(null);
        }
    }

    /** The cost of embedding {@code tokens} tokens, exact. */
    public BigDecimal cost(BigDecimal tokens) {
        return tokens.multiply(perMTok).movePointLeft(6);
    }

    /** The built-in embedding prices. */
    public static Prices builtIn() {
        try (InputStream in = EmbeddingModel.class.getResourceAsStream(BUILT_IN)) {
            if (in == null) {
                throw new IllegalStateException(BUILT_IN + " is missing from the classpath");
            }
            JsonNode root = JsonReading.mapper().readTree(in);
            List<EmbeddingModel> models = new ArrayList<>();
            for (JsonNode m : root.path("models")) {
                models.add(entry(m));
            }
            Map<String, String> sources = new TreeMap<>();
            root.path("sources")
                    .fields()
                    .forEachRemaining(e -> sources.put(e.getKey(), e.getValue().asText()));
            return new Prices(List.copyOf(models), Map.copyOf(sources));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static EmbeddingModel entry(JsonNode m) {
        String id = m.path("id").asText("");
        if (id.isEmpty() || !m.path("perMTok").isNumber()) {
            throw new IllegalArgumentException("embedding entry without an id or a numeric perMTok: " + m);
        }
        return new EmbeddingModel(
                id,
                m.path("name").asText(id),
                m.path("provider").asText(""),
                m.path("perMTok").decimalValue(),
                PriceStatus.valueOf(m.path("status").asText("LISTED")),
                m.path("source").asText(""),
                m.path("asOf").asText(""),
                m.path("note").asText(""));
    }
}
