// SPDX-License-Identifier: Apache-2.0
package dev.costbench.ui.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.costbench.model.catalog.ModelEntry;
import dev.costbench.model.catalog.ServiceTier;
import dev.costbench.model.cost.BillingOptions;
import dev.costbench.model.cost.CostEngine;
import dev.costbench.model.lab.ExperimentStatus;
import dev.costbench.model.lab.LedgerPurpose;
import dev.costbench.model.lab.Trial;
import dev.costbench.model.lab.judge.JudgeSpec;
import dev.costbench.model.lab.run.ClientSource;
import dev.costbench.model.lab.run.Repricing;
import dev.costbench.model.lab.run.RunResult;
import dev.costbench.model.lab.stats.QualitySettings;
import dev.costbench.model.lab.stats.VerdictThresholds;
import dev.costbench.model.provider.ChatRequest;
import dev.costbench.model.provider.Part;
import dev.costbench.ui.common.DirectTaskExecutor;
import dev.costbench.ui.common.RecordingDialogService;
import dev.costbench.ui.common.UiContext;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Run ▶ from the setup to the results: progress, the judge, rerun, and a run that could run nothing (issue 16). */
class RunViewModelTest extends LabStoreTest {

    @Test
    void aRunEndsInTheResultsWithItsVerdict() {
        LabViewModel lab = LabFixtures.lab(store, LabFixtures.direct(dialogs), LabFixtures.answering(sent));
        lab.showSetup();
        lab.setup().checkedModels().setAll("gpt-4o-mini");
        lab.setup().run();
        RunViewModel.Finished f = lab.setup().runModel().finishedProperty().get();
        assertNotNull(f, lab.setup().errorProperty().get());
        assertEquals(RunResult.Outcome.COMPLETED, f.result().outcome());
        assertEquals(18, sent.size()); // 2 variants × 3 tickets × 3 repetitions
        assertEquals("", f.status());
        assertFalse(lab.setup().runModel().runningProperty().get());
        assertEquals(
                "all 18 trials done",
                lab.setup().runModel().progressTextProperty().get());
        assertEquals(LabViewModel.Page.RESULTS, lab.pageProperty().get());
        assertEquals(f.experimentId(), lab.history().selected().id(), "the new run is selected in the history");
        var res = lab.results().resultsProperty().get();
        assertEquals(9, res.summaries().get(0).succeeded());
        assertTrue(
                lab.results().verdicts().get(0).text().contains("saving"),
                lab.results().verdicts().toString());
        assertEquals("", lab.results().statusProperty().get());
        assertTrue(dialogs.shown().isEmpty(), dialogs.shown().toString());
    }

    @Test
    void whileRunningRunIsOffAndCancelShows() {
        DirectTaskExecutor held = DirectTaskExecutor.held();
        LabViewModel lab = LabFixtures.lab(store, new UiContext(held, dialogs), LabFixtures.answering(sent));
        lab.setup().checkedModels().setAll("gpt-4o-mini");
        lab.setup().run();
        RunViewModel run = lab.setup().runModel();
        assertTrue(run.runningProperty().get());
        assertEquals("Starting…", run.progressTextProperty().get());
        lab.setup().run(); // a second Run ▶ while running starts nothing
        held.runPending();
        assertFalse(run.runningProperty().get());
        assertEquals(1, store.listExperiments().size());
        assertEquals(1.0, run.progressProperty().get());
    }

