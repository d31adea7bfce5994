// SPDX-License-Identifier: Apache-2.0
package dev.costbench.ui.prompt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.costbench.model.catalog.Catalog;
import dev.costbench.model.provider.CancelToken;
import dev.costbench.model.provider.ChatRequest;
import dev.costbench.model.provider.ChatResult;
import dev.costbench.model.provider.ProviderClient;
import dev.costbench.model.provider.ProviderException;
import dev.costbench.model.provider.ProviderId;
import dev.costbench.model.provider.TokenCountResult;
import dev.costbench.ui.common.DirectTaskExecutor;
import dev.costbench.ui.common.RecordingDialogService;
import dev.costbench.ui.common.UiContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * The Tools tab's Count exactly without a display: the selected model's counting endpoint on the prompt with and
 * without its tools, the difference shown beside the estimate; OpenAI needs no call; a missing key says what to do.
 */
class ToolsExactCountTest {

    private static final Catalog CATALOG = PromptFixtures.CATALOG;
    private static final Path SAMPLE = Path.of("../../resources/tools/support-agent-openai.json");

    private final DirectTaskExecutor tasks = new DirectTaskExecutor();
    private final UiContext ui = new UiContext(tasks, new RecordingDialogService());
    private final PromptViewModel prompt = new PromptViewModel(ui, CATALOG);
    private final ToolsViewModel vm = new ToolsViewModel(ui, prompt);
    private final List<ChatRequest> counted = new CopyOnWriteArrayList<>();
    private ProviderException refusal;

    /** Counts 300 tokens of prompt and 1,234 more when the request carries tools. */
    private final ProviderClient anthropic = new ProviderClient() {
        @Override
        public ProviderId id() {
            return ProviderId.ANTHROPIC;
        }

        @Override
        public ChatResult complete(ChatRequest request, Consumer<String> onDelta, CancelToken cancel) {
            throw new UnsupportedOperationException("no calls in this test");
        }

        @Override
        public TokenCountResult countTokens(ChatRequest request) throws ProviderException {
            if (refusal != null) {
                throw refusal;
            }
            counted.add(request);
            return new TokenCountResult(request.tools().isEmpty() ? 300 : 1534, "{}");
        }

        @Override
        public List<String> listModels() {
            return List.of();
        }
    };

    ToolsExactCountTest() {
        vm.countExactlyWith(new ToolsExactCount(
                ui,
                prompt.selectedModelProperty()::get,
                () -> ChatRequest.of("selected", "", prompt.userTextProperty().get()),
                prompt.toolsProperty()::get,
                id -> anthropic));
    }

    private void paste(String model) throws Exception {
        prompt.userTextProperty().set("Where is my parcel? Order A-10234.");
        prompt.selectedModelProperty().set(CATALOG.find(model).orElseThrow());
        prompt.toolsJsonProperty().set(Files.readString(SAMPLE));
    }

    @Test
    void theToolsExactOverheadIsTheCountWithThemLessTheCountWithout() throws Exception {
        paste("claude-sonnet-4-5");
        vm.countExactly();
        assertEquals(2, counted.size(), "one count with the tools, one without");
        assertEquals(20, counted.get(0).tools().size());
        assertEquals("claude-sonnet-4-5", counted.get(0).model());
        assertTrue(counted.get(1).tools().isEmpty());
        String shown = vm.exact().resultProperty().get();
        assertTrue(
                shown.startsWith("Exact on Claude Sonnet 4.5 (Anthropic's counting endpoint): the tools add 1,234 "
                        + "tokens to every request; estimated ≈"),
                shown);
    }

    @Test
    void openAiNeedsNoCallAndAMissingKeySaysWhatToDo() throws Exception {
        paste("gpt-5");
        vm.countExactly();
        assertTrue(counted.isEmpty());
        assertTrue(vm.exact().resultProperty().get().startsWith("OpenAI models' tools are already counted exactly"));

        refusal = new ProviderException(
                ProviderId.ANTHROPIC,
                ProviderException.Kind.NO_KEY,
                0,
                "No Anthropic API key: set ANTHROPIC_API_KEY or paste one under Providers",
                null,
                null,
                null);
        paste("claude-sonnet-4-5");
        vm.countExactly();
        assertEquals(
                "No Anthropic API key: set ANTHROPIC_API_KEY or paste one under Providers, then Count exactly again.",
                vm.exact().resultProperty().get());
    }
}
