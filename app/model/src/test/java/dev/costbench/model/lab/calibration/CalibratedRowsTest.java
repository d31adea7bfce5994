// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.lab.calibration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.costbench.model.catalog.Catalog;
import dev.costbench.model.catalog.CatalogBuilder;
import dev.costbench.model.catalog.ModelEntry;
import dev.costbench.model.cost.CostRow;
import dev.costbench.model.cost.PromptCostTable;
import dev.costbench.model.cost.PromptOptions;
import dev.costbench.model.prompt.TextStats;
import dev.costbench.model.provider.ChatRequest;
import dev.costbench.model.tokens.OpenTokenizers;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.parallel.Resources;

class CalibratedRowsTest {

    private static final Catalog CATALOG = CatalogBuilder.builtIn();

    private static ModelEntry first(String tokenizer) {
        return CATALOG.models().stream()
                .filter(m -> m.tokenizer().equals(tokenizer))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void calibratedRowsArePricedAtTheCalibratedCountAndExactRowsStay() {
        ModelEntry claude = first("claude");
        ModelEntry gpt = first("o200k_base");
        PromptOptions o = PromptOptions.defaults();
        List<CostRow> rows = PromptCostTable.compute(
                List.of(claude, gpt),
                List.of(TextStats.of("Summarise this support ticket in one line, please.")),
                0,
                o);
        Calibration cal = Calibration.fit(CalibrationTest.five("claude", "text"));
        List<CostRow> out = CalibratedRows.apply(rows, cal, "text", o, o.billing());
        assertEquals(
                Math.round(rows.get(0).input().tokens() * 1.135487),
                out.get(0).input().tokens());
        assertTrue(out.get(0).perRequest().compareTo(rows.get(0).perRequest()) > 0, "more tokens cost more");
        assertSame(rows.get(1), out.get(1));
        assertSame(rows, CalibratedRows.apply(rows, Calibration.NONE, "text", o, o.billing()));
    }

    /** A byte-level BPE with the merge a + b: "ababab" is 3 tokens. */
    private static final String TINY = "{\"pre_tokenizer\":{\"type\":\"ByteLevel\",\"use_regex\":true},"
            + "\"model\":{\"type\":\"BPE\",\"vocab\":{\"a\":0,\"b\":1,\"ab\":2},\"merges\":[\"a b\"]}}";

    @Test
    @ResourceLock(Resources.SYSTEM_PROPERTIES) // the data folder, where loaded tokenizers are
    void withGemma3LoadedAndProvenBetterGeminiRowsCountWithIt(@TempDir Path dir) throws IOException {
        System.setProperty("costbench.dataDir", dir.toString());
        try {
            OpenTokenizers.install("gemma3", Files.writeString(dir.resolve("tokenizer.json"), TINY));
            ModelEntry gemini = first("gemini");
            PromptOptions o = PromptOptions.defaults();
            List<TextStats> messages = List.of(TextStats.of("ababab"));
            List<CostRow> rows = PromptCostTable.compute(List.of(gemini), messages, 0, o);
            assertEquals(2, rows.get(0).input().tokens(), "characters ÷ 4");
            // the recorded counts of GeminiEstimatorTest: Gemma 3 wins, its estimates' factor is 0.99324
            Calibration cal = Calibration.fit(GeminiEstimatorTest.samples(6, false));
            CostRow row = CalibratedRows.apply(rows, cal, "text", messages, o, o.billing())
                    .get(0);
            assertEquals(3, row.input().tokens(), "3 Gemma 3 tokens × 0.99324");
            assertTrue(
                    row.input().method().startsWith("estimate: Gemma 3 tokenizer count"),
                    row.input().method());

            // what a Count exactly on the same request keeps beside characters ÷ 4: system 6 + user 2 characters
            // are 2 tokens by characters ÷ 4 and 3 + 1 by Gemma 3; an image's 258 tokens stay as they are
            ChatRequest request = ChatRequest.of(gemini.id(), "ababab", "ab");
            assertEquals(OptionalLong.of(4), GeminiEstimator.gemma3Estimate(gemini, request, 2));
            assertEquals(OptionalLong.of(262), GeminiEstimator.gemma3Estimate(gemini, request, 260));
            assertEquals(OptionalLong.empty(), GeminiEstimator.gemma3Estimate(first("claude"), request, 2));
        } finally {
            OpenTokenizers.remove("gemma3");
            System.clearProperty("costbench.dataDir");
        }
        assertEquals(
                OptionalLong.empty(),
                GeminiEstimator.gemma3Estimate(first("gemini"), ChatRequest.of("gemini-2.5-flash", "a", "b"), 1),
                "nothing without the Gemma 3 tokenizer");
    }
}
