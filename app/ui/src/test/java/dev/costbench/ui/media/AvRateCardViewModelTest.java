// SPDX-License-Identifier: Apache-2.0
package dev.costbench.ui.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.costbench.model.ratecard.RateAdjustment;
import dev.costbench.model.ratecard.RateCard;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** "Use my rates" in the Media view's audio and video prices, as for images (no display). */
class AvRateCardViewModelTest extends MediaViewModelTestBase {

    private static final RateCard OPENAI_MINUS_20 =
            new RateCard(List.of(new RateAdjustment("commitment", "openai", "*", null, new BigDecimal("-20"))));

    @TempDir
    static Path media;

    private static Path clip;
    private static Path talk;

    @BeforeAll
    static void makeMedia() throws Exception {
        clip = MediaFiles.clip(media);
        talk = MediaFiles.talk(media);
    }

    private static BigDecimal ratio(BigDecimal after, BigDecimal before) {
        return after.divide(before, MathContext.DECIMAL64);
    }

    @Test
    void audioModelsAndTranscriptionServicesGetTheRates() {
        vm.load(talk);
        BigDecimal gpt = row("gpt-realtime").originalUsd();
        BigDecimal whisper = row("whisper-1").originalUsd();
        BigDecimal gemini = row("gemini-2.5-flash").originalUsd();
        vm.choices().rateCardProperty().set(OPENAI_MINUS_20);
        assertEquals(
                0, new BigDecimal("0.8").compareTo(ratio(row("gpt-realtime").originalUsd(), gpt)));
        assertEquals(0, new BigDecimal("0.8").compareTo(ratio(row("whisper-1").originalUsd(), whisper)));
        assertEquals(0, gemini.compareTo(row("gemini-2.5-flash").originalUsd()), "other providers keep list price");
        assertTrue(
                vm.summaryProperty().get().contains("after your rates"),
                vm.summaryProperty().get());
        vm.choices().rateCardProperty().set(RateCard.NONE);
        assertEquals(0, whisper.compareTo(row("whisper-1").originalUsd()));
        assertFalse(
                vm.summaryProperty().get().contains("after your rates"),
                vm.summaryProperty().get());
    }

    @Test
    void videoGetsTheRates() {
        vm.load(clip);
        BigDecimal gpt = row("gpt-4o").optimizedUsd();
        vm.choices().rateCardProperty().set(OPENAI_MINUS_20);
        assertEquals(0, new BigDecimal("0.8").compareTo(ratio(row("gpt-4o").optimizedUsd(), gpt)));
        assertTrue(
                vm.summaryProperty().get().contains("after your rates"),
                vm.summaryProperty().get());
    }
}
