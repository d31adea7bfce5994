// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.lab.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.costbench.model.prompt.Role;
import dev.costbench.model.provider.ChatRequest;
import dev.costbench.model.provider.ProviderId;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpecJsonTest {

    @TempDir
    Path dir;

    private static final String FULL = "{\n"
            + "  \"name\": \"tickets\",\n"
            + "  \"description\": \"d\",\n"
            + "  \"models\": [\"gpt-4o-mini\", {\"id\": \"llama3.1:8b\", \"provider\": \"ollama\", \"apiModel\": \"llama3.1\"}],\n"
            + "  \"repetitions\": 3,\n"
            + "  \"budgetUsd\": 0.10,\n"
            + "  \"responseCache\": true,\n"
            + "  \"stream\": false,\n"
            + "  \"openAiApi\": \"chat\",\n"
            + "  \"parameters\": {\"temperature\": 0.5, \"maxOutputTokens\": 300, \"expectedOutputTokens\": 50},\n"
            + "  \"variants\": [\n"
            + "    {\"name\": \"verbose\", \"system\": \"Be thorough.\", \"messages\": [\n"
            + "       {\"role\": \"user\", \"content\": \"Example\"}, {\"role\": \"assistant\", \"content\": \"ok\"},\n"
            + "       {\"role\": \"user\", \"content\": \"Ticket: {{ticket}}\"}]},\n"
            + "    {\"name\": \"short\", \"baseline\": true, \"user\": \"{{ ticket }}\", \"parameters\": {\"maxOutputTokens\": 100,"
            + "     \"reasoningBudget\": 0, \"reasoningEffort\": \"low\"}}\n"
            + "  ],\n"
            + "  \"inputs\": [{\"label\": \"T-1\", \"variables\": {\"ticket\": \"refund\", \"n\": 3}}]\n"
            + "}";

    @Test
    void readsEveryFieldAndWritesItBack() throws Exception {
        ExperimentSpec s = SpecJson.parse(FULL, "x.json", null);
        assertEquals("tickets", s.name());
        assertEquals("d", s.description());
        assertEquals(
                List.of(
                        ExperimentSpec.ModelSpec.of("gpt-4o-mini"),
                        new ExperimentSpec.ModelSpec("llama3.1:8b", ProviderId.COMPATIBLE, "llama3.1")),
                s.models());
        assertEquals(3, s.repetitions());
        assertEquals(0, new BigDecimal("0.10").compareTo(s.budgetUsd()));
        assertTrue(s.budgetUsd().scale() <= 2, "read exactly, never through a double: " + s.budgetUsd());
        assertTrue(s.responseCache());
        assertFalse(s.stream());
        assertEquals(ChatRequest.OpenAiApi.CHAT_COMPLETIONS, s.openAiApi());
        assertEquals(new ExperimentSpec.Params(0.5, 300, null, null, 50L), s.parameters());
        assertEquals("short", s.baseline().name());
        assertFalse(s.variants().get(0).baseline());
        assertEquals(
                List.of(Role.USER, Role.ASSISTANT, Role.USER),
                s.variants().get(0).messages().stream()
                        .map(ExperimentSpec.MessageSpec::role)
                        .toList());
        assertEquals(
                new ExperimentSpec.Params(null, 100, 0, "low", null),
                s.variants().get(1).parameters());
        assertEquals(Map.of("ticket", "refund", "n", "3"), s.inputs().get(0).variables());
        assertEquals(2 * 1 * 2 * 3, s.plannedCalls());

        ExperimentSpec again = SpecJson.parse(SpecJson.write(s), "again.json", null);
        assertEquals(s, again);
    }

    @Test
    void theFirstVariantIsTheBaselineWhenNoneIsMarkedAndInputsMayBeEmpty() throws Exception {
        ExperimentSpec s = SpecJson.parse(
                "{\"name\":\"n\",\"models\":[\"gpt-4o\"],\"variants\":[{\"name\":\"a\","
                        + "\"user\":\"hi\"},{\"name\":\"b\",\"user\":\"hello\"}]}",
                "x",
                null);
        assertTrue(s.variants().get(0).baseline());
        assertEquals(1, s.inputs().size(), "one empty input so that the cells are planned");
        assertEquals(1, s.repetitions());
        assertTrue(s.stream());
        assertNull(s.budgetUsd());
        assertEquals(ChatRequest.OpenAiApi.RESPONSES, s.openAiApi());
    }

    @Test
    void inputsComeFromACsvOrJsonlFileNextToTheSpec() throws Exception {
        Files.writeString(
                dir.resolve("t.csv"), "label,ticket\r\nA,\"multi\nline, with \"\"quotes\"\"\"\r\nB,plain\r\n");
        Files.writeString(dir.resolve("t.jsonl"), "{\"ticket\": \"one\"}\n\n{\"ticket\": \"two\", \"label\": \"L\"}\n");
        Path spec = Files.writeString(
                dir.resolve("e.json"),
                "{\"name\":\"n\",\"models\":[\"gpt-4o\"],"
                        + "\"variants\":[{\"name\":\"a\",\"user\":\"{{ticket}}\"}],\"inputs\":[{\"label\":\"inline\","
                        + "\"variables\":{\"ticket\":\"x\"}}],\"inputsFile\":\"t.csv\"}");
        ExperimentSpec s = SpecJson.read(spec);
        assertEquals(
                List.of("inline", "A", "B"),
                s.inputs().stream().map(ExperimentSpec.InputSpec::label).toList());
        assertEquals(
                "multi\nline, with \"quotes\"", s.inputs().get(1).variables().get("ticket"));

        List<ExperimentSpec.InputSpec> j = TestInputs.load(dir.resolve("t.jsonl"));
        assertEquals(
                List.of("line 1", "L"),
                j.stream().map(ExperimentSpec.InputSpec::label).toList());
        assertEquals("two", j.get(1).variables().get("ticket"));
    }

    @Test
    void errorsNameTheFileAndThePlace() {
        assertMessage(
                "{\"name\":\"n\",\"models\":[\"m\"],\"variants\":[{\"name\":\"a\",\"user\":\"x\"}],\"repetitons\":3}",
                "x.json: repetitons: unknown property");
        assertMessage(
                "{\"name\":\"n\",\"models\":[\"m\"],\"variants\":[{\"name\":\"a\",\"messages\":[{\"role\":\"system\","
                        + "\"content\":\"x\"}]}]}",
                "x.json: variants[0].messages[0].role: \"user\" or \"assistant\"");
        assertMessage(
                "{\"name\":\"n\",\"models\":[],\"variants\":[{\"name\":\"a\",\"user\":\"x\"}]}",
                "x.json: models: at least one model");
        assertMessage(
                "{\"name\":\"n\",\"models\":[\"m\"],\"variants\":[{\"name\":\"a\",\"user\":\"x\"}],"
                        + "\"budgetUsd\":\"lots\"}",
                "x.json: budgetUsd: expected an amount");
        assertMessage(
                "{\"name\":\"n\",\"models\":[\"m\"],\"variants\":[{\"name\":\"a\",\"user\":\"x\","
                        + "\"parameters\":{\"maxOutputTokens\":0}}]}",
                "maxOutputTokens: must be positive");
        assertMessage(
                "{\"name\":\"n\",\"models\":[\"m\"],\"variants\":[{\"name\":\"a\",\"user\":\"x\"},"
                        + "{\"name\":\"a\",\"user\":\"y\"}]}",
                "the name \"a\" is used twice");
        assertMessage("{\"name\":\"n\" \"models\":[]}", "x.json: not valid JSON");
        assertMessage(
                "{\"name\":\"n\",\"apiKey\":\"x\",\"models\":[\"m\"],\"variants\":[{\"name\":\"a\",\"user\":\"x\"}]}",
                "must not contain API keys");
        assertMessage(
                "{\"name\":\"n\",\"models\":[\"m\"],\"variants\":[{\"name\":\"a\",\"user\":\"x\"}],"
                        + "\"inputsFile\":\"t.csv\"}",
                "inputsFile: not available");
    }

    private static void assertMessage(String json, String expected) {
        SpecException e = assertThrows(SpecException.class, () -> SpecJson.parse(json, "x.json", null));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }

    @Test
    void csvErrorsNameTheRow() {
        SpecException e = assertThrows(SpecException.class, () -> TestInputs.csv("a,b\n1,2\n3\n", "t.csv"));
        assertEquals("t.csv row 3: 1 values for 2 columns", e.getMessage());
        e = assertThrows(SpecException.class, () -> TestInputs.csv("a\n\"open\n", "t.csv"));
        assertTrue(e.getMessage().contains("not closed"), e.getMessage());
        e = assertThrows(SpecException.class, () -> TestInputs.jsonl("{\"a\": 1}\n[1]\n", "t.jsonl"));
        assertEquals("t.jsonl line 2: expected a JSON object of variables", e.getMessage());
    }

    @Test
    void theSampleExperimentShipsOnTheClassPath() throws Exception {
        try (InputStream in = SpecJson.class.getResourceAsStream("/experiments/seed000-support-ticket.json")) {
            ExperimentSpec s = SpecJson.read(in, "seed000-support-ticket.json", null);
            assertEquals("seed000-support-ticket", s.name());
            assertEquals(
                    List.of("verbose", "optimized"),
                    s.variants().stream().map(ExperimentSpec.VariantSpec::name).toList());
            assertTrue(s.variants().get(0).baseline());
            assertEquals(2, s.models().size());
            assertEquals(3, s.repetitions());
            assertTrue(s.inputs().size() >= 3);
            assertTrue(s.variants().get(0).system().startsWith("You are an expert in analyzing customer support"));
            assertTrue(s.variants().get(1).system().startsWith("Analyze this ticket. Return JSON:"));
            Planner.validate(RunPlan.of(s));
        }
    }
}
