// SPDX-License-Identifier: Apache-2.0
package dev.costbench.providers.gemini;

import static dev.costbench.providers.testkit.ProviderMock.FAKE_KEY;
import static dev.costbench.providers.testkit.ProviderMock.assertKeyRedacted;
import static dev.costbench.providers.testkit.ProviderMock.body;
import static dev.costbench.providers.testkit.ProviderMock.tree;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.costbench.model.cost.CanonicalUsage;
import dev.costbench.model.media.MediaResolution;
import dev.costbench.model.prompt.Role;
import dev.costbench.model.provider.CancelToken;
import dev.costbench.model.provider.ChatMessage;
import dev.costbench.model.provider.ChatRequest;
import dev.costbench.model.provider.ChatResult;
import dev.costbench.model.provider.Part;
import dev.costbench.model.provider.ProviderException;
import dev.costbench.model.provider.ProviderException.Kind;
import dev.costbench.model.provider.ProviderId;
import dev.costbench.model.provider.ProviderSettings;
import dev.costbench.model.provider.Secret;
import dev.costbench.model.provider.TokenCountResult;
import dev.costbench.model.provider.ToolSpec;
import dev.costbench.providers.testkit.MockedProviderTest;
import dev.costbench.providers.testkit.Requests;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@link GeminiClient} against a mock server answering as the Gemini API documentation shows. */
class GeminiClientTest extends MockedProviderTest {

    private GeminiClient client;

    @BeforeEach
    void start() throws IOException {
        client = new GeminiClient(mock.engine(mock.settings(ProviderId.GEMINI, "/v1beta")));
    }

    private static ChatRequest multimodal(boolean stream, MediaResolution resolution) {
        List<ChatMessage> messages = List.of(
                new ChatMessage(
                        Role.USER,
                        List.of(
                                new Part.Text("Describe these."),
                                new Part.Image(new byte[] {1, 2, 3}, "image/png", null),
                                new Part.Audio(new byte[] {4, 5}, "audio/wav"),
                                new Part.Video(new byte[] {6}, "video/mp4", 2.0),
                                new Part.Video(new byte[] {7}, "video/mp4", null))),
                ChatMessage.assistant("Sure."),
                ChatMessage.user("Go on."));
        return new ChatRequest(
                "gemini-2.5-flash",
                "Be brief.",
                null,
                messages,
                512,
                0.2,
                7L,
                1024,
                null,
                resolution,
                stream,
                null,
                null,
                null);
    }

    private static final String EXPECTED_CONTENTS = """
            [{"role":"user","parts":[
               {"text":"Describe these."},
               {"inline_data":{"mime_type":"image/png","data":"AQID"}},
               {"inline_data":{"mime_type":"audio/wav","data":"BAU="}},
               {"inline_data":{"mime_type":"video/mp4","data":"Bg=="},"video_metadata":{"fps":2.0}},
               {"inline_data":{"mime_type":"video/mp4","data":"Bw=="}}]},
             {"role":"model","parts":[{"text":"Sure."}]},
             {"role":"user","parts":[{"text":"Go on."}]}]
            """;

    private static final String EXPECTED_BODY = "{\"systemInstruction\":{\"parts\":[{\"text\":\"Be brief.\"}]},"
            + "\"contents\":" + EXPECTED_CONTENTS + ","
            + "\"generationConfig\":{\"maxOutputTokens\":512,\"temperature\":0.2,\"seed\":7,"
            + "\"thinkingConfig\":{\"thinkingBudget\":1024},\"mediaResolution\":\"MEDIA_RESOLUTION_LOW\"}}";

    private static void assertHeaders(RecordedRequest r) {
        assertEquals(FAKE_KEY, r.getHeaders().get("x-goog-api-key"));
        assertFalse(r.getTarget().contains("key="), "the key never goes in the URL");
        assertFalse(r.getTarget().contains(FAKE_KEY));
    }

