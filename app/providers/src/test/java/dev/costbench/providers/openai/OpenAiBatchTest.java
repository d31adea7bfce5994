// SPDX-License-Identifier: Apache-2.0
package dev.costbench.providers.openai;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.costbench.model.provider.ChatRequest;
import dev.costbench.model.provider.ChatResult;
import dev.costbench.model.provider.ProviderException;
import dev.costbench.model.provider.ProviderId;
import dev.costbench.model.provider.batch.BatchItem;
import dev.costbench.model.provider.batch.BatchOutcome;
import dev.costbench.model.provider.batch.BatchState;
import dev.costbench.model.provider.batch.BatchStatus;
import dev.costbench.providers.testkit.BatchAsserts;
import dev.costbench.providers.testkit.BatchStandIn;
import dev.costbench.providers.testkit.OpenAiBatchStandIn;
import dev.costbench.providers.testkit.ProviderMock;
import dev.costbench.providers.testkit.StandInTest;
import java.util.ArrayList;
import java.util.List;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** OpenAI's Batch API: the JSONL file, the live bodies and parsers, a refused input file, the documented samples. */
class OpenAiBatchTest extends StandInTest<OpenAiBatchStandIn, OpenAiBatch> {

    OpenAiBatchTest() {
        super(OpenAiBatchStandIn::new, ProviderId.OPENAI, "/v1", OpenAiBatch::new);
    }

    private static ChatRequest request(ChatRequest.OpenAiApi api) {
        return ChatRequest.of("gpt-4o-mini", "Be brief.", "Name a colour.")
                .withMaxOutputTokens(40)
                .withOpenAiApi(api);
    }

    @ParameterizedTest
    @EnumSource(ChatRequest.OpenAiApi.class)
    void eachLineIsTheLiveBodyAndEachAnswerIsReadLikeALiveOne(ChatRequest.OpenAiApi api) throws Exception {
        ChatRequest r = request(api); // streamed when live; a batch line is the non-streamed body
        String id = batch.submit(List.of(new BatchItem("t-0", r)), "CostBench: colours")
                .batchId();
        BatchOutcome out = collect(id).get(0);

        boolean chat = api == ChatRequest.OpenAiApi.CHAT_COMPLETIONS;
        JsonNode answer = chat
                ? OpenAiBatchStandIn.completion("t-0", "gpt-4o-mini")
                : OpenAiBatchStandIn.response("t-0", "gpt-4o-mini");
        try (ProviderMock live = new ProviderMock()) {
            live.json(200, answer.toString());
            ChatResult liveResult = new OpenAiClient(live.engine(live.settings(ProviderId.OPENAI, "/v1")))
                    .complete(r.withStream(false), null, null);
            JsonNode liveBody = ProviderMock.body(live.take());
            assertEquals(liveBody, standIn.requests(id).get("t-0"), "the batch line's body is the live body");
            assertEquals(liveResult.usage(), out.result().usage());
            assertEquals(liveResult.text(), out.result().text());
            assertEquals(liveResult.rawUsageJson(), out.result().rawUsageJson());
            assertEquals(8, out.result().usage().cacheRead());
        }

        JsonNode create = created();
        assertEquals(
                chat ? "/v1/chat/completions" : "/v1/responses",
                create.path("endpoint").asText());
        assertEquals("24h", create.path("completion_window").asText());
        assertEquals(
                "CostBench: colours",
                create.path("metadata").path("description").asText());
        JsonNode line = ProviderMock.tree(
                standIn.file(create.path("input_file_id").asText()).strip());
        assertEquals("t-0", line.path("custom_id").asText());
        assertEquals("POST", line.path("method").asText());
        assertEquals(create.path("endpoint").asText(), line.path("url").asText());
        assertFalse(line.path("body").path("stream").asBoolean(true));
    }

    @Test
    void theFileIsUploadedAsMultipartWithPurposeBatch() throws ProviderException {
        batch.submit(List.of(new BatchItem("t-0", request(ChatRequest.OpenAiApi.RESPONSES))), null);
        RecordedRequest upload = standIn.recorded().get(0);
        assertEquals("/v1/files", upload.getUrl().encodedPath());
        assertTrue(String.valueOf(upload.getHeaders().get("Content-Type")).startsWith("multipart/form-data"));
        String body = upload.getBody().utf8();
        assertTrue(body.contains("name=\"purpose\""), body);
        assertTrue(body.contains("filename=\"costbench-batch.jsonl\""), body);
        assertEquals("Bearer " + ProviderMock.FAKE_KEY, upload.getHeaders().get("Authorization"));
    }

