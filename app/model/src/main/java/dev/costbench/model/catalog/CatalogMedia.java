// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.costbench.model.validation.JsonNumbers;
import dev.costbench.model.validation.NumberKind;
import dev.costbench.model.validation.NumberRefusedException;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * Reads an entry's {@code media} object with every number checked: tokens per tile, frame or second are
 * {@link NumberKind#MEDIA_TOKENS}, edges are {@link NumberKind#PIXELS}, multipliers {@link NumberKind#MULTIPLIER},
 * image prices {@link NumberKind#PRICE_PER_MILLION_TOKENS}. A rule ({@code media.image}, {@code media.video},
 * {@code media.audio}) with a refused number is dropped whole, with a problem: a model is never priced with a
 * half-valid rule (for example a negative tile size, or its default silently standing in).
 */
final class CatalogMedia {

    private static final Set<String> PIXEL_KEYS = Set.of("shortSide", "maxDim", "originalMaxDim", "maxEdge");
    private static final Set<String> MULTIPLIER_KEYS = Set.of("documented", "measured");

    private CatalogMedia() {}

    @SuppressWarnings("unchecked")
    static Map<String, Object> read(JsonNode media, BiConsumer<String, String> problem) {
        ObjectNode kept = media.deepCopy();
        for (Iterator<Map.Entry<String, JsonNode>> it = media.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String top = e.getKey();
            List<NumberRefusedException> refused =
                    JsonNumbers.check(e.getValue(), (path, key) -> kind(key.isEmpty() ? top : key), false);
            if (!refused.isEmpty()) {
                NumberRefusedException first = refused.get(0);
                String at = first.field().isEmpty() ? "media." + top : "media." + top + "." + first.field();
                problem.accept(
                        at,
                        first.reason() + (e.getValue().isObject() ? "; the " + top + " rule is ignored" : "; ignored"));
                kept.remove(top);
            }
        }
        return CatalogReader.MAPPER.convertValue(kept, Map.class);
    }

    private static NumberKind kind(String key) {
        if (PIXEL_KEYS.contains(key)) {
            return NumberKind.PIXELS;
        }
        if (MULTIPLIER_KEYS.contains(key)) {
            return NumberKind.MULTIPLIER;
        }
        if (key.endsWith("PerMTok")) {
            return NumberKind.PRICE_PER_MILLION_TOKENS;
        }
        return NumberKind.MEDIA_TOKENS;
    }
}
