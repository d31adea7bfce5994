// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.catalog;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.costbench.model.validation.JsonReading;
import dev.costbench.model.validation.NumberKind;
import dev.costbench.model.validation.NumberRefusedException;
import dev.costbench.model.validation.NumberRules;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Reads one catalog file (format: {@code resources/pricing/SCHEMA.md}). Never throws on bad content: every problem
 * is recorded with the file, the model and the field, and everything valid still loads.
 */
public final class CatalogReader {

    /** One file's content. */
    public record CatalogFile(
            String file,
            String asOf,
            Map<String, String> sources,
            List<EntrySpec> entries,
            List<CatalogProblem> problems) {}

    static final ObjectMapper MAPPER = JsonReading.mapper();
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Set<String> TOKENIZERS = Set.of(
            "o200k_base",
            "cl100k_base",
            "o200k_harmony",
            "claude",
            "claude-2026",
            "gemini",
            "open",
            "qwen3",
            "deepseek-v3",
            "llama3",
            "gemma3");
    /** The fields an entry that gives them overrides as they are (noted in {@link EntrySpec#given}). */
    private static final List<String> PLAIN_FIELDS = List.of(
            "name",
            "provider",
            "rules",
            "tier",
            "contextWindow",
            "maxOutput",
            "tokenizer",
            "minCacheTokens",
            "deprecation",
            "notes");

    private static final Set<String> ENTRY_KEYS = Stream.concat(
                    PLAIN_FIELDS.stream(),
                    Stream.of(
                            "id",
                            "source",
                            "asOf",
                            "prices",
                            "longContext",
                            "residencyMultiplier",
                            "media",
                            "serviceTiers"))
            .collect(Collectors.toUnmodifiableSet());

    private final String file;
    private final Origin origin;
    private final List<CatalogProblem> problems = new ArrayList<>();

    private CatalogReader(String file, Origin origin) {
        this.file = file;
        this.origin = origin;
    }

    public static CatalogFile read(Path path, Origin origin) {
        String name = path.toString();
        try (InputStream in = Files.newInputStream(path)) {
            return read(name, in, origin);
        } catch (IOException e) {
            return new CatalogFile(
                    name,
                    "",
                    Map.of(),
                    List.of(),
                    List.of(new CatalogProblem(name, "", "", "cannot read the file: " + e.getMessage())));
        }
    }

    public static CatalogFile read(String fileName, InputStream in, Origin origin) {
        CatalogReader r = new CatalogReader(fileName, origin);
        JsonNode root;
        try {
            root = JsonReading.readTree(MAPPER, in);
        } catch (JsonProcessingException e) {
            return r.fail(JsonReading.describe(e));
        } catch (IOException e) {
            return r.fail("cannot read the file: " + e.getMessage());
        }
        if (root == null || !root.isObject()) {
            return r.fail("expected a JSON object with a \"models\" array");
        }
        return r.parse(root);
    }

    private CatalogFile fail(String message) {
        problems.add(new CatalogProblem(file, "", "", message));
        return new CatalogFile(file, "", Map.of(), List.of(), problems);
    }

    private CatalogFile parse(JsonNode root) {
        Map<String, String> sources = new LinkedHashMap<>();
        JsonNode src = root.path("sources");
        if (src.isObject()) {
            src.fields()
                    .forEachRemaining(e -> sources.put(e.getKey(), e.getValue().asText()));
        } else if (!src.isMissingNode()) {
            problems.add(new CatalogProblem(file, "", "sources", "must be an object of key → description"));
        }
        JsonNode schema = root.path("schemaVersion");
        if (!schema.isMissingNode() && schema.asInt(-1) != 1) {
            problems.add(new CatalogProblem(
                    file, "", "schemaVersion", "unsupported version " + schema + " (this CostBench reads version 1)"));
        }
        String asOf = root.path("asOf").asText("");
        List<EntrySpec> entries = new ArrayList<>();
        JsonNode models = root.path("models");
        if (!models.isArray()) {
            problems.add(new CatalogProblem(file, "", "models", "missing or not an array"));
            return new CatalogFile(file, asOf, sources, entries, problems);
        }
        int index = 0;
        for (JsonNode m : models) {
            EntrySpec spec = parseEntry(m, index++, asOf);
            if (spec != null) {
                entries.add(spec);
            }
        }
        return new CatalogFile(file, asOf, sources, entries, problems);
    }

