// SPDX-License-Identifier: Apache-2.0
package dev.costbench.ui.prompt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.costbench.model.catalog.Catalog;
import dev.costbench.model.catalog.CatalogBuilder;
import dev.costbench.model.cost.CostRow;
import dev.costbench.model.prompt.Role;
import dev.costbench.model.prompt.TextStats;
import dev.costbench.model.scenario.PromptRequestTypes;
import dev.costbench.model.scenario.RequestType;
import dev.costbench.model.tokens.Encoding;
import dev.costbench.model.tokens.Tokenizers;
import dev.costbench.ui.common.DirectTaskExecutor;
import dev.costbench.ui.common.RecordingDialogService;
import dev.costbench.ui.common.UiContext;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Prompt view's state without a display: the live cost table, options, files and the scenario hand-off. */
class PromptViewModelTest {

    private static final Catalog CATALOG = CatalogBuilder.builtIn();
    private final RecordingDialogService dialogs = new RecordingDialogService();
    private final DirectTaskExecutor tasks = new DirectTaskExecutor();
    private final PromptViewModel vm = new PromptViewModel(new UiContext(tasks, dialogs), CATALOG);

    private CostRow row(String id) {
        return vm.rows().stream()
                .filter(r -> r.model().id().equals(id))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void typingUpdatesEveryModelsRowWithTheChatFraming() {
        assertEquals(CATALOG.size(), vm.rows().size());
        assertEquals(0, row("gpt-5").input().tokens(), "an empty prompt sends nothing");
        vm.userTextProperty().set("How much does this cost?");
        // 6 o200k tokens, plus 3 for the message and 3 for the reply priming (OpenAI cookbook chat format)
        assertEquals(6 + 3 + 3, row("gpt-5").input().tokens());
        assertTrue(row("gemini-2.5-pro").input().tokens() > 0);
        assertFalse(row("claude-sonnet-4-5").input().exact(), "Claude counts are estimates");
        assertTrue(
                vm.statusProperty().get().contains("6 tokens (o200k_base)"),
                vm.statusProperty().get());
        assertEquals(6, vm.promptTokensProperty().get());
        assertTrue(tasks.unhandled().isEmpty());
    }

    @Test
    void fewShotTurnsAndOptionsChangeTheCost() {
        vm.systemTextProperty().set("You are a helpful assistant. ".repeat(200));
        vm.userTextProperty().set("Hi");
        long base = row("gpt-5").input().tokens();
        Turn t = vm.addTurn(Role.USER, "An example question");
        assertTrue(row("gpt-5").input().tokens() > base);
        var full = row("gpt-5").perRequest();
        vm.cachedPrefixProperty().set(true);
        assertTrue(row("gpt-5").cachedTokens() > 1000);
        assertTrue(row("gpt-5").perRequest().compareTo(full) < 0, "a cached prefix is cheaper");
        vm.batchProperty().set(true);
        assertTrue(row("gpt-5").breakdown().options().batch());
        vm.outputTokensProperty().set(2000);
        assertEquals(2000, row("gpt-5").outputTokens());
        // typing in a turn recounts it; removing it drops its tokens
        long withTurn = row("gpt-5").input().tokens();
        t.textProperty().set("A much longer example question with many more words in it");
        assertTrue(row("gpt-5").input().tokens() > withTurn);
        vm.removeTurn(t);
        assertEquals(base, row("gpt-5").input().tokens());
    }

    @Test
    void turnsMoveWithinBounds() {
        Turn a = vm.addTurn(Role.USER, "a");
        Turn b = vm.addTurn(Role.ASSISTANT, "b");
        vm.moveTurn(b, -1);
        assertEquals(List.of(b, a), vm.turns());
        vm.moveTurn(b, -1);
        vm.moveTurn(a, +1);
        assertEquals(List.of(b, a), vm.turns(), "moving past either end does nothing");
    }

    @Test
    void recountsRunInTheBackgroundAndTheLastOneIsShown() {
        DirectTaskExecutor held = DirectTaskExecutor.held();
        PromptViewModel slow = new PromptViewModel(new UiContext(held, dialogs), CATALOG);
        slow.userTextProperty().set("one");
        slow.userTextProperty().set("one two");
        slow.userTextProperty().set("one two three");
        assertTrue(slow.rows().isEmpty(), "nothing counted while the jobs wait");
        held.runPending();
        assertEquals(
                Tokenizers.count(Encoding.O200K_BASE, "one two three"),
                slow.promptTokensProperty().get());
    }

    @Test
    void aNegativeOptionIsReportedAndTheTableKept() {
        vm.userTextProperty().set("Hello");
        long before = vm.generationProperty().get();
        vm.outputTokensProperty().set(-1);
        assertEquals(before, vm.generationProperty().get());
        assertFalse(vm.statusProperty().get().isBlank());
    }

    @Test
    void aTextFileOpensIntoThePartAndAnUnreadableOneSaysWhy(@TempDir Path dir) throws Exception {
        Path ok = dir.resolve("prompt.txt");
        Files.writeString(ok, "Système : réponds brièvement.", StandardCharsets.UTF_8);
        dialogs.answer(ok);
        vm.openInto(vm.systemTextProperty());
        assertEquals("Système : réponds brièvement.", vm.systemTextProperty().get());
        assertEquals("openFile", dialogs.last("openFile").kind());

        Path latin1 = dir.resolve("old.txt");
        Files.write(latin1, new byte[] {'c', 'a', 'f', (byte) 0xE9});
        vm.load(latin1, vm.userTextProperty());
        assertEquals("", vm.userTextProperty().get(), "the text is unchanged");
        RecordingDialogService.Shown err = dialogs.last("error");
        assertEquals("Could not open old.txt", err.headline());
        assertTrue(err.detail().contains("not UTF-8") && err.detail().contains("Save it as UTF-8"), err.detail());

        vm.openInto(vm.userTextProperty()); // cancelled
        assertEquals("", vm.userTextProperty().get());
    }

    @Test
    void thePromptGoesToTheScenarioPlannerInTheSelectedModelsTokenizer() {
        vm.systemTextProperty().set("You are a concise support assistant.");
        vm.addTurn(Role.USER, "Where is my order?");
        vm.addTurn(Role.ASSISTANT, "");
        vm.userTextProperty().set("Can I change the address?");
        vm.outputTokensProperty().set(300);
        vm.monthlyRequestsProperty().set(40_000);
        List<RequestType> added = new ArrayList<>();

        vm.useInScenario(added::add);
        assertTrue(added.isEmpty(), "no model selected yet");
        assertEquals("No model selected", dialogs.last("warning").headline());

        var claude = CATALOG.find("claude-sonnet-4-5").orElseThrow();
        vm.selectedModelProperty().set(claude);
        vm.useInScenario(added::add);
        RequestType t = added.get(0);
        assertEquals("claude-sonnet-4-5", t.model());
        assertEquals("From the Prompt view · " + claude.name(), t.name());
        assertEquals(PromptRequestTypes.idFor(t.name()), t.id());
        assertEquals(row("claude-sonnet-4-5").input().tokens(), t.text().input(), "the table's input for Claude");
        assertEquals(
                TextStats.of("You are a concise support assistant.").cl100k(),
                t.text().system(),
                "Claude's estimate (cl100k), not o200k");
        assertEquals(300, t.text().output());
        assertEquals(0, t.volume().amount().compareTo(BigDecimal.valueOf(40_000)));
        vm.useInScenario(added::add);
        assertEquals(added.get(0).id(), added.get(1).id(), "the same prompt gives the same id: the receiver dedups");
    }

    @Test
    void theScenarioHandOffWaitsForTheNewCounts() {
        DirectTaskExecutor held = DirectTaskExecutor.held();
        PromptViewModel slow = new PromptViewModel(new UiContext(held, dialogs), CATALOG);
        held.runPending();
        slow.selectedModelProperty().set(CATALOG.find("gpt-5").orElseThrow());
        slow.userTextProperty().set("Hello there");
        List<RequestType> added = new ArrayList<>();
        slow.useInScenario(added::add);
        assertTrue(added.isEmpty());
        assertEquals(
                "The prompt is still being counted", dialogs.last("warning").headline());
        held.runPending();
        slow.useInScenario(added::add);
        assertEquals(
                Tokenizers.count(Encoding.O200K_BASE, "Hello there") + 6,
                added.get(0).text().input());
    }

    @Test
    void noCatalogGivesAnEmptyTable() {
        vm.catalogProperty().set(null);
        vm.userTextProperty().set("Hi");
        assertTrue(vm.rows().isEmpty());
        assertNull(vm.selectedModelProperty().get());
    }
}
