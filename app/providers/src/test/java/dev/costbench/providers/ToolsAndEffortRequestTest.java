// SPDX-License-Identifier: Apache-2.0
package dev.costbench.providers;

import static dev.costbench.providers.testkit.ProviderMock.body;
import static dev.costbench.providers.testkit.ProviderMock.tree;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.costbench.model.cost.CanonicalUsage;
import dev.costbench.model.provider.CancelToken;
import dev.costbench.model.provider.ChatMessage;
import dev.costbench.model.provider.ChatRequest;
import dev.costbench.model.provider.ChatRequest.OpenAiApi;
import dev.costbench.model.provider.ChatResult;
import dev.costbench.model.provider.ProviderId;
import dev.costbench.model.provider.ToolSpec;
import dev.costbench.model.tools.ToolsJson;
import dev.costbench.providers.anthropic.AnthropicClient;
import dev.costbench.providers.gemini.GeminiClient;
import dev.costbench.providers.openai.OpenAiClient;
import dev.costbench.providers.testkit.MockedProviderTest;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Function tools and reasoning effort in each provider's request body, converted from the neutral {@link ToolSpec}
 * (OpenAI Chat Completions {@code tools[].function}, Responses flat {@code tools[]}, Anthropic {@code input_schema},
 * Gemini {@code functionDeclarations}), answered by a tool call as each API's documentation shows one; the usage of
 * the call (tool definitions in the input, the call in the output) is read as the provider reports it.
 */
class ToolsAndEffortRequestTest extends MockedProviderTest {

    private static final ToolSpec WEATHER =
            ToolSpec.of("get_weather", "Get the current weather in a given location", """
            {"type":"object","properties":{"location":{"type":"string","description":"City and country"}},
             "required":["location"]}""");

    private static final String SCHEMA = """
            {"type":"object","properties":{"location":{"type":"string","description":"City and country"}},
             "required":["location"]}""";

    private static ChatRequest request(String model, Integer budget, String effort, OpenAiApi api) {
        return new ChatRequest(
                        model,
                        null,
                        null,
                        List.of(ChatMessage.user("Weather in Paris?")),
                        4096,
                        null,
                        null,
                        budget,
                        effort,
                        null,
                        false,
                        api,
                        null,
                        null)
                .withTools(List.of(WEATHER));
    }

    @Test
    void openAiChatCompletionsSendsFunctionToolsAndReasoningEffort() throws Exception {
        mock.json(200, """
                {"id":"chatcmpl-abc123","object":"chat.completion","created":1741570283,"model":"o4-mini-2025-04-16",
                 "choices":[{"index":0,"message":{"role":"assistant","content":null,
                   "tool_calls":[{"id":"call_abc123","type":"function",
                     "function":{"name":"get_weather","arguments":"{\\"location\\":\\"Paris, France\\"}"}}],
                   "refusal":null,"annotations":[]},"logprobs":null,"finish_reason":"tool_calls"}],
                 "usage":{"prompt_tokens":82,"completion_tokens":147,"total_tokens":229,
                   "prompt_tokens_details":{"cached_tokens":0,"audio_tokens":0},
                   "completion_tokens_details":{"reasoning_tokens":128,"audio_tokens":0,
                     "accepted_prediction_tokens":0,"rejected_prediction_tokens":0}},
                 "service_tier":"default"}
                """);
        OpenAiClient client = new OpenAiClient(mock.engine(mock.settings(ProviderId.OPENAI, "/v1")));
        ChatResult res =
                client.complete(request("o4-mini", null, "high", OpenAiApi.CHAT_COMPLETIONS), null, CancelToken.none());

        assertEquals(tree("""
                {"model":"o4-mini","messages":[{"role":"user","content":"Weather in Paris?"}],
                 "max_completion_tokens":4096,"reasoning_effort":"high",
                 "tools":[{"type":"function","function":{"name":"get_weather",
                   "description":"Get the current weather in a given location","parameters":%s}}],
                 "stream":false}""".formatted(SCHEMA)), body(mock.take()));
        assertEquals("tool_calls", res.finishReason());
        assertEquals(new CanonicalUsage(82, 0, 0, 0, 19, 128), res.usage());
    }

