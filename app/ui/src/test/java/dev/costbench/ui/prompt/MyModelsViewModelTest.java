// SPDX-License-Identifier: Apache-2.0
package dev.costbench.ui.prompt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.costbench.model.catalog.CatalogBuilder;
import dev.costbench.model.catalog.Tier;
import dev.costbench.model.cost.CostRow;
import dev.costbench.ui.common.DirectTaskExecutor;
import dev.costbench.ui.common.RecordingDialogService;
import dev.costbench.ui.common.UiContext;
import java.util.List;
import java.util.Set;
import java.util.prefs.Preferences;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The cost table's "My models" set and its filter chips, without a display. */
class MyModelsViewModelTest {

    private final Preferences prefs = Preferences.userRoot().node("dev/costbench/test/my-models-" + System.nanoTime());
    private final PromptFeature f = new PromptFeature(
            new UiContext(new DirectTaskExecutor(), new RecordingDialogService()),
            CatalogBuilder.builtIn(),
            null,
            (n, b, o) -> {},
            t -> {});
    private final CostTableViewModel vm = f.table();

    @AfterEach
    void dropPrefs() throws Exception {
        prefs.removeNode();
    }

    private CostRow row(String id) {
        return f.prompt().rows().stream()
                .filter(r -> r.model().id().equals(id))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void myModelsAreRememberedAndCanBeShownAlone() {
        f.prompt().userTextProperty().set("Hello");
        vm.useMyModels(MyModels.in(prefs));
        vm.toggleMine(row("gpt-5"));
        vm.toggleMine(row("claude-haiku-4-5"));
        assertTrue(vm.isMine(row("gpt-5")));
        assertTrue(
                vm.summaryProperty().get().contains("(2 of my models)"),
                vm.summaryProperty().get());

        vm.onlyMineProperty().set(true);
        assertEquals(Set.of("gpt-5", "claude-haiku-4-5"), ids(vm.shown()));

        // The next start reads them back from the same place.
        CostTableViewModel next = new PromptFeature(
                        new UiContext(new DirectTaskExecutor(), new RecordingDialogService()),
                        CatalogBuilder.builtIn(),
                        null,
                        (n, b, o) -> {},
                        t -> {})
                .table();
        next.useMyModels(MyModels.in(prefs));
        assertEquals(Set.of("gpt-5", "claude-haiku-4-5"), next.myModels());

        vm.toggleMine(row("gpt-5"));
        assertFalse(vm.isMine(row("gpt-5")));
        assertEquals(Set.of("claude-haiku-4-5"), MyModels.in(prefs).load());
    }

    @Test
    void eachActiveFilterIsAChipThatRemovesItself() {
        f.prompt().userTextProperty().set("Hello");
        assertEquals(List.of(), vm.chips());
        vm.searchProperty().set("mini");
        vm.checkedProviders().add("OpenAI");
        vm.checkedTiers().add(Tier.LIGHT);
        vm.onlyMineProperty().set(true);
        assertEquals(
                List.of("Search: mini", "Provider: OpenAI", "Tier: " + Tier.LIGHT.label(), "Only my models"),
                vm.chips().stream().map(FilterChip::label).toList());

        vm.chips().get(1).remove().run();
        assertEquals(List.of(), vm.checkedProviders());
        assertEquals(3, vm.chips().size());

        vm.clearFilters();
        assertEquals(List.of(), vm.chips());
        assertEquals(f.prompt().rows().size(), vm.shown().size(), "every model again");
    }

    private static Set<String> ids(List<CostRow> rows) {
        return Set.copyOf(rows.stream().map(r -> r.model().id()).toList());
    }
}
