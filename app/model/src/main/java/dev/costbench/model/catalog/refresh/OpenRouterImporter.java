// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.catalog.refresh;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.costbench.model.catalog.Catalog;
import dev.costbench.model.cost.Money;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * OpenRouter's {@code GET /api/v1/models} response: {@code data[]} with {@code id} and {@code pricing} in USD per
 * token as decimal strings. Models become {@code openrouter/<id>} (LiteLLM's name for them) with provider
 * {@code openrouter}; {@code "-1"} (price varies by route, {@code openrouter/auto}) skips the model; {@code "0"} is
 * a free model and stays $0; per-request and per-image prices go into the model's notes.
 */
final class OpenRouterImporter implements PriceImporter {

    private static final Map<String, String> KINDS = Map.of(
            "prompt", "input",
            "input_cache_read", "cachedInput",
            "input_cache_write", "cacheWrite5m",
            "completion", "output",
            "audio", "inputAudio");

    @Override
    public Proposal read(InputStream in, String origin, Catalog existing) throws IOException {
        JsonNode root = ImportJson.read(in, origin);
        JsonNode data = ImportJson.array(
                root.isObject() ? root.get("data") : null,
                origin,
                "$.data",
                "expected a list of models (OpenRouter's /api/v1/models response)");
        ImportDraft draft = new ImportDraft(ImportSource.OPENROUTER, origin, existing);
        for (int i = 0; i < data.size(); i++) {
            model(draft, origin, data.get(i), "$.data[" + i + "]");
        }
        return draft.done();
    }

    /** One element of {@code data[]}: a proposed entry, or a warning saying why it was skipped. */
    private static void model(ImportDraft draft, String origin, JsonNode m, String path) throws ImportException {
        List<String> warnings = draft.warnings;
        if (!m.path("id").isTextual() || m.get("id").asText().isBlank()) {
            throw new ImportException(origin, path + ".id", "expected the model's id (text)");
        }
        String raw = m.get("id").asText();
        JsonNode pricing = m.get("pricing");
        if (pricing == null || !pricing.isObject()) {
            throw new ImportException(origin, path + ".pricing", "expected the model's prices (an object)");
        }
        if (variable(pricing.get("prompt")) || variable(pricing.get("completion"))) {
            warnings.add(raw + ": its price varies by the model OpenRouter routes to; skipped");
            draft.skipped++;
            return;
        }
        String id = raw.startsWith("openrouter/") ? raw : "openrouter/" + raw;
        BigDecimal input = pricing.has("prompt")
                ? ImportJson.perToken(raw + ".pricing.prompt", pricing.get("prompt"), new ArrayList<>())
                : null;
        ObjectNode e = draft.entry(id, "openrouter", input);
        if (m.path("name").isTextual()) {
            e.put("name", m.get("name").asText());
        }
        ImportJson.count(raw + ".context_length", m.get("context_length"), e, "contextWindow", warnings);
        ImportJson.count(
                raw + ".top_provider.max_completion_tokens",
                m.path("top_provider").get("max_completion_tokens"),
                e,
                "maxOutput",
                warnings);
        ObjectNode prices = e.putObject("prices");
        for (Map.Entry<String, String> k : KINDS.entrySet()) {
            JsonNode v = pricing.get(k.getKey());
            if (v != null && !v.isNull()) {
                BigDecimal perM = ImportJson.perToken(raw + ".pricing." + k.getKey(), v, warnings);
                if (perM != null) {
                    prices.put(k.getValue(), perM);
                }
            }
        }
        String extra = extra(pricing, "request", "per request") + extra(pricing, "image", "per image");
        if (!extra.isEmpty()) {
            String notes = e.path("notes").asText("");
            e.put("notes", (notes + " OpenRouter also charges" + extra + ".").trim());
        }
    }

    private static boolean variable(JsonNode price) {
        return price != null && price.isTextual() && price.asText().trim().startsWith("-");
    }

    private static String extra(JsonNode pricing, String key, String what) {
        JsonNode v = pricing.get(key);
        if (v == null || !(v.isTextual() || v.isNumber())) {
            return "";
        }
        try {
            BigDecimal d = new BigDecimal(v.asText().trim());
            return d.signum() > 0 ? " " + Money.format(d) + " " + what : "";
        } catch (NumberFormatException e) {
            return "";
        }
    }
}
