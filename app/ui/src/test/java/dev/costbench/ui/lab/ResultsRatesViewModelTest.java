// SPDX-License-Identifier: Apache-2.0
package dev.costbench.ui.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.costbench.model.catalog.CatalogBuilder;
import dev.costbench.model.lab.Experiment;
import dev.costbench.model.lab.ExperimentSettings;
import dev.costbench.model.lab.ExperimentSnapshot;
import dev.costbench.model.lab.ExperimentStatus;
import dev.costbench.model.lab.NewExperiment;
import dev.costbench.model.lab.NewTrial;
import dev.costbench.model.lab.NewVariant;
import dev.costbench.model.lab.TrialCell;
import dev.costbench.model.lab.stats.RunComparison;
import dev.costbench.model.lab.stats.VariantModelSummary;
import dev.costbench.model.ratecard.RateAdjustment;
import dev.costbench.model.ratecard.RateCard;
import dev.costbench.store.H2LabStore;
import dev.costbench.ui.common.DirectTaskExecutor;
import dev.costbench.ui.common.RecordingDialogService;
import dev.costbench.ui.common.UiContext;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * "Use my rates" on the A/B results and the comparison of two runs: every cost figure recomputed from the stored
 * usage with the rate card, and labelled; no display.
 */
class ResultsRatesViewModelTest {

    private static final RateCard OPENAI_10 =
            new RateCard(List.of(new RateAdjustment("OpenAI commit", "openai", null, null, new BigDecimal("-10"))));
    private static final Instant T0 = Instant.parse("2026-11-20T10:00:00Z");

    private H2LabStore store;
    private final RecordingDialogService dialogs = new RecordingDialogService();
    private final UiContext ui = new UiContext(new DirectTaskExecutor(), dialogs);

    @BeforeEach
    void open() throws Exception {
        store = H2LabStore.open(Files.createTempDirectory("costbench-rates-vm").resolve("data"));
    }

    @AfterEach
    void close() {
        store.close();
    }

    /**
     * gpt-4o-mini ($0.15 in / $0.60 out per 1M), 4 inputs: "long" sends 1,000 tokens and gets 100 back, $0.00021 a
     * call; "short" 400 and 100, $0.00012. With −10 %: $0.000189 and $0.000108.
     */
    private Experiment run(String name) {
        List<NewTrial> trials = new ArrayList<>();
        List<ExperimentSnapshot.Input> inputs = new ArrayList<>();
        for (int in = 0; in < 4; in++) {
            inputs.add(new ExperimentSnapshot.Input("ticket " + in, Map.of()));
            for (int v = 0; v < 2; v++) {
                long input = v == 0 ? 1000 : 400;
                BigDecimal cost = new BigDecimal(input * 150 + 100 * 600).movePointLeft(9);
                trials.add(LabFixtures.trial(
                        0, new TrialCell(v, in, "gpt-4o-mini", 1), name + in + v, input, 100, cost, 500, "ok", T0));
            }
        }
        return store.importExperiment(new ExperimentSnapshot(
                new NewExperiment(name, new BigDecimal("5"), 1, ExperimentSettings.defaults(), List.of("gpt-4o-mini")),
                T0,
                ExperimentStatus.DONE,
                List.of(new NewVariant("long", true, "{}"), new NewVariant("short", false, "{}")),
                inputs,
                trials));
    }

    private static void assertUsd(String expected, BigDecimal actual) {
        assertEquals(0, new BigDecimal(expected).compareTo(actual), () -> "expected " + expected + ", got " + actual);
    }

    @Test
    void theToggleSwitchesEveryCostFigureAndItsLabel() {
        ResultsViewModel vm = new ResultsViewModel(ui, () -> store, CatalogBuilder::builtIn, null);
        vm.rates().rateCardProperty().set(OPENAI_10);
        vm.show(run("rates"));
        VariantModelSummary longRow = vm.rows().get(0);
        assertUsd("0.00021", longRow.meanCostUsd());
        assertUsd("0.00084", longRow.billedTotalUsd());
        assertEquals("list price", vm.rates().basisProperty().get());
        assertTrue(
                vm.successProperty().get().contains("$0.00021"),
                vm.successProperty().get());
        double listPoint = vm.charts().points().get(0).costUsd();

        vm.rates().useMyRatesProperty().set(true);
        assertEquals("your rates", vm.rates().basisProperty().get());
        longRow = vm.rows().get(0);
        assertUsd("0.000189", longRow.meanCostUsd()); // per arm: −10 %
        assertUsd("0.000756", longRow.billedTotalUsd()); // 4 × $0.000189
        assertUsd("0.000108", vm.rows().get(1).meanCostUsd());
        assertUsd("0.000108", vm.rows().get(1).medianCostUsd());
        assertTrue(
                vm.successProperty().get().contains("$0.000189"),
                vm.successProperty().get()); // per success
        assertEquals(0.000189, vm.charts().points().get(0).costUsd(), 1e-12); // the chart
        assertEquals(0.00021, listPoint, 1e-12);
        assertTrue(
                vm.spendProperty().get().startsWith("Spent at list price: trials "),
                vm.spendProperty().get());

        vm.rates().useMyRatesProperty().set(false);
        assertUsd("0.00021", vm.rows().get(0).meanCostUsd());
        assertEquals("list price", vm.rates().basisProperty().get());
    }

    @Test
    void theComparisonOfTwoRunsFollowsTheSameSetting() {
        Experiment a = run("first");
        Experiment b = run("second");
        CompareViewModel vm = new CompareViewModel(ui, CatalogBuilder::builtIn);
        vm.rates().rateCardProperty().set(OPENAI_10);
        vm.compare(store, a, b);
        RunComparison.Row row = vm.shownProperty().get().comparison().rows().get(0);
        assertEquals(0.00021, row.change(RunComparison.Metric.COST_PER_CALL).earlier(), 1e-12);
        assertEquals("list price", vm.rates().basisProperty().get());
        vm.rates().useMyRatesProperty().set(true);
        row = vm.shownProperty().get().comparison().rows().get(0);
        assertEquals(0.000189, row.change(RunComparison.Metric.COST_PER_CALL).earlier(), 1e-12);
        assertEquals("your rates", vm.rates().basisProperty().get());
    }
}