    @Test
    void aRunWithAJudgeShowsTheScoresAndTheJudgeSpendApart() {
        LabViewModel lab = LabFixtures.lab(store, LabFixtures.direct(dialogs), LabFixtures.answering(sent));
        SetupViewModel setup = lab.setup();
        setup.checkedModels().setAll("gpt-4o-mini");
        setup.setQualitySource(() -> new QualitySettings(
                List.of(),
                VerdictThresholds.defaults(),
                new JudgeSpec(
                        "gpt-4o-mini", JudgeSpec.DEFAULT_RUBRIC, 5, false, JudgeSpec.DEFAULT_MAX_OUTPUT_TOKENS, null)));
        setup.run();
        long judged = sent.stream()
                .filter(r -> r.system() != null && r.system().contains("impartial judge"))
                .count();
        assertEquals(18, judged, "every output judged once");
        assertTrue(setup.runModel().progressTextProperty().get().startsWith("Judge: "));
        long id = setup.runModel().finishedProperty().get().experimentId();
        var res = lab.results().resultsProperty().get();
        var base = res.summaries().get(0);
        var opt = res.summaries().get(1);
        assertEquals(
                5.0,
                res.qualityOf(base.variantId(), base.modelId())
                        .orElseThrow()
                        .judgeScores()
                        .mean(),
                1e-9);
        assertEquals(
                4.0,
                res.qualityOf(opt.variantId(), opt.modelId())
                        .orElseThrow()
                        .judgeScores()
                        .mean(),
                1e-9);
        assertTrue(
                lab.results().judgeCell(opt).startsWith("4.00"), lab.results().judgeCell(opt));
        String spend = lab.results().spendProperty().get();
        assertTrue(
                spend.startsWith("Spent: trials $") && spend.contains(" · judge $") && spend.contains("18 scored"),
                spend);
        assertTrue(store.spentOnExperiment(id, LedgerPurpose.JUDGE).signum() > 0);
        OutputsModel.Side right = lab.results().outputs().shownProperty().get().right();
        assertTrue(right.title().startsWith("optimized · $") && right.title().endsWith("· judge 4/5"), right.title());
        assertTrue(right.tooltip().contains("Correct but terse."), right.tooltip());
    }

    /** Issue 16: the reason is shown where the user is taken (the results) and in an error dialog. */
    @Test
    void aRunWithoutKeysSaysWhichKeysToSetWhereTheUserLooks() {
        LabViewModel lab = LabFixtures.lab(store, LabFixtures.direct(dialogs), LabFixtures.noKeys());
        lab.setup().checkedModels().setAll("gemini-2.5-flash", "gpt-4o-mini");
        lab.setup().run();
        RecordingDialogService.Shown error = dialogs.last("error");
        assertNotNull(error, "an error dialog when nothing at all could run");
        assertEquals("No trial could run", error.headline());
        assertTrue(error.detail().contains("36 of 36 trials failed or could not run"), error.detail());
        assertTrue(
                error.detail().contains("No Google Gemini API key: set GEMINI_API_KEY or paste one under Providers")
                        && error.detail().contains("No OpenAI API key: set OPENAI_API_KEY"),
                error.detail());
        assertTrue(
                error.detail().contains("Set the missing API keys in the Providers tab")
                        && error.detail().contains("Rerun"),
                error.detail());
        assertEquals(LabViewModel.Page.RESULTS, lab.pageProperty().get());
        String status = lab.results().statusProperty().get();
        assertTrue(
                status.startsWith("This run: 36 of 36 trials failed or could not run")
                        && status.contains("No Google Gemini API key")
                        && status.contains("Providers tab"),
                status);
        long id = lab.setup().runModel().finishedProperty().get().experimentId();
        assertEquals(ExperimentStatus.INTERRUPTED, store.loadExperiment(id).status());

        // Rerun with still nothing runnable says so again instead of doing nothing visible
        dialogs.shown().clear();
        lab.history().selectOnly(id);
        lab.rerunSelected();
        assertEquals("No trial could run", dialogs.last("error").headline());
        assertEquals(1, store.listExperiments().size(), "an interrupted experiment is resumed, not copied");
        assertTrue(
                lab.results().statusProperty().get().startsWith("This run: "),
                lab.results().statusProperty().get());

        // opened later (after a restart) from the history, the results still say what to do
        LabViewModel later = LabFixtures.lab(store, LabFixtures.direct(dialogs), LabFixtures.noKeys());
        later.select(id);
        assertTrue(
                later.results()
                        .statusProperty()
                        .get()
                        .startsWith("No trial of this experiment has run yet (it is "
                                + "interrupted). If a provider has no API key, set it in the Providers tab"),
                later.results().statusProperty().get());
        String line = HistoryViewModel.summary(lab.history().all().get(0));
        assertTrue(line.contains("no trial has succeeded yet — Rerun"), line);
    }

