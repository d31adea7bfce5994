// SPDX-License-Identifier: Apache-2.0
package dev.costbench.providers.anthropic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.costbench.model.provider.ChatRequest;
import dev.costbench.model.provider.ChatResult;
import dev.costbench.model.provider.ProviderException;
import dev.costbench.model.provider.ProviderId;
import dev.costbench.model.provider.batch.BatchItem;
import dev.costbench.model.provider.batch.BatchOutcome;
import dev.costbench.model.provider.batch.BatchState;
import dev.costbench.model.provider.batch.BatchStatus;
import dev.costbench.providers.MockApi;
import dev.costbench.providers.testkit.AnthropicBatchStandIn;
import dev.costbench.providers.testkit.BatchAsserts;
import dev.costbench.providers.testkit.BatchStandIn;
import dev.costbench.providers.testkit.ProviderMock;
import dev.costbench.providers.testkit.StandInTest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Anthropic's Message Batches: live params and parser, cache writes, results_url on another host, the samples. */
class AnthropicBatchTest extends StandInTest<AnthropicBatchStandIn, AnthropicBatch> {

    AnthropicBatchTest() {
        super(AnthropicBatchStandIn::new, ProviderId.ANTHROPIC, "/", AnthropicBatch::new);
    }

    @Test
    void eachParamsIsTheLiveBodyAndEachMessageIsReadLikeALiveOneWithCacheWrites() throws Exception {
        ChatRequest r = ChatRequest.of("claude-sonnet-4-5", "Be brief.", "Name a colour.")
                .withMaxOutputTokens(40);
        String id = batch.submit(List.of(new BatchItem("t-0", r)), null).batchId();
        assertTrue(id.startsWith("msgbatch_"), id);
        List<BatchOutcome> out = new ArrayList<>();
        batch.results(id, out::add);
        ChatResult b = out.get(0).result();
        try (ProviderMock live = new ProviderMock()) {
            live.json(
                    200,
                    AnthropicBatchStandIn.message("t-0", "claude-sonnet-4-5").toString());
            ChatResult l = new AnthropicClient(live.engine(live.settings(ProviderId.ANTHROPIC, "/")))
                    .complete(r.withStream(false), null, null);
            assertEquals(ProviderMock.body(live.take()), standIn.requests(id).get("t-0"));
            assertEquals(l.usage(), b.usage());
            assertEquals(l.rawUsageJson(), b.rawUsageJson());
        }
        assertEquals(4, b.usage().cacheWrite5m());
        assertEquals(8, b.usage().cacheRead());
        assertEquals("batch", b.servedTier());
        assertFalse(standIn.requests(id).get("t-0").has("stream"));
    }

    @Test
    void resultsOnAnotherHostAreNotFetchedWithTheKey() throws Exception {
        String id = batch.submit(List.of(new BatchItem("t-0", ChatRequest.of("claude-sonnet-4-5", null, "Hi"))), null)
                .batchId();
        try (ProviderMock other = new ProviderMock()) {
            String elsewhere = "{\"id\":\"" + id + "\",\"type\":\"message_batch\",\"processing_status\":\"ended\","
                    + "\"request_counts\":{\"processing\":0,\"succeeded\":1,\"errored\":0,\"canceled\":0,\"expired\":0},"
                    + "\"results_url\":\"" + other.server.url("/v1/messages/batches/" + id + "/results") + "\"}";
            standIn.fault("GET", "/v1/messages/batches/", MockApi.json(200, elsewhere));
            ProviderException e = assertThrows(ProviderException.class, () -> batch.results(id, o -> {}));
            assertTrue(e.getMessage().contains("another host"), e.getMessage());
            assertEquals(0, other.server.getRequestCount());
        }
    }

    /**
     * The samples of https://docs.anthropic.com/en/api/retrieving-message-batches and
     * https://docs.anthropic.com/en/docs/build-with-claude/batch-processing, read as documented.
     */
    @Test
    void theDocumentedSamplesAreRead() throws Exception {
        BatchStatus s = batch.status(BatchStandIn.sampleJson("anthropic-batch.json"), "");
        BatchAsserts.assertStatus(s, BatchState.RUNNING, 200, 50, 50);
        assertEquals("in_progress", s.providerState());
        assertEquals(100, s.pending());
        assertEquals("2024-08-20T18:37:24.100435Z", s.expiresAt().toString());
        List<BatchOutcome> out = new ArrayList<>();
        for (String line : BatchStandIn.sample("anthropic-results.jsonl").split("\n")) {
            out.add(batch.outcome(line));
        }
        assertEquals("my-second-request", out.get(0).customId());
        assertEquals(11, out.get(0).result().usage().uncachedInput());
        assertEquals("invalid_request_error", out.get(1).errorCode());
        assertTrue(
                out.get(1).errorMessage().contains("Validation error"),
                out.get(1).errorMessage());
        assertEquals("expired", out.get(2).errorCode());
        assertEquals("canceled", out.get(3).errorCode());
    }

    @Test
    void anEndedBatchIsCancelledOrExpiredByWhatHappenedToIt() {
        assertEquals(BatchState.ENDED, AnthropicBatch.state("ended", false, 0));
        assertEquals(BatchState.EXPIRED, AnthropicBatch.state("ended", false, 3));
        assertEquals(BatchState.CANCELLED, AnthropicBatch.state("ended", true, 0));
        assertEquals(BatchState.CANCELLING, AnthropicBatch.state("canceling", true, 0));
        assertEquals(BatchState.RUNNING, AnthropicBatch.state("in_progress", false, 0));
    }
}
