// SPDX-License-Identifier: Apache-2.0
package dev.costbench.ui.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.costbench.ui.common.DirectTaskExecutor;
import dev.costbench.ui.common.RecordingDialogService;
import dev.costbench.ui.common.UiContext;
import dev.costbench.ui.common.handoff.QualityCheckTarget;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The lab as a whole: what its center shows (setup, results, comparison, nothing) as the selection changes, "Check
 * quality" from the Prompt view through {@link QualityCheckTarget}, and a re-pricing that fails; no display.
 */
class LabViewModelTest {

    @RegisterExtension
    final TwoRuns runs = new TwoRuns();

    private final RecordingDialogService dialogs = new RecordingDialogService();

    @Test
    void theCenterFollowsTheSelection() {
        LabViewModel lab =
                LabFixtures.lab(runs.store(), LabFixtures.direct(dialogs), LabFixtures.answering(new ArrayList<>()));
        assertEquals(LabViewModel.Page.EMPTY, lab.pageProperty().get());
        lab.select(runs.lastWeek().id());
        assertEquals(LabViewModel.Page.RESULTS, lab.pageProperty().get());
        assertEquals(runs.lastWeek().id(), lab.results().current().id());
        lab.select(runs.today().id());
        assertEquals(runs.today().id(), lab.results().current().id());
        assertTrue(
                lab.results().titleProperty().get().startsWith("Support prompt, today · done"),
                lab.results().titleProperty().get());
        lab.history().selection().clear();
        assertEquals(LabViewModel.Page.EMPTY, lab.pageProperty().get());

        lab.select(runs.lastWeek().id());
        lab.showSetup();
        assertEquals(LabViewModel.Page.SETUP, lab.pageProperty().get());
        assertTrue(lab.history().selection().isEmpty(), "a new experiment: nothing selected in the history");
        lab.history().selection().setAll(lab.history().all());
        lab.compareSelected();
        assertEquals(LabViewModel.Page.COMPARE, lab.pageProperty().get());
        assertTrue(dialogs.shown().isEmpty(), dialogs.shown().toString());
    }

    @Test
    void checkQualityFromThePromptViewFillsTheSetupAndShowsIt() {
        LabViewModel lab =
                LabFixtures.lab(runs.store(), LabFixtures.direct(dialogs), LabFixtures.answering(new ArrayList<>()));
        lab.setup().checkedModels().setAll("gpt-4o-mini");
        lab.setup().params().budgetProperty().set("0.50");
        lab.select(runs.today().id());
        QualityCheckTarget target = lab;
        target.checkQuality(
                "Tuned prompt: 2 cuts",
                new QualityCheckTarget.Variant("You are a very helpful agent.", "Where is order {{id}}?"),
                new QualityCheckTarget.Variant("Be brief.", "Order {{id}}?"));
        assertEquals(LabViewModel.Page.SETUP, lab.pageProperty().get());
        assertTrue(lab.history().selection().isEmpty());
        SetupVariants v = lab.setup().variants();
        assertEquals("Tuned prompt: 2 cuts", lab.setup().nameProperty().get());
        assertEquals("You are a very helpful agent.", v.baseSystemProperty().get());
        assertEquals("Where is order {{id}}?", v.baseUserProperty().get());
        assertEquals("Be brief.", v.optSystemProperty().get());
        assertEquals("Order {{id}}?", v.optUserProperty().get());
        assertEquals(List.of("gpt-4o-mini"), lab.setup().checkedModels(), "models stay as they were");
        assertEquals("0.50", lab.setup().params().budgetProperty().get(), "the budget stays as it was");
    }

    @Test
    void aLabThatOnlyReadsTheStoreIgnoresCheckQualityAndRerun() {
        LabViewModel lab = new LabViewModel(LabFixtures.direct(dialogs), () -> runs.store());
        lab.checkQuality(
                "Tuned prompt", new QualityCheckTarget.Variant("a", "b"), new QualityCheckTarget.Variant("c", "d"));
        assertEquals(LabViewModel.Page.EMPTY, lab.pageProperty().get());
        lab.showSetup();
        assertEquals(LabViewModel.Page.EMPTY, lab.pageProperty().get());
        lab.select(runs.today().id());
        lab.rerunSelected();
        assertEquals(LabViewModel.Page.RESULTS, lab.pageProperty().get());
        assertEquals(2, runs.store().listExperiments().size(), "nothing was run");
    }

    @Test
    void theStatusOfARunStaysWithItsExperimentUntilAnotherIsOpened() {
        LabViewModel lab = LabFixtures.lab(runs.store(), LabFixtures.direct(dialogs), LabFixtures.noKeys());
        lab.setup().checkedModels().setAll("gpt-4o-mini");
        lab.setup().run();
        long id = lab.results().current().id();
        assertTrue(
                lab.results().statusProperty().get().startsWith("This run: "),
                lab.results().statusProperty().get());
        lab.select(runs.lastWeek().id());
        assertEquals("", lab.results().statusProperty().get(), "a finished run of another experiment: no status");
        lab.select(id);
        String status = lab.results().statusProperty().get();
        assertTrue(status.startsWith("No trial of this experiment has run yet (it is interrupted)"), status);
    }

    @Test
    void aRepricingThatFailsSaysWhichRunAndWhatWentWrong() {
        DirectTaskExecutor later = DirectTaskExecutor.held();
        LabViewModel lab = LabFixtures.lab(
                runs.store(),
                new UiContext(LabFixtures.holding(later, Set.of("A/B re-price")), dialogs),
                LabFixtures.answering(new ArrayList<>()));
        lab.select(runs.today().id());
        lab.repriceSelected();
        runs.store().close(); // its trials can no longer be read
        later.runPending();
        RecordingDialogService.Shown error = dialogs.last("error");
        assertEquals("Cannot re-price “Support prompt, today”", error.headline());
        assertTrue(!error.detail().isBlank(), "the reason");
        assertNull(lab.repricingProperty().get(), "no window with half a re-pricing");
        assertTrue(later.unhandled().isEmpty(), later.unhandled().toString());
    }
}