    @Test
    void openAiResponsesSendsFlatFunctionToolsAndReasoningEffort() throws Exception {
        mock.json(200, """
                {"id":"resp_67ccd3a9da748190","object":"response","created_at":1741476777,"status":"completed",
                 "model":"o4-mini-2025-04-16","output":[
                   {"type":"reasoning","id":"rs_67ccd3a9","summary":[]},
                   {"type":"function_call","id":"fc_12345xyz","call_id":"call_12345xyz","name":"get_weather",
                    "arguments":"{\\"location\\":\\"Paris, France\\"}","status":"completed"}],
                 "usage":{"input_tokens":75,"input_tokens_details":{"cached_tokens":0},"output_tokens":212,
                   "output_tokens_details":{"reasoning_tokens":192},"total_tokens":287},
                 "service_tier":"default"}
                """);
        OpenAiClient client = new OpenAiClient(mock.engine(mock.settings(ProviderId.OPENAI, "/v1")));
        ChatResult res =
                client.complete(request("o4-mini", null, "low", OpenAiApi.RESPONSES), null, CancelToken.none());

        assertEquals(tree("""
                {"model":"o4-mini",
                 "input":[{"type":"message","role":"user","content":[{"type":"input_text","text":"Weather in Paris?"}]}],
                 "reasoning":{"effort":"low"},
                 "tools":[{"type":"function","name":"get_weather",
                   "description":"Get the current weather in a given location","parameters":%s}],
                 "max_output_tokens":4096,"store":false,"stream":false}""".formatted(SCHEMA)), body(mock.take()));
        assertEquals(new CanonicalUsage(75, 0, 0, 0, 20, 192), res.usage());
    }

    @Test
    void anthropicSendsInputSchemaToolsAndThinkingBudget() throws Exception {
        mock.json(200, """
                {"id":"msg_01Aq9w938a90dw8q","type":"message","role":"assistant","model":"claude-sonnet-4-5-20250929",
                 "content":[
                   {"type":"thinking","thinking":"The user wants the weather.","signature":"EqQBCgIYAhIM1gbcDa9GJwZA"},
                   {"type":"tool_use","id":"toolu_01A09q90qw90lq917835lq9","name":"get_weather",
                    "input":{"location":"Paris, France"}}],
                 "stop_reason":"tool_use","stop_sequence":null,
                 "usage":{"input_tokens":472,"cache_creation_input_tokens":0,"cache_read_input_tokens":0,
                   "output_tokens":91,"service_tier":"standard"}}
                """);
        AnthropicClient client = new AnthropicClient(mock.engine(mock.settings(ProviderId.ANTHROPIC, "/")));
        ChatResult res = client.complete(request("claude-sonnet-4-5", 2048, null, null), null, CancelToken.none());

        assertEquals(tree("""
                {"model":"claude-sonnet-4-5","max_tokens":4096,
                 "messages":[{"role":"user","content":[{"type":"text","text":"Weather in Paris?"}]}],
                 "tools":[{"name":"get_weather","description":"Get the current weather in a given location",
                   "input_schema":%s}],
                 "thinking":{"type":"enabled","budget_tokens":2048}}""".formatted(SCHEMA)), body(mock.take()));
        assertEquals("tool_use", res.finishReason());
        assertEquals(new CanonicalUsage(472, 0, 0, 0, 91, 0), res.usage());
    }

    @Test
    void geminiSendsFunctionDeclarationsAndThinkingBudget() throws Exception {
        mock.json(200, """
                {"candidates":[{"content":{"parts":[{"functionCall":{"name":"get_weather",
                   "args":{"location":"Paris, France"}}}],"role":"model"},"finishReason":"STOP","index":0}],
                 "usageMetadata":{"promptTokenCount":64,"candidatesTokenCount":18,"totalTokenCount":210,
                   "promptTokensDetails":[{"modality":"TEXT","tokenCount":64}],"thoughtsTokenCount":128},
                 "modelVersion":"gemini-2.5-flash","responseId":"3d8Dae6oF9Wm1dkPxNWJuA0"}
                """);
        GeminiClient client = new GeminiClient(mock.engine(mock.settings(ProviderId.GEMINI, "/v1beta")));
        ChatResult res = client.complete(request("gemini-2.5-flash", 1024, null, null), null, CancelToken.none());

        assertEquals(tree("""
                {"contents":[{"role":"user","parts":[{"text":"Weather in Paris?"}]}],
                 "tools":[{"functionDeclarations":[{"name":"get_weather",
                   "description":"Get the current weather in a given location","parameters":%s}]}],
                 "generationConfig":{"maxOutputTokens":4096,"thinkingConfig":{"thinkingBudget":1024}}}""".formatted(SCHEMA)), body(mock.take()));
        assertEquals(new CanonicalUsage(64, 0, 0, 0, 18, 128), res.usage());
    }

    @Test
    void toolsFromAnyProvidersShapeBecomeTheSameNeutralTool() {
        assertEquals(List.of(WEATHER), ToolsJson.parse("""
                [{"type":"function","function":{"name":"get_weather",
                 "description":"Get the current weather in a given location","parameters":%s}}]""".formatted(SCHEMA)).specs());
        assertEquals(List.of(WEATHER), ToolsJson.parse("""
                [{"name":"get_weather","description":"Get the current weather in a given location",
                 "input_schema":%s}]""".formatted(SCHEMA)).specs());
    }
}