    /** A generateContent answer as the API returns it (gemini-2.5-flash, with thinking and implicit caching). */
    private static final String ANSWER = """
            {
              "candidates": [
                {
                  "content": {
                    "parts": [
                      {"text": "Thinking about the picture...", "thought": true},
                      {"text": "A red square"},
                      {"text": " and a beep."}
                    ],
                    "role": "model"
                  },
                  "finishReason": "STOP",
                  "index": 0
                }
              ],
              "usageMetadata": {
                "promptTokenCount": 2348,
                "candidatesTokenCount": 87,
                "totalTokenCount": 2591,
                "cachedContentTokenCount": 2048,
                "promptTokensDetails": [
                  {"modality": "TEXT", "tokenCount": 12},
                  {"modality": "IMAGE", "tokenCount": 258},
                  {"modality": "AUDIO", "tokenCount": 32},
                  {"modality": "VIDEO", "tokenCount": 2046}
                ],
                "cacheTokensDetails": [{"modality": "TEXT", "tokenCount": 2048}],
                "thoughtsTokenCount": 156
              },
              "modelVersion": "gemini-2.5-flash",
              "responseId": "4-4GafrNGoq52roPk_XSuAY"
            }
            """;

    @Test
    void generateContentRequestAndResponse() throws Exception {
        mock.json(200, ANSWER);
        ChatResult res = client.complete(multimodal(false, MediaResolution.LOW), null, CancelToken.none());

        RecordedRequest r = mock.take();
        assertEquals("POST", r.getMethod());
        assertEquals("/v1beta/models/gemini-2.5-flash:generateContent", r.getTarget());
        assertHeaders(r);
        assertTrue(r.getHeaders().get("content-type").startsWith("application/json"));
        assertEquals(tree(EXPECTED_BODY), body(r));

        assertEquals("A red square and a beep.", res.text());
        assertEquals("STOP", res.finishReason());
        assertEquals("gemini-2.5-flash", res.model());
        assertEquals("4-4GafrNGoq52roPk_XSuAY", res.responseId());
        assertEquals(new CanonicalUsage(300, 2048, 0, 0, 87, 156), res.usage());
        assertEquals(Map.of("text", 12L, "image", 258L, "audio", 32L, "video", 2046L), res.inputByModality());
        assertNull(res.timeToFirstToken());
        assertEquals(156, tree(res.rawUsageJson()).path("thoughtsTokenCount").asLong());
    }

    /** Streamed chunks: every chunk carries usageMetadata, the last one wins; the last has finishReason. */
    static final String STREAM =
            "data: {\"candidates\": [{\"content\": {\"parts\": [{\"text\": \"The\"}],\"role\": \"model\"},"
                    + "\"index\": 0}],\"usageMetadata\": {\"promptTokenCount\": 9,\"totalTokenCount\": 9,\"promptTokensDetails\": "
                    + "[{\"modality\": \"TEXT\",\"tokenCount\": 9}]},\"modelVersion\": \"gemini-2.5-flash\",\"responseId\": \"mAitaL3qKb\"}\r\n\r\n"
                    + "data: {\"candidates\": [{\"content\": {\"parts\": [{\"text\": \" quick brown fox\"}],\"role\": \"model\"},"
                    + "\"index\": 0}],\"usageMetadata\": {\"promptTokenCount\": 9,\"candidatesTokenCount\": 4,\"totalTokenCount\": 442,"
                    + "\"promptTokensDetails\": [{\"modality\": \"TEXT\",\"tokenCount\": 9}],\"thoughtsTokenCount\": 429},"
                    + "\"modelVersion\": \"gemini-2.5-flash\",\"responseId\": \"mAitaL3qKb\"}\r\n\r\n"
                    + "data: {\"candidates\": [{\"content\": {\"parts\": [{\"text\": \" jumps.\"}],\"role\": \"model\"},"
                    + "\"finishReason\": \"STOP\",\"index\": 0}],\"usageMetadata\": {\"promptTokenCount\": 9,\"candidatesTokenCount\": 6,"
                    + "\"totalTokenCount\": 444,\"promptTokensDetails\": [{\"modality\": \"TEXT\",\"tokenCount\": 9}],"
                    + "\"thoughtsTokenCount\": 429},\"modelVersion\": \"gemini-2.5-flash\",\"responseId\": \"mAitaL3qKb\"}\r\n\r\n";

