// SPDX-License-Identifier: Apache-2.0
package dev.costbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.costbench.model.lab.batch.FakeBatchApi;
import dev.costbench.model.provider.ProviderException;
import dev.costbench.model.provider.ProviderId;
import dev.costbench.model.provider.batch.BatchSource;
import dev.costbench.providers.ProviderConfig;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code costbench ab run --batch}, {@code ab batches}, {@code ab resume} and {@code ab cancel-batch} with in-memory
 * batch APIs ({@link FakeBatchApi}) wired through the command line's batch seam, and a temporary data directory.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class AbBatchCliTest extends UserDataTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<ProviderId, FakeBatchApi> apis = new EnumMap<>(ProviderId.class);

    AbBatchCliTest() {
        apis.put(ProviderId.OPENAI, new FakeBatchApi(ProviderId.OPENAI, FakeBatchApi.limits(10, 200L << 20, true)));
        apis.put(
                ProviderId.ANTHROPIC,
                new FakeBatchApi(ProviderId.ANTHROPIC, FakeBatchApi.limits(100_000, 256L << 20, false)));
    }

    private BatchSource source(ProviderConfig config) {
        return FakeBatchApi.source(apis);
    }

    private int run(String... args) {
        return keep(CliRun.withBatches(
                () -> new ProviderConfig(Map.of(), null, tmp.resolve("p.json")), this::source, args));
    }

    /** {@code ab run seed000-support-ticket --batch --yes --budget 5} and {@code more}. */
    private int submit(String... more) {
        List<String> args =
                new ArrayList<>(List.of("ab", "run", "seed000-support-ticket", "--batch", "--yes", "--budget", "5"));
        args.addAll(List.of(more));
        return run(args.toArray(String[]::new));
    }

    @Test
    void submitsReturnsAtOnceWithTheBatchIdsAndResumeCollectsTheResults() throws Exception {
        assertEquals(0, submit("--json"), err);
        assertTrue(err.contains("live vs through the batch API, per provider:"), err);
        assertTrue(err.contains("OpenAI"), err);
        JsonNode sent = JSON.readTree(out);
        long id = sent.get("experimentId").asLong();
        JsonNode batches = sent.get("batches");
        // OpenAI: 24 requests of one model in batches of at most 10; Anthropic: 24 in one
        assertEquals(4, batches.size(), out);
        assertEquals("waiting to start", batches.get(0).get("state").asText());
        assertEquals(48, sumRequests(batches));

        assertEquals(0, run("ab", "batches", "--json"), err);
        JsonNode listed = JSON.readTree(out);
        assertEquals(4, listed.size());
        assertEquals(id, listed.get(0).get("experimentId").asLong());
        assertEquals("2026-12-02T10:00:00Z", listed.get(0).get("expiresAt").asText());

        assertEquals(0, run("ab", "resume", String.valueOf(id), "--json"), err);
        assertTrue(err.contains("4 batches still running; costbench ab resume " + id + " again"), err);

        assertEquals(0, run("ab", "resume", String.valueOf(id), "--json"), err);
        JsonNode summary = JSON.readTree(out);
        assertEquals("DONE", summary.get("status").asText(), out);
        assertEquals(0, run("ab", "batches"), err);
        assertTrue(out.contains("finished"), out);
        assertTrue(out.startsWith("   EXP  PROVIDER"), out);
    }

    @Test
    void waitPollsUntilTheResultsLandThenPrintsTheSummary() throws Exception {
        assertEquals(0, submit("--wait", "--poll", "1", "--json"), err);
        assertEquals("DONE", JSON.readTree(out).get("status").asText(), out);
        assertTrue(err.contains("waiting for the results"), err);
    }

    @Test
    void cancelAndResumeByBatchId() throws Exception {
        apis.get(ProviderId.ANTHROPIC).answeredBefore = 0;
        assertEquals(0, submit("--json"), err);
        String anthropic = null;
        for (JsonNode b : JSON.readTree(out).get("batches")) {
            if (b.get("provider").asText().equals("Anthropic")) {
                anthropic = b.get("batchId").asText();
            }
        }
        assertEquals(0, run("ab", "cancel-batch", anthropic), err);
        assertTrue(out.contains("cancelling"), out);
        assertTrue(err.contains("collects what finished before the cancel"), err);
        run("ab", "resume", anthropic);
        assertEquals(1, run("ab", "resume", anthropic), err);
        assertTrue(err.contains("every batch is collected; 24 trials failed or were not answered"), err);
        assertEquals(2, run("ab", "cancel-batch", "batch_nope"));
        assertTrue(err.contains("no batch batch_nope (costbench ab batches lists them)"), err);
    }

    @Test
    void errorsSayWhatToDo() {
        apis.remove(ProviderId.ANTHROPIC);
        assertEquals(2, submit());
        assertTrue(err.contains("No Anthropic API key for its batch API: set ANTHROPIC_API_KEY"), err);

        apis.put(
                ProviderId.ANTHROPIC,
                new FakeBatchApi(ProviderId.ANTHROPIC, FakeBatchApi.limits(100_000, 256L << 20, false)));
        apis.get(ProviderId.ANTHROPIC).failSubmit = new ProviderException(
                ProviderId.ANTHROPIC,
                ProviderException.Kind.AUTH,
                401,
                "Anthropic refused the key (401)",
                null,
                null,
                null);
        assertEquals(1, submit());
        assertTrue(err.contains("Check the Anthropic API key (ANTHROPIC_API_KEY or the Providers tab)"), err);
        assertTrue(err.contains("were submitted before it and kept") || err.contains("was submitted"), err);

        assertEquals(2, run("ab", "run", "seed000-support-ticket", "--wait"));
        assertTrue(err.contains("--wait and --poll go with --batch"), err);
        assertEquals(2, run("ab", "run", "seed000-support-ticket", "--batch", "--poll", "0"));
        assertTrue(err.contains("--poll must be a number of seconds from 1 to 86400"), err);
        assertEquals(2, run("ab", "run", "seed000-support-ticket", "--batch", "--yes", "--budget", "0.0001"));
        assertTrue(err.contains("a batch cannot stop at a cap"), err);
    }

    private static int sumRequests(JsonNode batches) {
        int n = 0;
        for (JsonNode b : batches) {
            n += b.get("requests").asInt();
        }
        return n;
    }
}
