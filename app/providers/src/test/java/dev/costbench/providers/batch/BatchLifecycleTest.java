// SPDX-License-Identifier: Apache-2.0
package dev.costbench.providers.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.costbench.model.provider.ProviderException;
import dev.costbench.model.provider.ProviderId;
import dev.costbench.model.provider.batch.BatchApi;
import dev.costbench.model.provider.batch.BatchOutcome;
import dev.costbench.model.provider.batch.BatchState;
import dev.costbench.model.provider.batch.BatchStatus;
import dev.costbench.providers.testkit.BatchAsserts;
import dev.costbench.providers.testkit.BatchStandIn;
import dev.costbench.providers.testkit.MockedProviderTest;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each provider's batch client through a whole batch against its stand-in: submit, poll until it ends, collect the
 * answers (per-request errors included); expired and cancelled batches deliver what finished and mark the rest;
 * a client built afresh (the app restarted midway) picks the batch up by its id.
 */
class BatchLifecycleTest extends MockedProviderTest {

    static List<BatchFixture> providers() {
        return BatchFixture.all();
    }

    private BatchStandIn standIn(BatchFixture f) {
        BatchStandIn s = f.standIn();
        mock.server.setDispatcher(s);
        return s;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("providers")
    void aBatchRunsToTheEndAndItsAnswersAndErrorsAreCollected(BatchFixture f) throws ProviderException {
        standIn(f).pollsUntilDone(3).erroring("t-1");
        BatchApi api = f.api(mock);
        BatchStatus submitted = api.submit(f.items(3), "CostBench: test run");
        assertEquals(f.id(), submitted.provider());
        assertFalse(submitted.state().terminal(), submitted.toString());
        assertFalse(submitted.batchId().isBlank());

        assertEquals(BatchState.RUNNING, api.poll(submitted.batchId()).state());
        assertEquals(BatchState.RUNNING, api.poll(submitted.batchId()).state());
        BatchStatus done = f.api(mock).poll(submitted.batchId()); // a fresh client, as after a restart
        BatchAsserts.assertStatus(done, BatchState.ENDED, 3, 2, 1);
        assertEquals(0, done.pending());

        Map<String, BatchOutcome> out = BatchFixture.collect(f.api(mock), submitted.batchId());
        assertEquals(Set.of("t-0", "t-1", "t-2"), out.keySet()); // in any order, as the providers say
        BatchOutcome ok = out.get("t-0");
        assertTrue(ok.succeeded());
        assertEquals("Answer to t-0", ok.result().text());
        assertEquals(8, ok.result().usage().cacheRead());
        assertEquals(5, ok.result().usage().output());
        assertEquals(20, ok.result().usage().totalInput());
        BatchOutcome err = out.get("t-1");
        assertFalse(err.succeeded());
        assertNotNull(err.errorCode());
        assertTrue(err.errorMessage().contains("t-1"), err.errorMessage());
        assertTrue(err.errorMessage().contains(f.id().displayName()), err.errorMessage());

        assertEquals(out, BatchFixture.collect(api, submitted.batchId()), "reading again delivers the same outcomes");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("providers")
    void resultsOfARunningBatchAreRefusedWithTheReason(BatchFixture f) throws ProviderException {
        standIn(f).pollsUntilDone(5);
        BatchApi api = f.api(mock);
        String id = api.submit(f.items(2), null).batchId();
        ProviderException e = assertThrows(ProviderException.class, () -> api.results(id, o -> {}));
        assertTrue(e.getMessage().contains("when it has finished"), e.getMessage());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("providers")
    void anExpiredBatchDeliversWhatFinished(BatchFixture f) throws ProviderException {
        standIn(f).expiring().answeredBeforeEnd(2);
        BatchApi api = f.api(mock);
        String id = api.submit(f.items(4), null).batchId();
        BatchStatus s = api.poll(id);
        assertEquals(BatchState.EXPIRED, s.state());
        assertEquals(2, s.succeeded());
        Map<String, BatchOutcome> out = BatchFixture.collect(api, id);
        assertTrue(out.get("t-0").succeeded());
        assertTrue(out.get("t-1").succeeded());
        if (f.id() != ProviderId.GEMINI) { // Gemini lists only the answers it has
            assertEquals(4, out.size());
            assertFalse(out.get("t-2").succeeded());
            assertTrue(
                    out.get("t-3").errorCode().contains("expired"),
                    out.get("t-3").errorCode());
        } else {
            assertEquals(2, out.size());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("providers")
    void aCancelledBatchDeliversWhatFinished(BatchFixture f) throws ProviderException {
        standIn(f).pollsUntilDone(10).answeredBeforeEnd(1);
        BatchApi api = f.api(mock);
        String id = api.submit(f.items(3), null).batchId();
        BatchStatus cancelling = api.cancel(id);
        assertTrue(
                cancelling.state() == BatchState.CANCELLING || cancelling.state() == BatchState.CANCELLED,
                cancelling.toString());
        BatchStatus s = api.poll(id);
        assertEquals(BatchState.CANCELLED, s.state());
        Map<String, BatchOutcome> out = BatchFixture.collect(api, id);
        assertTrue(out.get("t-0").succeeded());
        if (f.id() != ProviderId.GEMINI) {
            assertEquals(3, out.size());
            assertTrue(
                    out.get("t-2").errorCode().contains("cancel"),
                    out.get("t-2").errorCode());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("providers")
    void submitChecksTheBatchBeforeSendingAnything(BatchFixture f) {
        standIn(f);
        BatchApi api = f.api(mock);
        var twice = List.of(f.items(1).get(0), f.items(1).get(0));
        ProviderException dup = assertThrows(ProviderException.class, () -> api.submit(twice, null));
        assertTrue(dup.getMessage().contains("t-0"), dup.getMessage());
        assertThrows(ProviderException.class, () -> api.submit(List.of(), null));
        assertEquals(0, mock.server.getRequestCount());
    }
}