    @Test
    void aRunThatCannotStartSaysWhyAndStoresNothing() throws Exception {
        LabViewModel lab = LabFixtures.lab(store, LabFixtures.direct(dialogs), LabFixtures.answering(sent));
        SetupViewModel setup = lab.setup();
        // o3-mini after gpt-4o-mini: ControlsFX once reported that pair as [null, gpt-4o-mini]
        setup.checkedModels().setAll("gpt-4o-mini", "o3-mini");
        setup.variants().attach(setup.variants().baselineMedia(), LabFixtures.image(dir, "receipt-512.png"));
        setup.run();
        assertTrue(
                setup.errorProperty().get().startsWith("model \"o3-mini\" does not take images"),
                setup.errorProperty().get());
        assertFalse(setup.runModel().runningProperty().get());
        assertNull(setup.runModel().finishedProperty().get());
        assertTrue(store.listExperiments().isEmpty());
        assertTrue(sent.isEmpty());
    }

    @Test
    void withoutAStoreTheRunSaysSo() {
        LabViewModel lab = new LabViewModel(
                LabFixtures.direct(dialogs),
                () -> null,
                () -> LabFixtures.CATALOG,
                LabFixtures.answering(sent),
                null,
                null);
        lab.setup().run();
        assertTrue(lab.setup().errorProperty().get().startsWith("The local store is not open"));
        lab.history().refresh();
        assertEquals(
                HistoryViewModel.NO_STORE, lab.history().emptyTextProperty().get());
    }

    @Test
    void aFinishedExperimentIsRerunAsANewOneWithEveryImageSent() throws Exception {
        LabViewModel lab = LabFixtures.lab(store, LabFixtures.direct(dialogs), LabFixtures.answering(sent));
        SetupViewModel setup = lab.setup();
        setup.checkedModels().setAll("gpt-4o-mini");
        setup.variants().attach(setup.variants().baselineMedia(), LabFixtures.image(dir, "receipt-2048.png"));
        setup.variants().attach(setup.variants().optimizedMedia(), LabFixtures.image(dir, "receipt-512.png"));
        setup.run();
        byte[] big = Files.readAllBytes(dir.resolve("receipt-2048.png"));
        assertEquals(18, sent.size());
        for (ChatRequest r : sent) {
            List<Part> parts = r.messages().get(0).parts();
            assertEquals(2, parts.size());
            assertTrue(parts.get(1) instanceof Part.Image);
        }
        assertTrue(sent.stream()
                .anyMatch(r -> ((Part.Image) r.messages().get(0).parts().get(1)).data().length == big.length));
        OutputsModel.Shown shown = lab.results().outputs().shownProperty().get();
        assertTrue(
                shown.left().media().contains("receipt-2048.png · 1536×2048"),
                shown.left().media());
        assertTrue(
                shown.right().media().contains("receipt-512.png · 384×512"),
                shown.right().media());
        long first = setup.runModel().finishedProperty().get().experimentId();
        lab.rerunSelected();
        assertEquals(2, store.listExperiments().size(), "the rerun of a finished experiment is a new one");
        assertTrue(lab.history().selected().id() != first);
        assertTrue(lab.history().selected().name().endsWith("(rerun)"));
        assertEquals(
                0,
                new BigDecimal("1.00")
                        .compareTo(store.loadExperiment(lab.history().selected().id())
                                .budgetCapUsd()));
    }

    // ---- service tiers: asked, served, flagged; re-pricing at a date ----

    /** Answers as {@link LabFixtures#fake}, the first {@code downgraded} calls served "default", the rest as asked. */
    private ClientSource serving(int downgraded) {
        AtomicInteger calls = new AtomicInteger();
        return id ->
                LabFixtures.fake(id, sent, r -> calls.getAndIncrement() < downgraded ? "default" : r.serviceTier());
    }

