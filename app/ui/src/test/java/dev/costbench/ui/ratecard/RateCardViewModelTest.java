// SPDX-License-Identifier: Apache-2.0
package dev.costbench.ui.ratecard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.costbench.model.catalog.CatalogBuilder;
import dev.costbench.model.catalog.ServiceTier;
import dev.costbench.model.ratecard.RateCard;
import dev.costbench.model.ratecard.RateCardFile;
import dev.costbench.ui.common.DirectTaskExecutor;
import dev.costbench.ui.common.RecordingDialogService;
import dev.costbench.ui.common.UiContext;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The rate-card editor without a display: load, edit, validate in the user's words, save. */
class RateCardViewModelTest {

    @TempDir
    Path dir;

    private final RecordingDialogService dialogs = new RecordingDialogService();

    private RateCardViewModel vm(Path file) {
        var catalog = CatalogBuilder.builtIn();
        return new RateCardViewModel(new UiContext(new DirectTaskExecutor(), dialogs), file, () -> catalog);
    }

    @Test
    void addEditAndSaveWritesTheFileAndPutsTheCardInForce() throws Exception {
        Path file = dir.resolve("rate-card.json");
        RateCardViewModel vm = vm(file);
        vm.load();
        assertTrue(vm.savedProperty().get().isEmpty());
        assertTrue(
                vm.statusProperty().get().startsWith("No rate card yet"),
                vm.statusProperty().get());
        RateLine l = vm.addLine();
        l.labelProperty().set("Azure OpenAI commitment");
        l.providerProperty().set("openai");
        l.modelsProperty().set("gpt-5*");
        l.tierProperty().set(ServiceTier.STANDARD);
        l.percentProperty().set("−15 %");
        assertTrue(vm.problems().isEmpty(), vm.problems().toString());
        assertTrue(vm.dirtyProperty().get());
        vm.save();
        assertFalse(vm.dirtyProperty().get());
        RateCard saved = RateCardFile.read(file);
        assertEquals(saved, vm.savedProperty().get());
        assertEquals(1, saved.adjustments().size());
        assertEquals(
                0, new BigDecimal("-15").compareTo(saved.adjustments().get(0).percent()));
        assertEquals(ServiceTier.STANDARD, saved.adjustments().get(0).serviceTier());
        assertTrue(
                vm.statusProperty().get().startsWith("Saved 1 line to "),
                vm.statusProperty().get());
    }

    @Test
    void problemsAreInTheUsersWordsAndBlockSaving() throws Exception {
        Path file = dir.resolve("rate-card.json");
        RateCardViewModel vm = vm(file);
        vm.load();
        RateLine l = vm.addLine();
        l.percentProperty().set("lots");
        assertEquals(
                List.of(
                        "line 1: give the line a name, e.g. \"Azure OpenAI commitment\"",
                        "line 1: give a percentage, e.g. -15 for a 15 % discount or 5 for a 5 % markup"),
                vm.problems());
        l.labelProperty().set("reseller");
        l.percentProperty().set("-120");
        assertEquals(
                List.of(
                        "line 1 (reseller): the percentage -120 is outside −100 to 1,000 (−15 is a 15 % discount, 5 a 5 %"
                                + " markup)"),
                vm.problems());
        vm.save();
        assertFalse(Files.exists(file), "an invalid card is not saved");
        assertEquals("Not saved: fix 1 problem first.", vm.statusProperty().get());
        l.percentProperty().set("5");
        assertTrue(vm.problems().isEmpty());
        vm.remove(l);
        assertTrue(vm.lines().isEmpty());
    }

    @Test
    void aBrokenFileIsReportedAndListPricesApply() throws Exception {
        Path file = dir.resolve("rate-card.json");
        Files.writeString(file, "{\"rateCardVersion\": 3, \"adjustments\": []}");
        RateCardViewModel vm = vm(file);
        vm.load();
        assertTrue(vm.savedProperty().get().isEmpty());
        assertTrue(
                vm.statusProperty().get().contains("rate card version 3 is not one this CostBench reads"),
                vm.statusProperty().get());
        assertTrue(vm.statusProperty().get().endsWith("List prices are used until you save a valid card here."));
    }

    @Test
    void loadShowsTheLinesAndRevertPutsThemBack() throws Exception {
        Path file = dir.resolve("rate-card.json");
        Files.writeString(file, """
                {"rateCardVersion": 1, "adjustments": [
                  {"label": "reseller", "percent": 5},
                  {"label": "Azure", "provider": "openai", "percent": -15}
                ]}
                """);
        RateCardViewModel vm = vm(file);
        vm.load();
        assertEquals(2, vm.lines().size());
        assertFalse(vm.dirtyProperty().get());
        vm.moveUp(vm.lines().get(1));
        assertEquals("Azure", vm.lines().get(0).labelProperty().get());
        vm.lines().get(0).percentProperty().set("-20");
        assertTrue(vm.dirtyProperty().get());
        vm.revert();
        assertEquals("reseller", vm.lines().get(0).labelProperty().get());
        assertFalse(vm.dirtyProperty().get());
        assertEquals("OpenAI", RateCardViewModel.providerName("openai"));
        assertEquals("Every provider", RateCardViewModel.providerName(""));
        assertTrue(vm.providerIds().contains("anthropic"));
    }
}
