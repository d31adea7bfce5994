// SPDX-License-Identifier: Apache-2.0
package dev.costbench.ui.prompt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.costbench.model.catalog.Catalog;
import dev.costbench.model.cost.CostRow;
import dev.costbench.model.tools.ToolChoice;
import dev.costbench.model.tools.ToolMeter;
import dev.costbench.model.tuning.PartKind;
import dev.costbench.ui.common.DirectTaskExecutor;
import dev.costbench.ui.common.RecordingDialogService;
import dev.costbench.ui.common.UiContext;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Prompt view's Tools section without a display: paste, open, errors, the meter and the pruning cuts. */
class ToolsViewModelTest {

    private static final Catalog CATALOG = PromptFixtures.CATALOG;
    private static final Path SAMPLE = Path.of("../../resources/tools/support-agent-openai.json");

    private final RecordingDialogService dialogs = new RecordingDialogService();
    private final DirectTaskExecutor tasks = new DirectTaskExecutor();
    private final PromptViewModel prompt = new PromptViewModel(new UiContext(tasks, dialogs), CATALOG);
    private final ToolsViewModel vm = new ToolsViewModel(new UiContext(tasks, dialogs), prompt);

    @TempDir
    Path tmp;

    private CostRow row(String id) {
        return prompt.rows().stream()
                .filter(r -> r.model().id().equals(id))
                .findFirst()
                .orElseThrow();
    }

    private void pasteSample() throws Exception {
        prompt.userTextProperty().set("Where is my parcel? Order A-10234.");
        prompt.selectedModelProperty().set(CATALOG.find("gpt-5").orElseThrow());
        prompt.toolsJsonProperty().set(Files.readString(SAMPLE));
    }

    @Test
    void oneToolIsOneToolThatAddsTokens() {
        prompt.userTextProperty().set("Where is my parcel?");
        prompt.selectedModelProperty().set(CATALOG.find("gpt-5").orElseThrow());
        prompt.toolsJsonProperty()
                .set("[{\"type\":\"function\",\"function\":{\"name\":\"get_order\",\"description\":\"Look up an"
                        + " order.\",\"parameters\":{\"type\":\"object\",\"properties\":{}}}}]");
        assertTrue(
                vm.summaryProperty().get().startsWith("1 tool (OpenAI) adds "),
                vm.summaryProperty().get());
    }

    @Test
    void pastedToolsJoinEveryModelsInputAndTheMeterIsSortedByMonthlyCost() throws Exception {
        prompt.userTextProperty().set("Where is my parcel? Order A-10234.");
        long before = row("gpt-5").input().tokens();
        long claudeBefore = row("claude-sonnet-4-5").input().tokens();
        pasteSample();
        assertEquals("", vm.errorProperty().get());
        List<ToolMeter.Row> meter = vm.meter();
        assertEquals(21, meter.size(), "20 tools and the tokens closing the list");
        assertTrue(meter.get(20).shared());
        long tools = meter.stream().mapToLong(ToolMeter.Row::tokens).sum();
        assertEquals(before + tools, row("gpt-5").input().tokens());
        assertTrue(row("claude-sonnet-4-5").input().tokens() > claudeBefore + 496, "Claude adds its tool prompt");
        for (int i = 1; i < 20; i++) {
            assertTrue(meter.get(i - 1).usdPerMonth().compareTo(meter.get(i).usdPerMonth()) >= 0);
        }
        assertTrue(
                vm.summaryProperty()
                        .get()
                        .startsWith("20 tools (OpenAI) add " + String.format("%,d", tools)
                                + " tokens to every request on GPT-5: $"),
                vm.summaryProperty().get());
        assertTrue(
                vm.howCountedProperty().get().startsWith("exact: o200k_base"),
                vm.howCountedProperty().get());
        assertTrue(tasks.unhandled().isEmpty());
    }

