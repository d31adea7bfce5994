// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.catalog.refresh;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.costbench.model.catalog.Catalog;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * pydantic's genai-prices data file ({@code prices/data.json} or {@code data_slim.json}): a list of providers, each
 * with models whose {@code prices} (USD per 1M tokens) are either one price set or a list of conditional ones. A
 * tiered price ({@code {"base": …, "tiers": [{"start": N, "price": …}]}}) becomes the base price and a long-context
 * price above N input tokens; a list with {@code start_date} constraints becomes dated prices; time-of-day prices
 * (off-peak discounts) are not modelled and keep the all-day price.
 */
final class GenAiPricesImporter implements PriceImporter {

    private static final Map<String, String> KINDS = Map.of(
            "input_mtok", "input",
            "cache_read_mtok", "cachedInput",
            "cache_write_mtok", "cacheWrite5m",
            "output_mtok", "output",
            "input_audio_mtok", "inputAudio",
            "output_audio_mtok", "outputAudio");

    /** One price set in force from {@code from} (null: since always). */
    private record Period(LocalDate from, JsonNode prices, String path) {}

    @Override
    public Proposal read(InputStream in, String origin, Catalog existing) throws IOException {
        JsonNode root = ImportJson.array(
                ImportJson.read(in, origin),
                origin,
                "$",
                "expected a list of providers (genai-prices' prices/data.json or data_slim.json)");
        ImportDraft draft = new ImportDraft(ImportSource.GENAI_PRICES, origin, existing);
        List<String> warnings = draft.warnings;
        for (int i = 0; i < root.size(); i++) {
            JsonNode p = root.get(i);
            String pPath = "$[" + i + "]";
            String provider = text(origin, p, "id", pPath);
            JsonNode models = ImportJson.array(p.get("models"), origin, pPath + ".models", "expected a list of models");
            for (int j = 0; j < models.size(); j++) {
                JsonNode m = models.get(j);
                String mPath = pPath + ".models[" + j + "]";
                String id = text(origin, m, "id", mPath);
                List<Period> periods = periods(origin, m.get("prices"), mPath + ".prices", id, warnings);
                if (periods.isEmpty()) {
                    draft.skipped++;
                    continue;
                }
                JsonNode firstInput = periods.get(0).prices().path("input_mtok");
                BigDecimal input = firstInput.isNumber() ? firstInput.decimalValue() : null;
                ObjectNode e = draft.entry(id, provider, input);
                if (m.path("name").isTextual()) {
                    e.put("name", m.get("name").asText());
                }
                ImportJson.count(id + ".context_window", m.get("context_window"), e, "contextWindow", warnings);
                prices(origin, id, periods, e, warnings);
            }
        }
        return draft.done();
    }

    private static String text(String origin, JsonNode node, String key, String path) throws ImportException {
        if (node == null || !node.isObject()) {
            throw new ImportException(origin, path, "expected an object with \"" + key + "\"");
        }
        JsonNode v = node.get(key);
        if (v == null || !v.isTextual() || v.asText().isBlank()) {
            throw new ImportException(origin, path + "." + key, "expected a name (text)");
        }
        return v.asText();
    }

    /** The price sets of a model, oldest first; time-of-day sets are left out with a warning. */
    private static List<Period> periods(String origin, JsonNode prices, String path, String id, List<String> warnings)
            throws ImportException {
        List<Period> out = new ArrayList<>();
        if (prices != null && prices.isObject()) {
            out.add(new Period(null, prices, path));
            return out;
        }
        if (prices == null || !prices.isArray()) {
            throw new ImportException(origin, path, "expected a price object or a list of conditional prices");
        }
        for (int k = 0; k < prices.size(); k++) {
            JsonNode c = prices.get(k);
            String cPath = path + "[" + k + "]";
            if (!c.path("prices").isObject()) {
                throw new ImportException(origin, cPath + ".prices", "expected a price object");
            }
            JsonNode constraint = c.path("constraint");
            if (constraint.has("start_time") || constraint.has("end_time")) {
                warnings.add(id + ": time-of-day prices ("
                        + constraint.path("start_time").asText() + "–"
                        + constraint.path("end_time").asText() + ") are not modelled; the all-day price is kept");
                continue;
            }
            LocalDate from = null;
            if (constraint.has("start_date")) {
                try {
                    from = LocalDate.parse(constraint.get("start_date").asText());
                } catch (DateTimeParseException e) {
                    throw new ImportException(origin, cPath + ".constraint.start_date", "expected a date (yyyy-MM-dd)");
                }
            }
            out.add(new Period(from, c.get("prices"), cPath + ".prices"));
        }
        out.sort((a, b) ->
                a.from() == null ? -1 : b.from() == null ? 1 : a.from().compareTo(b.from()));
        for (int k = 1; k < out.size(); k++) {
            if (out.get(k).from() == null
                    || out.get(k).from().equals(out.get(k - 1).from())) {
                throw new ImportException(
                        origin, out.get(k).path(), "two price sets apply at the same time (give each a start_date)");
            }
        }
        return out;
    }