    @Test
    void streamGenerateContent() throws Exception {
        mock.sse(STREAM);
        List<String> deltas = new ArrayList<>();
        ChatResult res = client.complete(multimodal(true, MediaResolution.LOW), deltas::add, null);

        RecordedRequest r = mock.take();
        assertEquals("POST", r.getMethod());
        assertEquals("/v1beta/models/gemini-2.5-flash:streamGenerateContent?alt=sse", r.getTarget());
        assertHeaders(r);
        assertEquals(tree(EXPECTED_BODY), body(r));

        assertEquals(List.of("The", " quick brown fox", " jumps."), deltas);
        assertEquals("The quick brown fox jumps.", res.text());
        assertEquals("STOP", res.finishReason());
        assertEquals("mAitaL3qKb", res.responseId());
        assertEquals(new CanonicalUsage(9, 0, 0, 0, 6, 429), res.usage());
        assertEquals(Map.of("text", 9L), res.inputByModality());
        assertNotNull(res.timeToFirstToken());
    }

    @Test
    void mediaResolutionMapping() throws Exception {
        mock.json(200, ANSWER);
        mock.json(200, ANSWER);
        mock.json(200, ANSWER);
        client.complete(multimodal(false, MediaResolution.HIGH), null, null);
        assertEquals(
                "MEDIA_RESOLUTION_HIGH",
                body(mock.take())
                        .path("generationConfig")
                        .path("mediaResolution")
                        .asText());
        client.complete(multimodal(false, MediaResolution.DEFAULT), null, null);
        assertFalse(body(mock.take()).path("generationConfig").has("mediaResolution"));
        client.complete(multimodal(false, MediaResolution.ULTRA_HIGH), null, null);
        var sent = body(mock.take());
        assertFalse(sent.path("generationConfig").has("mediaResolution"), "ULTRA_HIGH exists per part only");
        assertEquals(
                tree("{\"level\":\"MEDIA_RESOLUTION_ULTRA_HIGH\"}"),
                sent.path("contents").path(0).path("parts").path(1).path("media_resolution"));
    }

    @Test
    void countTokensWithContentsOnly() throws Exception {
        mock.json(
                200, "{\"totalTokens\": 31, \"promptTokensDetails\": [{\"modality\": \"TEXT\", \"tokenCount\": 31}]}");
        TokenCountResult n = client.countTokens(ChatRequest.of("gemini-2.5-flash", null, "The quick brown fox"));
        assertEquals(31, n.inputTokens());
        RecordedRequest r = mock.take();
        assertEquals("POST", r.getMethod());
        assertEquals("/v1beta/models/gemini-2.5-flash:countTokens", r.getTarget());
        assertHeaders(r);
        assertEquals(
                tree("{\"contents\":[{\"role\":\"user\",\"parts\":[{\"text\":\"The quick brown fox\"}]}]}"), body(r));
    }

    @Test
    void countTokensWithSystemTextSendsTheWholeRequest() throws Exception {
        mock.json(200, "{\"totalTokens\": 3460}");
        assertEquals(
                3460, client.countTokens(multimodal(false, MediaResolution.LOW)).inputTokens());
        assertEquals(
                tree("{\"generateContentRequest\":{\"model\":\"models/gemini-2.5-flash\","
                        + "\"systemInstruction\":{\"parts\":[{\"text\":\"Be brief.\"}]},\"contents\":"
                        + EXPECTED_CONTENTS
                        + ",\"generationConfig\":{\"mediaResolution\":\"MEDIA_RESOLUTION_LOW\"}}}"),
                body(mock.take()));
    }

