// SPDX-License-Identifier: Apache-2.0
package dev.costbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.costbench.providers.ProviderConfig;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import javax.imageio.ImageIO;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code costbench ping} and {@code complete} against a mock OpenAI endpoint with a fake key. */
class ProviderCommandTest extends UserDataTest {

    private static final String KEY = "sk-test-CLI-LEAKCHECK-0123456789abcdef";
    private static final String USAGE = "{\"input_tokens\":2048,\"input_tokens_details\":{\"cached_tokens\":1024},"
            + "\"output_tokens\":150,\"output_tokens_details\":{\"reasoning_tokens\":128},\"total_tokens\":2198}";

    private final MockWebServer server = new MockWebServer();

    @BeforeEach
    void start() throws Exception {
        server.start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private int run(Map<String, String> env, String... args) {
        ProviderConfig cfg = new ProviderConfig(env, null, tmp.resolve("providers.json"));
        return keep(CliRun.of("", () -> cfg, args));
    }

    private Map<String, String> env() {
        String base = server.url("/v1").toString();
        return Map.of(
                "OPENAI_API_KEY",
                KEY,
                "OPENAI_BASE_URL",
                base.endsWith("/") ? base.substring(0, base.length() - 1) : base);
    }

    /** The server's next answer: JSON with status {@code code}. */
    private void answer(int code, String json) {
        server.enqueue(new MockResponse.Builder()
                .code(code)
                .addHeader("Content-Type", "application/json")
                .body(json)
                .build());
    }

    /** {@code complete} on {@code model} with a question about a 1092×1092 PNG, as JSON, not streamed. */
    private int completeWithAnImage(Map<String, String> env, String model) throws Exception {
        Path prompt = Files.writeString(tmp.resolve("q.txt"), "What is in the picture?");
        return run(
                env,
                "complete",
                "--model",
                model,
                "--prompt",
                prompt.toString(),
                "--image",
                png().toString(),
                "--no-stream",
                "--json");
    }

    @Test
    void pingListsTheModelsAndSaysWhereTheKeyCameFrom() throws Exception {
        answer(
                200,
                "{\"object\":\"list\",\"data\":[{\"id\":\"gpt-4o-mini\",\"object\":\"model\",\"created\":1,"
                        + "\"owned_by\":\"system\"},{\"id\":\"gpt-5\",\"object\":\"model\",\"created\":2,"
                        + "\"owned_by\":\"system\"}]}");
        assertEquals(0, run(env(), "ping", "--provider", "openai"));
        RecordedRequest r = server.takeRequest();
        assertEquals("GET", r.getMethod());
        assertEquals("/v1/models", r.getUrl().encodedPath());
        assertEquals("Bearer " + KEY, r.getHeaders().get("Authorization"));
        assertTrue(out.startsWith("OpenAI at " + env().get("OPENAI_BASE_URL") + ": OK"), out);
        assertTrue(out.contains("2 models") && out.contains("environment OPENAI_API_KEY"), out);
        assertFalse(out.contains(KEY), "the key is never printed");
    }

    @Test
    void pingWithoutAKeySaysWhatToSet() {
        assertEquals(2, run(Map.of(), "ping", "--provider", "anthropic"));
        assertTrue(err.contains("no Anthropic API key: set ANTHROPIC_API_KEY"), err);
    }

    @Test
    void aRejectedKeyExitsWithTheProvidersReason() {
        answer(
                401,
                "{\"error\":{\"message\":\"Incorrect API key provided: " + KEY + ".\",\"type\":"
                        + "\"invalid_request_error\",\"param\":null,\"code\":\"invalid_api_key\"}}");
        assertEquals(3, run(env(), "ping", "--provider", "openai"));
        assertTrue(err.startsWith("costbench: OpenAI rejected the API key (401)"), err);
        assertFalse(err.contains(KEY), "the key is redacted from the echoed body: " + err);
    }

    @Test
    void completePrintsAnswerUsageEstimateAndBilledCost() throws Exception {
        answer(
                200,
                "{\"id\":\"resp_1\",\"object\":\"response\",\"created_at\":1741476542,\"status\":\"completed\","
                        + "\"error\":null,\"incomplete_details\":null,\"model\":\"gpt-5-2025-08-07\",\"output\":["
                        + "{\"id\":\"rs_1\",\"type\":\"reasoning\",\"summary\":[]},{\"type\":\"message\",\"id\":\"msg_1\","
                        + "\"status\":\"completed\",\"role\":\"assistant\",\"content\":[{\"type\":\"output_text\","
                        + "\"text\":\"Paris.\",\"annotations\":[]}]}],\"usage\":" + USAGE + "}");
        Path prompt = Files.writeString(tmp.resolve("q.txt"), "What is the capital of France?");
        assertEquals(
                0,
                run(
                        env(),
                        "complete",
                        "--model",
                        "gpt-5",
                        "--prompt",
                        prompt.toString(),
                        "--max-tokens",
                        "200",
                        "--no-stream",
                        "--json"));
        RecordedRequest r = server.takeRequest();
        assertEquals("POST", r.getMethod());
        assertEquals("/v1/responses", r.getUrl().encodedPath());
        JsonNode body = new ObjectMapper().readTree(r.getBody().utf8());
        assertEquals("gpt-5", body.get("model").asText());
        assertEquals(200, body.get("max_output_tokens").asInt());

        JsonNode o = new ObjectMapper().readTree(out);
        assertEquals("Paris.", o.get("text").asText());
        assertEquals(1024, o.get("usage").get("uncachedInput").asLong());
        assertEquals(1024, o.get("usage").get("cacheRead").asLong());
        assertEquals(22, o.get("usage").get("output").asLong());
        assertEquals(128, o.get("usage").get("reasoning").asLong());
        // gpt-5: 1024 × $1.25 + 1024 × $0.125 + 150 × $10 per 1M = $0.002908
        assertEquals("0.002908", o.get("costUsd").asText());
        assertTrue(o.get("estimateUsd").isTextual());
        assertTrue(o.get("breakdown").size() >= 3);
        assertFalse(out.contains(KEY));
    }

    @Test
    void aLocalOllamaModelStreamsAndCostsNothing() throws Exception {
        String chunk = "{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":"
                + "\"llama3.2:3b\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"%s\"},\"finish_reason\":%s}]}";
        String sse = "data: " + String.format(chunk, "Hel", "null") + "\n\n"
                + "data: " + String.format(chunk, "lo", "\"stop\"") + "\n\n"
                + "data: {\"id\":\"chatcmpl-1\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":"
                + "\"llama3.2:3b\",\"choices\":[],\"usage\":{\"prompt_tokens\":12,\"completion_tokens\":2,"
                + "\"total_tokens\":14}}\n\n"
                + "data: [DONE]\n\n";
        server.enqueue(new MockResponse.Builder()
                .code(200)
                .addHeader("Content-Type", "text/event-stream")
                .body(sse)
                .build());
        Path prompt = Files.writeString(tmp.resolve("q.txt"), "Say hello");
        String base = server.url("/v1").toString();
        assertEquals(
                0,
                run(
                        Map.of(),
                        "complete",
                        "--model",
                        "llama3.2:3b",
                        "--provider",
                        "ollama",
                        "--prompt",
                        prompt.toString(),
                        "--base-url",
                        base));
        RecordedRequest r = server.takeRequest();
        assertEquals("/v1/chat/completions", r.getUrl().encodedPath());
        assertEquals(null, r.getHeaders().get("Authorization"), "no key is sent to a local server without one");
        assertTrue(out.startsWith("Hello"), out);
        assertTrue(out.contains("usage: input 12"), out);
        assertTrue(out.contains("cost: $0"), out);
    }

    private Path png() throws Exception {
        Path f = tmp.resolve("chart.png");
        ImageIO.write(new BufferedImage(1092, 1092, BufferedImage.TYPE_INT_RGB), "png", f.toFile());
        return f;
    }

    @Test
    void anthropicWithAnImage() throws Exception {
        answer(
                200,
                "{\"id\":\"msg_01XFDUDYJgAACzvnptvVoYEL\",\"type\":\"message\",\"role\":\"assistant\","
                        + "\"content\":[{\"type\":\"text\",\"text\":\"A black square.\"}],\"model\":"
                        + "\"claude-sonnet-4-5-20250929\",\"stop_reason\":\"end_turn\",\"stop_sequence\":null,"
                        + "\"usage\":{\"input_tokens\":1600,\"cache_creation_input_tokens\":0,"
                        + "\"cache_read_input_tokens\":0,\"output_tokens\":6}}");
        String base = server.url("/").toString();
        assertEquals(
                0,
                completeWithAnImage(
                        Map.of("ANTHROPIC_API_KEY", KEY, "ANTHROPIC_BASE_URL", base.substring(0, base.length() - 1)),
                        "claude-sonnet-4-5"));
        RecordedRequest r = server.takeRequest();
        assertEquals("/v1/messages", r.getUrl().encodedPath());
        assertEquals(KEY, r.getHeaders().get("x-api-key"));
        JsonNode body = new ObjectMapper().readTree(r.getBody().utf8());
        JsonNode content = body.get("messages").get(0).get("content");
        assertEquals("image", content.get(1).get("type").asText());
        assertEquals("image/png", content.get(1).get("source").get("media_type").asText());
        JsonNode o = new ObjectMapper().readTree(out);
        assertEquals("A black square.", o.get("text").asText());
        assertEquals(1600, o.get("usage").get("uncachedInput").asLong());
        // claude-sonnet-4-5: 1600 × $3 + 6 × $15 per 1M
        assertEquals("0.00489", o.get("costUsd").asText());
        assertTrue(
                o.get("estimateNotes").toString().contains("1092×1092"),
                o.get("estimateNotes").toString());
    }

    @Test
    void geminiWithAnImage() throws Exception {
        answer(
                200,
                "{\"candidates\":[{\"content\":{\"parts\":[{\"text\":\"A black square.\"}],\"role\":"
                        + "\"model\"},\"finishReason\":\"STOP\",\"index\":0}],\"usageMetadata\":{"
                        + "\"promptTokenCount\":1300,\"candidatesTokenCount\":5,\"thoughtsTokenCount\":40,"
                        + "\"totalTokenCount\":1345,\"promptTokensDetails\":[{\"modality\":\"TEXT\",\"tokenCount\":"
                        + "10},{\"modality\":\"IMAGE\",\"tokenCount\":1290}]},\"modelVersion\":\"gemini-2.5-flash\"}");
        String base = server.url("/v1beta").toString();
        assertEquals(
                0, completeWithAnImage(Map.of("GEMINI_API_KEY", KEY, "GEMINI_BASE_URL", base), "gemini-2.5-flash"));
        RecordedRequest r = server.takeRequest();
        assertEquals(
                "/v1beta/models/gemini-2.5-flash:generateContent", r.getUrl().encodedPath());
        assertEquals(KEY, r.getHeaders().get("x-goog-api-key"));
        assertFalse(r.getUrl().toString().contains(KEY), "the key never goes in the URL");
        JsonNode o = new ObjectMapper().readTree(out);
        assertEquals(1300, o.get("usage").get("uncachedInput").asLong());
        assertEquals(40, o.get("usage").get("reasoning").asLong());
        assertEquals(1290, o.get("usage").get("inputByModality").get("image").asLong());
    }
}
