// SPDX-License-Identifier: Apache-2.0
package dev.costbench.ui.workload.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.costbench.model.catalog.Catalog;
import dev.costbench.model.catalog.CatalogBuilder;
import dev.costbench.ui.workload.WorkloadTable;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
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
        vm.plannerProperty().set(null);
        WorkloadTable t = vm.table();
        assertEquals(List.of("As typed"), t.columns());
        assertEquals("GPT-5 mini (OpenAI)", t.value(AgentViewModel.MODELS, "As typed"));
        assertEquals("$0.002887", t.value(AgentViewModel.PER_ATTEMPTED, "As typed")); // $0.002886643753125
        assertEquals("$0.002975", t.value(AgentViewModel.PER_SUCCESSFUL, "As typed")); // ÷ 0.9703235025
        assertEquals("97.0 %", t.value(AgentViewModel.SUCCEED, "As typed"));
        // 1.1 × (1, 1 + 0.99, 1 + 0.99 + 0.9801, …) weighted 2, 4, 2 over 8 = 3.2644
        assertEquals("3.26", t.value(AgentViewModel.CALLS, "As typed"));
        assertEquals("$2.89", t.value(AgentViewModel.PER_MONTH, "As typed"));
        assertEquals(11, vm.sweep().size());
    }

    @Test
    void theStepCapAddsAColumnAndMovesTheSuccessShare() {
        AgentViewModel vm = workedExample();
        vm.stepCapProperty().set(3);
        vm.capOnProperty().set(true);
        assertEquals(
                List.of("As typed", "Cap steps at 3", AgentViewModel.PLANNER),
                vm.table().columns());
        assertEquals("$0.002586", vm.table().value(AgentViewModel.PER_ATTEMPTED, "Cap steps at 3")); // $0.0025864575
        assertEquals("73.0 %", vm.table().value(AgentViewModel.SUCCEED, "Cap steps at 3")); // 0.7301745
    }

    @Test
    void thePlannerComparisonNamesBothSides() {
        AgentViewModel vm = workedExample();
        vm.plannerProperty().set(CATALOG.find("gpt-5").orElseThrow());
        vm.plannerFailurePercentProperty().set(2);
        assertEquals(
                "GPT-5 (OpenAI), then GPT-5 mini (OpenAI)",
                vm.table().value(AgentViewModel.MODELS, AgentViewModel.PLANNER));
        assertTrue(
                vm.messageProperty().get().contains("per successful task"),
                vm.messageProperty().get());
    }

    @Test
    void aRefusedInputSaysWhatIsWrong() {
        AgentViewModel vm = workedExample();
        vm.minStepsProperty().set(5);
        assertTrue(vm.table().rows().isEmpty());
        assertTrue(
                vm.messageProperty().get().startsWith("Steps per task: the fewest (5)"),
                vm.messageProperty().get());
    }
}