    @Test
    void removingAToolLowersTheTableLiveAndUndoRestoresIt() throws Exception {
        pasteSample();
        long with = row("gpt-5").input().tokens();
        BigDecimal month = row("gpt-5").perMonth();
        ToolMeter.Row top = vm.meter().get(0);
        vm.remove(top.tool());
        assertEquals(with - top.tokens(), row("gpt-5").input().tokens());
        assertTrue(row("gpt-5").perMonth().compareTo(month) < 0);
        assertEquals(20, vm.meter().size(), "19 tools and the closing tokens");
        assertFalse(prompt.toolsJsonProperty().get().contains("\"" + top.tool() + "\""), "the JSON follows the cut");
        assertTrue(vm.canUndoProperty().get());
        String name = vm.meter().get(0).tool();
        vm.shorten(name);
        assertTrue(row("gpt-5").input().tokens() < with - top.tokens());
        vm.undoAll();
        assertEquals(with, row("gpt-5").input().tokens());
        assertFalse(vm.canUndoProperty().get());
        assertTrue(prompt.toolsJsonProperty().get().contains("\"" + top.tool() + "\""));
    }

    @Test
    void badJsonIsShownInTheSectionAndTheToolsLeaveTheTable() throws Exception {
        pasteSample();
        long counted = row("gpt-5").input().tokens();
        prompt.toolsJsonProperty().set("[{\"type\": \"function\", \"function\": {\"description\": \"x\"}}]");
        assertTrue(
                vm.errorProperty().get().startsWith("Tool 1 (tools[0]): \"function.name\" is missing"),
                vm.errorProperty().get());
        assertTrue(vm.errorProperty().get().endsWith("Until then the cost table leaves the tools out."));
        assertTrue(row("gpt-5").input().tokens() < counted);
        assertTrue(vm.meter().isEmpty());
        prompt.toolsJsonProperty().set("[{\"type\": ");
        assertTrue(
                vm.errorProperty().get().startsWith("The tools are not valid JSON"),
                vm.errorProperty().get());
        vm.clear();
        assertEquals("", vm.errorProperty().get());
        assertTrue(dialogs.shown().isEmpty(), "errors show in the section, not in dialogs");
    }

    @Test
    void openReadsAFileAndAMissingFileIsReportedInTheSection() throws Exception {
        prompt.selectedModelProperty().set(CATALOG.find("claude-sonnet-4-5").orElseThrow());
        Path f = tmp.resolve("tools.json");
        Files.writeString(f, Files.readString(Path.of("../../resources/tools/support-agent-anthropic.json")));
        dialogs.answer(f);
        vm.open();
        assertEquals(21, vm.meter().size());
        assertEquals(
                "Tool-use system prompt (Anthropic, tool_choice auto)",
                vm.meter().get(20).tool());
        assertEquals(496, vm.meter().get(20).tokens());
        prompt.toolChoiceProperty().set(ToolChoice.ANY);
        assertEquals(588, vm.meter().get(20).tokens());
        vm.load(tmp.resolve("gone.json"));
        assertTrue(
                vm.errorProperty().get().startsWith("Could not open gone.json: "),
                vm.errorProperty().get());
    }

    @Test
    void tuneListsTheToolsAsAPartAndTheirCuts() throws Exception {
        PromptFeature f = PromptFixtures.feature(CATALOG);
        f.prompt().userTextProperty().set("Where is my parcel?");
        f.prompt().selectedModelProperty().set(CATALOG.find("gpt-5").orElseThrow());
        f.prompt().toolsJsonProperty().set(Files.readString(SAMPLE));
        f.tune().analyse();
        var tools = f.tune().breakdownProperty().get().parts().stream()
                .filter(p -> p.part().kind() == PartKind.TOOLS)
                .findFirst()
                .orElseThrow();
        assertEquals("Tools (20 definitions)", tools.part().label());
        assertEquals(f.tools().meter().stream().mapToLong(ToolMeter.Row::tokens).sum(), tools.tokens());
        assertFalse(f.tools().cuts().isEmpty());
        f.close();
    }
}
