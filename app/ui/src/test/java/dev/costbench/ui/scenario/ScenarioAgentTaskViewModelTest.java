// SPDX-License-Identifier: Apache-2.0
package dev.costbench.ui.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.costbench.model.scenario.Lever;
import dev.costbench.model.scenario.RequestType;
import dev.costbench.model.scenario.TextTokens;
import dev.costbench.model.scenario.Volume;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The request form's "Agent task" section and the agent levers, without a display. */
class ScenarioAgentTaskViewModelTest extends HeadlessScenario {

    private void type(String field, String text) {
        vm.requests().form().field(field).set(text);
    }

    private RequestType agentType() {
        vm.addRequestType(
                RequestType.text("agent", Volume.monthly(1000), "gpt-5-mini", new TextTokens(2000, 0, 200, 100, 0)));
        vm.requests().form().agentProperty().set(true);
        type("agentMinSteps", "2");
        type("agentModeSteps", "3");
        type("agentMaxSteps", "4");
        type("agentToolOutput", "400");
        type("agentRetries", "1");
        type("agentFailure", "10");
        return vm.scenario().workload().requestTypes().get(1);
    }

    @Test
    void theAgentSectionMakesAnAgentTaskAndTheTotalsShowCostPerSuccessfulTask() {
        RequestType t = agentType();
        assertTrue(t.isAgentTask());
        assertEquals(4, t.agent().maxSteps());
        assertEquals(0, new BigDecimal("0.1").compareTo(t.agent().failureRate()));
        String totals = vm.results().totalsProperty().get();
        // seed 003's levers also act on the new type (routing to Flash): only the baseline is GPT-5 mini's
        assertTrue(totals.contains("per successful task of “agent”: $0.002975 → "), totals);
        BigDecimal before = perSuccessfulTask();
        type("agentFailure", "30");
        assertTrue(perSuccessfulTask().compareTo(before) > 0, "rises with the failure rate");
        vm.requests().form().agentProperty().set(false);
        assertTrue(!vm.scenario().workload().requestTypes().get(1).isAgentTask());
    }

    private BigDecimal perSuccessfulTask() {
        return vm.results()
                .waterfallProperty()
                .get()
                .baseline()
                .perSuccessfulTask()
                .get("agent");
    }

    @Test
    void stepsOutOfOrderAreMarkedAndSaySo() {
        agentType();
        type("agentMinSteps", "9");
        assertTrue(
                vm.results().errors().stream().anyMatch(e -> e.contains("Agent task: Steps per task")),
                vm.results().errors().toString());
        assertTrue(vm.results().invalidFields().contains("agentMinSteps"));
    }

    @Test
    void theAgentLeversAreOfferedWithStartingValues() {
        agentType();
        vm.requests().select(1);
        assertTrue(vm.levers().kinds().containsAll(List.of("Cap steps", "Better planner model")));
        Lever cap = LeverKinds.create(
                "Cap steps", vm.scenario().workload().requestTypes().get(1), CATALOG);
        assertEquals(new Lever.StepCap(2), cap);
        Lever.BetterPlanner p = (Lever.BetterPlanner) LeverKinds.create(
                "Better planner model", vm.scenario().workload().requestTypes().get(1), CATALOG);
        assertEquals(0, new BigDecimal("0.05").compareTo(p.failureRate()));
        assertTrue(CATALOG.find(p.model()).isPresent());
        assertEquals("max steps", Knob.of(cap).name());
    }
}