    @Test
    void aRunAsksForTheTierPricesWhatWasServedAndFlagsTheDowngrade() {
        LabViewModel lab = LabFixtures.lab(store, LabFixtures.direct(dialogs), serving(3));
        lab.showSetup();
        assertEquals(
                ServiceTier.STANDARD, lab.setup().params().serviceTierProperty().get(), "Standard by default");
        lab.setup().checkedModels().setAll("gpt-5");
        lab.setup().params().serviceTierProperty().set(ServiceTier.PRIORITY);
        lab.setup().run();
        assertNotNull(
                lab.setup().runModel().finishedProperty().get(),
                lab.setup().errorProperty().get());
        assertEquals(18, sent.size());
        assertTrue(sent.stream().allMatch(r -> "priority".equals(r.serviceTier())), "every call asks for priority");

        long id = lab.setup().runModel().finishedProperty().get().experimentId();
        ModelEntry gpt5 = LabFixtures.CATALOG.find("gpt-5").orElseThrow();
        for (Trial t : store.trials(id)) {
            ServiceTier served = "default".equals(t.servedTier()) ? ServiceTier.STANDARD : ServiceTier.PRIORITY;
            assertEquals(ServiceTier.PRIORITY, t.requestedTier());
            assertEquals(
                    0,
                    CostEngine.price(gpt5, t.usage(), BillingOptions.INTERACTIVE.withTier(served))
                            .total()
                            .compareTo(t.costUsd()),
                    "trial " + t.id() + " priced at the tier served, " + t.servedTier());
        }
        assertEquals(
                "GPT-5 · OpenAI: asked for Priority, served default on 3 of 18 trials — priced at Standard",
                lab.results().tiersProperty().get());
        String line = HistoryViewModel.summary(store.overviews().get(0));
        assertTrue(line.contains("3 trials served at another service tier than asked"), line);
    }

    @Test
    void aRunServedAsAskedShowsNoFlag() {
        LabViewModel lab = LabFixtures.lab(store, LabFixtures.direct(dialogs), serving(0));
        lab.showSetup();
        lab.setup().checkedModels().setAll("gpt-5");
        lab.setup().params().serviceTierProperty().set(ServiceTier.FLEX);
        lab.setup().run();
        assertEquals(18, sent.size());
        assertEquals("", lab.results().tiersProperty().get());
        assertTrue(
                !HistoryViewModel.summary(store.overviews().get(0)).contains("service tier"),
                HistoryViewModel.summary(store.overviews().get(0)));
    }

    @Test
    void aTierAProviderCannotBeAskedForIsRefusedBeforeAnythingIsCreated() {
        LabViewModel lab = LabFixtures.lab(store, LabFixtures.direct(dialogs), serving(0));
        lab.showSetup();
        lab.setup().checkedModels().setAll("gpt-4o-mini", "claude-haiku-4-5");
        lab.setup().params().serviceTierProperty().set(ServiceTier.FLEX);
        lab.setup().run();
        String error = lab.setup().errorProperty().get();
        assertTrue(
                error.contains("claude-haiku-4-5: The Anthropic API cannot be asked for the Flex service tier"), error);
        assertTrue(error.contains("Choose Standard"), error);
        assertTrue(sent.isEmpty());
        assertTrue(store.overviews().isEmpty(), "nothing stored");
    }

    @Test
    void reRepricingFollowsThePricesAsOfDate() {
        long id = LabFixtures.finished(store, 2, "Your order ships today.", "Ships today.");
        LabViewModel lab = LabFixtures.lab(store, LabFixtures.direct(dialogs), serving(0));
        lab.history().refresh();
        lab.select(id);
        lab.repriceSelected();
        RepriceView.Shown shown = lab.repricingProperty().get();
        assertNotNull(shown);
        RepriceViewModel vm = lab.repriceModel(shown);
        assertEquals(shown.repricing().pricedAt(), vm.atProperty().get(), "today at first");
        LocalDate later = LocalDate.of(2027, 6, 1);
        vm.atProperty().set(later);
        Repricing r = vm.repricingProperty().get();
        assertEquals(later, r.pricedAt());
        assertTrue(RepriceView.totalText(r).contains("at the prices of 2027-06-01"), RepriceView.totalText(r));
        vm.atProperty().set(null);
        assertTrue(
                vm.errorProperty().get().startsWith("Pick the day"),
                vm.errorProperty().get());
        assertEquals(later, vm.repricingProperty().get().pricedAt(), "the last figures stay");
        new ArrayList<>(dialogs.shown()).forEach(s -> assertTrue(!s.kind().equals("error"), s.toString()));
    }
}