    /** Issue 18.1: the tools are counted with the request (before, countTokens left them out). */
    @Test
    void countTokensSendsTheToolsInTheWholeRequest() throws Exception {
        mock.json(200, "{\"totalTokens\": 97}");
        ChatRequest req = ChatRequest.of("gemini-2.5-flash", null, "Weather in Paris?")
                .withTools(List.of(ToolSpec.of(
                        "get_weather",
                        "Current weather for a city",
                        "{\"type\":\"object\",\"properties\":{\"city\":{\"type\":\"string\"}}}")));
        assertEquals(97, client.countTokens(req).inputTokens());
        assertEquals(
                tree("{\"generateContentRequest\":{\"model\":\"models/gemini-2.5-flash\",\"contents\":"
                        + "[{\"role\":\"user\",\"parts\":[{\"text\":\"Weather in Paris?\"}]}],"
                        + "\"tools\":[{\"functionDeclarations\":[{\"name\":\"get_weather\","
                        + "\"description\":\"Current weather for a city\",\"parameters\":{\"type\":\"object\","
                        + "\"properties\":{\"city\":{\"type\":\"string\"}}}}]}]}}"),
                body(mock.take()));
    }

    @Test
    void listModelsFollowsPageTokens() throws Exception {
        mock.json(200, """
                {"models": [
                  {"name": "models/gemini-2.5-flash", "version": "001", "displayName": "Gemini 2.5 Flash",
                   "inputTokenLimit": 1048576, "outputTokenLimit": 65536,
                   "supportedGenerationMethods": ["generateContent", "countTokens"]},
                  {"name": "models/gemini-2.5-pro", "version": "2.5", "displayName": "Gemini 2.5 Pro"}],
                 "nextPageToken": "Ch9tb2RlbHMv+/="}
                """);
        mock.json(200, "{\"models\": [{\"name\": \"models/gemini-3-flash-preview\"}]}");
        assertEquals(List.of("gemini-2.5-flash", "gemini-2.5-pro", "gemini-3-flash-preview"), client.listModels());
        RecordedRequest first = mock.take();
        assertEquals("GET", first.getMethod());
        assertEquals("/v1beta/models?pageSize=1000", first.getTarget());
        assertHeaders(first);
        assertEquals(
                "/v1beta/models?pageSize=1000&pageToken=Ch9tb2RlbHMv%2B%2F%3D",
                mock.take().getTarget());
    }

    @Test
    void blockedPromptIsAClearError() {
        mock.json(200, """
                {
                  "promptFeedback": {
                    "blockReason": "SAFETY",
                    "safetyRatings": [
                      {"category": "HARM_CATEGORY_SEXUALLY_EXPLICIT", "probability": "NEGLIGIBLE"},
                      {"category": "HARM_CATEGORY_HATE_SPEECH", "probability": "HIGH"},
                      {"category": "HARM_CATEGORY_HARASSMENT", "probability": "NEGLIGIBLE"},
                      {"category": "HARM_CATEGORY_DANGEROUS_CONTENT", "probability": "NEGLIGIBLE"}
                    ]
                  },
                  "usageMetadata": {"promptTokenCount": 8, "totalTokenCount": 8},
                  "modelVersion": "gemini-2.5-flash"
                }
                """);
        ProviderException e = assertThrows(
                ProviderException.class,
                () -> client.complete(
                        ChatRequest.of("gemini-2.5-flash", null, "bad").withStream(false), null, null));
        assertEquals(Kind.BAD_REQUEST, e.kind());
        assertTrue(e.getMessage().startsWith("Google Gemini blocked the prompt (SAFETY)"), e.getMessage());
        assertTrue(e.body().contains("HARM_CATEGORY_HATE_SPEECH"));
        assertEquals(1, mock.server.getRequestCount());
    }

    @Test
    void blockedPromptInAStream() {
        mock.sse(
                "data: {\"promptFeedback\": {\"blockReason\": \"PROHIBITED_CONTENT\"},"
                        + "\"usageMetadata\": {\"promptTokenCount\": 5,\"totalTokenCount\": 5},\"modelVersion\": \"gemini-2.5-flash\"}\n\n");
        ProviderException e = assertThrows(
                ProviderException.class,
                () -> client.complete(ChatRequest.of("gemini-2.5-flash", null, "bad"), null, null));
        assertEquals(Kind.BAD_REQUEST, e.kind());
        assertTrue(e.getMessage().contains("blocked the prompt (PROHIBITED_CONTENT)"), e.getMessage());
    }

