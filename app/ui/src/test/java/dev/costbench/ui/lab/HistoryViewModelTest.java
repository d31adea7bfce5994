// SPDX-License-Identifier: Apache-2.0
package dev.costbench.ui.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.costbench.model.cost.Money;
import dev.costbench.model.lab.ExperimentOverview;
import dev.costbench.model.lab.run.ExperimentExport;
import dev.costbench.model.lab.run.ExperimentImport;
import dev.costbench.model.lab.run.Repricing;
import dev.costbench.model.lab.stats.RunComparison;
import dev.costbench.store.H2LabStore;
import dev.costbench.ui.common.RecordingDialogService;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The A/B lab's history: search, import, export, compare two runs, re-price one, delete; no display. */
class HistoryViewModelTest {

    private Path dir;
    private H2LabStore store;
    private final RecordingDialogService dialogs = new RecordingDialogService();
    private LabViewModel lab;
    private HistoryViewModel history;

    @BeforeEach
    void open() throws Exception {
        dir = Files.createTempDirectory("costbench-history-vm");
        store = H2LabStore.open(dir.resolve("data"));
        store.importExperiment(LabFixtures.snapshot("Support prompt, last week", 1000, 900, "2026-11-18T10:00:00Z"));
        store.importExperiment(LabFixtures.snapshot("Support prompt, today", 820, 600, "2026-11-25T10:00:00Z"));
        lab = new LabViewModel(LabFixtures.direct(dialogs), () -> store);
        history = lab.history();
        history.refresh();
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void theListShowsEachExperimentsSummaryAndIsSearched() {
        assertEquals(2, history.shown().size());
        assertEquals(40, history.shown().get(0).succeeded());
        assertTrue(
                HistoryViewModel.summary(history.shown().get(0)).contains("40 trials ok · $"),
                HistoryViewModel.summary(history.shown().get(0)));
        history.searchProperty().set("nothing like this");
        assertEquals(0, history.shown().size());
        history.searchProperty().set("TODAY");
        assertEquals(1, history.shown().size());
        history.searchProperty().set("gpt-4-0314");
        assertEquals(2, history.shown().size());
        assertEquals(LabViewModel.Page.EMPTY, lab.pageProperty().get());
        assertNull(lab.setup(), "a lab that only reads the store has no setup");
    }

    @Test
    void eachSummarySaysTheCostPerSuccessfulTrialOrThatNoneSucceeded() {
        ExperimentOverview o = history.shown().get(0);
        String s = HistoryViewModel.summary(o);
        String per = Money.format(o.spentUsd().divide(BigDecimal.valueOf(40), MathContext.DECIMAL64));
        assertTrue(s.endsWith(" · " + per + " per successful trial"), s);
        ExperimentOverview none =
                new ExperimentOverview(o.experiment(), 3, 0, 3, BigDecimal.ZERO, new BigDecimal("0.02"));
        assertTrue(HistoryViewModel.summary(none).endsWith(" · no successful trial"), HistoryViewModel.summary(none));
    }

    @Test
    void eachSummarySaysWhoCreatedTheExperimentWhenTheStoreKnows() {
        ExperimentOverview o = history.shown().get(0);
        ExperimentOverview byAlice = new ExperimentOverview(
                o.experiment(), o.trials(), o.succeeded(), o.failed(), o.trialCostUsd(), o.spentUsd(), 0, "alice");
        String second = HistoryViewModel.summary(byAlice).split("\n")[1];
        assertTrue(second.endsWith(" · by alice"), second);
        ExperimentOverview unknown = new ExperimentOverview(
                o.experiment(), o.trials(), o.succeeded(), o.failed(), o.trialCostUsd(), o.spentUsd(), 0, null);
        assertFalse(HistoryViewModel.summary(unknown).contains(" by "), HistoryViewModel.summary(unknown));
    }

    @Test
    void anExportComesBackAsANewMarkedExperimentAndABadFileChangesNothing() throws Exception {
        Path f = dir.resolve("last-week.json");
        Files.writeString(f, ExperimentExport.json(store, 1));
        history.importFrom(f);
        assertEquals(3, history.all().size());
        assertEquals(3, history.selected().id(), "the import is selected and shown");
        assertEquals(LabViewModel.Page.RESULTS, lab.pageProperty().get());
        assertTrue(ExperimentImport.isImported(store.loadExperiment(3)));
        assertEquals(store.trials(1).size(), store.trials(3).size());
        history.searchProperty().set("imported");
        assertEquals(1, history.shown().size());

        Path bad = dir.resolve("future.json");
        Files.writeString(bad, Files.readString(f).replace("\"format\" : 1", "\"format\" : 2"));
        dialogs.answer(bad);
        history.importChosen();
        RecordingDialogService.Shown error = dialogs.last("error");
        assertEquals("Cannot import future.json", error.headline());
        assertTrue(
                error.detail().contains("export format 2") && error.detail().contains("Nothing was imported"),
                error.detail());
        assertEquals(3, history.all().size());
    }

    @Test
    void theSelectedExperimentIsExportedAsJsonOrCsv() throws Exception {
        history.exportSelected();
        assertEquals("Select an experiment to export", dialogs.last("info").headline());
        history.selectOnly(2);
        Path json = dir.resolve("today.json");
        dialogs.answer(json);
        history.exportSelected();
        assertEquals("Support-prompt--today.json", dialogs.last("saveFile").detail());
        assertTrue(Files.readString(json).contains("\"trials\""));
        assertEquals("Exported to today.json", dialogs.last("notify").headline());
        Path csv = dir.resolve("today.csv");
        history.exportTo(2, csv);
        assertEquals(1 + 40, Files.readAllLines(csv).size(), "CSV: a header and one row per trial");
        history.exportTo(2, dir); // a folder cannot be written as a file
        assertEquals("The export failed", dialogs.last("error").headline());
    }

    @Test
    void twoRunsAreComparedEarlierFirst() {
        lab.compareSelected();
        assertEquals("Select two experiments to compare", dialogs.last("info").headline());
        history.selection().setAll(history.all());
        lab.compareSelected();
        assertEquals(LabViewModel.Page.COMPARE, lab.pageProperty().get());
        CompareViewModel.Shown shown = lab.compare().shownProperty().get();
        assertNotNull(shown, lab.compare().statusProperty().get());
        assertEquals(1, shown.earlier().id());
        RunComparison c = shown.comparison();
        assertEquals(4, c.rows().size());
        RunComparison.Change cost = c.rows().get(0).change(RunComparison.Metric.COST_PER_CALL);
        assertTrue(cost.change() < 0 && cost.significant(), cost.toString());
        assertTrue(lab.compare().titleProperty().get().startsWith("Compare #1 Support prompt, last week"));
        assertTrue(lab.compare().statusProperty().get().startsWith("4 variant × model rows"));
    }

    @Test
    void aRunIsRepricedAtTodaysPricesNamingTheRetiredModel() {
        lab.repriceSelected();
        assertEquals("Select an experiment to re-price", dialogs.last("info").headline());
        lab.select(2);
        lab.repriceSelected();
        RepriceView.Shown shown = lab.repricingProperty().get();
        assertNotNull(shown);
        Repricing r = shown.repricing();
        assertEquals(4, r.rows().size());
        assertTrue(RepriceView.missingText(r).contains("gpt-4-0314-retired"), RepriceView.missingText(r));
        assertTrue(RepriceView.totalText(r).startsWith("Total of the calls priced then and now: "));
        assertTrue(shown.headline().startsWith("#2 Support prompt, today at the prices of the current catalog"));
    }

    @Test
    void deletingAsksFirstAndKeepsTheLedger() {
        history.selectOnly(1);
        history.deleteSelected();
        assertTrue(dialogs.last("confirm").detail().contains("The ledger keeps what was spent"));
        assertEquals(2, history.all().size(), "not confirmed: kept");
        dialogs.answer(true);
        history.deleteSelected();
        assertEquals(1, history.all().size());
        assertTrue(history.selection().isEmpty());
        assertEquals(LabViewModel.Page.EMPTY, lab.pageProperty().get());
    }
}