    private EntrySpec parseEntry(JsonNode m, int index, String fileAsOf) {
        if (!m.isObject()) {
            problems.add(new CatalogProblem(file, "#" + (index + 1), "", "entry is not a JSON object"));
            return null;
        }
        String id = m.path("id").isTextual() ? m.path("id").asText().trim() : "";
        if (id.isEmpty()) {
            problems.add(new CatalogProblem(file, "#" + (index + 1), "id", "missing or not a string; entry skipped"));
            return null;
        }
        EntrySpec s = new EntrySpec();
        s.id = id;
        s.origin = origin;
        Iterator<String> names = m.fieldNames();
        while (names.hasNext()) {
            String k = names.next();
            if (!ENTRY_KEYS.contains(k)) {
                problems.add(new CatalogProblem(file, id, k, "unknown field (ignored)"));
            }
        }
        s.name = text(m, id, "name");
        s.provider = text(m, id, "provider");
        String rules = text(m, id, "rules");
        if (rules != null) {
            try {
                s.rules = BillingRules.parse(rules);
            } catch (IllegalArgumentException e) {
                problem(id, "rules", e.getMessage());
            }
        }
        String tier = text(m, id, "tier");
        if (tier != null) {
            try {
                s.tier = Tier.parse(tier);
            } catch (IllegalArgumentException e) {
                problem(id, "tier", e.getMessage());
            }
        }
        s.contextWindow = count(m, id, "contextWindow");
        s.maxOutput = count(m, id, "maxOutput");
        s.minCacheTokens = count(m, id, "minCacheTokens");
        String tok = text(m, id, "tokenizer");
        if (tok != null) {
            if (TOKENIZERS.contains(tok)) {
                s.tokenizer = tok;
            } else {
                problem(
                        id,
                        "tokenizer",
                        "unknown tokenizer '" + tok + "' (known: " + String.join(", ", new TreeSet<>(TOKENIZERS))
                                + ")");
            }
        }
        String source = m.path("source").asText("");
        String asOf = m.has("asOf") ? date(m.get("asOf"), id, "asOf") : fileAsOf;
        if (m.has("source")) {
            s.given.add("source");
        }
        JsonNode prices = m.path("prices");
        if (prices.isObject()) {
            readPrices(prices, id, "prices", source, asOf, s.prices, s);
        } else if (!prices.isMissingNode()) {
            problem(id, "prices", "must be an object");
        }
        JsonNode lc = m.path("longContext");
        if (lc.isObject()) {
            Long threshold = count(lc, id, "longContext.threshold", "threshold");
            if (threshold == null) {
                problem(id, "longContext.threshold", "missing: the input size above which the prices apply");
            } else if (lc.path("prices").isObject()) {
                s.longContextThreshold = threshold;
                s.given.add("longContext.threshold");
                readPrices(lc.path("prices"), id, "longContext.prices", source, asOf, s.longContextPrices, s);
            } else {
                problem(id, "longContext.prices", "missing or not an object");
            }
        } else if (!lc.isMissingNode()) {
            problem(id, "longContext", "must be an object {threshold, prices}");
        }
        if (m.has("residencyMultiplier")) {
            s.residencyMultiplier = price(m.get("residencyMultiplier"), id, "residencyMultiplier", source, asOf);
            if (s.residencyMultiplier != null) {
                s.given.add("residencyMultiplier");
            }
        }
        JsonNode tiers = m.path("serviceTiers");
        if (tiers.isObject()) {
            tiers.fields().forEachRemaining(e -> readTier(e.getKey(), e.getValue(), id, source, asOf, s));
        } else if (!tiers.isMissingNode()) {
            problem(id, "serviceTiers", "must be an object {flex|priority|fast: {multiplier, prices, note}}");
        }
        JsonNode media = m.path("media");
        if (media.isObject()) {
            s.media = CatalogMedia.read(media, (field, message) -> problem(id, field, message));
            s.given.add("media");
        } else if (!media.isMissingNode()) {
            problem(id, "media", "must be an object");
        }
        if (m.has("deprecation")) {
            s.deprecation = date(m.get("deprecation"), id, "deprecation");
        }
        s.notes = text(m, id, "notes");
        for (String f : PLAIN_FIELDS) {
            if (m.has(f)) {
                s.given.add(f);
            }
        }
        return s;
    }

