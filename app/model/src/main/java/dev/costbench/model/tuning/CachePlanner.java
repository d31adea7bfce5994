// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.tuning;

import dev.costbench.model.catalog.BillingRules;
import dev.costbench.model.catalog.ModelEntry;
import dev.costbench.model.catalog.Price;
import dev.costbench.model.catalog.PriceKind;
import dev.costbench.model.catalog.PriceStatus;
import dev.costbench.model.cost.CostEngine;
import dev.costbench.model.cost.UnitPrices;
import dev.costbench.model.prompt.TokenCount;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Plans prompt caching per model ({@code provider-rules.md}: OpenAI automatic from 1,024 tokens, no write fee
 * before GPT-5.6 and 1.25× after; Anthropic explicit {@code cache_control}, 1.25× / 2× writes and 0.1× reads, a
 * minimum length per model; Gemini implicit, or explicit with storage per hour).
 *
 * <p>Break-even within one TTL, for n calls sharing a prefix of T tokens at input price P and read price R:
 * without a cache n·P·T; with a write at W, (W + (n−1)·R)·T; with Gemini's explicit cache, created at P and stored at
 * S per hour for the TTL, (P + S·h + n·R)·T. Caching is cheaper from the smallest n above A / (P − R) with
 * A = W − R, or P + S·h; never when R ≥ P.
 *
 * <p>Monthly, at N requests and hit rate h: a hit reads the prefix at R, a miss writes it at W (P for implicit
 * caching); Gemini's explicit cache is read on every request and stored all month (730 hours) plus one creation.
 */
public final class CachePlanner {

    /** Hours in an average month. */
    public static final int HOURS_PER_MONTH = 730;
    /** Anthropic accepts at most this many cache_control breakpoints per request. */
    public static final int MAX_ANTHROPIC_BREAKPOINTS = 4;

    private static final MathContext MC = MathContext.DECIMAL64;

    private CachePlanner() {}

    /** The caching mode the model's provider uses. */
    public static CacheMode mode(ModelEntry model, boolean geminiExplicit) {
        boolean hasRead = model.price(PriceKind.CACHED_INPUT).isPresent();
        switch (model.rules()) {
            case OPENAI:
                return hasRead ? CacheMode.AUTOMATIC : CacheMode.NONE;
            case ANTHROPIC:
                return hasRead ? CacheMode.EXPLICIT : CacheMode.NONE;
            case GEMINI:
                return !hasRead ? CacheMode.NONE : geminiExplicit ? CacheMode.EXPLICIT_STORED : CacheMode.IMPLICIT;
            default:
                return hasRead ? CacheMode.AUTOMATIC : CacheMode.NONE;
        }
    }

    /**
     * The hit rate a prefix gets when requests arrive at random (Poisson) at {@code requestsPerMinute}: the chance
     * the next request comes within the TTL, which every hit renews.
     */
    public static double hitRate(double requestsPerMinute, CacheTtl ttl) {
        if (requestsPerMinute <= 0) {
            return 0;
        }
        return 1 - Math.exp(-requestsPerMinute * ttl.minutes());
    }