    @Test
    void invalidKeyAnsweredWith400IsAnAuthError() {
        mock.json(400, """
                {
                  "error": {
                    "code": 400,
                    "message": "API key not valid. Please pass a valid API key.",
                    "status": "INVALID_ARGUMENT",
                    "details": [
                      {
                        "@type": "type.googleapis.com/google.rpc.ErrorInfo",
                        "reason": "API_KEY_INVALID",
                        "domain": "googleapis.com",
                        "metadata": {"service": "generativelanguage.googleapis.com"}
                      }
                    ]
                  }
                }
                """);
        ProviderException e = assertThrows(ProviderException.class, client::listModels);
        assertEquals(Kind.AUTH, e.kind());
        assertEquals(400, e.httpStatus());
        assertTrue(
                e.getMessage().startsWith("Google Gemini rejected the API key (400): API key not valid"),
                e.getMessage());
        assertTrue(
                e.getMessage()
                        .contains("Please pass a valid API key. Check the key in the Providers tab or GEMINI_API_KEY"),
                e.getMessage());
        assertEquals(1, mock.server.getRequestCount());
    }

    @Test
    void unauthorized401NamesTheProvider() {
        mock.json(
                401,
                "{\"error\": {\"code\": 401, \"message\": \"Request had invalid authentication credentials.\","
                        + " \"status\": \"UNAUTHENTICATED\"}}");
        ProviderException e = assertThrows(
                ProviderException.class, () -> client.countTokens(ChatRequest.of("gemini-2.5-flash", null, "hi")));
        assertEquals(Kind.AUTH, e.kind());
        assertTrue(e.getMessage().startsWith("Google Gemini rejected the API key (401)"), e.getMessage());
        assertFalse(e.getMessage().contains(FAKE_KEY));
        assertTrue(mock.sleeps.isEmpty());
    }

    @Test
    void unavailable503IsRetriedThenSucceeds() throws Exception {
        mock.json(
                503,
                "{\"error\": {\"code\": 503, \"message\": \"The model is overloaded. Please try again later.\","
                        + " \"status\": \"UNAVAILABLE\"}}");
        mock.sse(STREAM);
        assertEquals(
                "The quick brown fox jumps.",
                client.complete(ChatRequest.of("gemini-2.5-flash", null, "hi"), null, null)
                        .text());
        mock.assertRetriedOnce();
    }

    @Test
    void rateLimitHonoursRetryAfter() throws Exception {
        mock.enqueue(new MockResponse.Builder()
                .code(429)
                .setHeader("Retry-After", "3")
                .setHeader("content-type", "application/json")
                .body("{\"error\": {\"code\": 429, \"message\": \"You exceeded your current quota.\","
                        + " \"status\": \"RESOURCE_EXHAUSTED\"}}")
                .build());
        mock.json(200, ANSWER);
        assertEquals(
                "STOP", client.complete(multimodal(false, null), null, null).finishReason());
        assertEquals(List.of(Duration.ofSeconds(3)), mock.sleeps);
    }

    @Test
    void errorObjectInTheMiddleOfTheStream() {
        mock.sse(
                STREAM.substring(0, STREAM.indexOf("data:", 10))
                        + "data: {\"error\": {\"code\": 500, \"message\": \"An internal error has occurred.\", \"status\": \"INTERNAL\"}}\r\n\r\n");
        List<String> deltas = new ArrayList<>();
        ProviderException e = assertThrows(
                ProviderException.class,
                () -> client.complete(ChatRequest.of("gemini-2.5-flash", null, "hi"), deltas::add, null));
        assertEquals(Kind.SERVER, e.kind());
        assertTrue(e.getMessage().contains("(500 INTERNAL): An internal error has occurred."), e.getMessage());
        assertEquals(List.of("The"), deltas);
        assertEquals(1, mock.server.getRequestCount());
    }

    @Test
    void connectionCutInTheMiddleOfTheStream() {
        mock.cutStream(STREAM);
        ProviderException e = assertThrows(
                ProviderException.class,
                () -> client.complete(ChatRequest.of("gemini-2.5-flash", null, "hi"), null, null));
        assertEquals(Kind.MALFORMED, e.kind());
        assertTrue(e.getMessage().startsWith("Google Gemini closed the stream"), e.getMessage());
    }

