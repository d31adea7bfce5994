// SPDX-License-Identifier: Apache-2.0
package dev.costbench.providers.gemini;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import dev.costbench.providers.MockApi;
import dev.costbench.providers.testkit.BatchAsserts;
import dev.costbench.providers.testkit.BatchStandIn;
import dev.costbench.providers.testkit.GeminiBatchStandIn;
import dev.costbench.providers.testkit.MockedProviderTest;
import dev.costbench.providers.testkit.ProviderMock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Gemini's batch mode: inline below the request limit, a JSONL file above it; live bodies and parser; samples. */
class GeminiBatchTest extends MockedProviderTest {

    private GeminiBatchStandIn standIn;

    @BeforeEach
    void setUp() {
        standIn = new GeminiBatchStandIn(ProviderMock.FAKE_KEY);
        mock.server.setDispatcher(standIn);
    }

    private GeminiBatch batch(long inlineLimit) {
        return new GeminiBatch(mock.engine(mock.settings(ProviderId.GEMINI, "/v1beta"))).withInlineLimit(inlineLimit);
    }

    private static List<BatchItem> items(int n) {
        List<BatchItem> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(new BatchItem("t-" + i, ChatRequest.of("gemini-2.5-flash", "Be brief.", "Colour " + i)));
        }
        return out;
    }

    private static Map<String, BatchOutcome> collect(GeminiBatch b, String id) throws ProviderException {
        Map<String, BatchOutcome> out = new TreeMap<>();
        b.results(id, o -> out.put(o.customId(), o));
        return out;
    }

    @Test
    void aSmallBatchGoesInlineAndALargeOneAsAJsonlFileWithTheSameRequestsAndAnswers() throws ProviderException {
        GeminiBatch inline = batch(GeminiClient.INLINE_LIMIT_BYTES);
        String a = inline.submit(items(3), "CostBench: inline").batchId();
        GeminiBatch file = batch(200); // these three requests are over 200 bytes
        String b = file.submit(items(3), "CostBench: file").batchId();

        assertFalse(standIn.submittedAsFile(a));
        assertTrue(standIn.submittedAsFile(b));
        assertEquals(standIn.requests(a), standIn.requests(b), "the same requests either way");
        assertTrue(standIn.recorded().stream()
                .anyMatch(r -> r.getUrl().encodedPath().equals("/upload/v1beta/files")));
        JsonNode create = ProviderMock.body(lastCreate());
        assertTrue(create.path("batch")
                .path("input_config")
                .path("file_name")
                .asText()
                .startsWith("files/"));
        assertEquals(
                "CostBench: file", create.path("batch").path("display_name").asText());

        Map<String, BatchOutcome> fromInline = collect(inline, a);
        Map<String, BatchOutcome> fromFile = collect(file, b);
        assertEquals(fromInline.keySet(), fromFile.keySet());
        assertEquals(
                fromInline.get("t-1").result().usage(),
                fromFile.get("t-1").result().usage());
        assertTrue(standIn.recorded().stream()
                .anyMatch(r -> r.getUrl().encodedPath().contains("/download/v1beta/")));
    }

    @Test
    void eachRequestIsTheLiveBodyAndEachAnswerIsReadLikeALiveOne() throws Exception {
        ChatRequest r = ChatRequest.of("gemini-2.5-flash", "Be brief.", "Name a colour.")
                .withMaxOutputTokens(40);
        GeminiBatch b = batch(GeminiClient.INLINE_LIMIT_BYTES);
        String id = b.submit(List.of(new BatchItem("t-0", r)), null).batchId();
        assertTrue(lastCreate().getUrl().encodedPath().endsWith("/models/gemini-2.5-flash:batchGenerateContent"));
        ChatResult fromBatch = collect(b, id).get("t-0").result();
        try (ProviderMock live = new ProviderMock()) {
            live.json(
                    200,
                    GeminiBatchStandIn.answer("t-0", "models/gemini-2.5-flash").toString());
            ChatResult l = new GeminiClient(live.engine(live.settings(ProviderId.GEMINI, "/v1beta")))
                    .complete(r.withStream(false), null, null);
            assertEquals(ProviderMock.body(live.take()), standIn.requests(id).get("t-0"));
            assertEquals(l.usage(), fromBatch.usage());
            assertEquals(l.inputByModality(), fromBatch.inputByModality());
        }
        assertEquals(8, fromBatch.usage().cacheRead());
    }

    @Test
    void aFailedUploadSaysSoAndCreatesNoBatch() {
        standIn.fault("POST", "/upload/", MockApi.json(503, "{\"error\":{\"code\":503,\"message\":\"busy\"}}"));
        ProviderException e =
                assertThrows(ProviderException.class, () -> batch(200).submit(items(3), null));
        assertTrue(
                e.getMessage()
                        .startsWith("The batch is over Google Gemini's 200-byte limit for inline requests, so"
                                + " CostBench sends it as a file through the Files API, and the upload failed: Google Gemini had a"
                                + " server error (503)"),
                e.getMessage());
        assertFalse(e.getMessage().contains("did not send it again"), e.getMessage());
        assertTrue(standIn.batchIds().isEmpty());
    }

    @Test
    void aFailedBatchSaysWhy() throws ProviderException {
        standIn.failing("Model does not support batch mode");
        GeminiBatch b = batch(GeminiClient.INLINE_LIMIT_BYTES);
        BatchStatus s = b.poll(b.submit(items(1), null).batchId());
        assertEquals(BatchState.FAILED, s.state());
        assertEquals(
                "Google Gemini could not run the batch: Model does not support batch mode. Check the requests and"
                        + " submit again",
                s.errorMessage());
    }

    @Test
    void aNameThatIsNotABatchIsRefusedBeforeAnythingIsSent() {
        ProviderException e = assertThrows(ProviderException.class, () -> batch(1).poll("files/../models"));
        assertTrue(e.getMessage().contains("not a Google Gemini batch name"), e.getMessage());
        assertEquals(0, mock.server.getRequestCount());
    }

    /** The samples of https://ai.google.dev/gemini-api/docs/batch-mode (REST), read as documented. */
    @Test
    void theDocumentedSamplesAreRead() throws Exception {
        GeminiBatch b = batch(1);
        BatchStatus pending = b.status(BatchStandIn.sampleJson("gemini-operation-pending.json"), "");
        assertEquals(BatchState.PENDING, pending.state());
        assertEquals("batches/123456", pending.batchId());
        assertEquals(2, pending.total());
        JsonNode done = BatchStandIn.sampleJson("gemini-operation-succeeded.json");
        BatchStatus s = b.status(done, "");
        BatchAsserts.assertStatus(s, BatchState.ENDED, 2, 1, 1);
        JsonNode answers = done.path("response").path("inlinedResponses").path("inlinedResponses");
        BatchOutcome ok = b.outcome("request-1", answers.get(0));
        assertTrue(ok.succeeded());
        assertEquals(12, ok.result().usage().totalInput());
        BatchOutcome err = b.outcome("request-2", answers.get(1));
        assertEquals("INVALID_ARGUMENT", err.errorCode());
        for (String line : BatchStandIn.sample("gemini-responses.jsonl").split("\n")) {
            JsonNode l = ProviderMock.tree(line);
            assertTrue(b.outcome(l.path("key").asText(), l).succeeded());
        }
    }

    private RecordedRequest lastCreate() {
        RecordedRequest last = null;
        for (RecordedRequest r : standIn.recorded()) {
            if (r.getUrl().encodedPath().endsWith(":batchGenerateContent")) {
                last = r;
            }
        }
        return last;
    }
}
