// SPDX-License-Identifier: Apache-2.0
package dev.costbench.ui.prompt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.costbench.model.catalog.Catalog;
import dev.costbench.model.catalog.CatalogBuilder;
import dev.costbench.model.catalog.ModelEntry;
import dev.costbench.model.cost.CostRow;
import dev.costbench.model.lab.calibration.Calibration;
import dev.costbench.model.lab.calibration.CalibrationSample;
import dev.costbench.model.lab.calibration.Calibrations;
import dev.costbench.model.lab.calibration.InMemoryCalibrationRepository;
import dev.costbench.ui.common.DirectTaskExecutor;
import dev.costbench.ui.common.RecordingDialogService;
import dev.costbench.ui.common.ScriptedClient;
import dev.costbench.ui.common.UiContext;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Calibration in the Prompt view: Count exactly and Send keep counts, the table shows them, Reset forgets them. */
class CalibrationViewModelTest {

    private static final Catalog CATALOG = CatalogBuilder.builtIn();
    private final RecordingDialogService dialogs = new RecordingDialogService();
    private final ScriptedClient fake = new ScriptedClient();
    private final InMemoryCalibrationRepository repo = new InMemoryCalibrationRepository();

    private PromptFeature feature() {
        PromptFeature f = new PromptFeature(
                new UiContext(new DirectTaskExecutor(), dialogs), CATALOG, id -> fake, (n, b, o) -> {}, t -> {});
        f.useCalibration(new Calibrations(repo));
        f.prompt().systemTextProperty().set("You are terse.");
        f.prompt().userTextProperty().set("Say hello to the new customer and thank them for their order.");
        f.prompt().outputTokensProperty().set(50);
        return f;
    }

    private static ModelEntry claude() {
        return CATALOG.models().stream()
                .filter(m -> m.tokenizer().equals("claude"))
                .findFirst()
                .orElseThrow();
    }

    private static CostRow row(PromptFeature f, ModelEntry m) {
        return f.prompt().rows().stream()
                .filter(r -> r.model().id().equals(m.id()))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void afterEnoughExactCountsTheTableShowsTheCalibratedEstimateCloserToTheCount() {
        PromptFeature f = feature();
        ModelEntry m = claude();
        f.prompt().selectedModelProperty().set(m);
        long before = row(f, m).input().tokens();
        for (int i = 0; i < Calibration.MIN_COUNTS - 1; i++) {
            f.run().countExactly();
        }
        assertEquals(Calibration.MIN_COUNTS - 1, repo.calibrationSamples().size());
        assertEquals("≈ " + before, Calibration.label(row(f, m).input()), "no correction below the minimum");
        f.run().countExactly();
        CalibrationSample s = repo.calibrationSamples().get(0);
        assertEquals("claude", s.family());
        assertEquals(CalibrationSample.Source.COUNT, s.source());
        assertEquals(ScriptedClient.COUNT, s.actual());
        long after = row(f, m).input().tokens();
        assertTrue(
                Math.abs(after - ScriptedClient.COUNT) < Math.abs(before - ScriptedClient.COUNT),
                before + " → " + after);
        assertTrue(
                Calibration.label(row(f, m).input()).endsWith("(calibrated from 5 counts, ±1 %)"),
                Calibration.label(row(f, m).input()));
    }

    @Test
    void sendKeepsTheReportedInputAndExactModelsKeepNothing() {
        PromptFeature f = feature();
        f.prompt().selectedModelProperty().set(claude());
        f.run().send();
        assertEquals(1, repo.calibrationSamples().size());
        assertEquals(
                CalibrationSample.Source.SEND, repo.calibrationSamples().get(0).source());
        assertEquals(1000 + 1024, repo.calibrationSamples().get(0).actual(), "uncached + cache read");
        f.prompt().selectedModelProperty().set(CATALOG.find("gpt-4o-mini").orElseThrow());
        f.run().countExactly();
        assertEquals(1, repo.calibrationSamples().size(), "an exact tokenizer needs no calibration");
        assertFalse(f.run().calibrationActions().canResetProperty().get());
    }

    @Test
    void theTokenTaxsCountExactlyKeepsOneCountPerEstimatedFamily() {
        PromptFeature f = feature();
        f.prompt().selectedModelProperty().set(claude());
        TokensViewModel vm = f.tokens();
        vm.taxModeProperty().set(true);
        vm.activeProperty().set(true);
        vm.exactCounts().countExactly(vm.taxProperty().get());
        List<String> families = repo.calibrationSamples().stream()
                .map(CalibrationSample::family)
                .sorted()
                .toList();
        assertTrue(families.containsAll(List.of("claude", "gemini")), families.toString());
        assertFalse(families.contains("o200k_base"), "exact tokenizers are not calibrated");
        assertTrue(repo.calibrationSamples().stream().allMatch(s -> s.actual() == ScriptedClient.COUNT));
    }

    @Test
    void resetAsksThenForgetsTheFamilysCounts() {
        PromptFeature f = feature();
        ModelEntry m = claude();
        f.prompt().selectedModelProperty().set(m);
        for (int i = 0; i < Calibration.MIN_COUNTS; i++) {
            f.run().countExactly();
        }
        dialogs.answer(false);
        f.run().calibrationActions().reset();
        assertEquals(Calibration.MIN_COUNTS, repo.calibrationSamples().size(), "not confirmed: nothing forgotten");
        assertTrue(
                dialogs.last("confirm").detail().contains("forgets the 5 exact counts kept for Claude models"),
                dialogs.last("confirm").detail());
        dialogs.answer(true);
        f.run().calibrationActions().reset();
        assertTrue(repo.calibrationSamples().isEmpty());
        assertTrue(
                dialogs.last("notify").headline().contains("Forgot 5 exact counts of Claude"),
                dialogs.last("notify").headline());
        assertFalse(Calibration.label(row(f, m).input()).contains("calibrated"));
    }
}
