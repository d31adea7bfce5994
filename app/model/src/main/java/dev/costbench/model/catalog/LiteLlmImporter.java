// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.catalog;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.costbench.model.validation.JsonReading;
import dev.costbench.model.validation.NumberKind;
import dev.costbench.model.validation.NumberRefusedException;
import dev.costbench.model.validation.NumberRules;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Imports LiteLLM's {@code model_prices_and_context_window.json} (provider-rules.md §5) into the user catalog.
 * Prices per token become prices per 1M tokens, exactly. Missing keys stay missing (never $0); the data errors
 * listed in §5.4 are corrected and kept visible as CONFLICT.
 */
public final class LiteLlmImporter {

    /** Result of an import. */
    public record Result(ObjectNode catalog, int imported, int skipped, List<String> warnings) {}

    private static final Set<String> CHAT_MODES = Set.of("chat", "completion", "responses");
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final String SOURCE = "LL-import";

    /** §5.4: values in the file that contradict the providers' docs: id → field → (doc value per 1M). */
    private static final Map<String, Map<String, String>> KNOWN_ERRORS = Map.of(
            "claude-3-haiku-20240307", Map.of("cacheWrite1h", "0.50"),
            "claude-3-opus-20240229", Map.of("cacheWrite1h", "30.00"));

    private LiteLlmImporter() {}

