// SPDX-License-Identifier: Apache-2.0
package dev.costbench.providers.compatible;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.costbench.model.cost.CanonicalUsage;
import dev.costbench.model.provider.CancelToken;
import dev.costbench.model.provider.ChatRequest;
import dev.costbench.model.provider.ChatResult;
import dev.costbench.model.provider.ProviderException;
import dev.costbench.model.provider.ProviderId;
import dev.costbench.providers.MockApi;
import dev.costbench.providers.http.HttpEngine;
import dev.costbench.providers.testkit.MockServerTest;
import java.util.ArrayList;
import java.util.List;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;

/** OpenAI-compatible servers as Ollama, llama.cpp and OpenRouter answer. */
class CompatibleClientTest extends MockServerTest {

    private CompatibleClient client(String key) {
        return new CompatibleClient(
                new HttpEngine(MockApi.settings(ProviderId.COMPATIBLE, server, "/v1", key), new MockApi.Waits()));
    }

    private static String chunk(String delta, String finish, String usage) {
        return "data: {\"id\":\"chatcmpl-476\",\"object\":\"chat.completion.chunk\",\"created\":1732006462,"
                + "\"model\":\"llama3.2\",\"system_fingerprint\":\"fp_ollama\",\"choices\":[{\"index\":0,\"delta\":"
                + delta + ",\"finish_reason\":" + (finish == null ? "null" : "\"" + finish + "\"") + "}]"
                + (usage == null ? "" : ",\"usage\":" + usage) + "}\n\n";
    }

    @Test
    void keylessChatCompletionsWithMaxTokensWhateverTheRequestedApi() throws Exception {
        server.enqueue(MockApi.sse(chunk("{\"role\":\"assistant\",\"content\":\"Hi\"}", null, null)
                + chunk("{\"role\":\"assistant\",\"content\":\" there\"}", null, null)
                + chunk("{\"role\":\"assistant\",\"content\":\"\"}", "stop", null) + "data: [DONE]\n\n"));
        List<String> deltas = new ArrayList<>();
        ChatResult r = client(null)
                .complete(
                        ChatRequest.of("llama3.2", "Be brief.", "Hello").withOpenAiApi(ChatRequest.OpenAiApi.RESPONSES),
                        deltas::add,
                        CancelToken.none());

        RecordedRequest req = server.takeRequest();
        assertEquals("POST", req.getMethod());
        assertEquals("/v1/chat/completions", req.getUrl().encodedPath());
        assertNull(req.getHeaders().get("Authorization"), "no key, no Authorization header");
        assertEquals(
                MockApi.parse("{\"model\":\"llama3.2\",\"messages\":[{\"role\":\"system\",\"content\":"
                        + "\"Be brief.\"},{\"role\":\"user\",\"content\":\"Hello\"}],\"max_tokens\":1024,\"stream\":true,"
                        + "\"stream_options\":{\"include_usage\":true}}"),
                MockApi.body(req));

        assertEquals(List.of("Hi", " there"), deltas);
        assertEquals("Hi there", r.text());
        assertEquals("stop", r.finishReason());
        assertNull(r.usage(), "the server sent no usage: none is invented");
        assertNull(r.rawUsageJson());
        assertFalse(CompatibleClient.usageReported(r));
    }

    @Test
    void usageInTheFinishChunkWithoutDoneAsLlamaCppSendsIt() throws Exception {
        server.enqueue(MockApi.sse(chunk("{\"content\":\"4\"}", null, null)
                + chunk("{}", "stop", "{\"completion_tokens\":2,\"prompt_tokens\":31,\"total_tokens\":33}")));
        ChatResult r = client(null).complete(ChatRequest.of("qwen2.5-7b-instruct", null, "2+2?"), null, null);
        assertEquals("4", r.text());
        assertEquals(new CanonicalUsage(31, 0, 0, 0, 2, 0), r.usage());
        assertTrue(CompatibleClient.usageReported(r));
    }

