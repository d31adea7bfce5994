// SPDX-License-Identifier: Apache-2.0
package dev.costbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.costbench.model.lab.MediaBlob;
import dev.costbench.model.lab.run.RunPlan;
import dev.costbench.store.H2LabStore;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code costbench ab …} against a mock server answering as the OpenAI Responses API and the Anthropic Messages API
 * do, with fake keys and a temporary data directory.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class AbCommandTest extends UserDataTest {

    private static final String OPENAI_KEY = "sk-test-AB-LEAKCHECK-openai-0123456789abcdef";
    private static final String ANTHROPIC_KEY = "sk-ant-test-AB-LEAKCHECK-anthropic-0123456789";
    private static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    final MockProviders providers = new MockProviders(OPENAI_KEY, ANTHROPIC_KEY, this::answer);

    private final AtomicInteger openAiCalls = new AtomicInteger();
    private final AtomicInteger anthropicCalls = new AtomicInteger();
    private volatile int anthropicStatus = 200;
    private final AtomicInteger judgeCalls = new AtomicInteger();
    /** The judge's next answers (the text of its output), then a good one. */
    private final Queue<String> judgeAnswers = new ConcurrentLinkedQueue<>();

    /** Every request body the mock providers received. */
    private final List<String> bodies = new CopyOnWriteArrayList<>();

    /** Bills input by the request's size, so the shorter prompt is really cheaper. */
    private MockResponse answer(RecordedRequest r) {
        String body = r.getBody() == null ? "" : r.getBody().utf8();
        bodies.add(body);
        long input = 20 + body.length() / 4;
        String path = r.getUrl().encodedPath();
        if (path.equals("/v1/responses") && body.contains("impartial judge")) {
            assertEquals("Bearer " + OPENAI_KEY, r.getHeaders().get("Authorization"));
            int n = judgeCalls.incrementAndGet();
            String next = judgeAnswers.poll(); // one step: two judge calls at once must not both take one answer
            String text = next != null ? next : "{\\\"score\\\": 4, \\\"rationale\\\": \\\"Names the issue.\\\"}";
            return MockProviders.responses("j" + n, text, input, 25);
        }
        if (path.equals("/v1/responses")) {
            assertEquals("Bearer " + OPENAI_KEY, r.getHeaders().get("Authorization"));
            int n = openAiCalls.incrementAndGet();
            return MockProviders.responses(String.valueOf(n), "{\\\"issue\\\": \\\"refund\\\"}", input, 40);
        }
        if (path.equals("/v1/messages")) {
            assertEquals(ANTHROPIC_KEY, r.getHeaders().get("x-api-key"));
            int n = anthropicCalls.incrementAndGet();
            if (anthropicStatus != 200) {
                return MockProviders.json(
                        anthropicStatus,
                        "{\"type\":\"error\",\"error\":{\"type\":\"invalid_request_error\","
                                + "\"message\":\"model: not available\"}}");
            }
            return MockProviders.messages(n, "end_turn", input, 60);
        }
        return MockProviders.noRoute(path);
    }

    private int run(String stdin, Map<String, String> env, String... args) {
        return keep(providers.run(env, tmp.resolve("providers.json"), stdin, args));
    }

    private int run(String... args) {
        return run("", providers.env(), args);
    }

    /** A small OpenAI-only experiment: 2 variants × 2 inputs × 2 repetitions on gpt-4o-mini. */
    private Path smallSpec(String extra) throws IOException {
        return Files.writeString(
                tmp.resolve("small.json"),
                "{\"name\":\"small\",\"models\":[\"gpt-4o-mini\"],"
                        + "\"repetitions\":2,\"stream\":false,\"parameters\":{\"maxOutputTokens\":100}," + extra
                        + "\"variants\":[{\"name\":\"verbose\",\"system\":\"You are an expert in analyzing customer support "
                        + "tickets. Please carefully analyze the ticket and determine the issue, the severity and the "
                        + "resolution.\",\"user\":\"Ticket: {{ticket}}\"},{\"name\":\"optimized\",\"system\":\"Analyze. "
                        + "Return JSON.\",\"user\":\"{{ticket}}\"}],\"inputs\":[{\"label\":\"T-1\",\"variables\":{\"ticket\":"
                        + "\"charged twice\"}},{\"label\":\"T-2\",\"variables\":{\"ticket\":\"cannot log in\"}}]}");
    }

    @Test
    void theSampleRunsByNameAndPrintsTheEstimateProgressAndSummary() throws Exception {
        assertEquals(0, run("ab", "run", "seed000-support-ticket", "--yes", "--json", "--no-stream"), err);
        assertEquals(24, openAiCalls.get());
        assertEquals(24, anthropicCalls.get());
        assertTrue(err.startsWith("Estimate for \"seed000-support-ticket\": 48 calls, $"), err);
        assertTrue(err.contains("budget cap $0.25"), err);
        assertTrue(err.contains("48/48 trials"), "the progress line: " + err);

        JsonNode o = JSON.readTree(out);
        assertEquals("DONE", o.get("status").asText());
        assertEquals("COMPLETED", o.get("outcome").asText());
        assertEquals(48, o.get("done").asInt());
        assertEquals(48, o.get("estimate").get("calls").asInt());
        assertTrue(new BigDecimal(o.get("estimate").get("lowUsd").asText())
                        .compareTo(
                                new BigDecimal(o.get("estimate").get("highUsd").asText()))
                < 0);
        assertEquals(4, o.get("results").size());
        BigDecimal total = BigDecimal.ZERO;
        for (JsonNode r : o.get("results")) {
            assertEquals(12, r.get("trials").asInt());
            assertTrue(r.get("p50LatencyMs").isNumber());
            BigDecimal mean = new BigDecimal(r.get("meanCostUsd").asText());
            BigDecimal sum = new BigDecimal(r.get("totalCostUsd").asText());
            assertEquals(0, mean.multiply(BigDecimal.valueOf(12)).compareTo(sum), r.toString());
            total = total.add(sum);
        }
        assertEquals(0, total.compareTo(new BigDecimal(o.get("spentUsd").asText())));
        assertEquals(2, o.get("comparisons").size());
        for (JsonNode c : o.get("comparisons")) {
            assertEquals("verbose", c.get("baseline").asText());
            assertEquals("optimized", c.get("variant").asText());
            assertTrue(c.get("savingPct").asDouble() > 30, c.toString());
            // the statistics package gives the saving's 95 % interval (paired t on the matched cells)
            JsonNode ci = c.get("savingPctInterval");
            assertTrue(
                    ci.get("low").asDouble() <= c.get("savingPct").asDouble()
                            && c.get("savingPct").asDouble() <= ci.get("high").asDouble(),
                    c.toString());
            assertTrue(c.get("significant").isBoolean(), c.toString());
        }
        long id = o.get("experimentId").asLong();

        assertEquals(0, run("ab", "list", "--json"));
        JsonNode list = JSON.readTree(out);
        assertEquals(1, list.size());
        assertEquals("DONE", list.get(0).get("status").asText());
        assertEquals(48, list.get(0).get("done").asInt());

        assertEquals(0, run("ab", "show", Long.toString(id)));
        assertTrue(out.startsWith("experiment " + id + " \"seed000-support-ticket\": DONE, 48 of 48 trials done"), out);
        assertTrue(out.contains("optimized vs verbose on gpt-4o-mini: saves"), out);

        assertEquals(0, run("ab", "export", Long.toString(id)));
        List<String> csv = out.lines().toList();
        assertEquals(49, csv.size());
        assertTrue(csv.get(0).startsWith("trial_id,variant,baseline,input,model,repetition"));
        Path file = tmp.resolve("export.json");
        assertEquals(0, run("ab", "export", Long.toString(id), "--json", "--out", file.toString()));
        JsonNode export = JSON.readTree(file.toFile());
        assertEquals(48, export.get("trials").size());
        assertEquals(
                "seed000-support-ticket", export.get("experiment").get("name").asText());

        assertNoKeyIn(file);
        assertNoKeyIn(data);
    }

    @Test
    void anImageExperimentSendsEachVariantsImageAsTheProvidersDocumentIt() throws Exception {
        byte[] big;
        byte[] small;
        try (var a = getClass().getResourceAsStream("/experiments/receipt-2048.png");
                var b = getClass().getResourceAsStream("/experiments/receipt-512.png")) {
            big = a.readAllBytes();
            small = b.readAllBytes();
        }
        Files.write(tmp.resolve("big.png"), big);
        Files.write(tmp.resolve("small.png"), small);
        Path spec = Files.writeString(
                tmp.resolve("img.json"),
                "{\"name\":\"img\",\"models\":[\"gpt-4o-mini\","
                        + "\"claude-haiku-4-5\"],\"stream\":false,\"parameters\":{\"maxOutputTokens\":50},\"variants\":["
                        + "{\"name\":\"2048 px\",\"user\":\"Total?\",\"media\":[\"big.png\"]},"
                        + "{\"name\":\"512 px\",\"user\":\"Total?\",\"media\":[\"small.png\"]}]}");
        assertEquals(0, run("ab", "run", spec.toString(), "--yes", "--json"), err);
        assertEquals(2, openAiCalls.get());
        assertEquals(2, anthropicCalls.get());
        assertTrue(err.contains("media of 2048 px: big.png · 1536×2048 · 42 KB — tokens: gpt-4o-mini ≈"), err);
        assertTrue(err.contains("media of 512 px: small.png · 384×512 · 15 KB — tokens: gpt-4o-mini ≈"), err);
        String b64Big = Base64.getEncoder().encodeToString(big);
        String b64Small = Base64.getEncoder().encodeToString(small);
        // OpenAI Responses: {"type":"input_image","image_url":"data:image/png;base64,…"} after the text
        List<String> openAi =
                bodies.stream().filter(x -> x.contains("input_image")).toList();
        assertEquals(2, openAi.size(), bodies.toString().length() + " chars of bodies");
        for (String x : openAi) {
            JsonNode content = JSON.readTree(x).get("input").get(0).get("content");
            assertEquals("input_text", content.get(0).get("type").asText());
            assertEquals("input_image", content.get(1).get("type").asText());
            String url = content.get(1).get("image_url").asText();
            assertTrue(
                    url.equals("data:image/png;base64," + b64Big) || url.equals("data:image/png;base64," + b64Small),
                    url.substring(0, 40));
        }
        assertTrue(openAi.stream().anyMatch(x -> x.contains(b64Small))
                && openAi.stream().anyMatch(x -> x.contains(b64Big)));
        // Anthropic Messages: {"type":"image","source":{"type":"base64","media_type":"image/png","data":"…"}}
        List<String> claude =
                bodies.stream().filter(x -> x.contains("\"source\"")).toList();
        assertEquals(2, claude.size());
        for (String x : claude) {
            JsonNode img =
                    JSON.readTree(x).get("messages").get(0).get("content").get(1);
            assertEquals("image", img.get("type").asText());
            assertEquals("base64", img.get("source").get("type").asText());
            assertEquals("image/png", img.get("source").get("media_type").asText());
        }
        // the estimate's input per call includes the image tokens: the small image is cheaper before anything is sent
        JsonNode o = JSON.readTree(out);
        assertEquals("DONE", o.get("status").asText());
        long id = o.get("experimentId").asLong();
        Path file = tmp.resolve("export.json");
        assertEquals(0, run("ab", "export", Long.toString(id), "--json", "--out", file.toString()));
        JsonNode export = JSON.readTree(file.toFile());
        assertEquals(
                MediaBlob.sha256(small),
                export.get("variants").get(1).get("media").get(0).asText());
        assertNoKeyIn(data);
        // imported into a store that holds the images, the copy keeps them and can run again
        assertEquals(0, run("ab", "import", file.toString()), err);
        try (H2LabStore store = H2LabStore.open(data)) {
            long copy = store.listExperiments().stream()
                    .mapToLong(x -> x.id())
                    .max()
                    .orElseThrow();
            assertTrue(copy != id);
            assertEquals(
                    List.of(MediaBlob.sha256(small)),
                    store.variants(copy).get(1).mediaHashes());
            var plan = RunPlan.load(store, copy);
            assertTrue(plan.variants().get(1).spec().media().get(0).loaded());
            assertEquals(
                    "small.png", plan.variants().get(1).spec().media().get(0).name());
        }
    }

    @Test
    void anImageForAModelThatTakesNoImagesStopsBeforeAnyCall() throws Exception {
        try (var a = getClass().getResourceAsStream("/experiments/receipt-512.png")) {
            Files.write(tmp.resolve("small.png"), a.readAllBytes());
        }
        Path spec = Files.writeString(
                tmp.resolve("img.json"),
                "{\"name\":\"img\",\"models\":[\"o3-mini\"],"
                        + "\"variants\":[{\"name\":\"a\",\"user\":\"Total?\",\"media\":[\"small.png\"]}]}");
        assertEquals(2, run("ab", "run", spec.toString(), "--yes"));
        assertTrue(err.contains("model \"o3-mini\" does not take images"), err);
        assertEquals(0, openAiCalls.get());
    }

    @Test
    void aBudgetStopExitsWith4UnderTheCapAndResumeFinishes() throws Exception {
        Path spec = smallSpec("");
        assertEquals(4, run("ab", "run", spec.toString(), "--budget", "0.0002", "--yes", "--json"), err);
        JsonNode o = JSON.readTree(out);
        assertEquals("BUDGET_REACHED", o.get("outcome").asText());
        assertEquals("CANCELLED", o.get("status").asText());
        assertTrue(new BigDecimal(o.get("spentUsd").asText()).compareTo(new BigDecimal("0.0002")) <= 0, out);
        int calls = openAiCalls.get();
        assertTrue(calls > 0 && calls < 8, "calls before the cap: " + calls);
        assertTrue(err.contains("budget reached: stopped: the next call could cost up to $"), err);
        long id = o.get("experimentId").asLong();

        assertEquals(0, run("ab", "resume", Long.toString(id), "--budget", "1", "--yes", "--json"), err);
        JsonNode r = JSON.readTree(out);
        assertEquals("COMPLETED", r.get("outcome").asText());
        assertEquals(8, r.get("done").asInt());
        assertEquals(8, openAiCalls.get(), "resume made only the missing calls");
        assertTrue(err.contains("(spent so far $"), err);

        assertEquals(0, run("ab", "resume", Long.toString(id), "--yes"));
        assertTrue(err.contains("nothing to resume"), err);
        assertEquals(8, openAiCalls.get());
    }

    /** Variants "a" and "b" (one user message each) on gpt-4o-mini and claude-haiku-4-5, not streamed. */
    private Path twoModels(int repetitions) throws IOException {
        return Files.writeString(
                tmp.resolve("two.json"),
                "{\"name\":\"two\",\"models\":[\"gpt-4o-mini\",\"claude-haiku-4-5\"],\"stream\":false,"
                        + "\"repetitions\":" + repetitions + ",\"variants\":[{\"name\":\"a\",\"user\":\"hi\"},"
                        + "{\"name\":\"b\",\"user\":\"hello\"}]}");
    }

    @Test
    void failedTrialsExitWith1AndAreListed() throws Exception {
        anthropicStatus = 400;
        Path spec = twoModels(1);
        assertEquals(1, run("ab", "run", spec.toString(), "--yes"), err);
        assertEquals(2, openAiCalls.get());
        assertEquals(2, anthropicCalls.get(), "a 400 is not retried");
        assertTrue(err.contains("incomplete: 2 of 4 trials failed"), err);
        assertTrue(out.contains("a *"), out);
        assertEquals(0, run("ab", "list"));
        assertTrue(out.contains("INTERRUPTED") && out.contains("2/4"), out);
    }

    @Test
    void costPerSuccessfulTaskCountsFailedTrialsAndJudgeCallsAndSaysWhenNothingSucceeded() throws Exception {
        anthropicStatus = 400;
        Path spec = twoModels(2);
        assertEquals(1, run("ab", "run", spec.toString(), "--yes", "--json"), err);
        JsonNode o = JSON.readTree(out);
        long id = o.get("experimentId").asLong();
        for (JsonNode r : o.get("results")) {
            if (r.get("model").asText().equals("claude-haiku-4-5")) {
                assertEquals(0, r.get("successes").asInt(), r.toString());
                assertTrue(r.get("costPerSuccessUsd").isNull(), r.toString());
                assertEquals("no successful trial", r.get("costPerSuccess").asText());
            } else {
                assertEquals(2, r.get("successes").asInt(), r.toString());
                BigDecimal per = new BigDecimal(r.get("costPerSuccessUsd").asText());
                assertEquals(
                        0,
                        per.multiply(BigDecimal.valueOf(2))
                                .compareTo(new BigDecimal(r.get("totalCostUsd").asText())));
            }
        }
        JsonNode a = o.get("costPerSuccessfulTask").get(0);
        assertEquals("a", a.get("variant").asText());
        assertEquals(2, a.get("successes").asInt());
        assertEquals(4, a.get("trialsCounted").asInt(), "the failed Claude trials count");

        assertEquals(0, run("ab", "judge", Long.toString(id), "--model", "gpt-4o-mini", "--yes", "--json"), err);
        JsonNode judged = JSON.readTree(out).get("costPerSuccessfulTask").get(0);
        BigDecimal judge = new BigDecimal(judged.get("judgeSpentUsd").asText());
        assertTrue(judge.signum() > 0, judged.toString());
        assertEquals(
                0,
                new BigDecimal(judged.get("spentWithFailuresUsd").asText())
                        .compareTo(new BigDecimal(a.get("spentWithFailuresUsd").asText()).add(judge)),
                "judge calls are part of the spending");
        assertEquals(0, run("ab", "show", Long.toString(id)));
        assertTrue(out.contains("Cost per successful task, a: $"), out);
        assertTrue(out.contains("2 of 4 trials succeeded"), out);
    }

    @Test
    void nothingRunsOrIsStoredWithoutAKeyAValueOrAConfirmation() throws Exception {
        Path spec = smallSpec("");
        Map<String, String> noKey = new HashMap<>(providers.env());
        noKey.remove("OPENAI_API_KEY");
        assertEquals(2, run("", noKey, "ab", "run", spec.toString(), "--yes"));
        assertTrue(err.contains("no OpenAI API key: set OPENAI_API_KEY"), err);

        Path bad = Files.writeString(
                tmp.resolve("bad.json"),
                "{\"name\":\"bad\",\"models\":[\"gpt-4o-mini\"],"
                        + "\"variants\":[{\"name\":\"a\",\"user\":\"{{ticket}}\"}],\"inputs\":[{\"label\":\"T-9\","
                        + "\"variables\":{\"tikcet\":\"x\"}}]}");
        assertEquals(2, run("ab", "run", bad.toString(), "--yes"));
        assertEquals(
                "costbench: variant \"a\", message 1, with input \"T-9\": no value for {{ticket}} (the input "
                        + "has: tikcet)\n",
                err);

        assertEquals(2, run("ab", "run", "no-such-experiment", "--yes"));
        assertTrue(err.contains("no such experiment file: no-such-experiment"), err);
        assertEquals(2, run("ab", "run", spec.toString(), "--budget", "-1", "--yes"));
        Path unknown = Files.writeString(
                tmp.resolve("u.json"),
                "{\"name\":\"u\",\"models\":[\"my-llama\"]," + "\"variants\":[{\"name\":\"a\",\"user\":\"hi\"}]}");
        assertEquals(2, run("ab", "run", unknown.toString(), "--yes"));
        assertTrue(err.contains("\"my-llama\" is not in the catalog") && err.contains("--provider compatible"), err);

        assertEquals(1, run("n\n", providers.env(), "ab", "run", spec.toString()));
        assertTrue(err.contains("? [y/N] costbench: not run"), err);
        assertTrue(out.startsWith("Estimate for \"small\": 8 calls"), out);
        assertEquals(0, openAiCalls.get());

        assertEquals(0, run("ab", "list"));
        assertTrue(out.contains("no experiments yet"), out);
        assertEquals(2, run("ab", "show", "7"));
        assertTrue(err.contains("no experiment 7"), err);

        assertEquals(0, run("y\n", providers.env(), "ab", "run", spec.toString()));
        assertEquals(8, openAiCalls.get());
    }

    @Test
    void theResponseCacheReusesAnotherExperimentsAnswersForRepetitionOneOnly() throws Exception {
        Path spec = smallSpec("\"responseCache\":true,");
        assertEquals(0, run("ab", "run", spec.toString(), "--yes"));
        assertEquals(8, openAiCalls.get());
        assertEquals(0, run("ab", "run", spec.toString(), "--yes", "--json"));
        JsonNode o = JSON.readTree(out);
        assertEquals(4, o.get("cached").asInt());
        assertEquals(4, o.get("calls").asInt());
        assertEquals(12, openAiCalls.get());
        assertEquals(2, o.get("results").get(0).get("cached").asInt());
        assertNull(null);
    }

    @Test
    void abJudgeScoresEveryOutputAndCountsItsCostApart() throws Exception {
        Path spec = smallSpec("");
        assertEquals(0, run("ab", "run", spec.toString(), "--yes", "--json"), err);
        long id = JSON.readTree(out).get("experimentId").asLong();
        assertEquals(0, judgeCalls.get());
        JsonNode before = JSON.readTree(out);
        assertEquals(0, new BigDecimal(before.get("judgeSpentUsd").asText()).signum());
        assertTrue(before.get("judge").get("model").isNull());

        assertEquals(2, run("ab", "judge", Long.toString(id), "--yes"));
        assertTrue(err.contains("has no judge: give one with --model M"), err);
        assertEquals(2, run("ab", "judge", Long.toString(id), "--model", "no-such-model", "--yes"));
        assertTrue(err.contains("judge model \"no-such-model\" is not in the catalog"), err);

        Path rubric = Files.writeString(tmp.resolve("rubric.txt"), "5 = names the issue; 1 = does not");
        assertEquals(
                0,
                run(
                        "ab",
                        "judge",
                        Long.toString(id),
                        "--model",
                        "gpt-4o-mini",
                        "--rubric",
                        rubric.toString(),
                        "--budget",
                        "0.10",
                        "--json",
                        "--yes"),
                err);
        assertEquals(8, judgeCalls.get());
        assertTrue(err.contains("Judge estimate for experiment " + id + ": judge $"), err);
        assertTrue(err.contains("8 calls to gpt-4o-mini"), err);
        assertTrue(err.contains("judged 8/8"), "the progress line: " + err);
        JsonNode o = JSON.readTree(out);
        JsonNode j = o.get("judge");
        assertEquals("gpt-4o-mini", j.get("model").asText());
        assertEquals("5 = names the issue; 1 = does not", j.get("rubric").asText());
        assertEquals(8, j.get("scored").asInt());
        assertEquals("COMPLETED", j.get("outcome").asText());
        BigDecimal trials = new BigDecimal(o.get("trialSpentUsd").asText());
        BigDecimal judge = new BigDecimal(o.get("judgeSpentUsd").asText());
        assertTrue(judge.signum() > 0 && trials.signum() > 0);
        assertEquals(
                0, trials.add(judge).compareTo(new BigDecimal(o.get("spentUsd").asText())));
        for (JsonNode r : o.get("results")) {
            assertEquals(4.0, r.get("judgeScore").get("mean").asDouble(), 1e-9, r.toString());
            assertEquals(4, r.get("judgeScore").get("n").asInt());
        }
        JsonNode cj = o.get("comparisons").get(0).get("judge");
        assertEquals(0.0, cj.get("drop").asDouble(), 1e-9, cj.toString());
        assertEquals("PAIRED_T", cj.get("method").asText());

        // the judge is now the experiment's: a second judging has nothing left to do and calls nothing
        assertEquals(0, run("ab", "judge", Long.toString(id), "--yes"));
        assertTrue(err.contains("every output already has a score by gpt-4o-mini"), err);
        assertEquals(8, judgeCalls.get());
        assertEquals(0, run("ab", "show", Long.toString(id)));
        assertTrue(out.contains(" — trials $") && out.contains(" · judge $"), out);
        assertTrue(out.contains("judge gpt-4o-mini (1–5): 8 scores"), out);
        assertNoKeyIn(data);
    }

    @Test
    void aJudgeInTheExperimentFileJudgesAfterTheRunAndUnreadableAnswersAreRetriedLater() throws Exception {
        judgeAnswers.add("I liked it a lot.");
        judgeAnswers.add("{\\\"score\\\": 9, \\\"rationale\\\": \\\"great\\\"}");
        Path spec = smallSpec("\"judge\":{\"model\":\"gpt-4o-mini\",\"rubric\":\"5 = names the issue\",\"scale\":5},");
        assertEquals(1, run("ab", "run", spec.toString(), "--yes", "--json"), err);
        assertTrue(out.length() > 0 && err.contains("then the judge: $"), err);
        JsonNode o = JSON.readTree(out);
        assertEquals("COMPLETED", o.get("outcome").asText());
        assertEquals("INCOMPLETE", o.get("judge").get("outcome").asText());
        assertEquals(6, o.get("judge").get("scored").asInt());
        assertEquals(2, o.get("judge").get("failed").asInt());
        assertEquals(8, judgeCalls.get());
        long id = o.get("experimentId").asLong();

        assertEquals(0, run("ab", "judge", Long.toString(id), "--yes", "--json"), err);
        assertEquals(10, judgeCalls.get(), "only the two outputs without a score");
        assertEquals(8, JSON.readTree(out).get("judge").get("scored").asInt());
    }

    private static void assertNoKeyIn(Path p) throws IOException {
        List<Path> files;
        if (Files.isDirectory(p)) {
            try (Stream<Path> s = Files.walk(p)) {
                files = s.filter(Files::isRegularFile).toList();
            }
        } else {
            files = List.of(p);
        }
        for (Path f : files) {
            String text = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
            assertFalse(
                    text.contains(OPENAI_KEY) || text.contains(ANTHROPIC_KEY) || text.contains("LEAKCHECK"),
                    "a key in " + f);
        }
    }
}
