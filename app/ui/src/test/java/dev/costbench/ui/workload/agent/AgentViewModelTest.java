// SPDX-License-Identifier: Apache-2.0
package dev.costbench.ui.workload.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.costbench.model.catalog.Catalog;
import dev.costbench.model.catalog.CatalogBuilder;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class AgentViewModelTest {

    static final Catalog CATALOG = CatalogBuilder.builtIn();
    static final Clock DEC_2026 = Clock.fixed(Instant.parse("2026-12-07T12:00:00Z"), ZoneOffset.UTC);

    /** AgentCostTest's worked example: GPT-5 mini, 2 / 3 / 4 steps, 10 % failure, one retry. */
    static AgentViewModel workedExample() {
        AgentViewModel vm = new AgentViewModel(() -> CATALOG, DEC_2026);
        vm.modelProperty().set(CATALOG.find("gpt-5-mini").orElseThrow());
        vm.maxStepsProperty().set(4);
        vm.modeStepsProperty().set(3);
        vm.minStepsProperty().set(2);
        vm.instructionTokensProperty().set(2000);
        vm.taskTokensProperty().set(200);
        vm.outputPerStepProperty().set(100);
        vm.toolOutputTokensProperty().set(400);
        vm.failurePercentProperty().set(10);
        vm.retryCapProperty().set(1);
        vm.tasksPerMonthProperty().set(1000);
        return vm;
    }

    @Test
    void theTableShowsCostPerAttemptedAndPerSuccessfulTask() {
        AgentViewModel vm = workedExample();
        AgentViewModel.Row r = vm.rows().get(0);
        assertEquals("As typed", r.plan());
        assertEquals("GPT-5 mini (OpenAI)", r.models());
        assertEquals("$0.002887", r.perAttempted()); // $0.002886643753125
        assertEquals("$0.002975", r.perSuccessful()); // ÷ 0.9703235025
        assertEquals("97.0 %", r.success());
        assertEquals("$2.89", r.perMonth());
        assertEquals(11, vm.sweep().size());
    }

    @Test
    void theStepCapAddsARowAndMovesTheSuccessShare() {
        AgentViewModel vm = workedExample();
        vm.stepCapProperty().set(3);
        vm.capOnProperty().set(true);
        assertEquals(2, vm.rows().size());
        AgentViewModel.Row capped = vm.rows().get(1);
        assertEquals("Cap steps at 3", capped.plan());
        assertEquals("$0.002586", capped.perAttempted()); // $0.0025864575
        assertEquals("73.0 %", capped.success()); // 0.7301745
    }

    @Test
    void thePlannerComparisonNamesBothSides() {
        AgentViewModel vm = workedExample();
        vm.plannerProperty().set(CATALOG.find("gpt-5").orElseThrow());
        vm.plannerFailurePercentProperty().set(2);
        assertEquals(2, vm.comparison().size());
        assertEquals("Planner on step one", vm.comparison().get(1).plan());
        assertEquals(
                "GPT-5 (OpenAI), then GPT-5 mini (OpenAI)",
                vm.comparison().get(1).models());
        assertTrue(
                vm.messageProperty().get().contains("per successful task"),
                vm.messageProperty().get());
    }

    @Test
    void aRefusedInputSaysWhatIsWrong() {
        AgentViewModel vm = workedExample();
        vm.minStepsProperty().set(5);
        assertTrue(vm.rows().isEmpty());
        assertTrue(
                vm.messageProperty().get().startsWith("Steps per task: the fewest (5)"),
                vm.messageProperty().get());
    }
}
