// SPDX-License-Identifier: Apache-2.0
package dev.costbench.ui.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.costbench.model.catalog.Catalog;
import dev.costbench.model.catalog.CatalogBuilder;
import dev.costbench.model.ratecard.RateAdjustment;
import dev.costbench.model.ratecard.RateCard;
import dev.costbench.ui.common.DirectTaskExecutor;
import dev.costbench.ui.common.RecordingDialogService;
import dev.costbench.ui.common.UiContext;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The rate card in the Media view's image prices, without a display. */
class MediaRatesViewModelTest {

    private static final Catalog CATALOG = CatalogBuilder.builtIn();

    @TempDir
    Path dir;

    private final DirectTaskExecutor tasks = new DirectTaskExecutor();
    private final MediaViewModel vm =
            new MediaViewModel(new UiContext(tasks, new RecordingDialogService()), () -> CATALOG);

    @AfterEach
    void tearDown() {
        vm.close();
        assertTrue(tasks.unhandled().isEmpty(), tasks.unhandled().toString());
    }

    private MediaCostRow row(String id) {
        return vm.rows().stream().filter(r -> r.id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void aRateCardRepricesTheImagesItMatches() throws Exception {
        vm.load(MediaFiles.photo(dir));
        BigDecimal gpt = row("gpt-4o").originalUsd();
        BigDecimal gemini = row("gemini-2.5-flash").originalUsd();
        vm.choices()
                .rateCardProperty()
                .set(new RateCard(
                        List.of(new RateAdjustment("commitment", "openai", "*", null, new BigDecimal("-20")))));
        assertEquals(
                0, new BigDecimal("0.8").compareTo(row("gpt-4o").originalUsd().divide(gpt, MathContext.DECIMAL64)));
        assertEquals(0, gemini.compareTo(row("gemini-2.5-flash").originalUsd()), "other providers keep list price");
        vm.choices().rateCardProperty().set(RateCard.NONE);
        assertEquals(0, gpt.compareTo(row("gpt-4o").originalUsd()));
    }
}