    @Test
    void reasoningDeltasAreNotPartOfTheVisibleText() throws Exception {
        server.enqueue(MockApi.sse(chunk("{\"reasoning_content\":\"Let me think\"}", null, null)
                + chunk("{\"content\":\"Yes.\"}", "stop", null)
                + "data: {\"id\":\"gen-1\",\"object\":\"chat.completion.chunk\",\"choices\":[],\"usage\":"
                + "{\"prompt_tokens\":12,\"completion_tokens\":30,\"total_tokens\":42,\"completion_tokens_details\":"
                + "{\"reasoning_tokens\":27}}}\n\ndata: [DONE]\n\n"));
        ChatResult r = client("sk-or-v1-abcdef0123456789")
                .complete(ChatRequest.of("deepseek/deepseek-r1", null, "Sure?"), null, null);
        assertEquals("Yes.", r.text());
        assertEquals(new CanonicalUsage(12, 0, 0, 0, 3, 27), r.usage());
        assertEquals(
                "Bearer sk-or-v1-abcdef0123456789",
                server.takeRequest().getHeaders().get("Authorization"));
    }

    @Test
    void nonStreamingWithAndWithoutUsage() throws Exception {
        String answer = "{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion\",\"created\":1,\"model\":\"llama3.2\","
                + "\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\"Hi!\"},"
                + "\"finish_reason\":\"length\"}]";
        server.enqueue(MockApi.json(
                200, answer + ",\"usage\":{\"prompt_tokens\":5,\"completion_tokens\":2," + "\"total_tokens\":7}}"));
        server.enqueue(MockApi.json(200, answer + "}"));
        ChatRequest req =
                ChatRequest.of("llama3.2", null, "Hi").withStream(false).withMaxOutputTokens(2);
        ChatResult with = client(null).complete(req, null, null);
        assertEquals(new CanonicalUsage(5, 0, 0, 0, 2, 0), with.usage());
        assertTrue(with.truncated());
        JsonNode body = MockApi.body(server.takeRequest());
        assertFalse(body.has("stream_options"));
        assertEquals(2, body.path("max_tokens").asInt());
        ChatResult without = client(null).complete(req, null, null);
        assertEquals("Hi!", without.text());
        assertNull(without.usage());
    }

    @Test
    void modelListFromV1Models() throws Exception {
        server.enqueue(MockApi.json(
                200,
                "{\"object\":\"list\",\"data\":[{\"id\":\"qwen2.5:7b\",\"object\":\"model\","
                        + "\"created\":1730000000,\"owned_by\":\"library\"},{\"id\":\"llama3.2:latest\",\"object\":\"model\","
                        + "\"created\":1730000001,\"owned_by\":\"library\"}]}"));
        assertEquals(List.of("llama3.2:latest", "qwen2.5:7b"), client(null).listModels());
        RecordedRequest r = server.takeRequest();
        assertEquals("GET", r.getMethod());
        assertEquals("/v1/models", r.getUrl().encodedPath());
        assertNull(r.getHeaders().get("Authorization"));
    }

    @Test
    void countTokensIsUnsupported() {
        ProviderException e = assertThrows(
                ProviderException.class, () -> client(null).countTokens(ChatRequest.of("llama3.2", null, "Hi")));
        assertEquals(ProviderException.Kind.BAD_REQUEST, e.kind());
        assertTrue(e.getMessage().contains("no token-counting endpoint"), e.getMessage());
        assertEquals(0, server.getRequestCount());
    }

    @Test
    void aMidStreamErrorObjectIsReported() {
        server.enqueue(MockApi.sse(chunk("{\"content\":\"Hi\"}", null, null)
                + "data: {\"error\":{\"message\":\"model 'llama9' not found\",\"type\":\"not_found_error\"}}\n\n"));
        ProviderException e = assertThrows(
                ProviderException.class, () -> client(null).complete(ChatRequest.of("llama9", null, "Hi"), null, null));
        assertTrue(e.getMessage().contains("model 'llama9' not found"), e.getMessage());
        assertTrue(e.getMessage().startsWith("OpenAI-compatible server"), e.getMessage());
    }
}