    @Test
    void cancelWhileStreaming() {
        mock.slowStream(STREAM, 100);
        CancelToken cancel = new CancelToken();
        ProviderException e = assertThrows(
                ProviderException.class,
                () -> client.complete(
                        ChatRequest.of("gemini-2.5-flash", null, "hi"), piece -> cancel.cancel(), cancel));
        assertEquals(Kind.CANCELLED, e.kind());
    }

    @Test
    void streamEndingWithoutFinishReasonIsIncomplete() {
        mock.sse(STREAM.substring(0, STREAM.lastIndexOf("data:")));
        ProviderException e = assertThrows(
                ProviderException.class,
                () -> client.complete(ChatRequest.of("gemini-2.5-flash", null, "hi"), null, null));
        assertEquals(Kind.MALFORMED, e.kind());
        assertTrue(e.getMessage().contains("finishReason"), e.getMessage());
        assertTrue(e.body().contains("quick brown fox"));
    }

    @Test
    void invalidJsonKeepsTheBodyWithTheKeyRedacted() {
        mock.json(200, "{\"candidates\": [ truncated by proxy for x-goog-api-key " + FAKE_KEY);
        ProviderException e =
                assertThrows(ProviderException.class, () -> client.complete(multimodal(false, null), null, null));
        assertEquals(Kind.MALFORMED, e.kind());
        assertTrue(e.body().contains("truncated by proxy"));
        assertKeyRedacted(e);
    }

    @Test
    void missingKeyIsReportedWithoutACall() {
        GeminiClient noKey = new GeminiClient(
                mock.engine(mock.settings(ProviderId.GEMINI, "/v1beta").withKey(null)));
        ProviderException e = assertThrows(
                ProviderException.class,
                () -> noKey.complete(ChatRequest.of("gemini-2.5-flash", null, "hi"), null, null));
        assertEquals(Kind.NO_KEY, e.kind());
        assertEquals(0, mock.server.getRequestCount());
    }

    // ---- Files API: media over the inline limit ---------------------------------------------------------------

    private ChatRequest bigVideo() {
        return Requests.oneTurn(
                "gemini-2.5-flash",
                256,
                new Part.Text("Summarise."),
                new Part.Image(new byte[] {1, 2, 3}, "image/png", null),
                new Part.Video(new byte[300], "video/mp4", 5.0));
    }

    private void enqueueUpload(String firstState) {
        mock.enqueue(new MockResponse.Builder()
                .code(200)
                .setHeader(
                        "X-Goog-Upload-URL",
                        mock.server.url("/upload/v1beta/files?upload_id=ABCD&upload_protocol=resumable"))
                .setHeader("X-Goog-Upload-Status", "active")
                .build());
        mock.json(
                200,
                "{\"file\": {\"name\": \"files/abc-123\", \"mimeType\": \"video/mp4\", \"sizeBytes\": \"300\","
                        + " \"createTime\": \"2026-11-02T10:00:00.000000Z\", \"expirationTime\": \"2026-11-04T10:00:00.000000Z\","
                        + " \"uri\": \"https://generativelanguage.googleapis.com/v1beta/files/abc-123\", \"state\": \""
                        + firstState
                        + "\", \"source\": \"UPLOADED\"}}");
    }