    private void readPrices(
            JsonNode node, String id, String path, String source, String asOf, Map<PriceKind, Price> out, EntrySpec s) {
        node.fields().forEachRemaining(e -> {
            PriceKind kind = PriceKind.fromJson(e.getKey());
            String field = path + "." + e.getKey();
            if (kind == null) {
                problem(
                        id,
                        field,
                        "unknown price (known: input, cachedInput, cacheWrite5m, cacheWrite1h, output, "
                                + "batchInput, batchOutput, inputAudio, outputAudio)");
                return;
            }
            boolean topLevel = "prices".equals(path);
            if (e.getValue().isArray()) {
                if (!topLevel) {
                    problem(id, field, "a list of dated prices is only allowed under \"prices\"");
                    return;
                }
                List<Price> periods = schedule(e.getValue(), id, field, source, asOf);
                if (!periods.isEmpty()) {
                    s.schedule.put(kind, periods);
                    s.given.add(field);
                }
                return;
            }
            Price p = price(e.getValue(), id, field, source, asOf);
            if (p == null) {
                return;
            }
            if (p.dated() && topLevel) {
                s.schedule.put(kind, List.of(p));
            } else if (p.dated()) {
                problem(id, field, "validFrom / validUntil are only allowed under \"prices\"; the dates are ignored");
                out.put(kind, p.undated());
            } else {
                out.put(kind, p);
            }
            s.given.add(field);
        });
    }

    private void readTier(String key, JsonNode v, String id, String source, String asOf, EntrySpec s) {
        String field = "serviceTiers." + key;
        ServiceTier tier;
        try {
            tier = ServiceTier.parse(key);
        } catch (IllegalArgumentException e) {
            problem(id, field, e.getMessage());
            return;
        }
        if (tier == ServiceTier.STANDARD || tier == ServiceTier.BATCH) {
            problem(
                    id,
                    field,
                    "standard uses \"prices\"; batch uses batchInput / batchOutput or the provider's "
                            + "50 % rule (ignored)");
            return;
        }
        if (!v.isObject()) {
            problem(id, field, "must be an object {multiplier, prices, note}");
            return;
        }
        Price mult = v.has("multiplier") ? price(v.get("multiplier"), id, field + ".multiplier", source, asOf) : null;
        Map<PriceKind, Price> prices = new EnumMap<>(PriceKind.class);
        if (v.path("prices").isObject()) {
            readPrices(v.path("prices"), id, field + ".prices", source, asOf, prices, s);
        } else if (v.has("prices")) {
            problem(id, field + ".prices", "must be an object");
        }
        if (mult == null && prices.isEmpty()) {
            problem(id, field, "needs a multiplier or prices; the tier is ignored");
            return;
        }
        s.serviceTiers.put(
                tier, new TierPricing(tier, mult, prices, v.path("note").asText("")));
        s.given.add(field);
    }

    /** A list of dated prices for one kind: each needs a period, and the periods must not overlap. */
    private List<Price> schedule(JsonNode arr, String id, String field, String source, String asOf) {
        List<Price> periods = new ArrayList<>();
        int i = 0;
        for (JsonNode v : arr) {
            String f = field + "[" + i++ + "]";
            if (!v.isObject()) {
                problem(id, f, "expected a price object with \"value\" and \"validFrom\" / \"validUntil\"");
                continue;
            }
            Price p = price(v, id, f, source, asOf);
            if (p != null) {
                periods.add(p);
            }
        }
        periods.sort(Comparator.comparing(Price::validFrom, Comparator.nullsFirst(Comparator.naturalOrder())));
        for (int k = 1; k < periods.size(); k++) {
            Price before = periods.get(k - 1);
            Price after = periods.get(k);
            if (before.validUntil() == null
                    || after.validFrom() == null
                    || !before.validUntil().isBefore(after.validFrom())) {
                problem(
                        id,
                        field,
                        "dated prices overlap or leave the end open (" + period(before) + " and "
                                + period(after) + "): give each but the last a validUntil before the next validFrom; "
                                + "the list is ignored");
                return List.of();
            }
        }
        return periods;
    }

    private static String period(Price p) {
        return (p.validFrom() == null ? "…" : p.validFrom().toString()) + " to "
                + (p.validUntil() == null ? "…" : p.validUntil().toString());
    }

