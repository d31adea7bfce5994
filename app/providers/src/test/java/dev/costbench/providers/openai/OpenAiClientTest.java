// SPDX-License-Identifier: Apache-2.0
package dev.costbench.providers.openai;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.costbench.model.cost.CanonicalUsage;
import dev.costbench.model.media.ImageDetail;
import dev.costbench.model.prompt.Role;
import dev.costbench.model.provider.CancelToken;
import dev.costbench.model.provider.ChatMessage;
import dev.costbench.model.provider.ChatRequest;
import dev.costbench.model.provider.ChatRequest.OpenAiApi;
import dev.costbench.model.provider.ChatResult;
import dev.costbench.model.provider.Part;
import dev.costbench.model.provider.ProviderException;
import dev.costbench.model.provider.ProviderId;
import dev.costbench.model.provider.TokenCountResult;
import dev.costbench.providers.MockApi;
import dev.costbench.providers.http.HttpEngine;
import dev.costbench.providers.testkit.MockServerTest;
import dev.costbench.providers.testkit.Requests;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Request and response shapes of both OpenAI APIs, the count endpoint and the model list. */
class OpenAiClientTest extends MockServerTest {

    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 1, 2, 3};
    static final byte[] WAV = {'R', 'I', 'F', 'F', 9, 9};

    private OpenAiClient client;

    @BeforeEach
    void start() throws Exception {
        client = new OpenAiClient(
                new HttpEngine(MockApi.settings(ProviderId.OPENAI, server, "/v1", MockApi.KEY), new MockApi.Waits()));
    }

    static ChatRequest multimodal(OpenAiApi api, boolean stream) {
        ChatMessage user = new ChatMessage(
                Role.USER,
                List.of(
                        new Part.Text("What is in this picture and clip?"),
                        new Part.Image(PNG, "image/png", ImageDetail.LOW),
                        new Part.Audio(WAV, "audio/wav")));
        return new ChatRequest(
                "gpt-5-mini",
                "Answer briefly.",
                null,
                List.of(ChatMessage.user("Hi"), ChatMessage.assistant("Hello!"), user),
                200,
                0.2,
                42L,
                null,
                "low",
                null,
                stream,
                api,
                null,
                null);
    }

    private RecordedRequest take(String method, String path) throws InterruptedException {
        RecordedRequest r = server.takeRequest();
        assertEquals(method, r.getMethod());
        assertEquals(path, r.getUrl().encodedPath());
        assertEquals("Bearer " + MockApi.KEY, r.getHeaders().get("Authorization"));
        if (method.equals("POST")) {
            assertTrue(r.getHeaders().get("Content-Type").startsWith("application/json"));
        }
        return r;
    }

    @Test
    void responsesRequestBodyHasInputItemsInstructionsAndMedia() throws Exception {
        server.enqueue(MockApi.json(200, OpenAiStreams.response("completed", null, "A logo.", OpenAiStreams.USAGE)));
        ChatResult r = client.complete(multimodal(OpenAiApi.RESPONSES, false), null, CancelToken.none());

        JsonNode expected = MockApi.parse("{\"model\":\"gpt-5-mini\",\"instructions\":\"Answer briefly.\","
                + "\"input\":[{\"type\":\"message\",\"role\":\"user\",\"content\":[{\"type\":\"input_text\","
                + "\"text\":\"Hi\"}]},{\"type\":\"message\",\"role\":\"assistant\",\"content\":[{\"type\":"
                + "\"output_text\",\"text\":\"Hello!\"}]},{\"type\":\"message\",\"role\":\"user\",\"content\":["
                + "{\"type\":\"input_text\",\"text\":\"What is in this picture and clip?\"},"
                + "{\"type\":\"input_image\",\"image_url\":\"data:image/png;base64,iVBORwECAw==\",\"detail\":\"low\"},"
                + "{\"type\":\"input_audio\",\"input_audio\":{\"data\":\"UklGRgkJ\",\"format\":\"wav\"}}]}],"
                + "\"reasoning\":{\"effort\":\"low\"},\"max_output_tokens\":200,\"temperature\":0.2,"
                + "\"store\":false,\"stream\":false}");
        assertEquals(expected, MockApi.body(take("POST", "/v1/responses")));

        assertEquals("A logo.", r.text());
        assertEquals(new CanonicalUsage(1024, 1024, 0, 0, 22, 128), r.usage());
        assertEquals("completed", r.finishReason());
        assertFalse(r.truncated());
        assertEquals("gpt-5-mini-2025-08-07", r.model());
        assertEquals(OpenAiStreams.RESP_ID, r.responseId());
        assertEquals(MockApi.parse(OpenAiStreams.USAGE), MockApi.parse(r.rawUsageJson()));
        assertNotNull(r.latency());
        assertNull(r.timeToFirstToken());
    }

    @Test
    void responsesIncompleteAtTheCapIsTruncated() throws Exception {
        server.enqueue(MockApi.json(
                200, OpenAiStreams.response("incomplete", "max_output_tokens", "Part", OpenAiStreams.USAGE)));
        ChatResult r = client.complete(
                ChatRequest.of("gpt-5-mini", null, "Write an essay").withStream(false), null, null);
        assertEquals("max_output_tokens", r.finishReason());
        assertTrue(r.truncated());
        JsonNode body = MockApi.body(take("POST", "/v1/responses"));
        assertFalse(body.has("instructions"));
        assertFalse(body.has("temperature"));
        assertFalse(body.has("reasoning"));
    }

    @Test
    void responsesStreamDeliversDeltasTimeToFirstTokenAndUsage() throws Exception {
        server.enqueue(MockApi.sse(OpenAiStreams.responsesStream("Hel", "lo", " there")));
        List<String> deltas = new ArrayList<>();
        ChatResult r = client.complete(ChatRequest.of("gpt-5-mini", "Be kind.", "Hi"), deltas::add, CancelToken.none());
        RecordedRequest req = take("POST", "/v1/responses");
        assertEquals("text/event-stream", req.getHeaders().get("Accept"));
        JsonNode body = MockApi.body(req);
        assertTrue(body.path("stream").asBoolean());
        assertEquals(1024, body.path("max_output_tokens").asInt());

        assertEquals(List.of("Hel", "lo", " there"), deltas);
        assertEquals("Hello there", r.text());
        assertEquals(new CanonicalUsage(1024, 1024, 0, 0, 22, 128), r.usage());
        assertEquals("completed", r.finishReason());
        assertNotNull(r.timeToFirstToken());
        assertTrue(r.timeToFirstToken().compareTo(r.latency()) <= 0);
    }

    @Test
    void responsesStreamFailureEventIsAnError() {
        server.enqueue(MockApi.sse("event: response.created\ndata: {\"type\":\"response.created\","
                + "\"sequence_number\":0,\"response\":{\"id\":\"resp_1\",\"status\":\"in_progress\",\"output\":[]}}\n\n"
                + "event: response.failed\ndata: {\"type\":\"response.failed\",\"sequence_number\":1,\"response\":"
                + "{\"id\":\"resp_1\",\"status\":\"failed\",\"error\":{\"code\":\"server_error\",\"message\":"
                + "\"The model failed to generate a response.\"},\"output\":[],\"usage\":null}}\n\n"));
        ProviderException e = assertThrows(
                ProviderException.class, () -> client.complete(ChatRequest.of("gpt-5-mini", null, "Hi"), null, null));
        assertEquals(ProviderException.Kind.SERVER, e.kind());
        assertTrue(e.getMessage().contains("The model failed to generate a response."), e.getMessage());
        assertEquals(1, server.getRequestCount(), "a stream that started is not retried");
    }

    @Test
    void responsesStreamWithoutCompletedIsMalformed() {
        String full = OpenAiStreams.responsesStream("Hi");
        server.enqueue(MockApi.sse(full.substring(0, full.indexOf("event: response.completed"))));
        ProviderException e = assertThrows(
                ProviderException.class, () -> client.complete(ChatRequest.of("gpt-5-mini", null, "Hi"), null, null));
        assertEquals(ProviderException.Kind.MALFORMED, e.kind());
        assertTrue(e.getMessage().contains("without response.completed"), e.getMessage());
    }

    @Test
    void chatCompletionsRequestBodyAndUsage() throws Exception {
        String usage = "{\"prompt_tokens\":1500,\"completion_tokens\":80,\"total_tokens\":1580,"
                + "\"prompt_tokens_details\":{\"cached_tokens\":1280,\"audio_tokens\":60,\"image_tokens\":85},"
                + "\"completion_tokens_details\":{\"reasoning_tokens\":64,\"audio_tokens\":0,"
                + "\"accepted_prediction_tokens\":0,\"rejected_prediction_tokens\":0}}";
        server.enqueue(MockApi.json(200, OpenAiStreams.chatCompletion("A logo and a beep.", "stop", usage)));
        ChatResult r = client.complete(multimodal(OpenAiApi.CHAT_COMPLETIONS, false), null, CancelToken.none());

        JsonNode expected = MockApi.parse("{\"model\":\"gpt-5-mini\",\"messages\":["
                + "{\"role\":\"system\",\"content\":\"Answer briefly.\"},{\"role\":\"user\",\"content\":\"Hi\"},"
                + "{\"role\":\"assistant\",\"content\":\"Hello!\"},{\"role\":\"user\",\"content\":["
                + "{\"type\":\"text\",\"text\":\"What is in this picture and clip?\"},{\"type\":\"image_url\","
                + "\"image_url\":{\"url\":\"data:image/png;base64,iVBORwECAw==\",\"detail\":\"low\"}},"
                + "{\"type\":\"input_audio\",\"input_audio\":{\"data\":\"UklGRgkJ\",\"format\":\"wav\"}}]}],"
                + "\"max_completion_tokens\":200,\"temperature\":0.2,\"seed\":42,\"reasoning_effort\":\"low\","
                + "\"stream\":false}");
        assertEquals(expected, MockApi.body(take("POST", "/v1/chat/completions")));

        assertEquals("A logo and a beep.", r.text());
        assertEquals(new CanonicalUsage(220, 1280, 0, 0, 16, 64), r.usage());
        assertEquals(Map.of("audio", 60L, "image", 85L), r.inputByModality());
        assertEquals("stop", r.finishReason());
        assertEquals("gpt-4.1-2025-04-14", r.model());
    }

    @Test
    void chatCompletionsStreamAsksForUsageAndReadsTheLastChunk() throws Exception {
        String usage = "{\"prompt_tokens\":19,\"completion_tokens\":10,\"total_tokens\":29,\"prompt_tokens_details\":"
                + "{\"cached_tokens\":0,\"audio_tokens\":0},\"completion_tokens_details\":{\"reasoning_tokens\":0,"
                + "\"audio_tokens\":0,\"accepted_prediction_tokens\":0,\"rejected_prediction_tokens\":0}}";
        server.enqueue(MockApi.sse(OpenAiStreams.chatStream(usage, "The", " answer", " is 4.")));
        List<String> deltas = new ArrayList<>();
        ChatResult r = client.complete(
                ChatRequest.of("gpt-4o", null, "2+2?").withOpenAiApi(OpenAiApi.CHAT_COMPLETIONS),
                deltas::add,
                CancelToken.none());
        JsonNode body = MockApi.body(take("POST", "/v1/chat/completions"));
        assertEquals(
                MockApi.parse(
                        "{\"model\":\"gpt-4o\",\"messages\":[{\"role\":\"user\",\"content\":\"2+2?\"}],"
                                + "\"max_completion_tokens\":1024,\"stream\":true,\"stream_options\":{\"include_usage\":true}}"),
                body);
        assertEquals(List.of("The", " answer", " is 4."), deltas);
        assertEquals("The answer is 4.", r.text());
        assertEquals(new CanonicalUsage(19, 0, 0, 0, 10, 0), r.usage());
        assertEquals("stop", r.finishReason());
        assertEquals("chatcmpl-B9MHDbslfkBeAs8l4bebGdFOJ6PeG", r.responseId());
        assertNotNull(r.timeToFirstToken());
    }

    @Test
    void chatStreamWithoutUsageIsMalformedForOpenAi() {
        server.enqueue(MockApi.sse(OpenAiStreams.chatStream(null, "Hi")));
        ProviderException e = assertThrows(
                ProviderException.class,
                () -> client.complete(
                        ChatRequest.of("gpt-4o", null, "Hi").withOpenAiApi(OpenAiApi.CHAT_COMPLETIONS), null, null));
        assertEquals(ProviderException.Kind.MALFORMED, e.kind());
    }

    @Test
    void countTokensUsesTheInputTokensEndpoint() throws Exception {
        server.enqueue(MockApi.json(200, "{\"object\":\"response.input_tokens\",\"input_tokens\":1187}"));
        TokenCountResult n = client.countTokens(multimodal(OpenAiApi.CHAT_COMPLETIONS, true));
        assertEquals(1187, n.inputTokens());
        JsonNode body = MockApi.body(take("POST", "/v1/responses/input_tokens"));
        assertEquals("gpt-5-mini", body.path("model").asText());
        assertEquals("Answer briefly.", body.path("instructions").asText());
        assertEquals(3, body.path("input").size());
        assertEquals("low", body.path("reasoning").path("effort").asText());
        for (String absent : new String[] {"max_output_tokens", "stream", "store", "temperature"}) {
            assertFalse(body.has(absent), absent + " is not a count parameter");
        }
    }

    @Test
    void listModelsReadsTheDataArray() throws Exception {
        server.enqueue(MockApi.json(
                200,
                "{\"object\":\"list\",\"data\":[{\"id\":\"gpt-4o-mini\",\"object\":\"model\","
                        + "\"created\":1721172741,\"owned_by\":\"system\"},{\"id\":\"gpt-4.1\",\"object\":\"model\","
                        + "\"created\":1744316542,\"owned_by\":\"system\"}]}"));
        assertEquals(List.of("gpt-4.1", "gpt-4o-mini"), client.listModels());
        RecordedRequest r = take("GET", "/v1/models");
        assertNull(r.getHeaders().get("Content-Type"));
    }

    @Test
    void videoIsRefusedBeforeSending() {
        ChatRequest r = Requests.oneTurn("gpt-4o", 10, new Part.Video(new byte[] {1}, "video/mp4", null))
                .withOpenAiApi(OpenAiApi.RESPONSES);
        ProviderException e = assertThrows(ProviderException.class, () -> client.complete(r, null, null));
        assertEquals(ProviderException.Kind.BAD_REQUEST, e.kind());
        assertEquals(0, server.getRequestCount());
    }

    @Test
    void noKeyFailsWithoutARequest() {
        OpenAiClient keyless = new OpenAiClient(MockApi.settings(ProviderId.OPENAI, server, "/v1", null));
        ProviderException e = assertThrows(ProviderException.class, keyless::listModels);
        assertEquals(ProviderException.Kind.NO_KEY, e.kind());
        assertTrue(e.getMessage().contains("OPENAI_API_KEY"));
        assertEquals(0, server.getRequestCount());
    }

    // ---- service tiers: asked in the request, read from the answer ----

    private static ChatRequest ask(OpenAiApi api, boolean stream, String tier) {
        return ChatRequest.of("gpt-5-mini", null, "Hi")
                .withOpenAiApi(api)
                .withStream(stream)
                .withServiceTier(tier);
    }

    /** A Responses object as the API returns it when {@code tier} served it. */
    private static String served(String responseJson, String tier) {
        return responseJson.replace("\"store\":false,", "\"service_tier\":\"" + tier + "\",\"store\":false,");
    }

    @Test
    void responsesSendsTheTierAndReadsTheServedOne() throws Exception {
        server.enqueue(MockApi.json(
                200, served(OpenAiStreams.response("completed", null, "Hi.", OpenAiStreams.USAGE), "default")));
        ChatResult r = client.complete(ask(OpenAiApi.RESPONSES, false, "priority"), null, null);
        JsonNode body = MockApi.body(server.takeRequest());
        assertEquals("priority", body.path("service_tier").asText());
        assertEquals("default", r.servedTier());
    }

    @Test
    void responsesStreamReadsTheServedTierFromCompleted() throws Exception {
        server.enqueue(MockApi.sse(served(OpenAiStreams.responsesStream("Hel", "lo"), "flex")));
        ChatResult r = client.complete(ask(OpenAiApi.RESPONSES, true, "flex"), null, null);
        assertEquals(
                "flex", MockApi.body(server.takeRequest()).path("service_tier").asText());
        assertEquals("flex", r.servedTier());
    }

    @Test
    void chatCompletionsSendsTheTierAndReadsTheServedOne() throws Exception {
        server.enqueue(MockApi.json(
                200,
                OpenAiStreams.chatCompletion(
                                "Hi.", "stop", "{\"prompt_tokens\":9,\"completion_tokens\":3,\"total_tokens\":12}")
                        .replace("\"service_tier\":\"default\"", "\"service_tier\":\"priority\"")));
        ChatResult r = client.complete(ask(OpenAiApi.CHAT_COMPLETIONS, false, "priority"), null, null);
        assertEquals(
                "priority",
                MockApi.body(server.takeRequest()).path("service_tier").asText());
        assertEquals("priority", r.servedTier());
    }

    @Test
    void chatCompletionsStreamReadsTheServedTierFromTheChunks() throws Exception {
        server.enqueue(MockApi.sse(OpenAiStreams.chatStream(
                "{\"prompt_tokens\":9,\"completion_tokens\":3,\"total_tokens\":12}", "Hel", "lo")));
        ChatResult r = client.complete(ask(OpenAiApi.CHAT_COMPLETIONS, true, "flex"), null, null);
        assertEquals(
                "flex", MockApi.body(server.takeRequest()).path("service_tier").asText());
        assertEquals("default", r.servedTier(), "asked for flex, the chunks say default");
    }

    @Test
    void noTierAskedSendsNoField() throws Exception {
        server.enqueue(MockApi.json(200, OpenAiStreams.response("completed", null, "Hi.", OpenAiStreams.USAGE)));
        ChatResult r = client.complete(ask(OpenAiApi.RESPONSES, false, null), null, null);
        assertFalse(MockApi.body(server.takeRequest()).has("service_tier"));
        assertEquals(null, r.servedTier());
    }

    @Test
    void aTierOpenAiDoesNotTakeIsRefusedBeforeSending() {
        ProviderException e = assertThrows(
                ProviderException.class,
                () -> client.complete(ask(OpenAiApi.CHAT_COMPLETIONS, false, "standard_only"), null, null));
        assertEquals(ProviderException.Kind.BAD_REQUEST, e.kind());
        assertTrue(e.getMessage().contains("auto, default, flex or priority"), e.getMessage());
        assertEquals(0, server.getRequestCount());
    }
}