    /** Writes the entry's prices: dated lists where they change, long-context prices from today's tiers. */
    private static void prices(String origin, String id, List<Period> periods, ObjectNode e, List<String> warnings)
            throws ImportException {
        ObjectNode prices = e.putObject("prices");
        Map<String, List<ObjectNode>> dated = new LinkedHashMap<>();
        LocalDate today = LocalDate.parse(ImportJson.today());
        Period current = periods.get(0);
        for (int n = 0; n < periods.size(); n++) {
            Period p = periods.get(n);
            LocalDate until = n + 1 < periods.size() ? periods.get(n + 1).from().minusDays(1) : null;
            if (p.from() == null || !p.from().isAfter(today)) {
                current = p;
            }
            Iterator<Map.Entry<String, JsonNode>> it = p.prices().fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> f = it.next();
                String kind = KINDS.get(f.getKey());
                if (kind == null) {
                    warnings.add(id + "." + f.getKey() + ": CostBench has no such price; left out");
                    continue;
                }
                JsonNode v = f.getValue();
                if (v.isObject()) {
                    if (!v.has("base")) {
                        throw new ImportException(origin, p.path() + "." + f.getKey(), "a tiered price needs \"base\"");
                    }
                    v = v.get("base");
                }
                BigDecimal value = ImportJson.perMTok(id + "." + f.getKey(), v, warnings);
                if (value == null) {
                    continue;
                }
                ObjectNode o = JsonNodeFactory.instance.objectNode().put("value", value);
                if (p.from() != null) {
                    o.put("validFrom", p.from().toString());
                }
                if (until != null) {
                    o.put("validUntil", until.toString());
                }
                dated.computeIfAbsent(kind, k -> new ArrayList<>()).add(o);
            }
        }
        dated.forEach((kind, list) -> {
            List<ObjectNode> merged = merge(list);
            if (merged.size() == 1
                    && !merged.get(0).has("validFrom")
                    && !merged.get(0).has("validUntil")) {
                prices.set(kind, merged.get(0).get("value"));
            } else {
                ArrayNode arr = prices.putArray(kind);
                merged.forEach(arr::add);
            }
        });
        longContext(origin, id, current, e, warnings);
    }

    /** Consecutive periods with the same value become one. */
    private static List<ObjectNode> merge(List<ObjectNode> list) {
        List<ObjectNode> out = new ArrayList<>();
        for (ObjectNode o : list) {
            ObjectNode last = out.isEmpty() ? null : out.get(out.size() - 1);
            boolean adjacent = last != null
                    && last.has("validUntil")
                    && o.has("validFrom")
                    && LocalDate.parse(last.get("validUntil").asText())
                            .plusDays(1)
                            .toString()
                            .equals(o.get("validFrom").asText());
            if (adjacent
                    && last.get("value").decimalValue().compareTo(o.get("value").decimalValue()) == 0) {
                last.remove("validUntil");
                if (o.has("validUntil")) {
                    last.set("validUntil", o.get("validUntil"));
                }
            } else {
                out.add(o);
            }
        }
        return out;
    }

    /** The first tier of today's tiered prices as the long-context prices (one threshold for all kinds). */
    private static void longContext(String origin, String id, Period p, ObjectNode e, List<String> warnings)
            throws ImportException {
        Long threshold = null;
        ObjectNode lcPrices = JsonNodeFactory.instance.objectNode();
        Iterator<Map.Entry<String, JsonNode>> it = p.prices().fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> f = it.next();
            String kind = KINDS.get(f.getKey());
            JsonNode tiers = f.getValue().path("tiers");
            if (kind == null || !f.getValue().isObject()) {
                continue;
            }
            String tPath = p.path() + "." + f.getKey() + ".tiers";
            if (!tiers.isArray()
                    || tiers.isEmpty()
                    || !tiers.get(0).path("start").canConvertToLong()) {
                throw new ImportException(origin, tPath, "expected a list of tiers with \"start\" and \"price\"");
            }
            long start = tiers.get(0).get("start").asLong();
            if (tiers.size() > 1) {
                warnings.add(id + "." + f.getKey() + ": only the first of " + tiers.size() + " tiers is kept");
            }
            if (threshold != null && threshold != start) {
                warnings.add(id + "." + f.getKey() + ": tier starts at " + start + " tokens, not " + threshold
                        + " like the others; left out");
                continue;
            }
            BigDecimal v = ImportJson.perMTok(
                    id + "." + f.getKey() + ".tiers[0].price", tiers.get(0).path("price"), warnings);
            if (v != null) {
                threshold = start;
                lcPrices.put(kind, v);
            }
        }
        if (threshold != null) {
            ObjectNode lc = e.putObject("longContext");
            lc.put("threshold", threshold);
            lc.set("prices", lcPrices);
        }
    }
}
