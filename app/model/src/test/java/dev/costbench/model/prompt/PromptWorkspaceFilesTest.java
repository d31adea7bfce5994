// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.prompt;

import static dev.costbench.model.JsonTextAssertions.assertContainsAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.costbench.model.prompt.PromptWorkspace.FewShotTurn;
import dev.costbench.model.prompt.PromptWorkspaceFiles.WorkspaceFileException;
import dev.costbench.model.provider.Part;
import dev.costbench.model.tokens.Encoding;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PromptWorkspaceFilesTest {

    @TempDir
    Path tmp;

    private static final PromptWorkspace SAMPLE = new PromptWorkspace(
            "Be brief.\n\"Quoted\" — ünïcode ✓",
            List.of(new FewShotTurn(Role.USER, "Hi"), new FewShotTurn(Role.ASSISTANT, "Hello!")),
            "What does this cost?",
            1200,
            300,
            5_000_000,
            true,
            false,
            true,
            "claude-sonnet-4-5",
            "",
            PromptWorkspaceCache.NONE,
            null);

    @Test
    void roundTripThroughAFileKeepsEverything() throws Exception {
        Path f = tmp.resolve("support.json");
        PromptWorkspaceFiles.write(f, SAMPLE);
        assertEquals(SAMPLE, PromptWorkspaceFiles.read(f));
        String json = Files.readString(f);
        assertContainsAll(
                json, "\"format\": \"costbench-prompt-workspace\"", "\"version\": 2", "\"role\": \"assistant\"");
        assertTrue(json.endsWith("}\n"), json);
        assertEquals(
                PromptWorkspace.empty(),
                PromptWorkspaceFiles.fromJson(PromptWorkspaceFiles.toJson(PromptWorkspace.empty()), "empty.json"));
    }

    @Test
    void toolsAreSavedAsTheUserGaveThem() throws Exception {
        String tools = "[ {\"name\": \"get_weather\",\n  \"input_schema\": {\"type\": \"object\"}} ]";
        PromptWorkspace w = new PromptWorkspace(
                "s",
                List.of(),
                "u",
                500,
                0,
                100_000,
                false,
                false,
                false,
                null,
                tools,
                PromptWorkspaceCache.NONE,
                null);
        Path f = tmp.resolve("tools.json");
        PromptWorkspaceFiles.write(f, w);
        assertEquals(tools, PromptWorkspaceFiles.read(f).tools());
        assertTrue(Files.readString(f).contains("\"tools\": "), Files.readString(f));
    }

    @Test
    void aFileWithoutToolsOpensWithNone() throws Exception {
        String json;
        try (InputStream in = getClass().getResourceAsStream("/prompt/workspace-v1.json")) {
            json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertEquals(
                "", PromptWorkspaceFiles.fromJson(json, "workspace-v1.json").tools());
        assertTrue(!PromptWorkspaceFiles.toJson(PromptWorkspace.empty()).contains("\"tools\""));
    }

    @Test
    void aHandWrittenVersionOneFileStillOpens() throws Exception {
        String json;
        try (InputStream in = getClass().getResourceAsStream("/prompt/workspace-v1.json")) {
            json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        PromptWorkspace w = PromptWorkspaceFiles.fromJson(json, "workspace-v1.json");
        assertEquals("You classify support tickets. Answer with one word: billing, shipping or other.", w.system());
        assertEquals(
                List.of(
                        new FewShotTurn(Role.USER, "My card was charged twice."),
                        new FewShotTurn(Role.ASSISTANT, "billing")),
                w.turns());
        assertEquals("Where is my parcel?", w.user());
        assertEquals(5, w.outputTokens());
        assertEquals(0, w.reasoningTokens());
        assertEquals(2_500_000, w.monthlyRequests());
        assertTrue(w.cachedPrefix());
        assertTrue(w.batch());
        assertEquals(false, w.residency());
        assertEquals("gpt-5-mini", w.modelId());
    }

    @Test
    void aVersionOneFileOpensWithoutBreakpointsAndWithTheDefaultTokenizer() throws Exception {
        PromptWorkspace w = PromptWorkspaceFiles.fromJson(resource("/prompt/workspace-v1.json"), "workspace-v1.json");
        assertEquals(PromptWorkspaceCache.NONE, w.cache());
        assertNull(w.tokenizer());
        String saved = PromptWorkspaceFiles.toJson(w);
        assertContainsAll(saved, "\"version\": 2", "\"breakpoints\": [ ]", "\"tokenizer\": null");
    }

    @Test
    void versionTwoKeepsBreakpointsTtlAndTokenizer() throws Exception {
        PromptWorkspace w = PromptWorkspaceFiles.fromJson(resource("/prompt/workspace-v2.json"), "workspace-v2.json");
        assertEquals(Part.CacheTtl.ONE_HOUR, w.cache().ttl());
        assertEquals(
                List.of(
                        new PromptWorkspaceCache.Breakpoint("system", 79),
                        PromptWorkspaceCache.Breakpoint.turn(1, 7),
                        new PromptWorkspaceCache.Breakpoint("user", 0)),
                w.cache().breakpoints());
        assertEquals(Encoding.CL100K_BASE, w.tokenizer());
        Path f = tmp.resolve("again.json");
        PromptWorkspaceFiles.write(f, w);
        assertEquals(w, PromptWorkspaceFiles.read(f));
        assertContainsAll(
                Files.readString(f), "\"ttl\": \"1h\"", "\"part\": \"fewShot[1]\"", "\"tokenizer\": \"cl100k_base\"");
    }

    private String resource(String name) throws Exception {
        try (InputStream in = getClass().getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void onlyFormatAndVersionAreRequired() throws Exception {
        PromptWorkspace w = PromptWorkspaceFiles.fromJson(
                "{\"format\": \"costbench-prompt-workspace\", \"version\": 1, \"user\": \"Hi\"}", "min.json");
        assertEquals("Hi", w.user());
        assertEquals(500, w.outputTokens());
        assertEquals(100_000, w.monthlyRequests());
        assertNull(w.modelId());
        assertTrue(w.turns().isEmpty());
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "{\"format\": \"costbench-prompt-workspace\", \"version\": 3}"
                        + "|v.json: version 3 was written by a newer CostBench (this one reads version 2). Update",
                "{\"format\": \"costbench-prompt-workspace\", \"version\": 0}|version 0 is not a version",
                "{\"format\": \"costbench-prompt-workspace\"}|\"version\" is missing",
                "{\"format\": \"costbench-prompt-workspace\", \"version\": \"1\"}|\"version\" is the text \"1\"",
                "{\"schemaVersion\": 1, \"workload\": {}}|not a CostBench prompt workspace (it has no \"format\"",
                "{\"format\": \"costbench-scenario\", \"version\": 1}|its \"format\" is \"costbench-scenario\"",
                "[1, 2]|not a CostBench prompt workspace (it is not a JSON object",
                "{\"format\": \"costbench-prompt-workspace\", \"version\": 1, \"system\": |not valid JSON at line 1",
                "{\"format\": \"costbench-prompt-workspace\", \"version\": 1, \"sytem\": \"x\"}"
                        + "|v.json: sytem: not a field of a prompt workspace (known: cache, fewShot, format",
                "{\"format\": \"costbench-prompt-workspace\", \"version\": 1, \"fewShot\": [{\"role\": \"system\","
                        + " \"text\": \"x\"}]}|fewShot[0].role: expected \"user\" or \"assistant\", got the text",
                "{\"format\": \"costbench-prompt-workspace\", \"version\": 1, \"options\": {\"outputTokens\": -1}}"
                        + "|options.outputTokens: -1 is out of range (0 to 100000000 tokens)",
                "{\"format\": \"costbench-prompt-workspace\", \"version\": 1, \"options\": {\"outputTokens\": 1.5}}"
                        + "|options.outputTokens: 1.5 is not a whole number",
                "{\"format\": \"costbench-prompt-workspace\", \"version\": 1, \"options\": "
                        + "{\"requestsPerMonth\": 1e400}}|options.requestsPerMonth: 1E+400 is out of range",
                "{\"format\": \"costbench-prompt-workspace\", \"version\": 1, \"options\": {\"batch\": \"yes\"}}"
                        + "|options.batch: expected true or false, got the text \"yes\"",
                "{\"format\": \"costbench-prompt-workspace\", \"version\": 1, \"user\": 42}"
                        + "|user: expected text, got number",
                "{\"format\": \"costbench-prompt-workspace\", \"version\": 1, \"model\": 5}"
                        + "|model: expected a model id",
                "{\"format\": \"costbench-prompt-workspace\", \"version\": 2, \"system\": \"Hi\", \"cache\": "
                        + "{\"breakpoints\": [{\"part\": \"system\", \"offset\": 3}]}}"
                        + "|cache.breakpoints[0].offset: 3 is past the end of the system prompt (2 characters)",
                "{\"format\": \"costbench-prompt-workspace\", \"version\": 2, \"cache\": "
                        + "{\"breakpoints\": [{\"part\": \"fewShot[0]\", \"offset\": 0}]}}"
                        + "|cache.breakpoints[0].part: \"fewShot[0]\" names a few-shot turn the workspace does not have",
                "{\"format\": \"costbench-prompt-workspace\", \"version\": 2, \"cache\": "
                        + "{\"breakpoints\": [{\"part\": \"tools\", \"offset\": 0}]}}"
                        + "|cache.breakpoints[0].part: expected \"system\", \"user\" or \"fewShot[n]\", got \"tools\"",
                "{\"format\": \"costbench-prompt-workspace\", \"version\": 2, \"cache\": "
                        + "{\"breakpoints\": [{\"part\": \"user\", \"offset\": -1}]}}"
                        + "|cache.breakpoints[0].offset: expected a whole number of characters",
                "{\"format\": \"costbench-prompt-workspace\", \"version\": 2, \"cache\": {\"ttl\": \"1d\"}}"
                        + "|cache.ttl: expected \"5m\" or \"1h\", got \"1d\"",
                "{\"format\": \"costbench-prompt-workspace\", \"version\": 2, \"tokenizer\": \"p50k\"}"
                        + "|tokenizer: expected \"o200k_base\" or \"cl100k_base\", got the text \"p50k\"",
            })
    void malformedAndUnknownVersionFilesAreRefusedWithAClearMessage(String json, String expected) {
        WorkspaceFileException e =
                assertThrows(WorkspaceFileException.class, () -> PromptWorkspaceFiles.fromJson(json, "v.json"));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
        assertTrue(e.getMessage().startsWith("v.json: "), e.getMessage());
    }

    @Test
    void aFileThatIsNotTextIsRefused() throws Exception {
        Path f = tmp.resolve("photo.json");
        Files.write(f, new byte[] {(byte) 0xff, (byte) 0xd8, (byte) 0xff, 0x00, (byte) 0xc3});
        WorkspaceFileException e = assertThrows(WorkspaceFileException.class, () -> PromptWorkspaceFiles.read(f));
        assertTrue(e.getMessage().startsWith("photo.json is not UTF-8 text"), e.getMessage());
    }

    @Test
    void writingReplacesTheFileWholeAndLeavesNoTemporaryFile() throws Exception {
        Path f = tmp.resolve("w.json");
        PromptWorkspaceFiles.write(f, SAMPLE);
        PromptWorkspaceFiles.write(f, PromptWorkspace.empty());
        assertEquals(PromptWorkspace.empty(), PromptWorkspaceFiles.read(f));
        try (var files = Files.list(tmp)) {
            assertEquals(List.of(f), files.toList());
        }
    }

    @Test
    void aWorkspaceWithNumbersNoFileMayHoldCannotBeMade() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> new PromptWorkspace(
                        "",
                        List.of(),
                        "",
                        200_000_000,
                        0,
                        1,
                        false,
                        false,
                        false,
                        null,
                        "",
                        PromptWorkspaceCache.NONE,
                        null));
        assertTrue(e.getMessage().startsWith("options.outputTokens: 200000000 is out of range"), e.getMessage());
    }
}
