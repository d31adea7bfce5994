// SPDX-License-Identifier: Apache-2.0
package dev.costbench.ui.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.costbench.model.lab.run.ExperimentSpec;
import dev.costbench.model.lab.run.RunResult;
import dev.costbench.model.prompt.Role;
import dev.costbench.model.provider.ChatRequest;
import dev.costbench.model.provider.Part;
import dev.costbench.model.provider.ReasoningEffort;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The setup's effort sweep (arms with their own rows and chart points, refused for models that do not reason), the
 * tools sent with every request and conversation scripts in the test inputs, without a display.
 */
class SetupSweepViewModelTest extends LabStoreTest {

    private static final String TOOLS = "[{\"type\": \"function\", \"function\": {\"name\": \"track_order\", "
            + "\"description\": \"Where an order is\", \"parameters\": {\"type\": \"object\", \"properties\": "
            + "{\"order\": {\"type\": \"string\"}}}}}]";

    private LabViewModel lab() {
        LabViewModel lab = LabFixtures.lab(store, LabFixtures.direct(dialogs), LabFixtures.answering(sent));
        lab.showSetup();
        lab.setup().params().repetitionsProperty().set(1);
        return lab;
    }

    @Test
    void anEffortSweepRunsEachLevelAsAnArmWithItsOwnChartPoint() {
        LabViewModel lab = lab();
        SetupViewModel setup = lab.setup();
        setup.checkedModels().setAll("gpt-5-mini");
        setup.sweep().levelProperty(ReasoningEffort.LOW).set(true);
        setup.sweep().levelProperty(ReasoningEffort.HIGH).set(true);
        assertEquals(
                List.of("baseline", "optimized · effort low", "optimized · effort high"),
                setup.spec().variants().stream()
                        .map(ExperimentSpec.VariantSpec::name)
                        .toList());
        assertTrue(setup.sweep()
                .describe("optimized")
                .startsWith("2 arms: optimized · effort low, optimized · " + "effort high"));

        setup.run();
        RunViewModel.Finished f = setup.runModel().finishedProperty().get();
        assertNotNull(f, setup.errorProperty().get());
        assertEquals(RunResult.Outcome.COMPLETED, f.result().outcome());
        assertTrue(sent.stream().anyMatch(r -> "high".equals(r.reasoningEffort())));
        assertTrue(sent.stream().anyMatch(r -> "low".equals(r.reasoningEffort())));
        List<String> points = lab.results().charts().points().stream()
                .map(ResultsCharts.CostPoint::name)
                .toList();
        assertEquals(3, points.size(), points.toString());
        assertTrue(
                points.stream().anyMatch(p -> p.startsWith("optimized · effort high · gpt-5-mini")), points.toString());
        assertTrue(
                points.stream().anyMatch(p -> p.startsWith("optimized · effort low · gpt-5-mini")), points.toString());
        String success = lab.results().successProperty().get();
        assertTrue(success.contains("Cost per successful task — optimized · effort high: $"), success);
        assertTrue(success.contains("3 of 3 trials succeeded"), success);
    }

    @Test
    void aModelThatDoesNotReasonIsRefusedOnTheSetupPageWithTheReason() {
        SetupViewModel setup = lab().setup();
        setup.checkedModels().setAll("gpt-4o-mini");
        setup.sweep().levelProperty(ReasoningEffort.MEDIUM).set(true);
        setup.estimate();
        String error = setup.errorProperty().get();
        assertTrue(error.contains("gpt-4o-mini with \"optimized · effort medium\": it does not reason"), error);
        assertTrue(error.contains("Leave those models out"), error);
        setup.run();
        assertTrue(store.listExperiments().isEmpty(), "nothing was stored or sent");
        assertTrue(sent.isEmpty());
    }

    @Test
    void toolsGoWithEveryTurnOfAConversationScript() {
        SetupViewModel setup = lab().setup();
        setup.checkedModels().setAll("gpt-4o-mini");
        setup.variants().optUserProperty().set("");
        setup.sweep().toolsProperty().set(TOOLS);
        setup.inputsProperty().set("{\"ticket\": \"Where is order 7?\", \"turns\": [\"And when will it arrive?\"]}");
        setup.run();
        assertNotNull(
                setup.runModel().finishedProperty().get(), setup.errorProperty().get());
        assertEquals(2, sent.size(), "one conversation of two turns");
        ChatRequest second = sent.get(1);
        assertEquals(
                List.of(Role.USER, Role.ASSISTANT, Role.USER),
                second.messages().stream().map(m -> m.role()).toList());
        assertEquals(
                "And when will it arrive?",
                ((Part.Text) second.messages().get(2).parts().get(0)).text());
        assertTrue(sent.stream()
                .allMatch(r -> r.tools().size() == 1 && r.tools().get(0).name().equals("track_order")));

        setup.sweep().toolsProperty().set("[{\"description\": \"no name\"}]");
        setup.estimate();
        String refusal = setup.errorProperty().get();
        assertTrue(refusal.startsWith("Tool 1 (Tools[0]): \"name\" is missing"), refusal);
    }

    @Test
    void theSweepAndTheToolsAreKeptInTheDraft() throws Exception {
        Path draft = dir.resolve("lab-setup-draft.json");
        SetupViewModel setup = lab().setup();
        setup.keepDraft(draft, Duration.ZERO);
        setup.sweep().levelProperty(ReasoningEffort.HIGH).set(true);
        setup.sweep().toolsProperty().set(TOOLS);

        SetupViewModel next = lab().setup();
        next.keepDraft(draft, Duration.ZERO);
        assertTrue(next.sweep().levelProperty(ReasoningEffort.HIGH).get());
        assertEquals(List.of(ReasoningEffort.HIGH), new ArrayList<>(next.sweep().checked()));
        assertEquals(TOOLS, next.sweep().toolsProperty().get());
    }

    @Test
    void theToolsBoxOpensAToolsFileAsThePromptViewDoes() throws Exception {
        SetupViewModel setup = lab().setup();
        setup.checkedModels().setAll("gpt-4o-mini");
        Path sample = Path.of("../../resources/tools/support-agent-anthropic.json");
        dialogs.answer(sample);
        setup.openTools();
        assertEquals("Open tools", dialogs.last("openFile").headline());
        assertEquals(Files.readString(sample), setup.sweep().toolsProperty().get());
        assertTrue(setup.spec().variants().stream().allMatch(v -> v.tools().size() == 20));

        dialogs.answer(dir.resolve("missing.json"));
        setup.openTools();
        String error = setup.errorProperty().get();
        assertTrue(error.startsWith("Could not open missing.json: ") && error.contains("Choose a UTF-8 .json"), error);
        assertEquals(Files.readString(sample), setup.sweep().toolsProperty().get(), "the tools are kept");
    }
}
