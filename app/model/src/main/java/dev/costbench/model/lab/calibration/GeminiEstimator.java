// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.lab.calibration;

import dev.costbench.model.catalog.ModelEntry;
import dev.costbench.model.prompt.ModelTokenCounter;
import dev.costbench.model.prompt.TextStats;
import dev.costbench.model.provider.ChatMessage;
import dev.costbench.model.provider.ChatRequest;
import dev.costbench.model.provider.Part;
import dev.costbench.model.tokens.OpenTokenizers;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;

/**
 * Which estimator predicts Gemini's {@code countTokens} better on the user's own counts: characters ÷ 4 (Google's
 * rule of thumb, the default) or the Gemma 3 tokenizer (Gemma 3 shares Gemini's SentencePiece vocabulary; it is not
 * shipped, {@code Catalog ▸ Load tokenizer.json…} adds it).
 *
 * <p>While the Gemma 3 tokenizer is loaded, every Gemini count kept for calibration also keeps the Gemma 3 estimate of
 * the same input ({@link CalibrationSample#gemma3Estimate()}). From {@link Calibration#MIN_COUNTS} such counts on,
 * each estimator's error on them is measured: |corrected estimate − count| ÷ count, where each estimator's estimates
 * are first corrected by its own factor fitted from the same counts (the geometric mean of count ÷ estimate, as
 * calibration does), so an estimator that is off by a steady ratio is not held against — calibration removes that —
 * and what is compared is how far a calibrated estimate stays off. The estimator with the smaller median error is
 * used; on a tie characters ÷ 4 stays.
 *
 * @param counts      how many Gemini counts have both estimates
 * @param gemma3Error the Gemma 3 tokenizer's median relative error (0.021 = 2.1 %), NaN below the minimum
 * @param charsError  characters ÷ 4's median relative error, NaN below the minimum
 */
public record GeminiEstimator(int counts, double gemma3Error, double charsError) {

    /** The tokenizer family of Gemini models. */
    public static final String GEMINI = "gemini";

    /** The open tokenizer compared with characters ÷ 4. */
    public static final String GEMMA3 = "gemma3";

    /** The family under which the Gemma 3 estimates of Gemini counts are fitted. */
    public static final String GEMINI_BY_GEMMA3 = "gemini/gemma3";

    /** No count with both estimates. */
    public static final GeminiEstimator NONE = new GeminiEstimator(0, Double.NaN, Double.NaN);

    /** Compares the estimators on the Gemini samples that have both estimates. */
    public static GeminiEstimator compare(List<CalibrationSample> samples) {
        List<CalibrationSample> both = new ArrayList<>();
        for (CalibrationSample s : samples) {
            if (GEMINI.equals(s.family()) && s.gemma3Estimate() > 0) {
                both.add(s);
            }
        }
        if (both.size() < Calibration.MIN_COUNTS) {
            return new GeminiEstimator(both.size(), Double.NaN, Double.NaN);
        }
        long[] actual = both.stream().mapToLong(CalibrationSample::actual).toArray();
        double gemma = medianError(
                both.stream().mapToLong(CalibrationSample::gemma3Estimate).toArray(), actual);
        double chars =
                medianError(both.stream().mapToLong(CalibrationSample::estimate).toArray(), actual);
        return new GeminiEstimator(both.size(), gemma, chars);
    }

    /** The median of |f · estimate − actual| ÷ actual, f the geometric mean of actual ÷ estimate. */
    static double medianError(long[] estimate, long[] actual) {
        double sum = 0;
        for (int i = 0; i < estimate.length; i++) {
            sum += Math.log((double) actual[i] / estimate[i]);
        }
        double f = Math.exp(sum / estimate.length);
        double[] e = new double[estimate.length];
        for (int i = 0; i < e.length; i++) {
            e[i] = Math.abs(f * estimate[i] - actual[i]) / actual[i];
        }
        Arrays.sort(e);
        int n = e.length;
        return n % 2 == 1 ? e[n / 2] : (e[n / 2 - 1] + e[n / 2]) / 2;
    }

    /** Whether the comparison is made (enough counts with both estimates). */
    public boolean measured() {
        return counts >= Calibration.MIN_COUNTS;
    }

    /** Whether Gemini estimates use the Gemma 3 tokenizer: measured, and its median error is the smaller. */
    public boolean useGemma3() {
        return measured() && gemma3Error < charsError;
    }

    /**
     * "Gemini estimate: Gemma 3 tokenizer, 2.1 % median error on 23 counts (characters ÷ 4: 9.8 %)", or with
     * characters ÷ 4 first when it is the better one; below the minimum, how many counts the comparison still needs.
     */
    public String describe() {
        if (!measured()) {
            return String.format(
                    Locale.ROOT,
                    "Gemini estimate: characters ÷ 4 (compared with the Gemma 3 tokenizer from %d Gemini counts made "
                            + "while it is loaded; %d so far)",
                    Calibration.MIN_COUNTS,
                    counts);
        }
        boolean gemma = useGemma3();
        return String.format(
                Locale.ROOT,
                "Gemini estimate: %s, %.1f %% median error on %d counts (%s: %.1f %%)",
                gemma ? "Gemma 3 tokenizer" : "characters ÷ 4",
                100 * (gemma ? gemma3Error : charsError),
                counts,
                gemma ? "characters ÷ 4" : "Gemma 3 tokenizer",
                100 * (gemma ? charsError : gemma3Error));
    }

    /**
     * The Gemma 3 estimate of {@code request} on a Gemini model whose characters ÷ 4 estimate is {@code estimate}:
     * its texts counted with the Gemma 3 tokenizer instead, the rest (media) as estimated. Empty for other models,
     * or when the Gemma 3 tokenizer is not loaded.
     */
    public static OptionalLong gemma3Estimate(ModelEntry model, ChatRequest request, long estimate) {
        if (!GEMINI.equals(model.tokenizer()) || !OpenTokenizers.available(GEMMA3)) {
            return OptionalLong.empty();
        }
        List<TextStats> texts = new ArrayList<>();
        if (request.system() != null && !request.system().isEmpty()) {
            texts.add(TextStats.of(request.system()));
        }
        for (ChatMessage m : request.messages()) {
            for (Part p : m.parts()) {
                if (p instanceof Part.Text t) {
                    texts.add(TextStats.of(t.text()));
                }
            }
        }
        OptionalLong gemma = gemma3Count(texts);
        if (gemma.isEmpty()) {
            return gemma;
        }
        long chars = ModelTokenCounter.count(model, texts).tokens();
        return OptionalLong.of(Math.max(1, estimate - chars + gemma.getAsLong()));
    }

    /** The Gemma 3 tokenizer's count of the texts (no template tokens), empty when it is not loaded. */
    public static OptionalLong gemma3Count(List<TextStats> texts) {
        TextStats sum = TextStats.EMPTY;
        for (TextStats t : texts) {
            sum = sum.plus(t);
        }
        return sum.open().count(GEMMA3);
    }
}