    /** The plan for a prefix of {@code prefixTokens} followed by {@code suffixTokens} that change per request. */
    public static CachePlan plan(ModelEntry model, long prefixTokens, long suffixTokens, CacheSettings s) {
        if (prefixTokens < 0 || suffixTokens < 0) {
            throw new IllegalArgumentException("token counts must not be negative");
        }
        List<String> notes = new ArrayList<>();
        CacheMode mode = mode(model, s.geminiExplicit());
        UnitPrices up = CostEngine.unitPrices(model, prefixTokens + suffixTokens, s.billing());
        BigDecimal p = val(up.input());
        BigDecimal r = val(up.cacheRead());
        BigDecimal w = mode == CacheMode.IMPLICIT || mode == CacheMode.EXPLICIT_STORED
                ? p
                : model.rules() == BillingRules.OPENAI || s.ttl() == CacheTtl.FIVE_MINUTES
                        ? val(up.cacheWrite5m())
                        : val(up.cacheWrite1h());
        BigDecimal o = val(up.output());
        Long min = model.minCacheTokens();
        boolean cacheable = mode != CacheMode.NONE && prefixTokens > 0 && (min == null || prefixTokens >= min);
        if (mode == CacheMode.NONE) {
            notes.add("No cache-read price is listed for " + model.name() + ": nothing is cached.");
        } else if (min == null) {
            notes.add("No minimum cacheable length is listed for " + model.name() + ".");
        } else if (!cacheable) {
            notes.add(String.format(
                    Locale.ROOT,
                    "The prefix (%,d tokens) is below %s's minimum cacheable length of %,d tokens: nothing is cached"
                            + " (and no error is returned).",
                    prefixTokens,
                    model.name(),
                    min));
        }
        if (mode == CacheMode.AUTOMATIC && model.rules() == BillingRules.OPENAI) {
            notes.add("OpenAI caches automatically; cached tokens may come in 128-token increments (UNCONFIRMED).");
        }
        if (mode == CacheMode.IMPLICIT) {
            notes.add("Gemini implicit caching has no storage cost but no guarantee of a hit.");
        }
        BigDecimal storage = s.storagePerMTokHour();
        if (mode == CacheMode.EXPLICIT_STORED && storage == null) {
            Price listed = model.at(s.billing().at() != null ? s.billing().at() : LocalDate.now(ZoneOffset.UTC))
                    .prices()
                    .get(PriceKind.CACHE_STORAGE);
            if (listed == null) {
                notes.add("No explicit-cache storage price is listed for " + model.name()
                        + ": storage is not included (enter a storage price to include it).");
                storage = BigDecimal.ZERO;
            } else {
                storage = listed.perMTok();
                notes.add("Explicit-cache storage at the catalog's "
                        + listed.perMTok().stripTrailingZeros().toPlainString() + " $ per 1M tokens per hour"
                        + (listed.status() == PriceStatus.LISTED
                                ? ""
                                : " (" + listed.status().name() + ")") + ".");
            }
        }
        if (p == null || r == null || w == null) {
            return new CachePlan(
                    model,
                    mode,
                    prefixTokens,
                    suffixTokens,
                    min,
                    cacheable,
                    null,
                    null,
                    null,
                    "unpriced",
                    null,
                    null,
                    null,
                    notes);
        }
        BigDecimal premium = p.signum() == 0 ? null : w.divide(p, MC).stripTrailingZeros();
        BigDecimal discount = p.signum() == 0
                ? null
                : BigDecimal.ONE.subtract(r.divide(p, MC)).stripTrailingZeros();
        BigDecimal hours = BigDecimal.valueOf(s.ttl().minutes()).divide(BigDecimal.valueOf(60), MC);
        BigDecimal fixed = mode == CacheMode.EXPLICIT_STORED ? p.add(storage.multiply(hours)) : w.subtract(r);
        Integer breakEven = null;
        if (cacheable && p.compareTo(r) > 0) {
            BigDecimal x = fixed.divide(p.subtract(r), MC);
            breakEven = Math.max(1, x.setScale(0, RoundingMode.FLOOR).intValueExact() + 1);
        }
        String text = !cacheable
                ? "not cached"
                : breakEven == null
                        ? "never cheaper (no read discount)"
                        : "cheaper from the " + ordinal(breakEven) + " call within "
                                + s.ttl().label();

        BigDecimal n = BigDecimal.valueOf(s.monthlyRequests());
        BigDecimal pre = BigDecimal.valueOf(prefixTokens);
        BigDecimal suf = BigDecimal.valueOf(suffixTokens);
        BigDecimal out = BigDecimal.valueOf(s.outputTokens());
        BigDecimal outputUsd = o == null ? BigDecimal.ZERO : out.multiply(o);
        if (o == null && s.outputTokens() > 0) {
            notes.add("No output price listed: output left out of the monthly figures.");
        }
        BigDecimal without = n.multiply(pre.add(suf).multiply(p).add(outputUsd)).movePointLeft(6);
        BigDecimal with;
        if (!cacheable) {
            with = without;
        } else if (mode == CacheMode.EXPLICIT_STORED) {
            BigDecimal perReq = pre.multiply(r).add(suf.multiply(p)).add(outputUsd);
            BigDecimal store = storage.multiply(pre).multiply(BigDecimal.valueOf(HOURS_PER_MONTH));
            with = n.multiply(perReq).add(store).add(pre.multiply(p)).movePointLeft(6);
            notes.add("Explicit cache kept alive all month (" + HOURS_PER_MONTH + " h of storage, created once); "
                    + "every request reads it.");
        } else {
            BigDecimal h = BigDecimal.valueOf(s.hitRate());
            BigDecimal prefixRate = h.multiply(r).add(BigDecimal.ONE.subtract(h).multiply(w));
            with = n.multiply(pre.multiply(prefixRate).add(suf.multiply(p)).add(outputUsd))
                    .movePointLeft(6);
        }
        return new CachePlan(
                model,
                mode,
                prefixTokens,
                suffixTokens,
                min,
                cacheable,
                premium,
                discount,
                breakEven,
                text,
                without,
                with,
                without.subtract(with),
                notes);
    }

