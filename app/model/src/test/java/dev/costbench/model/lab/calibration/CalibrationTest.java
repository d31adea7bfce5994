// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.lab.calibration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.costbench.model.lab.calibration.CalibrationSample.Source;
import dev.costbench.model.prompt.TokenCount;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CalibrationTest {

    static CalibrationSample sample(String family, String kind, long estimate, long actual) {
        return new CalibrationSample(
                Instant.EPOCH, "anthropic", "claude-haiku-4-5", family, kind, Source.COUNT, estimate, actual, 0);
    }

    /** Ratios 1.1, 1.2, 1.0, 1.1, 1.3 (estimates 100…500). */
    static List<CalibrationSample> five(String family, String kind) {
        long[] est = {100, 200, 300, 400, 500};
        long[] act = {110, 240, 300, 440, 650};
        List<CalibrationSample> out = new ArrayList<>();
        for (int i = 0; i < est.length; i++) {
            out.add(sample(family, kind, est[i], act[i]));
        }
        return out;
    }

    @Test
    void theFactorIsTheGeometricMeanOfTheRatios() {
        // ln 1.1 + ln 1.2 + ln 1.0 + ln 1.1 + ln 1.3 = 0.095310 + 0.182322 + 0 + 0.095310 + 0.262364 = 0.635306;
        // ÷ 5 = 0.127061; e^0.127061 = 1.135487 (the ratio of sums, 1740 ÷ 1500 = 1.16, would weigh 500 most).
        Correction c = Calibration.fit(five("claude", "text"))
                .correction("claude", "text")
                .orElseThrow();
        assertEquals(1.135487, c.factor(), 1e-6);
        assertEquals(5, c.counts());
    }

    @Test
    void theIntervalIsAStudentTIntervalOnTheLogRatios() {
        // squared deviations of the log ratios from 0.127061: 0.001008, 0.003054, 0.016145, 0.001008, 0.018307;
        // sum 0.039521 ÷ 4 → s = 0.099400; se = s ÷ √5 = 0.044453; t(0.975, 4) = 2.776445; half = 0.123421;
        // [e^(0.127061 − 0.123421), e^(0.127061 + 0.123421)] = [1.003646, 1.284645].
        Correction c = Calibration.fit(five("claude", "text"))
                .correction("claude", "text")
                .orElseThrow();
        assertEquals(1.003646, c.low(), 1e-5);
        assertEquals(1.284645, c.high(), 1e-5);
        // the wider side: 1.284645 ÷ 1.135487 − 1 = 13.14 % → 14 (rounded up)
        assertEquals(14, c.plusMinusPercent());
    }

    @Test
    void noCorrectionAppliesBelowTheMinimumNumberOfCounts() {
        List<CalibrationSample> four = five("claude", "code").subList(0, Calibration.MIN_COUNTS - 1);
        Calibration cal = Calibration.fit(four);
        assertTrue(cal.correction("claude", "code").isEmpty());
        TokenCount raw = new TokenCount(1000, false, "estimate: cl100k_base count");
        assertSame(raw, cal.apply(raw, "claude", "code"));
        assertEquals(
                1,
                cal.corrections().stream().filter(k -> k.kind().equals("code")).count());
        assertFalse(cal.corrections().get(0).applies());
    }

    @Test
    void aKindWithoutEnoughCountsUsesTheFamilysCountsOfEveryKind() {
        List<CalibrationSample> s = new ArrayList<>(five("claude", "text").subList(0, 3));
        s.addAll(five("claude", "code").subList(3, 5));
        Calibration cal = Calibration.fit(s);
        Correction c = cal.correction("claude", "cjk").orElseThrow();
        assertEquals(Calibration.ALL_KINDS, c.kind());
        assertEquals(5, c.counts());
        assertTrue(cal.correction("gemini", "text").isEmpty());
    }

    @Test
    void exactCountsAreNeverCorrected() {
        Calibration cal = Calibration.fit(five("claude", "text"));
        TokenCount exact = new TokenCount(1000, true, "exact: o200k_base");
        assertSame(exact, cal.apply(exact, "claude", "text"));
    }

    @Test
    void theCalibratedEstimateIsTheEstimateTimesTheFactorAndSaysSo() {
        Calibration cal = Calibration.fit(five("claude", "text"));
        TokenCount c = cal.apply(new TokenCount(1000, false, "estimate: cl100k_base count"), "claude", "text");
        assertEquals(1135, c.tokens());
        assertFalse(c.exact());
        assertTrue(
                c.method().contains("; calibrated from 5 counts, ±14 %: the uncalibrated estimate 1,000 × 1.135"),
                c.method());
        assertTrue(c.method().contains("5 exact counts of text on Claude models"), c.method());
    }

    @Test
    void theLabelNamesTheCountsAndTheInterval() {
        Correction c = new Correction("claude", "text", 57, 1.2, 1.2 / 1.03, 1.2 * 1.03);
        assertEquals("≈ 1,234 (calibrated from 57 counts, ±3 %)", Calibration.label(1234, Optional.of(c)));
        assertEquals("≈ 1,234", Calibration.label(1234, Optional.empty()));
    }

    @Test
    void aCalibratedCountIsLabelledWithItsCountsAndInterval() {
        Calibration cal = Calibration.fit(five("claude", "text"));
        TokenCount c = cal.apply(new TokenCount(1000, false, "estimate: cl100k_base count"), "claude", "text");
        assertEquals("≈ 1,135 (calibrated from 5 counts, ±14 %)", Calibration.label(c));
        assertEquals("≈ 1,000", Calibration.label(new TokenCount(1000, false, "estimate: cl100k_base count")));
        assertEquals("1,000", Calibration.label(new TokenCount(1000, true, "exact: o200k_base")));
    }

    @Test
    void aSingleCountHasNoInterval() {
        Correction c = Calibration.correction("gemini", "text", List.of(sample("gemini", "text", 100, 120)));
        assertEquals(1.2, c.factor(), 1e-12);
        assertEquals(c.factor(), c.low(), 1e-12);
    }
}