    @Test
    void aRefusedInputFileFailsTheBatchWithTheReasonsAndTheirLines() throws ProviderException {
        standIn.failing("The model 'gpt-nope' does not exist");
        String id = batch.submit(List.of(new BatchItem("t-0", request(ChatRequest.OpenAiApi.RESPONSES))), null)
                .batchId();
        BatchStatus s = batch.poll(id);
        assertEquals(BatchState.FAILED, s.state());
        assertEquals("failed", s.providerState());
        assertEquals(
                "OpenAI refused the batch: line 1: The model 'gpt-nope' does not exist (invalid_request)."
                        + " Nothing was run or billed; fix the requests and submit again",
                s.errorMessage());
        assertTrue(collect(id).isEmpty());
    }

    @Test
    void oneBatchHoldsOneModelAndOneEndpoint() {
        ChatRequest a = request(ChatRequest.OpenAiApi.RESPONSES);
        ProviderException models = assertThrows(
                ProviderException.class,
                () -> batch.submit(List.of(new BatchItem("a", a), new BatchItem("b", a.withModel("gpt-4.1"))), null));
        assertTrue(models.getMessage().contains("one model per batch"), models.getMessage());
        ProviderException endpoints = assertThrows(
                ProviderException.class,
                () -> batch.submit(
                        List.of(
                                new BatchItem("a", a),
                                new BatchItem("b", a.withOpenAiApi(ChatRequest.OpenAiApi.CHAT_COMPLETIONS))),
                        null));
        assertTrue(endpoints.getMessage().contains("split the run by endpoint"), endpoints.getMessage());
        assertEquals(0, mock.server.getRequestCount());
    }

    /** The samples of https://platform.openai.com/docs/guides/batch and …/api-reference/batch, read as documented. */
    @Test
    void theDocumentedSamplesAreRead() throws Exception {
        BatchStatus failed = batch.status(BatchStandIn.sampleJson("openai-batch-failed.json"), "");
        assertEquals(BatchState.FAILED, failed.state());
        assertTrue(failed.errorMessage().contains("line 1"), failed.errorMessage());
        BatchStatus done = batch.status(BatchStandIn.sampleJson("openai-batch-completed.json"), "");
        BatchAsserts.assertStatus(done, BatchState.ENDED, 100, 95, 5);
        assertEquals(1711471533L, done.createdAt().getEpochSecond());

        List<BatchOutcome> out = new ArrayList<>();
        for (String line : BatchStandIn.sample("openai-output.jsonl").split("\n")) {
            out.add(batch.outcome(line, true));
        }
        assertTrue(out.get(0).succeeded());
        assertEquals("request-1", out.get(0).customId());
        assertEquals("Hello! How can I assist you today?", out.get(0).result().text());
        assertEquals("batch_expired", out.get(1).errorCode());
        assertNull(out.get(1).result());
        assertEquals("invalid_request_error", out.get(2).errorCode());
        assertTrue(
                out.get(2).errorMessage().startsWith("OpenAI refused this request (400)"),
                out.get(2).errorMessage());
    }

    @Test
    void aKeyInAnErrorLineIsRedacted() throws ProviderException {
        String line = "{\"id\":\"batch_req_1\",\"custom_id\":\"t-0\",\"response\":null,\"error\":{\"code\":\"x\","
                + "\"message\":\"bad key " + ProviderMock.FAKE_KEY + "\"}}";
        BatchOutcome o = batch.outcome(line, true);
        assertFalse(o.errorMessage().contains(ProviderMock.FAKE_KEY), o.errorMessage());
        assertTrue(o.errorMessage().contains("[REDACTED]"), o.errorMessage());
    }

    private List<BatchOutcome> collect(String id) throws ProviderException {
        List<BatchOutcome> out = new ArrayList<>();
        batch.results(id, out::add);
        return out;
    }

    private JsonNode created() {
        for (RecordedRequest r : standIn.recorded()) {
            if (r.getMethod().equals("POST") && r.getUrl().encodedPath().equals("/v1/batches")) {
                return ProviderMock.body(r);
            }
        }
        throw new AssertionError("no batch was created");
    }
}