    /**
     * The plan for a prompt with cache breakpoints at {@code breakpoints} (UTF-16 offsets; the prefix before the
     * last one is the cached part), with warnings for per-request content before a breakpoint.
     */
    public static PromptCachePlan plan(ModelEntry model, String prompt, List<Integer> breakpoints, CacheSettings s) {
        List<Integer> bps = breakpoints.stream().distinct().sorted().toList();
        for (int b : bps) {
            if (b < 0 || b > prompt.length()) {
                throw new IllegalArgumentException(
                        "breakpoint " + b + " is outside the prompt (0.." + prompt.length() + ")");
            }
        }
        List<PromptCachePlan.Breakpoint> points = new ArrayList<>();
        Long min = model.minCacheTokens();
        for (int b : bps) {
            long t = ModelTokens.of(model, prompt.substring(0, b)).tokens();
            points.add(new PromptCachePlan.Breakpoint(b, t, min == null || t >= min));
        }
        long prefix = points.isEmpty() ? 0 : points.get(points.size() - 1).prefixTokens();
        long total = ModelTokens.of(model, prompt).tokens();
        CachePlan plan = plan(model, prefix, Math.max(0, total - prefix), s);
        List<String> notes = new ArrayList<>(plan.notes());
        TokenCount method = ModelTokens.of(model, prompt);
        if (!method.exact()) {
            notes.add("Token counts are an estimate (" + method.method() + "): check the prefix against the minimum "
                    + "with an exact count when it is close.");
        }
        if (model.rules() == BillingRules.ANTHROPIC && bps.size() > MAX_ANTHROPIC_BREAKPOINTS) {
            notes.add("Anthropic accepts at most " + MAX_ANTHROPIC_BREAKPOINTS + " cache_control breakpoints; "
                    + bps.size() + " are marked.");
        }
        if (model.rules() != BillingRules.ANTHROPIC && bps.size() > 1) {
            notes.add(model.provider() + " caches the longest matching prefix: only the last breakpoint matters.");
        }
        plan = new CachePlan(
                plan.model(),
                plan.mode(),
                plan.prefixTokens(),
                plan.suffixTokens(),
                plan.minCacheTokens(),
                plan.cacheable(),
                plan.writePremium(),
                plan.readDiscount(),
                plan.breakEvenCalls(),
                plan.breakEven(),
                plan.monthlyWithout(),
                plan.monthlyWith(),
                plan.monthlySaving(),
                notes);
        return new PromptCachePlan(points, plan, variableContent(prompt, bps));
    }

    /**
     * Splits a prompt at every occurrence of {@code marker} (e.g. {@code <<CACHE>>}): the prompt without the
     * markers, and the breakpoint offsets into it.
     */
    public record Marked(String prompt, List<Integer> breakpoints) {
        public Marked {
            breakpoints = List.copyOf(breakpoints);
        }
    }

