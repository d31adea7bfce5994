// SPDX-License-Identifier: Apache-2.0
package dev.costbench.cli.command;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.costbench.cli.term.Args;
import dev.costbench.cli.term.Json;
import dev.costbench.cli.term.Table;
import dev.costbench.cli.term.UsageException;
import dev.costbench.model.catalog.ModelEntry;
import dev.costbench.model.cost.BillingOptions;
import dev.costbench.model.cost.Money;
import dev.costbench.model.tuning.CacheMode;
import dev.costbench.model.tuning.CachePlan;
import dev.costbench.model.tuning.CachePlanner;
import dev.costbench.model.tuning.CacheSettings;
import dev.costbench.model.tuning.CacheTtl;
import dev.costbench.model.tuning.CacheWarning;
import dev.costbench.model.tuning.PromptCachePlan;
import java.io.IOException;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** {@code costbench cache FILE}: the cache planner on a prompt with marked breakpoints, per model. */
public final class CacheCommand {

    public static final Args.Options CACHE = Args.Options.of(
            "cache",
            Set.of("marker", "models", "monthly", "hit-rate", "rate", "ttl", "output-tokens", "storage"),
            Set.of("json", "batch", "gemini-explicit"));

    private final Context ctx;
    private final PrintStream out;

    public CacheCommand(Context ctx) {
        this.ctx = ctx;
        this.out = ctx.out();
    }

    public int run(List<String> argv) throws IOException {
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
        BigDecimal storage =
                a.get("storage") == null ? null : BigDecimal.valueOf(positiveNumber("storage", a.get("storage")));
        settings = new CacheSettings(
                settings.monthlyRequests(),
                settings.hitRate(),
                ttl,
                a.nonNegative("output-tokens", 0),
                a.flag("batch") ? BillingOptions.BATCH : BillingOptions.INTERACTIVE,
                a.flag("gemini-explicit"),
                storage);
        List<ModelEntry> selected = ctx.models(a.get("models"));
        List<PromptCachePlan> plans = new ArrayList<>();
        for (ModelEntry m : selected) {
            plans.add(CachePlanner.plan(m, marked.prompt(), marked.breakpoints(), settings));
        }
        List<CacheWarning> warnings = CachePlanner.variableContent(marked.prompt(), marked.breakpoints());
        if (a.flag("json")) {
            ObjectNode root = Json.object();
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
                o.put(
                        "writePremium",
                        p.writePremium() == null ? null : p.writePremium().toPlainString());
                o.put(
                        "readDiscount",
                        p.readDiscount() == null ? null : p.readDiscount().toPlainString());
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
            out.println(Json.pretty(root));
            return 0;
        }
        out.println(String.format(
                Locale.ROOT,
                "%,d requests a month, hit rate %.0f %%, TTL %s; %d breakpoint(s)",
                settings.monthlyRequests(),
                settings.hitRate() * 100,
                ttl.label(),
                marked.breakpoints().size()));
        List<String[]> cells = new ArrayList<>();
        cells.add(new String[] {"MODEL", "PREFIX", "MIN", "WRITE", "READ", "$/MONTH", "CACHED", "SAVES", "BREAK-EVEN"});
        for (PromptCachePlan pp : plans) {
            CachePlan p = pp.plan();
            boolean priced = p.monthlyWith() != null;
            boolean none = p.mode() == CacheMode.NONE;
            cells.add(new String[] {
                p.model().id(),
                Long.toString(p.prefixTokens()),
                p.minCacheTokens() == null ? "-" : Long.toString(p.minCacheTokens()),
                p.writePremium() == null || none
                        ? "-"
                        : "×"
                                + p.writePremium()
                                        .setScale(2, RoundingMode.HALF_UP)
                                        .stripTrailingZeros()
                                        .toPlainString(),
                p.readDiscount() == null || none
                        ? "-"
                        : "−"
                                + p.readDiscount()
                                        .movePointRight(2)
                                        .setScale(0, RoundingMode.HALF_UP)
                                        .toPlainString() + " %",
                priced ? Money.format(p.monthlyWithout()) : "unpriced",
                priced ? Money.format(p.monthlyWith()) : "",
                priced ? Money.format(p.monthlySaving()) : "",
                p.breakEven()
            });
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

    private String read(String file) throws IOException {
        return ctx.input().text(file);
    }
}
