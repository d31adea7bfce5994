// SPDX-License-Identifier: Apache-2.0
package dev.costbench.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.costbench.model.catalog.Catalog;
import dev.costbench.model.catalog.ModelEntry;
import dev.costbench.model.cost.BillingOptions;
import dev.costbench.model.cost.Money;
import dev.costbench.model.prompt.ModelTokenCounter;
import dev.costbench.model.prompt.TextStats;
import dev.costbench.model.tokens.Encoding;
import dev.costbench.model.tokens.Tokenizers;
import dev.costbench.model.tuning.CachePlan;
import dev.costbench.model.tuning.CachePlanner;
import dev.costbench.model.tuning.CacheSettings;
import dev.costbench.model.tuning.CacheTtl;
import dev.costbench.model.tuning.CacheWarning;
import dev.costbench.model.tuning.PromptCachePlan;
import dev.costbench.model.tuning.PromptDiff;
import dev.costbench.model.tuning.PromptTuner;
import dev.costbench.model.tuning.Suggestion;
import dev.costbench.model.tuning.TextEdit;
import dev.costbench.model.tuning.TuneOptions;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * {@code costbench diff} (a prompt cost gate for CI: exit 1 when any model's cost grows beyond the limit) and
 * {@code costbench tune} (the prompt-tuning suggestions with their savings) and {@code costbench cache} (the cache
 * planner on a prompt with marked breakpoints).
 */
final class TuneCommand {

    static final Args.Options DIFF = Args.Options.of("diff", Set.of("models", "max-increase", "monthly"),
            Set.of("json", "batch"));
    static final Args.Options TUNE = Args.Options.of("tune",
            Set.of("model", "monthly", "expected-output", "current-output"),
            Set.of("json", "drop-json-descriptions"));
    static final Args.Options CACHE = Args.Options.of("cache",
            Set.of("marker", "models", "monthly", "hit-rate", "rate", "ttl", "output-tokens", "storage"),
            Set.of("json", "batch", "gemini-explicit"));

    static final String DEFAULT_TUNE_MODEL = "gpt-5-mini";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final InputStream in;
    private final PrintStream out;
    private final Supplier<Catalog> catalog;
    private final Function<String, List<ModelEntry>> models;

    TuneCommand(InputStream in, PrintStream out, Supplier<Catalog> catalog,
                Function<String, List<ModelEntry>> models) {
        this.in = in;
        this.out = out;
        this.catalog = catalog;
        this.models = models;
    }

    // ---- diff ---------------------------------------------------------------------------------------------------

    int diff(List<String> argv) throws IOException {
        Args a = Args.parse(argv, DIFF);
        if (a.positional.size() != 2) {
            throw new UsageException("diff needs two files: costbench diff baseline.txt optimized.txt");
        }
        BigDecimal limit = percent(a.get("max-increase"));
        long monthly = a.nonNegative("monthly", 0);
        String before = read(a.positional.get(0));
        String after = read(a.positional.get(1));
        List<ModelEntry> selected = models.apply(a.get("models"));
        List<PromptDiff.Row> rows = PromptDiff.compare(selected, before, after, monthly,
                a.flag("batch") ? BillingOptions.BATCH : BillingOptions.INTERACTIVE);
        List<String> failed = new ArrayList<>();
        for (PromptDiff.Row r : rows) {
            if (r.exceeds(limit)) {
                failed.add(r.model().id());
            }
        }
        if (a.flag("json")) {
            ObjectNode root = JSON.createObjectNode();
            root.put("baseline", a.positional.get(0));
            root.put("optimized", a.positional.get(1));
            root.put("maxIncreasePercent", limit);
            root.put("monthlyRequests", monthly);
            root.put("pass", failed.isEmpty());
            ArrayNode arr = root.putArray("models");
            for (PromptDiff.Row r : rows) {
                ObjectNode o = arr.addObject();
                o.put("model", r.model().id());
                o.put("baselineTokens", r.baselineTokens().tokens());
                o.put("optimizedTokens", r.optimizedTokens().tokens());
                o.put("deltaTokens", r.deltaTokens());
                o.put("tokensExact", r.baselineTokens().exact());
                o.put("baselineUsd", Money.exact(r.baselineUsd()));
                o.put("optimizedUsd", Money.exact(r.optimizedUsd()));
                o.put("deltaUsd", Money.exact(r.deltaUsd()));
                o.put("increasePercent", r.increasePct() == null ? null
                        : r.increasePct().setScale(4, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString());
                if (monthly > 0) {
                    o.put("monthlyDeltaUsd", Money.exact(r.monthlyDelta()));
                }
                o.put("priced", r.priced());
                o.put("exceeds", r.exceeds(limit));
            }
            ArrayNode f = root.putArray("failed");
            failed.forEach(f::add);
            out.println(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root));
        } else {
            printDiff(rows, limit, monthly, failed);
        }
        return failed.isEmpty() ? 0 : 1;
    }

    private void printDiff(List<PromptDiff.Row> rows, BigDecimal limit, long monthly, List<String> failed) {
        List<String[]> cells = new ArrayList<>();
        cells.add(monthly > 0
                ? new String[] {"MODEL", "TOKENS", "→", "Δ TOKENS", "$/REQ", "→", "Δ %", "Δ $/MONTH", ""}
                : new String[] {"MODEL", "TOKENS", "→", "Δ TOKENS", "$/REQ", "→", "Δ %", ""});
        for (PromptDiff.Row r : rows) {
            List<String> c = new ArrayList<>(List.of(r.model().id(), r.baselineTokens().display(),
                    r.optimizedTokens().display(), signed(r.deltaTokens()),
                    r.priced() ? Money.format(r.baselineUsd()) : "unpriced",
                    r.priced() ? Money.format(r.optimizedUsd()) : "unpriced", pct(r)));
            if (monthly > 0) {
                c.add(r.priced() ? (r.monthlyDelta().signum() > 0 ? "+" : "") + Money.format(r.monthlyDelta()) : "");
            }
            c.add(r.exceeds(limit) ? "FAIL" : "");
            cells.add(c.toArray(new String[0]));
        }
        out.print(Table.render(cells, 1));
        String lim = limit.stripTrailingZeros().toPlainString() + " %";
        if (failed.isEmpty()) {
            out.println("OK: no model's input cost grows by more than " + lim + ".");
        } else {
            out.println("FAIL: input cost grows by more than " + lim + " on " + String.join(", ", failed) + ".");
        }
    }

    private static String pct(PromptDiff.Row r) {
        if (!r.priced()) {
            return "";
        }
        if (r.increasePct() == null) {
            return "+∞";
        }
        BigDecimal p = r.increasePct().setScale(1, RoundingMode.HALF_UP);
        return (p.signum() > 0 ? "+" : "") + p.toPlainString() + " %";
    }

    private static String signed(long n) {
        return n > 0 ? "+" + n : Long.toString(n);
    }

    /** "5%", "5" or "2.5 %" → 5, 5, 2.5 (percent). */
    static BigDecimal percent(String v) {
        if (v == null) {
            return BigDecimal.ZERO;
        }
        String s = v.trim();
        if (s.endsWith("%")) {
            s = s.substring(0, s.length() - 1).trim();
        }
        BigDecimal p;
        try {
            p = new BigDecimal(s);
        } catch (NumberFormatException e) {
            throw new UsageException("--max-increase must be a percentage like 5%, got '" + v + "'");
        }
        if (p.signum() < 0) {
            throw new UsageException("--max-increase must not be negative, got '" + v + "'");
        }
        return p;
    }

    // ---- tune ---------------------------------------------------------------------------------------------------

    int tune(List<String> argv) throws IOException {
        Args a = Args.parse(argv, TUNE);
        if (a.positional.size() != 1) {
            throw new UsageException("tune needs one file: costbench tune prompt.txt [--model M]");
        }
        String text = read(a.positional.get(0));
        Catalog c = catalog.get();
        String id = a.get("model");
        ModelEntry model;
        if (id == null) {
            model = c.find(DEFAULT_TUNE_MODEL).orElseGet(() -> c.models().get(0));
        } else {
            model = c.find(id.trim()).orElseThrow(() -> new UsageException("unknown model '" + id
                    + "' (costbench catalog list shows the ids)"));
        }
        long monthly = a.nonNegative("monthly", 100_000);
        Long expected = a.get("expected-output") == null ? null : a.nonNegative("expected-output", 0);
        Long current = a.get("current-output") == null ? null : a.nonNegative("current-output", 0);
        TuneOptions opts = TuneOptions.of(model, monthly).withDropJsonDescriptions(a.flag("drop-json-descriptions"))
                .withOutput(expected, current);
        List<Suggestion> list = PromptTuner.suggest(text, opts);
        PromptTuner.Applied all = PromptTuner.applyAll(text, list);
        var before = ModelTokenCounter.count(model, List.of(TextStats.of(text)));
        var after = ModelTokenCounter.count(model, List.of(TextStats.of(all.text())));
        if (a.flag("json")) {
            ObjectNode root = JSON.createObjectNode();
            root.put("model", model.id());
            root.put("monthlyRequests", monthly);
            root.put("tokens", before.tokens());
            root.put("tokensExact", before.exact());
            root.put("tokensAfterAll", after.tokens());
            ArrayNode arr = root.putArray("suggestions");
            for (Suggestion s : list) {
                ObjectNode o = arr.addObject();
                o.put("id", s.id());
                o.put("kind", s.kind().name());
                o.put("title", s.title());
                o.put("detail", s.detail());
                ObjectNode saved = o.putObject("tokensSaved");
                for (Encoding e : PromptTuner.ENCODINGS) {
                    saved.put(e.id(), s.tokensSaved(e));
                }
                o.put("modelTokensSaved", s.modelTokensSaved());
                o.put("usdPerRequest", Money.exact(s.usdPerRequest()));
                o.put("usdPerMonth", Money.exact(s.usdPerMonth()));
                if (s.maxTokens() != null) {
                    o.put("maxTokens", s.maxTokens());
                }
                ArrayNode edits = o.putArray("edits");
                for (TextEdit e : s.edits()) {
                    ObjectNode eo = edits.addObject();
                    eo.put("start", e.start());
                    eo.put("end", e.end());
                    eo.put("original", e.original());
                    eo.put("replacement", e.replacement());
                }
            }
            out.println(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root));
            return 0;
        }
        out.println("Model " + model.id() + ", " + String.format(Locale.ROOT, "%,d", monthly)
                + " requests a month; prompt: " + before.display() + " tokens (" + before.method() + ")");
        if (list.isEmpty()) {
            out.println("No suggestions: no waste found.");
            return 0;
        }
        List<String[]> cells = new ArrayList<>();
        cells.add(new String[] {"#", "KIND", "o200k", "cl100k", "MODEL", "$/MONTH", "SUGGESTION"});
        int i = 1;
        for (Suggestion s : list) {
            boolean cap = s.maxTokens() != null;
            cells.add(new String[] {Integer.toString(i++), s.kind().label(),
                cap ? "" : Integer.toString(s.tokensSaved(Encoding.O200K_BASE)),
                cap ? "" : Integer.toString(s.tokensSaved(Encoding.CL100K_BASE)),
                (s.modelTokensExact() ? "" : "≈") + s.modelTokensSaved() + (cap ? " out" : ""),
                s.usdPerMonth() == null ? "unpriced" : Money.format(s.usdPerMonth()), s.title()});
        }
        out.print(Table.render(cells, 2));
        out.println("All text suggestions together: " + before.display() + " → " + after.display() + " tokens"
                + (all.skipped().isEmpty() ? "" : " (" + all.skipped().size() + " overlapping left out)")
                + ". Savings are measured by counting the prompt before and after each one.");
        return 0;
    }

    // ---- cache --------------------------------------------------------------------------------------------------

    int cache(List<String> argv) throws IOException {
        Args a = Args.parse(argv, CACHE);
        if (a.positional.size() != 1) {
            throw new UsageException("cache needs one file: costbench cache prompt.txt [--marker <<CACHE>>]");
        }
        String marker = a.get("marker") == null ? "<<CACHE>>" : a.get("marker");
        if (marker.isEmpty()) {
            throw new UsageException("--marker must not be empty");
        }
        CachePlanner.Marked marked = CachePlanner.splitAtMarkers(read(a.positional.get(0)), marker);
        if (marked.breakpoints().isEmpty()) {
            throw new UsageException("no cache breakpoint: mark the end of the static prefix with " + marker);
        }
        CacheTtl ttl;
        String t = a.get("ttl") == null ? "5m" : a.get("ttl").trim().toLowerCase(Locale.ROOT);
        switch (t) {
            case "5m":
                ttl = CacheTtl.FIVE_MINUTES;
                break;
            case "1h":
                ttl = CacheTtl.ONE_HOUR;
                break;
            default:
                throw new UsageException("--ttl must be 5m or 1h, got '" + a.get("ttl") + "'");
        }
        if (a.get("rate") != null && (a.get("hit-rate") != null || a.get("monthly") != null)) {
            throw new UsageException("--rate gives both the volume and the hit rate: not with --monthly or --hit-rate");
        }
        CacheSettings settings;
        if (a.get("rate") != null) {
            settings = CacheSettings.atRate(positiveNumber("rate", a.get("rate")), ttl);
        } else {
            double hit = a.get("hit-rate") == null ? 0.9 : positiveNumber("hit-rate", a.get("hit-rate"));
            if (hit > 1) {
                throw new UsageException("--hit-rate must be within 0..1, got " + a.get("hit-rate"));
            }
            settings = new CacheSettings(a.nonNegative("monthly", 100_000), hit, ttl, 0, null, false, null);
        }
        BigDecimal storage = a.get("storage") == null ? null
                : BigDecimal.valueOf(positiveNumber("storage", a.get("storage")));
        settings = new CacheSettings(settings.monthlyRequests(), settings.hitRate(), ttl,
                a.nonNegative("output-tokens", 0), a.flag("batch") ? BillingOptions.BATCH : BillingOptions.INTERACTIVE,
                a.flag("gemini-explicit"), storage);
        List<ModelEntry> selected = models.apply(a.get("models"));
        List<PromptCachePlan> plans = new ArrayList<>();
        for (ModelEntry m : selected) {
            plans.add(CachePlanner.plan(m, marked.prompt(), marked.breakpoints(), settings));
        }
        List<CacheWarning> warnings = CachePlanner.variableContent(marked.prompt(), marked.breakpoints());
        if (a.flag("json")) {
            ObjectNode root = JSON.createObjectNode();
            root.put("monthlyRequests", settings.monthlyRequests());
            root.put("hitRate", settings.hitRate());
            root.put("ttl", t);
            ArrayNode w = root.putArray("warnings");
            for (CacheWarning cw : warnings) {
                ObjectNode o = w.addObject();
                o.put("start", cw.range().start());
                o.put("end", cw.range().end());
                o.put("kind", cw.kind());
                o.put("breakpoint", cw.breakpoint());
                o.put("message", cw.message());
            }
            ArrayNode arr = root.putArray("models");
            for (PromptCachePlan pp : plans) {
                CachePlan p = pp.plan();
                ObjectNode o = arr.addObject();
                o.put("model", p.model().id());
                o.put("mode", p.mode().name());
                o.put("prefixTokens", p.prefixTokens());
                o.put("suffixTokens", p.suffixTokens());
                if (p.minCacheTokens() != null) {
                    o.put("minCacheTokens", p.minCacheTokens());
                }
                o.put("cacheable", p.cacheable());
                o.put("writePremium", p.writePremium() == null ? null : p.writePremium().toPlainString());
                o.put("readDiscount", p.readDiscount() == null ? null : p.readDiscount().toPlainString());
                if (p.breakEvenCalls() != null) {
                    o.put("breakEvenCalls", p.breakEvenCalls());
                }
                o.put("breakEven", p.breakEven());
                o.put("monthlyWithoutUsd", Money.exact(p.monthlyWithout()));
                o.put("monthlyWithUsd", Money.exact(p.monthlyWith()));
                o.put("monthlySavingUsd", Money.exact(p.monthlySaving()));
                ArrayNode notes = o.putArray("notes");
                p.notes().forEach(notes::add);
            }
            out.println(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root));
            return 0;
        }
        out.println(String.format(Locale.ROOT, "%,d requests a month, hit rate %.0f %%, TTL %s; %d breakpoint(s)",
                settings.monthlyRequests(), settings.hitRate() * 100, ttl.label(), marked.breakpoints().size()));
        List<String[]> cells = new ArrayList<>();
        cells.add(new String[] {"MODEL", "PREFIX", "MIN", "WRITE", "READ", "$/MONTH", "CACHED", "SAVES", "BREAK-EVEN"});
        for (PromptCachePlan pp : plans) {
            CachePlan p = pp.plan();
            boolean priced = p.monthlyWith() != null;
            boolean none = p.mode() == dev.costbench.model.tuning.CacheMode.NONE;
            cells.add(new String[] {p.model().id(), Long.toString(p.prefixTokens()),
                p.minCacheTokens() == null ? "-" : Long.toString(p.minCacheTokens()),
                p.writePremium() == null || none ? "-" : "×" + p.writePremium().setScale(2, RoundingMode.HALF_UP)
                        .stripTrailingZeros().toPlainString(),
                p.readDiscount() == null || none ? "-" : "−" + p.readDiscount().movePointRight(2)
                        .setScale(0, RoundingMode.HALF_UP).toPlainString() + " %",
                priced ? Money.format(p.monthlyWithout()) : "unpriced",
                priced ? Money.format(p.monthlyWith()) : "", priced ? Money.format(p.monthlySaving()) : "",
                p.breakEven()});
        }
        out.print(Table.render(cells, 1));
        for (CacheWarning cw : warnings) {
            out.println("warning: " + cw.message());
        }
        return 0;
    }

    private static double positiveNumber(String name, String v) {
        double d;
        try {
            d = Double.parseDouble(v.trim().replaceAll("/min$", ""));
        } catch (NumberFormatException e) {
            throw new UsageException("--" + name + " must be a number, got '" + v + "'");
        }
        if (!(d >= 0) || Double.isInfinite(d)) {
            throw new UsageException("--" + name + " must not be negative, got '" + v + "'");
        }
        return d;
    }

    // ---- helpers ------------------------------------------------------------------------------------------------

    private String read(String file) throws IOException {
        return new Input(in).text(file);
    }

    /** Plain aligned columns; columns from {@code firstRight} up to the last two are right-aligned. */
    static final class Table {
        private Table() {
        }

        static String render(List<String[]> rows, int firstRight) {
            int cols = rows.get(0).length;
            int[] w = new int[cols];
            for (String[] r : rows) {
                for (int i = 0; i < cols; i++) {
                    w[i] = Math.max(w[i], r[i].codePointCount(0, r[i].length()));
                }
            }
            StringBuilder b = new StringBuilder();
            for (String[] r : rows) {
                StringBuilder line = new StringBuilder();
                for (int i = 0; i < cols; i++) {
                    String pad = " ".repeat(w[i] - r[i].codePointCount(0, r[i].length()));
                    boolean right = i >= firstRight && i < cols - 1;
                    line.append(right ? pad + r[i] : r[i] + pad);
                    if (i < cols - 1) {
                        line.append("  ");
                    }
                }
                b.append(line.toString().stripTrailing()).append('\n');
            }
            return b.toString();
        }
    }
}