    private Price price(JsonNode v, String id, String field, String source, String asOf) {
        if (v.isObject()) {
            BigDecimal value = decimal(v.path("value"), id, field + ".value", kind(field));
            if (value == null) {
                return null;
            }
            PriceStatus status = PriceStatus.LISTED;
            String st = v.path("status").asText("");
            if (!st.isEmpty()) {
                try {
                    status = PriceStatus.valueOf(st.toUpperCase(Locale.ROOT));
                } catch (IllegalArgumentException ex) {
                    problem(id, field + ".status", "unknown status '" + st + "' (known: UNCONFIRMED, CONFLICT)");
                }
            }
            List<BigDecimal> alts = new ArrayList<>();
            if (v.path("alternatives").isArray()) {
                for (JsonNode a : v.path("alternatives")) {
                    BigDecimal d = decimal(a, id, field + ".alternatives", kind(field));
                    if (d != null) {
                        alts.add(d);
                    }
                }
            }
            if (status == PriceStatus.CONFLICT && alts.isEmpty()) {
                problem(id, field, "CONFLICT without \"alternatives\": give the other sources' values");
            }
            String src = v.has("source") ? v.get("source").asText() : source;
            String date = v.has("asOf") ? date(v.get("asOf"), id, field + ".asOf") : asOf;
            LocalDate from = validity(v, id, field, "validFrom");
            LocalDate until = validity(v, id, field, "validUntil");
            if (from != null && until != null && until.isBefore(from)) {
                problem(id, field, "validUntil " + until + " is before validFrom " + from + "; price dropped");
                return null;
            }
            return new Price(value, src, date, status, alts, v.path("note").asText(""), origin, from, until);
        }
        BigDecimal value = decimal(v, id, field, kind(field));
        return value == null ? null : Price.listed(value, source, asOf, "", origin);
    }

    /** Prices are USD per 1M tokens; the residency multiplier is a plain factor. */
    private static NumberKind kind(String field) {
        return field.startsWith("residencyMultiplier")
                        || field.endsWith(".multiplier")
                        || field.endsWith(".multiplier.value")
                ? NumberKind.MULTIPLIER
                : NumberKind.PRICE_PER_MILLION_TOKENS;
    }

    /** A price or factor, checked against its declared range before anything computes with it. */
    private BigDecimal decimal(JsonNode v, String id, String field, NumberKind kind) {
        if (!v.isNumber() && !v.isTextual()) {
            problem(id, field, v.isMissingNode() ? "missing value" : "expected a number, got " + v.getNodeType());
            return null;
        }
        try {
            BigDecimal d = NumberRules.decimal(field, v, true, kind);
            if (d.signum() < 0) {
                problem(id, field, "negative value " + NumberRules.show(d));
                return null;
            }
            return NumberRules.check(field, d, kind);
        } catch (NumberRefusedException e) {
            problem(id, field, e.reason());
            return null;
        }
    }

    private String text(JsonNode m, String id, String field) {
        JsonNode v = m.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isTextual()) {
            problem(id, field, "expected a string, got " + v.getNodeType());
            return null;
        }
        return v.asText();
    }

    private Long count(JsonNode m, String id, String field) {
        return count(m, id, field, field);
    }

    private Long count(JsonNode m, String id, String field, String key) {
        JsonNode v = m.get(key);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isNumber()) {
            problem(id, field, "expected a whole number ≥ 0, got " + v.getNodeType());
            return null;
        }
        try {
            return NumberRules.whole(field, v, NumberKind.TOKENS);
        } catch (NumberRefusedException e) {
            problem(id, field, e.reason());
            return null;
        }
    }

    private String date(JsonNode v, String id, String field) {
        String t = v.asText("");
        if (!DATE.matcher(t).matches()) {
            problem(id, field, "expected a date yyyy-MM-dd, got " + v);
            return null;
        }
        return t;
    }

    private LocalDate validity(JsonNode v, String id, String field, String key) {
        if (!v.has(key) || v.get(key).isNull()) {
            return null;
        }
        String d = date(v.get(key), id, field + "." + key);
        try {
            return d == null ? null : LocalDate.parse(d);
        } catch (DateTimeParseException e) {
            problem(id, field + "." + key, "not a calendar date: " + d);
            return null;
        }
    }

    private void problem(String id, String field, String message) {
        problems.add(new CatalogProblem(file, id, field, message));
    }
}
