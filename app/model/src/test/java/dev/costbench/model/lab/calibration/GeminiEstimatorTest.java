// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.lab.calibration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.costbench.model.lab.calibration.CalibrationSample.Source;
import dev.costbench.model.prompt.TokenCount;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/**
 * Characters ÷ 4 against the Gemma 3 tokenizer on recorded Gemini counts: each estimator corrected by its own factor,
 * then the median relative error; the smaller wins and Gemini estimates use it.
 */
class GeminiEstimatorTest {

    /** {countTokens, characters ÷ 4, Gemma 3} of six Gemini inputs. */
    private static final long[][] COUNTS = {
        {100, 120, 98}, {250, 260, 255}, {80, 110, 82}, {400, 380, 396}, {60, 75, 61}, {1000, 1150, 1010},
    };

    static List<CalibrationSample> samples(int n, boolean gemmaFirst) {
        List<CalibrationSample> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            long[] c = COUNTS[i];
            out.add(new CalibrationSample(
                    Instant.EPOCH,
                    "gemini",
                    "gemini-2.5-flash",
                    "gemini",
                    "text",
                    Source.COUNT,
                    gemmaFirst ? c[2] : c[1],
                    c[0],
                    gemmaFirst ? c[1] : c[2]));
        }
        return out;
    }

    @Test
    void theGemma3TokenizerWinsWhenItsCorrectedErrorIsSmaller() {
        // characters ÷ 4: factor e^(mean ln(count ÷ estimate)) = 0.86768; errors |0.86768 e − c| ÷ c sorted
        // have the median 9.11 %; Gemma 3: factor 0.99324, median 1.49 %.
        GeminiEstimator g = GeminiEstimator.compare(samples(6, false));
        assertEquals(6, g.counts());
        assertEquals(0.0911, g.charsError(), 0.0001);
        assertEquals(0.0149, g.gemma3Error(), 0.0001);
        assertTrue(g.useGemma3());
        assertEquals(
                "Gemini estimate: Gemma 3 tokenizer, 1.5 % median error on 6 counts (characters ÷ 4: 9.1 %)",
                g.describe());
    }

    @Test
    void charactersDividedByFourStayWhenTheyAreBetter() {
        GeminiEstimator g = GeminiEstimator.compare(samples(6, true));
        assertFalse(g.useGemma3());
        assertEquals(
                "Gemini estimate: characters ÷ 4, 1.5 % median error on 6 counts (Gemma 3 tokenizer: 9.1 %)",
                g.describe());
    }

    @Test
    void belowFiveCountsWithBothEstimatesNothingIsCompared() {
        List<CalibrationSample> s = new ArrayList<>(samples(4, false));
        // a Gemini count made while Gemma 3 was not loaded does not count towards the comparison
        s.add(new CalibrationSample(
                Instant.EPOCH, "gemini", "gemini-2.5-flash", "gemini", "text", Source.SEND, 50, 45, 0));
        GeminiEstimator g = GeminiEstimator.compare(s);
        assertEquals(4, g.counts());
        assertFalse(g.measured());
        assertFalse(g.useGemma3());
        assertEquals(
                "Gemini estimate: characters ÷ 4 (compared with the Gemma 3 tokenizer from 5 Gemini counts made while "
                        + "it is loaded; 4 so far)",
                g.describe());
    }

    @Test
    void aGeminiEstimateUsesTheGemma3CountCalibratedByItsOwnFactor() {
        Calibration cal = Calibration.fit(samples(6, false));
        TokenCount raw = new TokenCount(600, false, "estimate: characters ÷ 4");
        // the Gemma 3 estimates' factor is 0.99324: 500 × 0.99324 = 496.6
        TokenCount c = cal.apply(raw, "gemini", "text", OptionalLong.of(500));
        assertEquals(497, c.tokens());
        assertTrue(
                c.method()
                        .startsWith("estimate: Gemma 3 tokenizer count (Gemini estimate: Gemma 3 tokenizer, "
                                + "1.5 % median error on 6 counts"),
                c.method());
        assertTrue(Calibration.label(c).startsWith("≈ 497 (calibrated from 6 counts, ±"), Calibration.label(c));
        // without a Gemma 3 count (the tokenizer is not loaded now) the characters ÷ 4 estimate is calibrated as before
        // and says how the two compare
        TokenCount chars = cal.apply(raw, "gemini", "text", OptionalLong.empty());
        assertEquals(Math.round(600 * 0.86768), chars.tokens());
        assertTrue(
                chars.method()
                        .endsWith("; Gemini estimate: Gemma 3 tokenizer, 1.5 % median error on 6 counts "
                                + "(characters ÷ 4: 9.1 %)"),
                chars.method());
        // other families are not touched by a Gemma 3 count
        assertEquals(600, cal.apply(raw, "claude", "text", OptionalLong.of(500)).tokens());
    }

    @Test
    void theGemma3EstimatesAreFittedAsAFamilyOfTheirOwn() {
        Calibration cal = Calibration.fit(samples(6, false));
        assertEquals(
                0.99324, cal.correction("gemini/gemma3", "text").orElseThrow().factor(), 0.00001);
        assertEquals(0.86768, cal.correction("gemini", "text").orElseThrow().factor(), 0.00001);
        assertEquals("Gemini (Gemma 3 estimate)", ContentKinds.familyLabel("gemini/gemma3"));
    }
}
