// SPDX-License-Identifier: Apache-2.0
package dev.costbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.costbench.providers.ProviderConfig;
import dev.costbench.providers.batch.ProviderBatches;
import dev.costbench.providers.testkit.AnthropicBatchStandIn;
import dev.costbench.providers.testkit.BatchStandIn;
import dev.costbench.providers.testkit.GeminiBatchStandIn;
import dev.costbench.providers.testkit.OpenAiBatchStandIn;
import dev.costbench.providers.testkit.ProviderMock;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The sample experiment through the providers' real batch clients ({@link ProviderBatches}, as the command line wires
 * them) against stand-ins of OpenAI's Batch API, Anthropic's Message Batches and Gemini's batch mode, with the
 * command line started anew for every step (a restart between submitting and collecting): the batches are kept in the
 * store, found again, and their answers land as the experiment's trials, priced at the batch rates.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class AbBatchStandInTest extends UserDataTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final MockWebServer openAi = new MockWebServer();
    private final MockWebServer anthropic = new MockWebServer();
    private final MockWebServer gemini = new MockWebServer();
    private final OpenAiBatchStandIn openAiBatches = new OpenAiBatchStandIn(ProviderMock.FAKE_KEY);
    private final AnthropicBatchStandIn anthropicBatches = new AnthropicBatchStandIn(ProviderMock.FAKE_KEY);
    private final GeminiBatchStandIn geminiBatches = new GeminiBatchStandIn(ProviderMock.FAKE_KEY);
    /** The request bodies of live calls, per provider. */
    private final Map<String, List<JsonNode>> live = new ConcurrentHashMap<>();

    @BeforeEach
    void serve() throws IOException {
        openAiBatches.pollsUntilDone(2);
        anthropicBatches.pollsUntilDone(2);
        geminiBatches.pollsUntilDone(2);
        // each stand-in also answers its provider's live endpoint, with the answer its batch lines carry
        openAi.setDispatcher(withLive(
                openAiBatches, "openai", "/v1/responses", () -> OpenAiBatchStandIn.response("live", "gpt-4o-mini")));
        anthropic.setDispatcher(withLive(anthropicBatches, "anthropic", "/v1/messages", () -> {
            ObjectNode m = AnthropicBatchStandIn.message("live", "claude-haiku-4-5");
            ((ObjectNode) m.get("usage")).put("service_tier", "standard"); // served live, not as batch
            return m;
        }));
        gemini.setDispatcher(withLive(
                geminiBatches,
                "gemini",
                "/v1beta/models/gemini-2.5-flash:generateContent",
                () -> GeminiBatchStandIn.answer("live", "gemini-2.5-flash")));
        openAi.start();
        anthropic.start();
        gemini.start();
    }

    @AfterEach
    void stop() throws IOException {
        openAi.close();
        anthropic.close();
        gemini.close();
    }

    /** {@code batches}, and a live call to {@code path} answered with {@code answer} (its body kept in live). */
    private Dispatcher withLive(BatchStandIn batches, String provider, String path, Supplier<JsonNode> answer) {
        return new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest r) {
                if (!r.getUrl().encodedPath().equals(path)) {
                    return batches.dispatch(r);
                }
                live.computeIfAbsent(provider, p -> new CopyOnWriteArrayList<>())
                        .add(ProviderMock.tree(r.getBody().utf8()));
                return new MockResponse.Builder()
                        .code(200)
                        .setHeader("Content-Type", "application/json")
                        .body(answer.get().toString())
                        .build();
            }
        };
    }

    /** One command-line process: a fresh Cli over the same data folder. */
    private int run(String... args) {
        Map<String, String> env = Map.of(
                "OPENAI_API_KEY",
                ProviderMock.FAKE_KEY,
                "OPENAI_BASE_URL",
                openAi.url("/v1").toString(),
                "ANTHROPIC_API_KEY",
                ProviderMock.FAKE_KEY,
                "ANTHROPIC_BASE_URL",
                anthropic.url("/").toString(),
                "GEMINI_API_KEY",
                ProviderMock.FAKE_KEY,
                "GEMINI_BASE_URL",
                gemini.url("/v1beta").toString());
        return keep(CliRun.withBatches(
                () -> new ProviderConfig(env, null, tmp.resolve("providers.json")),
                config -> new ProviderBatches(config, null),
                args));
    }

    @Test
    void theSampleRunsThroughBothBatchApisAcrossARestartAtBatchPrices() throws Exception {
        anthropicBatches.erroring("v1-i2-m1-r1");
        assertEquals(0, run("ab", "run", "seed000-support-ticket", "--batch", "--yes", "--json"), err);
        JsonNode sent = JSON.readTree(out);
        long id = sent.get("experimentId").asLong();
        assertEquals(2, sent.get("batches").size(), out + "\none batch per provider (one model each)");
        assertEquals(1, openAiBatches.batchIds().size());
        assertEquals(1, anthropicBatches.batchIds().size());
        assertEquals(24, openAiBatches.requests(openAiBatches.batchIds().get(0)).size());

        // "restart": the next process finds the batches in the store; the stand-ins still report them running
        assertEquals(0, run("ab", "resume", String.valueOf(id), "--json"), err);
        assertTrue(err.contains("2 batches still running"), err);

        // and the one after collects them
        int code = run("ab", "resume", String.valueOf(id), "--json");
        assertEquals(1, code, err);
        assertTrue(err.contains("1 trial"), err);
        assertEquals(0, run("ab", "batches", "--json"), err);
        JsonNode batches = JSON.readTree(out);
        assertEquals(2, batches.size(), out);
        for (JsonNode b : batches) {
            assertEquals("finished", b.get("state").asText(), out);
        }

        assertEquals(0, run("ab", "show", String.valueOf(id), "--json"), err);
        JsonNode shown = JSON.readTree(out);
        assertEquals(48, shown.get("planned").asInt(), out);
        assertEquals(47, shown.get("done").asInt(), "the request Anthropic refused is a failed trial: " + out);
        for (JsonNode arm : shown.get("results")) {
            // the stand-ins' usage at the batch rates, caching stacked as each provider bills it:
            // gpt-4o-mini, 20 input (8 cached) + 5 output: 12 x $0.075 + 8 x $0.0375 + 5 x $0.30 per M = $0.0000027
            //   (live: 12 x 0.15 + 8 x 0.075 + 5 x 0.60 = $0.0000054, twice as much);
            // claude-haiku-4-5, 8 input + 4 cache write + 8 cache read + 5 output:
            //   8 x $0.50 + 4 x $0.625 + 8 x $0.05 + 5 x $2.50 per M = $0.0000194 (live $0.0000388)
            String expected = arm.get("model").asText().equals("gpt-4o-mini") ? "0.0000027" : "0.0000194";
            assertEquals(expected, arm.get("meanCostUsd").asText(), arm.toString());
        }
    }

    /**
     * The sample experiment with a Gemini arm beside its OpenAI and Anthropic ones, run live and then through the
     * three batch APIs with the command line started anew for each step: the batch run's trials have the live run's
     * usage, every cost is that usage at the batch prices (half the live cost, caching stacked as each provider
     * bills it), and the statistics are the live run's.
     */
    @Test
    void withAGeminiArmTheBatchRunOfAllThreeProvidersEqualsALiveRunAtBatchPrices() throws Exception {
        Path spec = threeProviderSample();

        assertEquals(0, run("ab", "run", spec.toString(), "--yes", "--json", "--no-stream"), err);
        long liveId = JSON.readTree(out).get("experimentId").asLong();
        assertEquals(24, live.get("gemini").size(), "the Gemini arm ran live: " + live.keySet());

        assertEquals(0, run("ab", "run", spec.toString(), "--batch", "--yes", "--json"), err);
        JsonNode sent = JSON.readTree(out);
        long batchId = sent.get("experimentId").asLong();
        assertEquals(3, sent.get("batches").size(), out + "\none batch per provider");
        String geminiBatch = geminiBatches.batchIds().get(0);
        assertEquals(24, geminiBatches.requests(geminiBatch).size());
        assertEquals(
                bodies(live.get("gemini")),
                bodies(geminiBatches.requests(geminiBatch).values()),
                "each Gemini batch request is the body of the live call for the same cell");

        // a restart: the batches are found in the store, still running; the next process collects them
        assertEquals(0, run("ab", "resume", String.valueOf(batchId), "--json"), err);
        assertTrue(err.contains("3 batches still running"), err);
        assertEquals(0, run("ab", "resume", String.valueOf(batchId), "--json"), err);
        assertEquals(0, run("ab", "batches", "--json"), err);
        JsonNode batches = JSON.readTree(out);
        assertEquals(3, batches.size(), out);
        for (JsonNode b : batches) {
            assertEquals("finished", b.get("state").asText(), out);
        }

        JsonNode liveRun = show(liveId);
        JsonNode batchRun = show(batchId);
        assertEquals(72, batchRun.get("planned").asInt(), batchRun.toString());
        assertEquals(72, batchRun.get("done").asInt(), batchRun.toString());
        assertEquals(liveRun.get("done"), batchRun.get("done"));
        Map<String, JsonNode> liveArms = arms(liveRun);
        Map<String, JsonNode> batchArms = arms(batchRun);
        assertEquals(liveArms.keySet(), batchArms.keySet());
        assertEquals(6, batchArms.size());
        // the stand-ins' usage at the batch rates, hand-computed per million tokens:
        // gpt-4o-mini, 20 input (8 cached) + 5 output: 12 x $0.075 + 8 x $0.0375 + 5 x $0.30 = $0.0000027;
        // claude-haiku-4-5, 8 input + 4 cache write + 8 cache read + 5 output:
        //   8 x $0.50 + 4 x $0.625 + 8 x $0.05 + 5 x $2.50 = $0.0000194;
        // gemini-2.5-flash, 20 prompt (8 cached) + 5 output: 12 x $0.15 + 8 x $0.015 + 5 x $1.25 = $0.00000817
        Map<String, String> expected =
                Map.of("gpt-4o-mini", "0.0000027", "claude-haiku-4-5", "0.0000194", "gemini-2.5-flash", "0.00000817");
        for (Map.Entry<String, JsonNode> e : batchArms.entrySet()) {
            JsonNode b = e.getValue();
            JsonNode l = liveArms.get(e.getKey());
            assertEquals(l.get("trials"), b.get("trials"), e.getKey());
            BigDecimal batchMean = new BigDecimal(b.get("meanCostUsd").asText());
            BigDecimal liveMean = new BigDecimal(l.get("meanCostUsd").asText());
            assertEquals(0, new BigDecimal(expected.get(b.get("model").asText())).compareTo(batchMean), b.toString());
            assertEquals(0, liveMean.compareTo(batchMean.multiply(BigDecimal.valueOf(2))), e.getKey() + ": " + l);
        }
        assertEquals(
                statistics(liveRun.get("comparisons")),
                statistics(batchRun.get("comparisons")),
                "the same comparisons, savings, intervals and verdicts");
    }

    /** The sample experiment with gemini-2.5-flash added to its models, as a file. */
    private Path threeProviderSample() throws IOException {
        ObjectNode sample;
        try (InputStream in = getClass().getResourceAsStream("/experiments/seed000-support-ticket.json")) {
            sample = (ObjectNode) JSON.readTree(in);
        }
        ((ArrayNode) sample.get("models")).add("gemini-2.5-flash");
        sample.put("name", "seed000-support-ticket with Gemini");
        Path file = tmp.resolve("three-providers.json");
        JSON.writeValue(file.toFile(), sample);
        return file;
    }

    private JsonNode show(long id) throws IOException {
        assertEquals(0, run("ab", "show", String.valueOf(id), "--json"), err);
        return JSON.readTree(out);
    }

    /** The arms of {@code ab show --json}, by variant and model. */
    private static Map<String, JsonNode> arms(JsonNode shown) {
        Map<String, JsonNode> out = new TreeMap<>();
        for (JsonNode arm : shown.get("results")) {
            out.put(arm.get("variant").asText() + " on " + arm.get("model").asText(), arm);
        }
        return out;
    }

    /**
     * The comparisons without their latency figures (a batch answers within hours, a live call in a second) and
     * their mean costs (at batch prices: checked per arm above).
     */
    private static List<String> statistics(JsonNode comparisons) {
        List<String> out = new ArrayList<>();
        for (JsonNode c : comparisons) {
            ObjectNode copy = c.deepCopy();
            List<String> latency = new ArrayList<>();
            copy.fieldNames().forEachRemaining(f -> {
                if (f.toLowerCase(Locale.ROOT).contains("latency") || f.endsWith("MeanCostUsd")) {
                    latency.add(f);
                }
            });
            copy.remove(latency);
            out.add(copy.toString());
        }
        out.sort(null);
        return out;
    }

    /** Request bodies as a sorted list of their JSON texts, to compare as multisets. */
    private static List<String> bodies(Collection<JsonNode> bodies) {
        return bodies.stream().map(JsonNode::toString).sorted().toList();
    }
}