    public static Marked splitAtMarkers(String text, String marker) {
        if (marker == null || marker.isEmpty()) {
            throw new IllegalArgumentException("empty breakpoint marker");
        }
        StringBuilder b = new StringBuilder(text.length());
        List<Integer> bps = new ArrayList<>();
        int pos = 0;
        for (int i = text.indexOf(marker); i >= 0; i = text.indexOf(marker, pos)) {
            b.append(text, pos, i);
            bps.add(b.length());
            pos = i + marker.length();
        }
        b.append(text, pos, text.length());
        return new Marked(b.toString(), bps);
    }

    private record Rule(String kind, Pattern pattern) {}

    private static final List<Rule> VARIABLE = List.of(
            new Rule(
                    "placeholder",
                    Pattern.compile(
                            "\\{\\{[^{}\\n]{1,80}\\}\\}|\\$\\{[^{}\\n]{1,80}\\}"
                                    + "|(?<!\\{)\\{[A-Za-z_][A-Za-z0-9_.]{0,40}\\}(?!\\})|%\\([A-Za-z_]+\\)s|<%=?[^%\\n]{1,80}%>")),
            new Rule(
                    "id",
                    Pattern.compile("\\b[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}"
                            + "-[0-9a-fA-F]{12}\\b|\\b[0-9a-f]{24,}\\b")),
            new Rule(
                    "date",
                    Pattern.compile("\\b\\d{4}-\\d{2}-\\d{2}(?:[T ]\\d{2}:\\d{2}(?::\\d{2})?)?\\b"
                            + "|\\b\\d{1,2}/\\d{1,2}/\\d{2,4}\\b|\\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)"
                            + "[a-z]*\\.? \\d{1,2},? \\d{4}\\b|\\d{4}年\\d{1,2}月\\d{1,2}日")),
            new Rule("time", Pattern.compile("\\b\\d{1,2}:\\d{2}(?::\\d{2})?\\b")),
            new Rule("timestamp", Pattern.compile("\\b1\\d{9}(?:\\d{3})?\\b")),
            new Rule(
                    "phrase",
                    Pattern.compile("(?i)\\b(?:today is|today's date|current date|current time|"
                            + "the time is|session id|request id)\\b")));

    /** Per-request-looking content before the last breakpoint, each with the first breakpoint it breaks. */
    public static List<CacheWarning> variableContent(String prompt, List<Integer> breakpoints) {
        List<Integer> bps = breakpoints.stream().distinct().sorted().toList();
        List<CacheWarning> out = new ArrayList<>();
        if (bps.isEmpty()) {
            return out;
        }
        int last = bps.get(bps.size() - 1);
        List<TextRange> seen = new ArrayList<>();
        for (Rule rule : VARIABLE) {
            Matcher m = rule.pattern().matcher(prompt);
            m.region(0, last);
            while (m.find()) {
                if (Regions.overlaps(seen, m.start(), m.end())) {
                    continue;
                }
                seen.add(new TextRange(m.start(), m.end()));
                int bp = 0;
                while (bps.get(bp) <= m.start()) {
                    bp++;
                }
                out.add(
                        new CacheWarning(
                                new TextRange(m.start(), m.end()),
                                rule.kind(),
                                bp,
                                "“" + m.group()
                                        + "” looks like per-request content (" + rule.kind() + ") before breakpoint "
                                        + (bp + 1)
                                        + ": when it changes, the cached prefix no longer matches. Move it after the breakpoint."));
            }
        }
        out.sort(Comparator.comparingInt(w -> w.range().start()));
        return out;
    }

    static String ordinal(int n) {
        int mod100 = n % 100;
        String suffix = mod100 >= 11 && mod100 <= 13
                ? "th"
                : n % 10 == 1 ? "st" : n % 10 == 2 ? "nd" : n % 10 == 3 ? "rd" : "th";
        return n + suffix;
    }

    private static BigDecimal val(Price p) {
        return p == null ? null : p.perMTok();
    }
}