    @Test
    void mediaOverTheInlineLimitGoesThroughTheFilesApi() throws Exception {
        GeminiClient small = client.withInlineLimit(200).withPollInterval(Duration.ZERO);
        enqueueUpload("PROCESSING");
        mock.json(
                200,
                "{\"name\": \"files/abc-123\", \"mimeType\": \"video/mp4\", \"state\": \"ACTIVE\","
                        + " \"uri\": \"https://generativelanguage.googleapis.com/v1beta/files/abc-123\"}");
        mock.json(200, ANSWER);

        ChatResult res = small.complete(bigVideo(), null, null);
        assertEquals("A red square and a beep.", res.text());

        RecordedRequest start = mock.take();
        assertEquals("POST", start.getMethod());
        assertEquals("/upload/v1beta/files", start.getTarget());
        assertEquals(FAKE_KEY, start.getHeaders().get("x-goog-api-key"));
        assertEquals("resumable", start.getHeaders().get("X-Goog-Upload-Protocol"));
        assertEquals("start", start.getHeaders().get("X-Goog-Upload-Command"));
        assertEquals("300", start.getHeaders().get("X-Goog-Upload-Header-Content-Length"));
        assertEquals("video/mp4", start.getHeaders().get("X-Goog-Upload-Header-Content-Type"));
        assertEquals(tree("{\"file\":{\"display_name\":\"costbench-video\"}}"), body(start));

        RecordedRequest upload = mock.take();
        assertEquals("POST", upload.getMethod());
        assertEquals("/upload/v1beta/files?upload_id=ABCD&upload_protocol=resumable", upload.getTarget());
        assertEquals("0", upload.getHeaders().get("X-Goog-Upload-Offset"));
        assertEquals("upload, finalize", upload.getHeaders().get("X-Goog-Upload-Command"));
        assertEquals("300", upload.getHeaders().get("Content-Length"));
        assertEquals(300, upload.getBodySize());

        RecordedRequest status = mock.take();
        assertEquals("GET", status.getMethod());
        assertEquals("/v1beta/files/abc-123", status.getTarget());

        RecordedRequest generate = mock.take();
        assertEquals("/v1beta/models/gemini-2.5-flash:generateContent", generate.getTarget());
        assertEquals(tree("""
                {"contents":[{"role":"user","parts":[
                   {"text":"Summarise."},
                   {"inline_data":{"mime_type":"image/png","data":"AQID"}},
                   {"file_data":{"mime_type":"video/mp4","file_uri":"https://generativelanguage.googleapis.com/v1beta/files/abc-123"},
                    "video_metadata":{"fps":5.0}}]}],
                 "generationConfig":{"maxOutputTokens":256}}
                """), body(generate));
    }

    @Test
    void failedUploadSaysWhyTheFilesApiWasUsed() {
        GeminiClient small = client.withInlineLimit(200);
        mock.json(404, "{\"error\": {\"code\": 404, \"message\": \"Not found.\", \"status\": \"NOT_FOUND\"}}");
        ProviderException e = assertThrows(ProviderException.class, () -> small.complete(bigVideo(), null, null));
        assertEquals(Kind.BAD_REQUEST, e.kind());
        assertTrue(e.getMessage().contains("over Gemini's 200-byte limit for inline media"), e.getMessage());
        assertTrue(e.getMessage().contains("Files API"), e.getMessage());
        assertTrue(e.getMessage().contains("Not found."), e.getMessage());
        assertEquals(1, mock.server.getRequestCount());
    }

    @Test
    void fileThatFailsProcessingIsAnError() {
        GeminiClient small = client.withInlineLimit(200).withPollInterval(Duration.ZERO);
        enqueueUpload("FAILED");
        ProviderException e = assertThrows(ProviderException.class, () -> small.complete(bigVideo(), null, null));
        assertTrue(e.getMessage().contains("state FAILED"), e.getMessage());
        assertEquals(2, mock.server.getRequestCount());
    }

    @Test
    void uploadBaseIsDerivedFromTheApiBase() {
        assertEquals(
                "https://generativelanguage.googleapis.com/upload/v1beta/files",
                GeminiFiles.uploadUrl("https://generativelanguage.googleapis.com/v1beta"));
        assertEquals(
                "https://gw.example.com/gemini/upload/v1/files",
                GeminiFiles.uploadUrl("https://gw.example.com/gemini/v1"));
        assertEquals("http://localhost:8080/upload/files", GeminiFiles.uploadUrl("http://localhost:8080"));
    }

    @Test
    void factoryConstructorTakesSettings() {
        GeminiClient c = new GeminiClient(ProviderSettings.defaults(ProviderId.GEMINI, new Secret("k", "test")));
        assertEquals(ProviderId.GEMINI, c.id());
        assertThrows(
                IllegalArgumentException.class,
                () -> new GeminiClient(ProviderSettings.defaults(ProviderId.OPENAI, null)));
    }
}
