// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.lab.calibration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.costbench.model.catalog.Catalog;
import dev.costbench.model.catalog.CatalogBuilder;
import dev.costbench.model.catalog.ModelEntry;
import dev.costbench.model.lab.calibration.CalibrationSample.Source;
import dev.costbench.model.prompt.ModelTokenCounter;
import dev.costbench.model.prompt.TextStats;
import dev.costbench.model.prompt.TokenCount;
import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;
import java.util.function.ToLongFunction;
import org.junit.jupiter.api.Test;

class CalibrationsTest {

    private static final Catalog CATALOG = CatalogBuilder.builtIn();

    private static ModelEntry claude() {
        return CATALOG.models().stream()
                .filter(m -> m.tokenizer().equals("claude"))
                .findFirst()
                .orElseThrow();
    }

    /** A stand-in for the provider's counting endpoint: its tokenizer cuts 18 % finer than CostBench's estimate. */
    private static final ToLongFunction<String> COUNT_SOURCE = text -> Math.round(
            ModelTokenCounter.count(claude(), List.of(TextStats.of(text))).tokens() * 1.18 + 3);

    private static final List<String> PROMPTS = List.of(
            "Summarise the customer's complaint in one sentence and suggest a next step.",
            "You are a helpful assistant. Answer briefly and cite the policy section you rely on.",
            "Translate the following paragraph into plain English for a ten-year-old reader, keeping every fact.",
            "List three risks of deploying the change on a Friday afternoon, most serious first, with one line each.",
            "Write a polite reply declining the meeting invitation and propose two other times next week.",
            "Classify the sentiment of this review as positive, negative or mixed and say which words decided it.");

    @Test
    void afterEnoughExactCountsTheNextEstimateMovesTowardTheProvidersCount() {
        Calibrations cal = new Calibrations(new InMemoryCalibrationRepository());
        ModelEntry m = claude();
        for (String p : PROMPTS.subList(0, 5)) {
            TokenCount est = ModelTokenCounter.count(m, List.of(TextStats.of(p)));
            assertTrue(cal.record(
                    m,
                    "anthropic",
                    est,
                    ContentKinds.of(p, false),
                    Source.COUNT,
                    COUNT_SOURCE.applyAsLong(p),
                    Instant.EPOCH,
                    OptionalLong.empty()));
        }
        String next = PROMPTS.get(5);
        TokenCount raw = ModelTokenCounter.count(m, List.of(TextStats.of(next)));
        TokenCount calibrated = cal.calibrate(m, raw, ContentKinds.of(next, false));
        long actual = COUNT_SOURCE.applyAsLong(next);
        assertTrue(
                Math.abs(calibrated.tokens() - actual) < Math.abs(raw.tokens() - actual),
                "calibrated " + calibrated.tokens() + ", uncalibrated " + raw.tokens() + ", actual " + actual);
    }

    @Test
    void exactEstimatesAreNotRecorded() {
        Calibrations cal = new Calibrations(new InMemoryCalibrationRepository());
        assertFalse(cal.record(
                claude(),
                "openai",
                new TokenCount(10, true, "exact"),
                "text",
                Source.SEND,
                12,
                Instant.EPOCH,
                OptionalLong.empty()));
    }

    @Test
    void resetForgetsOneFamilyOnly() {
        InMemoryCalibrationRepository repo = new InMemoryCalibrationRepository();
        CalibrationTest.five("claude", "text").forEach(repo::addCalibrationSample);
        CalibrationTest.five("gemini", "text").forEach(repo::addCalibrationSample);
        Calibrations cal = new Calibrations(repo);
        assertTrue(cal.current().correction("claude", "text").isPresent());
        assertEquals(5, cal.reset("claude"));
        assertTrue(cal.current().correction("claude", "text").isEmpty());
        assertTrue(cal.current().correction("gemini", "text").isPresent());
        assertEquals(5, repo.calibrationSamples().size());
    }

    @Test
    void contentKindsFollowTheDominantScript() {
        assertEquals(ContentKinds.TEXT, ContentKinds.of("Hello there, how are you today?", false));
        assertEquals(ContentKinds.CJK, ContentKinds.of("今日はいい天気ですね。散歩に行きましょう。", false));
        assertEquals(ContentKinds.IMAGE, ContentKinds.of("What is in this picture?", true));
        assertEquals(
                ContentKinds.MIXED, ContentKinds.of("Translate: 今日はいい天気ですね。 into English please, thank you", false));
    }
}
