// SPDX-License-Identifier: Apache-2.0
package dev.costbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code costbench ab import-promptfoo} and {@code ab export ID --format promptfoo}: a promptfoo configuration
 * imports, runs against a mock OpenAI Responses API, and its results come out in promptfoo's output shape (every
 * field of promptfoo's own sample output is there).
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class PromptfooCliTest extends UserDataTest {

    private static final String OPENAI_KEY = "sk-test-PF-LEAKCHECK-openai-0123456789abcdef";
    private static final String ANTHROPIC_KEY = "sk-ant-test-PF-LEAKCHECK-anthropic-0123456789";
    private static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    final MockProviders providers = new MockProviders(OPENAI_KEY, ANTHROPIC_KEY, this::answer);

    private final AtomicInteger calls = new AtomicInteger();

    private MockResponse answer(RecordedRequest r) {
        String path = r.getUrl().encodedPath();
        if (path.equals("/v1/responses")) {
            return MockProviders.responses(
                    String.valueOf(calls.incrementAndGet()), "{\\\"issue\\\": \\\"refund\\\"}", 120, 40);
        }
        return MockProviders.noRoute(path);
    }

    private int run(String... args) {
        return keep(providers.run(providers.env(), tmp.resolve("providers.json"), "", args));
    }

    /** The promptfoo fixtures in app/model's test resources. */
    private static Path fixtures() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isDirectory(dir.resolve("app/model/src/test/resources/promptfoo"))) {
            dir = dir.getParent();
        }
        assertTrue(dir != null, "the promptfoo fixtures are not found");
        return dir.resolve("app/model/src/test/resources/promptfoo");
    }

    @Test
    void promptfoosGettingStartedConfigImportsWithItsReport() throws Exception {
        Path exp = tmp.resolve("getting-started.json");
        assertEquals(
                0,
                run(
                        "ab",
                        "import-promptfoo",
                        fixtures()
                                .resolve("getting-started/promptfooconfig.yaml")
                                .toString(),
                        "--out",
                        exp.toString()),
                err);
        assertTrue(
                out.startsWith("Imported \"Getting started\": 2 prompt variants, 2 models, 2 inputs, 0 checks."), out);
        assertTrue(out.contains("Not mapped (2):\n  tests[0].assert[0]: contains applies to this test only"), out);
        assertTrue(out.contains("Run it with: costbench ab run " + exp), out);
        assertTrue(Files.readString(exp).contains("\"Convert this English to {{language}}: {{input}}\""));
    }

    @Test
    void malformedYamlIsRefusedAndNothingIsWritten() throws Exception {
        Path bad = Files.writeString(tmp.resolve("bad.yaml"), "prompts: ['Hi\nproviders: [openai:gpt-5\n");
        Path exp = tmp.resolve("bad.costbench.json");
        assertEquals(2, run("ab", "import-promptfoo", bad.toString(), "--out", exp.toString()));
        assertTrue(err.contains("is not valid YAML (line "), err);
        assertTrue(err.contains("nothing was created"), err);
        assertFalse(Files.exists(exp));
    }

    @Test
    void anImportedConfigRunsAndExportsInPromptfoosOutputShape() throws Exception {
        Files.writeString(
                tmp.resolve("chat.json"),
                "[{\"role\": \"system\", \"content\": \"Triage tickets.\"}, {\"role\": \"user\", \"content\": "
                        + "\"{{ticket}}\"}]");
        Path config = Files.writeString(tmp.resolve("promptfooconfig.yaml"), """
                description: Tickets
                prompts:
                  - 'Ticket: {{ticket}}'
                  - file://chat.json
                providers:
                  - id: openai:gpt-4o-mini
                    config:
                      max_tokens: 100
                defaultTest:
                  assert:
                    - type: icontains
                      value: refund
                    - type: not-contains
                      value: sorry
                tests:
                  - description: double charge
                    vars:
                      ticket: I was charged twice
                  - vars:
                      ticket: I cannot log in
                """);
        assertEquals(0, run("ab", "import-promptfoo", config.toString(), "--json"), err);
        JsonNode report = JSON.readTree(out);
        assertEquals(2, report.get("checks").asInt());
        assertEquals(0, report.get("unmapped").size(), report.toString());
        String exp = report.get("experimentFile").asText();
        assertEquals(
                tmp.resolve("promptfooconfig.costbench.json").toAbsolutePath().toString(), exp);

        assertEquals(0, run("ab", "run", exp, "--yes", "--no-stream"), err);
        assertEquals(4, calls.get(), "2 prompts × 2 tests × 1 model");

        Path results = tmp.resolve("results.json");
        assertEquals(0, run("ab", "export", "1", "--format", "promptfoo", "--out", results.toString()), err);
        JsonNode ours = JSON.readTree(results.toFile());
        JsonNode theirs = JSON.readTree(fixtures().resolve("sample-export.json").toFile());
        List<String> missing = new ArrayList<>();
        for (String path : List.of(
                "",
                "results",
                "results.prompts",
                "results.prompts.metrics",
                "results.prompts.metrics.tokenUsage",
                "results.results",
                "results.results.gradingResult",
                "results.results.gradingResult.componentResults",
                "results.results.prompt",
                "results.results.provider",
                "results.results.response",
                "results.results.response.tokenUsage",
                "results.results.testCase",
                "results.stats",
                "results.stats.tokenUsage")) {
            missing.addAll(missingKeys(at(theirs, path), at(ours, path), path));
        }
        // promptfoo's own counts for its grader's tokens and its sample's run details CostBench has no part in
        missing.removeIf(m -> m.endsWith(".assertions") || m.endsWith(".tokensUsed"));
        assertEquals(List.of(), missing, "fields promptfoo's output has and CostBench's export lacks");

        JsonNode r = ours.get("results");
        assertEquals(3, r.get("version").asInt());
        assertEquals(2, r.get("prompts").size());
        assertEquals(
                "openai:gpt-4o-mini", r.get("prompts").get(0).get("provider").asText());
        assertEquals(4, r.get("results").size());
        JsonNode first = r.get("results").get(0);
        assertTrue(first.get("success").asBoolean());
        assertEquals(1.0, first.get("score").asDouble());
        assertEquals(
                "{\"issue\": \"refund\"}", first.get("response").get("output").asText());
        assertEquals(160, first.get("response").get("tokenUsage").get("total").asInt());
        assertEquals(
                "icontains",
                first.get("gradingResult")
                        .get("componentResults")
                        .get(0)
                        .get("assertion")
                        .get("type")
                        .asText());
        assertEquals(4, r.get("stats").get("successes").asInt());
        assertEquals(
                2, r.get("prompts").get(0).get("metrics").get("testPassCount").asInt());
        assertTrue(r.get("prompts").get(1).get("raw").asText().startsWith("[{\"role\":\"system\""));
        assertEquals("Tickets", ours.get("config").get("description").asText());
    }

    /** The node at a dotted path, taking the first element of every array on the way. */
    private static JsonNode at(JsonNode n, String path) {
        JsonNode cur = n;
        if (!path.isEmpty()) {
            for (String p : path.split("\\.")) {
                cur = first(cur).get(p);
                if (cur == null) {
                    return null;
                }
            }
        }
        return first(cur);
    }

    private static JsonNode first(JsonNode n) {
        return n != null && n.isArray() && !n.isEmpty() ? n.get(0) : n;
    }

    private static List<String> missingKeys(JsonNode theirs, JsonNode ours, String path) {
        List<String> out = new ArrayList<>();
        if (theirs == null || !theirs.isObject()) {
            return out;
        }
        if (ours == null || !ours.isObject()) {
            out.add(path + " (not an object)");
            return out;
        }
        for (Iterator<String> it = theirs.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (!ours.has(k)) {
                out.add(path + "." + k);
            }
        }
        return out;
    }
}
