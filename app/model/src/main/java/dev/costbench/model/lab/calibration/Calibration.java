// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.lab.calibration;

import dev.costbench.model.lab.stats.Distributions;
import dev.costbench.model.prompt.TokenCount;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Correction factors for estimated token counts, fitted from exact counts per tokenizer family and content kind.
 *
 * <p>The fit: for each sample, r = ln(actual ÷ estimate); the factor is exp(mean r) and its 95 % interval is
 * exp(mean r ± t(0.975, n−1) · s ÷ √n). Why log ratios and a t-interval: a tokenizer's error is multiplicative (text
 * that one tokenizer cuts finer is cut finer all along, so the error grows with the length), which makes the ratio,
 * not the difference, the stable quantity; on the log scale ratios above and below 1 weigh the same and their mean is
 * the geometric mean, which gives every prompt the same weight — a ratio of sums would let the few longest prompts
 * decide the factor for everyday ones. The samples are few (a handful to a few dozen counts) and their log ratios are
 * close to normal, so Student's t gives an honest interval where a bootstrap would need many more samples (and
 * randomness in what the user sees).
 *
 * <p>A correction applies only from {@link #MIN_COUNTS} counts on. The estimate of an input uses its own kind's
 * correction when that has enough counts, else the family's counts of every kind together.
 */
public final class Calibration {

    /** The fewest exact counts a correction is applied from. */
    public static final int MIN_COUNTS = 5;

    /** The kind of a correction fitted from all of a family's counts. */
    public static final String ALL_KINDS = "all";

    private static final double LEVEL = 0.95;

    /** How {@link #apply} notes a calibration in a count's method (what {@link #label(TokenCount)} shows). */
    private static final Pattern NOTE = Pattern.compile("calibrated from \\d+ counts, ±\\d+ %");

    /** No calibration: every estimate stays as it is. */
    public static final Calibration NONE = new Calibration(Map.of(), GeminiEstimator.NONE);

    private final Map<String, Correction> byKey;
    private final GeminiEstimator gemini;

    private Calibration(Map<String, Correction> byKey, GeminiEstimator gemini) {
        this.byKey = byKey;
        this.gemini = gemini;
    }

    /**
     * Fits every family × kind (and every family over all its kinds) that has samples; the Gemma 3 estimates kept
     * with Gemini counts are fitted as the family {@link GeminiEstimator#GEMINI_BY_GEMMA3}.
     */
    public static Calibration fit(List<CalibrationSample> samples) {
        Map<String, List<CalibrationSample>> groups = new TreeMap<>();
        List<CalibrationSample> all = new ArrayList<>(samples);
        for (CalibrationSample s : samples) {
            if (GeminiEstimator.GEMINI.equals(s.family()) && s.gemma3Estimate() > 0) {
                all.add(new CalibrationSample(
                        s.time(),
                        s.provider(),
                        s.model(),
                        GeminiEstimator.GEMINI_BY_GEMMA3,
                        s.kind(),
                        s.source(),
                        s.gemma3Estimate(),
                        s.actual(),
                        0));
            }
        }
        for (CalibrationSample s : all) {
            groups.computeIfAbsent(key(s.family(), s.kind()), k -> new ArrayList<>())
                    .add(s);
            groups.computeIfAbsent(key(s.family(), ALL_KINDS), k -> new ArrayList<>())
                    .add(s);
        }
        Map<String, Correction> out = new LinkedHashMap<>();
        for (Map.Entry<String, List<CalibrationSample>> g : groups.entrySet()) {
            CalibrationSample first = g.getValue().get(0);
            String kind = g.getKey().endsWith("\n" + ALL_KINDS) ? ALL_KINDS : first.kind();
            out.put(g.getKey(), correction(first.family(), kind, g.getValue()));
        }
        return new Calibration(Collections.unmodifiableMap(out), GeminiEstimator.compare(samples));
    }

    /** Which estimator Gemini estimates use, and how the two compare on the counts kept. */
    public GeminiEstimator gemini() {
        return gemini;
    }

    /** The correction of one group of samples (see the class comment for the method). */
    static Correction correction(String family, String kind, List<CalibrationSample> samples) {
        int n = samples.size();
        double[] r = new double[n];
        double sum = 0;
        for (int i = 0; i < n; i++) {
            r[i] = Math.log((double) samples.get(i).actual() / samples.get(i).estimate());
            sum += r[i];
        }
        double mean = sum / n;
        if (n < 2) {
            double f = Math.exp(mean);
            return new Correction(family, kind, n, f, f, f);
        }
        double ss = 0;
        for (double v : r) {
            ss += (v - mean) * (v - mean);
        }
        double se = Math.sqrt(ss / (n - 1)) / Math.sqrt(n);
        double half = Distributions.studentTQuantile(1 - (1 - LEVEL) / 2, n - 1) * se;
        return new Correction(family, kind, n, Math.exp(mean), Math.exp(mean - half), Math.exp(mean + half));
    }

    /** Every fitted correction (applied or not yet), by family then kind. */
    public List<Correction> corrections() {
        return List.copyOf(byKey.values());
    }

    /** The correction an estimate of {@code kind} in {@code family} gets, if one applies. */
    public Optional<Correction> correction(String family, String kind) {
        Correction own = byKey.get(key(family, kind));
        if (own != null && own.applies()) {
            return Optional.of(own);
        }
        Correction all = byKey.get(key(family, ALL_KINDS));
        return all != null && all.applies() ? Optional.of(all) : Optional.empty();
    }

    /**
     * The calibrated count: an estimate times its correction (rounded to the nearest token), with the correction in
     * its method; exact counts and estimates without a correction are returned as they are.
     */
    public TokenCount apply(TokenCount raw, String family, String kind) {
        if (raw.exact()) {
            return raw;
        }
        Optional<Correction> c = correction(family, kind);
        if (c.isEmpty()) {
            return raw;
        }
        Correction k = c.get();
        long tokens = Math.round(raw.tokens() * k.factor());
        return new TokenCount(tokens, false, raw.method() + "; " + note(k) + ": " + explain(k, raw.tokens()));
    }

    /**
     * As {@link #apply(TokenCount, String, String)}, except that a Gemini estimate is replaced by the Gemma 3
     * tokenizer's count of the same input ({@code gemma3}, when it was counted) once that has proven the better
     * estimator ({@link GeminiEstimator#useGemma3()}), and then calibrated by the Gemma 3 estimates' own correction;
     * once any Gemma 3 estimate is kept, a Gemini estimate's method says how the two estimators compare.
     */
    public TokenCount apply(TokenCount raw, String family, String kind, OptionalLong gemma3) {
        if (raw.exact() || !GeminiEstimator.GEMINI.equals(family)) {
            return apply(raw, family, kind);
        }
        if (gemma3.isEmpty() || !gemini.useGemma3()) {
            TokenCount c = apply(raw, family, kind);
            // once Gemma 3 estimates are kept, say how the two estimators compare
            return gemini.counts() == 0 ? c : new TokenCount(c.tokens(), false, c.method() + "; " + gemini.describe());
        }
        TokenCount byGemma = new TokenCount(
                gemma3.getAsLong(),
                false,
                "estimate: Gemma 3 tokenizer count (" + gemini.describe()
                        + "; the exact count comes from models/{model}:countTokens)");
        return apply(byGemma, GeminiEstimator.GEMINI_BY_GEMMA3, kind);
    }

    /** "≈ 1,234 (calibrated from 57 counts, ±3 %)", or "≈ 1,234" without a correction. */
    public static String label(long tokens, Optional<Correction> c) {
        String n = String.format(Locale.ROOT, "≈ %,d", tokens);
        return c.map(k -> n + " (" + note(k) + ")").orElse(n);
    }

    /**
     * The label of a count as {@link #apply} made it: "≈ 1,234 (calibrated from 57 counts, ±3 %)" for a calibrated
     * estimate, "≈ 1,234" for another estimate, "1,234" for an exact count.
     */
    public static String label(TokenCount count) {
        if (count.exact()) {
            return String.format(Locale.ROOT, "%,d", count.tokens());
        }
        Matcher m = NOTE.matcher(count.method());
        String n = String.format(Locale.ROOT, "≈ %,d", count.tokens());
        return m.find() ? n + " (" + m.group() + ")" : n;
    }

    private static String note(Correction k) {
        return String.format(Locale.ROOT, "calibrated from %d counts, ±%d %%", k.counts(), k.plusMinusPercent());
    }

    /** The tooltip text of a calibrated estimate. */
    public static String explain(Correction k, long uncalibrated) {
        String of = ALL_KINDS.equals(k.kind())
                ? "all " + k.counts() + " exact counts of " + ContentKinds.familyLabel(k.family()) + " models"
                : k.counts() + " exact counts of " + ContentKinds.label(k.kind()) + " on "
                        + ContentKinds.familyLabel(k.family()) + " models";
        return String.format(
                Locale.ROOT,
                "the uncalibrated estimate %,d %s, fitted from %s (the providers' counting endpoints and "
                        + "the usage real calls reported); the factor is known to ±%d %% (95 %% confidence interval of "
                        + "the mean ratio); a single prompt can be further off",
                uncalibrated,
                k.describeFactor(),
                of,
                k.plusMinusPercent());
    }

    private static String key(String family, String kind) {
        return family + "\n" + kind;
    }
}
