// SPDX-License-Identifier: Apache-2.0
package dev.costbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.costbench.model.tokens.Encoding;
import dev.costbench.model.tokens.Tokenizers;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code costbench tokens FILE --show} and {@code --tax}. */
class TokensCliTest {

    @TempDir
    Path tmp;

    private String out;
    private String err;

    @BeforeEach
    void isolateUserData() {
        System.setProperty("costbench.dataDir", tmp.resolve("data").toString());
    }

    @AfterEach
    void restore() {
        System.clearProperty("costbench.dataDir");
    }

    private int run(String stdin, String... args) {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        int code = new Cli(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(o, true, StandardCharsets.UTF_8), new PrintStream(e, true, StandardCharsets.UTF_8))
                .run(args);
        out = o.toString(StandardCharsets.UTF_8);
        err = e.toString(StandardCharsets.UTF_8);
        return code;
    }

    private String file(String text) throws Exception {
        Path p = tmp.resolve("p.txt");
        Files.writeString(p, text);
        return p.toString();
    }

    @Test
    void showPrintsEachPieceWithItsIdAndVisibleWhitespace() throws Exception {
        String f = file("Hello world\n");
        assertEquals(0, run("", "tokens", f, "--show"));
        int[] ids = Tokenizers.encode(Encoding.O200K_BASE, "Hello world\n");
        String[] lines = out.split("\n");
        assertEquals("o200k_base: 3 tokens, 12 chars, 12 bytes", lines[0]);
        assertTrue(lines[1].matches("#\\s+ID\\s+CHARS\\s+BYTES\\s+TEXT"), lines[1]);
        assertTrue(lines[2].matches("\\s*0\\s+" + ids[0] + "\\s+0-5\\s+0-5\\s+Hello"), lines[2]);
        assertTrue(lines[3].matches("\\s*1\\s+" + ids[1] + "\\s+5-11\\s+5-11\\s+·world"), lines[3]);
        assertTrue(lines[4].matches("\\s*2\\s+" + ids[2] + "\\s+11-12\\s+11-12\\s+↵"), lines[4]);
        assertEquals("", err);
    }

    @Test
    void showJsonMergesASplitCharacterAndKeepsBothIds() throws Exception {
        String f = file("a龘");
        assertEquals(0, run("", "tokens", f, "--show", "--encoding", "cl100k_base", "--json"));
        JsonNode j = new ObjectMapper().readTree(out);
        int[] ids = Tokenizers.encode(Encoding.CL100K_BASE, "a龘");
        assertEquals("cl100k_base", j.get("encoding").asText());
        assertEquals(ids.length, j.get("tokens").asInt());
        assertEquals(4, j.get("bytes").asInt());
        StringBuilder text = new StringBuilder();
        int idCount = 0;
        for (JsonNode p : j.get("pieces")) {
            text.append(p.get("text").asText());
            idCount += p.get("ids").size();
        }
        assertEquals("a龘", text.toString());
        assertEquals(ids.length, idCount);
        JsonNode last = j.get("pieces").get(j.get("pieces").size() - 1);
        assertEquals("龘", last.get("text").asText());
        assertTrue(last.get("ids").size() > 1, out);
        assertEquals(3, last.get("byteEnd").asInt() - last.get("byteStart").asInt(), out);
    }

    @Test
    void showReadsStandardInputAndTheSplitIsNamedInText() {
        assertEquals(0, run("龘", "tokens", "-", "--show", "--encoding", "cl100k_base"));
        assertTrue(out.contains("tokens split this character"), out);
    }

    @Test
    void taxComparesTokenizersByKindWithCosts() throws Exception {
        String f = file("Hello world");
        assertEquals(0, run("", "tokens", f, "--tax", "--models", "gpt-4.1,claude-opus-4-7,gemini-2.5-flash"));
        assertTrue(out.contains("WHOLE PROMPT (11 chars)"), out);
        assertTrue(out.contains("PROSE (11 chars)"), out);
        assertTrue(out.contains("2 · 5.50 c/t · base"), out);
        assertTrue(out.contains("≈3 · 3.67 c/t · +50.0 %"), out);
        assertTrue(out.contains("Claude 2026 tokenizer ≈ *"), out);
        assertTrue(out.contains("UNCONFIRMED"), out);
        assertTrue(out.matches("(?s).*gpt-4\\.1\\s+o200k_base\\s+2\\s+\\$0\\.000004.*"), out);
        assertTrue(out.matches("(?s).*claude-opus-4-7\\s+claude-2026\\s+≈3\\s+\\$0\\.000015.*"), out);
    }

    @Test
    void taxJson() throws Exception {
        String f = file("Say 你好 and\n```python\nprint(1)\n```\n");
        assertEquals(0, run("", "tokens", f, "--tax", "--json", "--models", "gpt-4.1,gpt-4,gemini-2.5-flash"));
        JsonNode j = new ObjectMapper().readTree(out);
        assertEquals("o200k_base", j.get("tokenizers").get(0).get("tokenizer").asText());
        assertTrue(j.get("tokenizers").get(0).get("exact").asBoolean());
        assertEquals("whole", j.get("rows").get(0).get("kind").asText());
        assertEquals(4, j.get("rows").size()); // whole, prose, code, cjk
        assertEquals(Tokenizers.count(Encoding.CL100K_BASE, "Say 你好 and\n```python\nprint(1)\n```\n"),
                j.get("rows").get(0).get("counts").get(1).get("tokens").asInt());
        assertEquals(3, j.get("costs").size());
        assertEquals("gpt-4.1", j.get("costs").get(0).get("model").asText());
        assertTrue(j.get("costs").get(0).get("inputUsd").isTextual(), "money is a decimal string");
    }

    @Test
    void badCombinationsSayWhatToDo() throws Exception {
        String f = file("x");
        assertEquals(2, run("", "tokens", f, "--show", "--tax"));
        assertEquals("costbench: give --show or --tax, not both\n", err);
        assertEquals(2, run("", "tokens", f));
        assertTrue(err.contains("tokens needs --encoding"), err);
        assertEquals(2, run("", "tokens", f, "--tax", "--encoding", "o200k_base"));
        assertEquals(2, run("", "tokens", f, "--json", "--encoding", "o200k_base"));
        assertEquals(2, run("", "tokens", f, "--tax", "--models", "gpt-9000"));
        assertTrue(err.contains("unknown model 'gpt-9000'"), err);
        assertEquals(2, run("", "tokens", tmp.resolve("missing.txt").toString(), "--show"));
        assertEquals(0, run("", "tokens", f, "--encoding", "o200k_base"));
        assertEquals("1\n", out);
    }
}
