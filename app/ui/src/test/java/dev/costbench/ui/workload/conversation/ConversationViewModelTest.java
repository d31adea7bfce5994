// SPDX-License-Identifier: Apache-2.0
package dev.costbench.ui.workload.conversation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.costbench.model.catalog.CatalogBuilder;
import dev.costbench.model.prompt.PromptWorkspace;
import dev.costbench.model.prompt.PromptWorkspaceCache;
import dev.costbench.model.prompt.Role;
import dev.costbench.ui.common.DirectTaskExecutor;
import dev.costbench.ui.common.RecordingDialogService;
import dev.costbench.ui.common.UiContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Workloads ▸ Conversation without a display: samples, edits, Open…, From the prompt. */
class ConversationViewModelTest {

    @TempDir
    Path tmp;

    private final RecordingDialogService dialogs = new RecordingDialogService();
    private Optional<PromptWorkspace> prompt = Optional.empty();
    private final ConversationViewModel vm = new ConversationViewModel(
            new UiContext(new DirectTaskExecutor(), dialogs),
            CatalogBuilder::builtIn,
            () -> prompt,
            Clock.fixed(Instant.parse("2026-12-01T12:00:00Z"), ZoneOffset.UTC));

    @AfterEach
    void close() {
        vm.close();
    }

    @Test
    void seed001ShowsEachStrategyWithItsSavingPayoffAndHistory() {
        vm.openSample("seed001-20-turn-chat");
        vm.cacheProperty().set(false);
        vm.windowProperty().set(false);
        vm.summarizeEveryProperty().set(15);
        assertEquals(
                "Seed 001: a 20-turn chat (about 4,000 tokens of history) (sample)",
                vm.sourceProperty().get());
        assertEquals(
                "Claude Sonnet 4.5 · Anthropic",
                ConversationViewModel.modelName(vm.modelProperty().get()));
        assertEquals(
                List.of(
                        new ConversationResults.Row("Full history", "$0.1848", "—", "—", "4,000 tokens"),
                        new ConversationResults.Row(
                                "Summarize every 15 turns", "$0.1551", "$0.0297", "from turn 17", "1,200 tokens")),
                vm.rows());
        assertEquals(2, vm.lines().size(), "one chart line per strategy");
        ConversationResults.Point p17 = vm.lines().get(1).points().get(16);
        assertEquals(17, p17.turn());
        assertTrue(p17.tooltip().startsWith("Summarize every 15 turns — turn 17\nSo far: $"), p17.tooltip());
        assertTrue(vm.lines().get(1).points().get(14).tooltip().contains("with the summary made after it: $0.0123"));
        assertTrue(
                vm.statusProperty().get().startsWith("20 turns on Claude Sonnet 4.5 · Anthropic"),
                vm.statusProperty().get());
    }

    @Test
    void spinnersReshapeTheConversation() {
        vm.openSample("support-chat-30-turns");
        assertEquals(30, vm.turnsProperty().get());
        assertTrue(vm.sizesFromFileProperty().get());
        assertEquals(4, vm.rows().size(), "full, cache, summarize, window");
        assertEquals(1400, vm.systemTokensProperty().get());
        vm.turnsProperty().set(10);
        assertEquals(10, vm.lines().get(0).points().size());
        vm.userTokensProperty().set(101);
        vm.assistantTokensProperty().set(301);
        assertFalse(vm.sizesFromFileProperty().get(), "edited sizes make every turn the same");
        // 10 turns of 402 tokens: the history at the end is 4,020 tokens under full history
        assertEquals("4,020 tokens", vm.rows().get(0).history());
        vm.windowTurnsProperty().set(2);
        assertEquals("Last 2 turns", vm.rows().get(3).strategy());
        // the last request carried turns 8 and 9, plus turn 10 itself
        assertEquals("1,206 tokens", vm.rows().get(3).history());
    }

    @Test
    void aBadFileSaysWhatIsWrongAndKeepsTheConversation() throws Exception {
        vm.openSample("support-chat-30-turns");
        Path bad =
                Files.writeString(tmp.resolve("chat.json"), "{\"format\": \"costbench-conversation\", \"version\": 3}");
        dialogs.answer(bad);
        vm.open();
        RecordingDialogService.Shown e = dialogs.last("error");
        assertNotNull(e);
        assertEquals("The conversation could not be opened", e.headline());
        assertTrue(e.detail().contains("chat.json: version 3 was written for a newer CostBench"), e.detail());
        assertEquals(
                "Support chat: 30 turns with tools (sample)",
                vm.sourceProperty().get());
        assertEquals("support-chat-30-turns", vm.sampleProperty().get(), "the picker still names the sample shown");
    }

    @Test
    void opensAFile() throws Exception {
        Path f = Files.writeString(
                tmp.resolve("mine.json"),
                "{\"format\": \"costbench-conversation\", \"version\": 1, \"model\": \"gpt-5\", "
                        + "\"generate\": {\"turns\": 4, \"user\": 50, \"assistant\": 50}}");
        dialogs.answer(f);
        vm.openSample("support-chat-30-turns");
        assertEquals("support-chat-30-turns", vm.sampleProperty().get(), "the picker names the sample shown");
        vm.open();
        assertEquals("mine.json", vm.sourceProperty().get());
        assertNull(vm.sampleProperty().get(), "a file shown: the picker is empty again");
        assertEquals(
                "GPT-5 · OpenAI",
                ConversationViewModel.modelName(vm.modelProperty().get()));
        assertEquals("400 tokens", vm.rows().get(0).history());
    }

    @Test
    void fromThePromptTakesItsTurnsAndUserMessage() {
        prompt = Optional.of(new PromptWorkspace(
                "Be brief.",
                List.of(
                        new PromptWorkspace.FewShotTurn(Role.USER, "Hi"),
                        new PromptWorkspace.FewShotTurn(Role.ASSISTANT, "Hello")),
                "Where is my order?",
                120,
                0,
                1000,
                false,
                false,
                false,
                "gpt-5",
                "",
                PromptWorkspaceCache.NONE,
                null));
        vm.fromPrompt();
        assertEquals("From the prompt", vm.sourceProperty().get());
        assertEquals(2, vm.turnsProperty().get(), "the few-shot pair and the user message");
        assertEquals(
                "GPT-5 · OpenAI",
                ConversationViewModel.modelName(vm.modelProperty().get()));
        // "Be brief." is 3 o200k tokens + 3 for the message
        assertEquals(6, vm.systemTokensProperty().get());
        prompt = Optional.empty();
        vm.fromPrompt();
        assertEquals(
                "The prompt cannot be priced as a conversation",
                dialogs.last("error").headline());
    }
}