    public static Result convert(InputStream in, String fileName, Catalog existing) throws IOException {
        JsonNode root;
        try {
            root = JsonReading.readTree(CatalogReader.MAPPER, in);
        } catch (JsonProcessingException e) {
            throw new IOException(fileName + ": " + JsonReading.describe(e) + "; nothing was imported", e);
        }
        if (root == null || !root.isObject()) {
            throw new IOException(fileName + ": expected a JSON object keyed by model name (LiteLLM's format)");
        }
        String today = LocalDate.now().toString();
        ObjectNode out = F.objectNode();
        out.put("schemaVersion", 1);
        out.putObject("sources")
                .put(SOURCE, "LiteLLM model_prices_and_context_window.json imported from " + fileName + " on " + today);
        ArrayNode models = out.putArray("models");
        List<String> warnings = new ArrayList<>();
        int skipped = 0;
        Iterator<Map.Entry<String, JsonNode>> it = root.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            String key = e.getKey();
            JsonNode v = e.getValue();
            if (key.equals("sample_spec") || !v.isObject()) {
                continue;
            }
            String mode = v.path("mode").asText("chat");
            if (!CHAT_MODES.contains(mode) || !v.has("input_cost_per_token") || !v.has("output_cost_per_token")) {
                skipped++;
                continue;
            }
            String refused = refusedPrice(key, v, "input_cost_per_token");
            refused = refused != null ? refused : refusedPrice(key, v, "output_cost_per_token");
            if (refused != null) {
                warnings.add(refused + "; model skipped");
                skipped++;
                continue;
            }
            String provider = provider(v.path("litellm_provider").asText(""));
            String id = provider.equals("google") && key.startsWith("gemini/") ? key.substring(7) : key;
            ObjectNode m = models.addObject();
            m.put("id", id);
            m.put("provider", provider);
            boolean known = existing != null && existing.find(id).isPresent();
            if (!known) {
                m.put("tier", guessTier(provider, v.path("input_cost_per_token")));
                m.put("tokenizer", guessTokenizer(id, provider));
                m.put("notes", "Imported from LiteLLM; tier guessed from its input price.");
            }
            m.put("source", SOURCE);
            m.put("asOf", today);
            count(key, v, "max_input_tokens", m, "contextWindow", warnings);
            count(key, v, "max_output_tokens", m, "maxOutput", warnings);
            count(key, v, "prompt_cache_min_tokens", m, "minCacheTokens", warnings);
            String dep = v.path("deprecation_date").asText("");
            if (dep.matches("\\d{4}-\\d{2}-\\d{2}")) {
                m.put("deprecation", dep);
            }
            ObjectNode prices = m.putObject("prices");
            price(key, v, "input_cost_per_token", prices, "input", warnings);
            price(key, v, "cache_read_input_token_cost", prices, "cachedInput", warnings);
            price(key, v, "cache_creation_input_token_cost", prices, "cacheWrite5m", warnings);
            price(key, v, "cache_creation_input_token_cost_above_1hr", prices, "cacheWrite1h", warnings);
            price(key, v, "output_cost_per_token", prices, "output", warnings);
            price(key, v, "input_cost_per_token_batches", prices, "batchInput", warnings);
            price(key, v, "output_cost_per_token_batches", prices, "batchOutput", warnings);
            price(key, v, "input_cost_per_audio_token", prices, "inputAudio", warnings);
            for (String threshold : new String[] {"200k", "272k", "128k"}) {
                String suffix = "_above_" + threshold + "_tokens";
                if (v.has("input_cost_per_token" + suffix)) {
                    ObjectNode lc = m.putObject("longContext");
                    lc.put("threshold", Long.parseLong(threshold.replace("k", "")) * 1000);
                    ObjectNode lp = lc.putObject("prices");
                    price(key, v, "input_cost_per_token" + suffix, lp, "input", warnings);
                    price(key, v, "cache_read_input_token_cost" + suffix, lp, "cachedInput", warnings);
                    price(key, v, "cache_creation_input_token_cost" + suffix, lp, "cacheWrite5m", warnings);
                    price(key, v, "cache_creation_input_token_cost_above_1hr" + suffix, lp, "cacheWrite1h", warnings);
                    price(key, v, "output_cost_per_token" + suffix, lp, "output", warnings);
                    break;
                }
            }
            JsonNode us = v.path("provider_specific_entry").path("us");
            JsonNode region = v.path("regional_processing_uplift_multiplier_us");
            JsonNode mult = us.isNumber() ? us : region;
            if (mult.isNumber()) {
                String f = key + "."
                        + (us.isNumber() ? "provider_specific_entry.us" : "regional_processing_uplift_multiplier_us");
                try {
                    m.putObject("residencyMultiplier")
                            .put("value", NumberRules.check(f, mult, NumberKind.MULTIPLIER, false));
                } catch (NumberRefusedException ex) {
                    m.remove("residencyMultiplier");
                    warnings.add(ex.getMessage() + "; left out");
                }
            }
            Map<String, String> fixes = KNOWN_ERRORS.getOrDefault(key, Map.of());
            for (Map.Entry<String, String> fix : fixes.entrySet()) {
                JsonNode bad = prices.get(fix.getKey());
                if (bad != null) {
                    ObjectNode p = prices.putObject(fix.getKey());
                    p.put("value", new BigDecimal(fix.getValue()));
                    p.put("status", "CONFLICT");
                    p.putArray("alternatives").add(bad.decimalValue());
                    p.put(
                            "note",
                            "LiteLLM lists " + bad.decimalValue().toPlainString() + "; the provider's price page says "
                                    + fix.getValue() + " (provider-rules.md §5.4)");
                    warnings.add(key + ": " + fix.getKey() + " corrected from "
                            + bad.decimalValue().toPlainString() + " to " + fix.getValue()
                            + " (known LiteLLM data error)");
                }
            }
        }
        return new Result(out, models.size(), skipped, warnings);
    }

    /**
     * Merges an import into the user catalog file: entries with the same id are replaced, others kept. The old
     * file is kept as {@code catalog.json.bak}; the new one is written atomically. A user catalog that is not
     * valid JSON is left untouched and the import refused.
     */
    public static void mergeInto(Path userCatalog, ObjectNode imported) throws IOException {
        ObjectNode target;
        if (Files.isRegularFile(userCatalog)) {
            JsonNode cur;
            try {
                try (InputStream in = Files.newInputStream(userCatalog)) {
                    cur = JsonReading.readTree(CatalogReader.MAPPER, in);
                }
            } catch (IOException e) {
                throw new IOException(userCatalog + " is not valid JSON ("
                        + e.getMessage().split("\n")[0] + "); fix or move it before importing — nothing was changed");
            }
            if (cur == null || !cur.isObject()) {
                throw new IOException(userCatalog + " is not a catalog object; nothing was changed");
            }
            target = (ObjectNode) cur;
            Files.copy(
                    userCatalog,
                    userCatalog.resolveSibling(userCatalog.getFileName() + ".bak"),
                    StandardCopyOption.REPLACE_EXISTING);
        } else {
            target = F.objectNode();
            target.put("schemaVersion", 1);
        }
        ObjectNode sources = target.has("sources") && target.get("sources").isObject()
                ? (ObjectNode) target.get("sources")
                : target.putObject("sources");
        sources.setAll((ObjectNode) imported.get("sources"));
        Map<String, JsonNode> byId = new LinkedHashMap<>();
        if (target.path("models").isArray()) {
            for (JsonNode m : target.get("models")) {
                byId.put(m.path("id").asText(), m);
            }
        }
        for (JsonNode m : imported.get("models")) {
            byId.put(m.path("id").asText(), m);
        }
        ArrayNode arr = target.putArray("models");
        byId.values().forEach(arr::add);
        Files.createDirectories(userCatalog.toAbsolutePath().getParent());
        Path tmp = userCatalog.resolveSibling(userCatalog.getFileName() + ".tmp");
        CatalogReader.MAPPER.writerWithDefaultPrettyPrinter().writeValue(tmp.toFile(), target);
        Files.move(tmp, userCatalog, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /**
     * A price per token as a price per 1M tokens, checked against {@link NumberKind#PRICE_PER_MILLION_TOKENS}
     * before it is scaled; a refused or unreadable price is left out (unpriced, never zero) with a warning.
     */
    private static void price(
            String model, JsonNode v, String key, ObjectNode out, String field, List<String> warnings) {
        JsonNode p = v.get(key);
        if (p == null || !(p.isNumber() || p.isTextual())) {
            return;
        }
        try {
            out.put(field, perMillion(model + "." + key, p));
        } catch (NumberRefusedException e) {
            warnings.add(e.getMessage() + "; left out (unpriced)");
        }
    }

    /** Null when the price at {@code key} is absent or acceptable, else what is wrong (with the model and field). */
    private static String refusedPrice(String model, JsonNode v, String key) {
        JsonNode p = v.get(key);
        if (p == null || !(p.isNumber() || p.isTextual())) {
            return null;
        }
        try {
            perMillion(model + "." + key, p);
            return null;
        } catch (NumberRefusedException e) {
            return e.getMessage();
        }
    }

    /**
     * A price per token (a number or a decimal string) as an exact price per 1M tokens; refused with the field's
     * name when it is not a number or out of range.
     */
    public static BigDecimal perMillion(String field, JsonNode perToken) {
        BigDecimal d;
        try {
            d = NumberRules.decimal(field, perToken, true);
        } catch (NumberRefusedException e) {
            if (!perToken.isNumber() && !e.reason().contains("out of range")) {
                throw e; // not a number at all
            }
            throw new NumberRefusedException(
                    field,
                    e.reason()
                                    .replace(" is out of range", " $ per token is out of range")
                                    .replace(" has more than", " $ per token has more than")
                            + " ("
                            + NumberKind.PRICE_PER_MILLION_TOKENS.range() + ")");
        }
        BigDecimal perM = d.movePointRight(6);
        if (NumberRules.problem(perM, NumberKind.PRICE_PER_MILLION_TOKENS) != null) {
            throw new NumberRefusedException(
                    field,
                    NumberRules.show(d) + " $ per token is out of range (" + NumberKind.PRICE_PER_MILLION_TOKENS.range()
                            + ")");
        }
        return perM.stripTrailingZeros();
    }

    private static void count(
            String model, JsonNode v, String key, ObjectNode out, String field, List<String> warnings) {
        JsonNode n = v.get(key);
        if (n == null || !n.isNumber()) {
            return;
        }
        try {
            long c = NumberRules.whole(model + "." + key, n, NumberKind.TOKENS);
            if (c > 0) {
                out.put(field, c);
            }
        } catch (NumberRefusedException e) {
            warnings.add(e.getMessage() + "; left out");
        }
    }

    public static String provider(String litellm) {
        String p = litellm.toLowerCase(Locale.ROOT);
        switch (p) {
            case "gemini":
            case "vertex_ai-language-models":
            case "vertex_ai":
                return "google";
            case "together_ai":
                return "together";
            case "fireworks_ai":
                return "fireworks";
            case "text-completion-openai":
                return "openai";
            default:
                return p.isEmpty() ? "unknown" : p;
        }
    }

    static String guessTier(String provider, JsonNode inputPerToken) {
        return guessTier(provider, inputPerToken.decimalValue().movePointRight(6));
    }

    /** A tier for a model the catalog does not know yet, from its provider and input price per 1M tokens. */
    public static String guessTier(String provider, BigDecimal perM) {
        if (BillingRules.forProvider(provider) == BillingRules.OPEN) {
            return "open";
        }
        if (perM.compareTo(BigDecimal.valueOf(5)) >= 0) {
            return "frontier";
        }
        if (perM.compareTo(BigDecimal.ONE) >= 0) {
            return "high";
        }
        if (perM.compareTo(new BigDecimal("0.25")) >= 0) {
            return "mid";
        }
        return "light";
    }

    /** The tokenizer a model most likely uses, from its id and provider ("open" when nothing matches). */
    public static String guessTokenizer(String id, String provider) {
        String s = id.toLowerCase(Locale.ROOT);
        String base = s.substring(s.lastIndexOf('/') + 1);
        if (base.startsWith("gpt-oss")) {
            return "o200k_harmony";
        }
        if (base.startsWith("gpt-4o")
                || base.startsWith("gpt-4.1")
                || base.startsWith("gpt-4.5")
                || base.startsWith("gpt-5")
                || base.matches("o[134](-.*)?")
                || base.startsWith("chatgpt-4o")) {
            return "o200k_base";
        }
        if (base.startsWith("gpt-4") || base.startsWith("gpt-3.5") || base.startsWith("gpt-35")) {
            return "cl100k_base";
        }
        if (base.startsWith("claude")) {
            boolean newTokenizer =
                    base.matches("claude-(opus-4-[7-9]|opus-[5-9]|sonnet-[5-9]|haiku-[5-9]|fable|mythos).*");
            return newTokenizer ? "claude-2026" : "claude";
        }
        if (base.startsWith("gemini") || provider.equals("google")) {
            return "gemini";
        }
        return "open";
    }
}
