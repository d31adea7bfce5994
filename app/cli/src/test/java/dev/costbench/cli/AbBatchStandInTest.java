// SPDX-License-Identifier: Apache-2.0
package dev.costbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.costbench.providers.ProviderConfig;
import dev.costbench.providers.batch.ProviderBatches;
import dev.costbench.providers.testkit.AnthropicBatchStandIn;
import dev.costbench.providers.testkit.OpenAiBatchStandIn;
import dev.costbench.providers.testkit.ProviderMock;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The sample experiment through the providers' real batch clients ({@link ProviderBatches}, as the command line wires
 * them) against stand-ins of OpenAI's Batch API and Anthropic's Message Batches, with the command line started anew
 * for every step (a restart between submitting and collecting): the batches are kept in the store, found again, and
 * their answers land as the experiment's trials, priced at the batch rates.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class AbBatchStandInTest extends UserDataTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final MockWebServer openAi = new MockWebServer();
    private final MockWebServer anthropic = new MockWebServer();
    private final OpenAiBatchStandIn openAiBatches = new OpenAiBatchStandIn(ProviderMock.FAKE_KEY);
    private final AnthropicBatchStandIn anthropicBatches = new AnthropicBatchStandIn(ProviderMock.FAKE_KEY);

    @BeforeEach
    void serve() throws IOException {
        openAiBatches.pollsUntilDone(2);
        anthropicBatches.pollsUntilDone(2).erroring("v1-i2-m1-r1");
        openAi.setDispatcher(openAiBatches);
        anthropic.setDispatcher(anthropicBatches);
        openAi.start();
        anthropic.start();
    }

    @AfterEach
    void stop() throws IOException {
        openAi.close();
        anthropic.close();
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
                anthropic.url("/").toString());
        return keep(CliRun.withBatches(
                () -> new ProviderConfig(env, null, tmp.resolve("providers.json")),
                config -> new ProviderBatches(config, null),
                args));
    }

    @Test
    void theSampleRunsThroughBothBatchApisAcrossARestartAtBatchPrices() throws Exception {
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
}
