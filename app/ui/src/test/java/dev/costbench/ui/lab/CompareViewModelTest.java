// SPDX-License-Identifier: Apache-2.0
package dev.costbench.ui.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.costbench.model.lab.stats.RunComparison;
import dev.costbench.ui.common.DirectTaskExecutor;
import dev.costbench.ui.common.RecordingDialogService;
import dev.costbench.ui.common.UiContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Two runs compared: the earlier one first whatever the order, "Comparing…" meanwhile, a failure says what to do. */
class CompareViewModelTest {

    @RegisterExtension
    final TwoRuns runs = new TwoRuns();

    private final RecordingDialogService dialogs = new RecordingDialogService();

    @Test
    void theEarlierRunComesFirstWhicheverIsPassedFirst() {
        CompareViewModel vm = new CompareViewModel(LabFixtures.direct(dialogs));
        vm.compare(runs.store(), runs.today(), runs.lastWeek());
        CompareViewModel.Shown shown = vm.shownProperty().get();
        assertNotNull(shown, vm.statusProperty().get());
        assertEquals(runs.lastWeek().id(), shown.earlier().id());
        assertEquals(runs.today().id(), shown.later().id());
        assertTrue(
                vm.titleProperty()
                        .get()
                        .startsWith("Compare #" + runs.lastWeek().id() + " Support prompt, last week ("),
                vm.titleProperty().get());
        assertTrue(vm.titleProperty().get().contains("→  #" + runs.today().id() + " Support prompt, today ("));
        RunComparison.Change latency = shown.comparison().rows().get(0).change(RunComparison.Metric.LATENCY_P50);
        assertTrue(latency.change() < 0, "today's run answers faster: " + latency);
        assertEquals(
                "4 variant × model rows; the cost per call changed significantly in 4.",
                vm.statusProperty().get());
        assertTrue(dialogs.shown().isEmpty(), "a comparison opens no dialog");
    }

    @Test
    void whileComparingTheStatusSaysSoAndTheOldComparisonIsGone() {
        DirectTaskExecutor held = DirectTaskExecutor.held();
        CompareViewModel vm = new CompareViewModel(new UiContext(held, dialogs));
        vm.compare(runs.store(), runs.lastWeek(), runs.today());
        assertEquals("Comparing…", vm.statusProperty().get());
        assertNull(vm.shownProperty().get());
        held.runPending();
        assertNotNull(vm.shownProperty().get());

        vm.compare(runs.store(), runs.today(), runs.lastWeek());
        assertNull(vm.shownProperty().get(), "no stale comparison under the new title");
        assertEquals("Comparing…", vm.statusProperty().get());
        held.runPending();
        assertNotNull(vm.shownProperty().get());
        assertTrue(held.unhandled().isEmpty(), held.unhandled().toString());
    }

    @Test
    void runsThatCannotBeReadSayWhatToDo() {
        DirectTaskExecutor held = DirectTaskExecutor.held();
        CompareViewModel vm = new CompareViewModel(new UiContext(held, dialogs));
        vm.compare(runs.store(), runs.lastWeek(), runs.today());
        runs.store().close(); // the trials can no longer be read
        held.runPending();
        assertNull(vm.shownProperty().get());
        String status = vm.statusProperty().get();
        assertTrue(status.startsWith("Cannot compare these runs: "), status);
        assertTrue(status.endsWith("Open each one to check that its trials can be read."), status);
        assertTrue(held.unhandled().isEmpty(), "the failure is shown, not dropped: " + held.unhandled());
    }
}
