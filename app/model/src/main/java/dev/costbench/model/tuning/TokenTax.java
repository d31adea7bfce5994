// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.tuning;

import dev.costbench.model.catalog.ModelEntry;
import dev.costbench.model.catalog.PriceStatus;
import dev.costbench.model.cost.BillingOptions;
import dev.costbench.model.cost.CostBreakdown;
import dev.costbench.model.cost.CostEngine;
import dev.costbench.model.cost.RequestShape;
import dev.costbench.model.prompt.TextStats;
import dev.costbench.model.prompt.TokenCount;
import dev.costbench.model.tokens.OpenTokenizers;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The "token tax": the same prompt counted under every tokenizer the catalog's models use (o200k_base and
 * cl100k_base exactly, each open model's own tokenizer exactly where it is shipped or loaded — Qwen3, DeepSeek-V3,
 * Llama 3, Gemma 3 —, Claude and Gemini by the labelled estimates of {@code ModelTokenCounter}, open models without
 * their tokenizer by the o200k_base estimate), as a whole and
 * by {@linkplain ContentSegmenter content kind}, with chars per token, the extra tokens against the cheapest
 * exact tokenizer and each priced model's input cost for the text. Counts are of the text alone (no chat-format
 * framing); each kind sums the spans of that kind, each span counted on its own, so the kinds can add up to a few
 * tokens more or less than the whole.
 *
 * @param families the tokenizer families, in a fixed order (o200k, cl100k, Claude, Claude 2026, Gemini, the open
 *                 tokenizers in {@link OpenTokenizers#KNOWN} order, the open models estimated)
 * @param rows     the whole prompt first, then one row per content kind present
 * @param costs    every model's input cost for the whole text, cheapest first within each family
 */
public record TokenTax(List<Family> families, List<Row> rows, List<ModelCost> costs) {

    /** Tokenizer ids in display order; o200k_harmony counts as o200k_base (same ranks). */
    private static final List<String> ORDER = order();

    private static List<String> order() {
        List<String> o = new ArrayList<>(List.of("o200k_base", "cl100k_base", "claude", "claude-2026", "gemini"));
        OpenTokenizers.KNOWN.forEach(i -> o.add(i.name()));
        o.add("open");
        return List.copyOf(o);
    }

    /**
     * One tokenizer and the models that use it.
     *
     * @param tokenizer   the catalog's tokenizer id
     * @param label       a short name for tables
     * @param exact       true for an exact local tokenizer
     * @param unconfirmed true when the estimate rests on a ratio no provider has confirmed
     * @param method      how the counts are obtained, as shown wherever they appear
     * @param models      the catalog models counted with it
     */
    public record Family(
            String tokenizer,
            String label,
            boolean exact,
            boolean unconfirmed,
            String method,
            List<ModelEntry> models) {
        public Family {
            models = List.copyOf(models);
        }
    }

    /**
     * One tokenizer's count of a row's text.
     *
     * @param tokens     the count (an estimate unless the family is exact)
     * @param taxPercent how many percent more tokens than the row's cheapest exact tokenizer (0 for it; an estimate
     *                   below it is negative)
     */
    public record Cell(long tokens, double charsPerToken, double taxPercent) {}

    /**
     * The whole prompt (kind null) or one content kind.
     *
     * @param chars    Unicode code points of the row's text
     * @param cells    one per family, in {@link #families()} order
     * @param cheapest index of the exact family with the fewest tokens (the base of the tax), or of the cheapest
     *                 estimate when no family is exact
     */
    public record Row(ContentKind kind, long chars, List<Cell> cells, int cheapest) {
        public Row {
            cells = List.copyOf(cells);
        }

        public String label() {
            return kind == null ? "Whole prompt" : kind.label();
        }
    }

    /**
     * A model's input cost for the whole text (one request, no framing, no cache).
     *
     * @param usd         null when the model has no input price
     * @param unconfirmed the price used is UNCONFIRMED or a CONFLICT between sources
     */
    public record ModelCost(ModelEntry model, Family family, long tokens, BigDecimal usd, boolean unconfirmed) {}

    public TokenTax {
        families = List.copyOf(families);
        rows = List.copyOf(rows);
        costs = List.copyOf(costs);
    }

    /**
     * Counts {@code messages} (each one tokenized on its own, as a request sends them) under the tokenizers of
     * {@code models}.
     */
    public static TokenTax of(List<String> messages, List<ModelEntry> models, BillingOptions billing) {
        Map<String, List<ModelEntry>> byTokenizer = new LinkedHashMap<>();
        for (String t : ORDER) {
            byTokenizer.put(t, new ArrayList<>());
        }
        for (ModelEntry m : models) {
            // An open model whose own tokenizer is shipped or loaded is counted exactly with it, a family of its own;
            // the others stay together, counted by the o200k_base estimate.
            Optional<OpenTokenizers.Info> open = OpenTokenizers.info(m.tokenizer());
            String t = "o200k_harmony".equals(m.tokenizer())
                    ? "o200k_base"
                    : open.isEmpty()
                            ? m.tokenizer()
                            : OpenTokenizers.available(open.get().name())
                                    ? open.get().name()
                                    : "open";
            byTokenizer.computeIfAbsent(t, k -> new ArrayList<>()).add(m);
        }
        List<Family> families = new ArrayList<>();
        for (Map.Entry<String, List<ModelEntry>> e : byTokenizer.entrySet()) {
            if (!e.getValue().isEmpty()) {
                families.add(family(e.getKey(), e.getValue()));
            }
        }

        TextStats whole = TextStats.EMPTY;
        Map<ContentKind, TextStats> byKind = new EnumMap<>(ContentKind.class);
        for (String text : messages) {
            if (text == null || text.isEmpty()) {
                continue;
            }
            whole = whole.plus(TextStats.of(text));
            for (ContentSpan s : ContentSegmenter.segment(text)) {
                byKind.merge(s.kind(), TextStats.of(s.of(text)), TextStats::plus);
            }
        }
        List<Row> rows = new ArrayList<>();
        rows.add(row(null, whole, families));
        for (Map.Entry<ContentKind, TextStats> e : byKind.entrySet()) {
            rows.add(row(e.getKey(), e.getValue(), families));
        }

        List<ModelCost> costs = new ArrayList<>();
        for (int f = 0; f < families.size(); f++) {
            Family fam = families.get(f);
            long tokens = rows.get(0).cells().get(f).tokens();
            List<ModelCost> fc = new ArrayList<>();
            for (ModelEntry m : fam.models()) {
                CostBreakdown b = CostEngine.estimate(m, new RequestShape(tokens, 0, 0, 0, 0, 0), billing);
                boolean unc =
                        b.flags().contains(PriceStatus.UNCONFIRMED) || b.flags().contains(PriceStatus.CONFLICT);
                fc.add(new ModelCost(m, fam, tokens, b.unpriced() ? null : b.total(), unc));
            }
            fc.sort(Comparator.comparing(ModelCost::usd, Comparator.nullsLast(Comparator.naturalOrder())));
            costs.addAll(fc);
        }
        return new TokenTax(families, rows, costs);
    }

    /** The whole-prompt row. */
    public Row whole() {
        return rows.get(0);
    }

    /** The row of {@code kind}, or null when the prompt has none of it. */
    public Row row(ContentKind kind) {
        return rows.stream().filter(r -> r.kind() == kind).findFirst().orElse(null);
    }

    /** The index of the family with tokenizer id {@code tokenizer}, or -1. */
    public int familyIndex(String tokenizer) {
        for (int i = 0; i < families.size(); i++) {
            if (families.get(i).tokenizer().equals(tokenizer)) {
                return i;
            }
        }
        return -1;
    }

    /** The priced models' costs of {@code family}, cheapest first (empty when none is priced). */
    public List<ModelCost> priced(Family family) {
        return costs.stream()
                .filter(c -> c.family() == family && c.usd() != null)
                .toList();
    }

    private static Row row(ContentKind kind, TextStats stats, List<Family> families) {
        List<Long> counts = new ArrayList<>();
        for (Family f : families) {
            // The open family counts from the totals alone (its models' own tokenizers are not asked here).
            TextStats given = f.tokenizer().equals("open")
                    ? new TextStats(stats.o200k(), stats.cl100k(), stats.codePoints())
                    : stats;
            counts.add(ModelTokens.of(f.models().get(0), given).tokens());
        }
        // The base is the cheapest exact tokenizer: a rule-of-thumb estimate must not make every exact count look
        // taxed. Without an exact family, the cheapest estimate is the base.
        boolean anyExact = families.stream().anyMatch(Family::exact);
        long min = Long.MAX_VALUE;
        int cheapest = 0;
        for (int i = 0; i < counts.size(); i++) {
            if ((families.get(i).exact() || !anyExact) && counts.get(i) < min) {
                min = counts.get(i);
                cheapest = i;
            }
        }
        List<Cell> cells = new ArrayList<>();
        for (long c : counts) {
            double cpt = c == 0 ? 0 : (double) stats.codePoints() / c;
            double tax = min <= 0 ? 0 : 100.0 * (c - min) / min;
            cells.add(new Cell(c, cpt, tax));
        }
        return new Row(kind, stats.codePoints(), cells, cheapest);
    }

    private static Family family(String tokenizer, List<ModelEntry> models) {
        TokenCount probe = ModelTokens.of(models.get(0), new TextStats(1, 1, 1));
        String method = probe.method();
        switch (tokenizer) {
            case "o200k_base":
                return new Family(
                        tokenizer,
                        "o200k_base (GPT-4o, 4.1, 5, o-series, gpt-oss)",
                        true,
                        false,
                        "exact: o200k_base",
                        models);
            case "cl100k_base":
                return new Family(tokenizer, "cl100k_base (GPT-4, GPT-3.5)", true, false, "exact: cl100k_base", models);
            case "claude":
                return new Family(
                        tokenizer,
                        "Claude ≈ (to 4.6)",
                        false,
                        true,
                        method + "; ratio to Claude's own count UNCONFIRMED",
                        models);
            case "claude-2026":
                return new Family(
                        tokenizer,
                        "Claude 2026 tokenizer ≈",
                        false,
                        true,
                        method + "; the ×1.35 ratio is UNCONFIRMED",
                        models);
            case "gemini":
                return new Family(tokenizer, "Gemini ≈", false, false, method, models);
            case "open":
                return new Family(
                        tokenizer,
                        "Open-weight models ≈",
                        false,
                        false,
                        "estimate: o200k_base count (these models' own tokenizers are neither built in nor loaded; "
                                + "Catalog ▸ Load tokenizer.json… adds Llama 3's and Gemma 3's)",
                        models);
            default:
                Optional<OpenTokenizers.Info> open = OpenTokenizers.info(tokenizer);
                if (open.isPresent()) { // a family of its own only when shipped or loaded
                    String name = open.get().displayName();
                    return new Family(tokenizer, name, true, false, "exact: " + name, models);
                }
                return new Family(
                        tokenizer,
                        tokenizer + (probe.exact() ? "" : " ≈"),
                        probe.exact(),
                        !probe.exact(),
                        method,
                        models);
        }
    }
}
