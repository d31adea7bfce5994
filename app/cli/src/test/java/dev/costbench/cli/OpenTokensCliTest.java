// SPDX-License-Identifier: Apache-2.0
package dev.costbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.costbench.model.tokens.OpenTokenizers;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

/** {@code costbench tokens --encoding} with open models' tokenizers: shipped, loaded, given by path, missing. */
class OpenTokensCliTest extends UserDataTest {

    static final String TEXT = "Qwen counts digits one by one: 12345, and 東京 too.\n";

    @Test
    void countsWithAShippedOpenTokenizer() {
        long expected = OpenTokenizers.find("qwen3").orElseThrow().count(TEXT);
        assertEquals(0, keep(CliRun.of(TEXT, "tokens", "--encoding", "qwen3")));
        assertEquals(expected + "\n", out);
        assertEquals(0, keep(CliRun.of(TEXT, "tokens", "--encoding", "deepseek-v3")));
        assertEquals(OpenTokenizers.find("deepseek-v3").orElseThrow().count(TEXT) + "\n", out);
        assertEquals(
                0, keep(CliRun.of("{\"text\":\"<think>hi</think>\"}\n", "tokens", "--encoding", "qwen3", "--jsonl")));
        assertEquals("{\"tokens\":3}\n", out);
    }

    @Test
    void aTokenizerThatIsNotShippedSaysHowToLoadIt() {
        assertEquals(2, keep(CliRun.of(TEXT, "tokens", "--encoding", "llama3")));
        assertTrue(err.contains("Llama 3 tokenizer is not shipped"), err);
        assertTrue(err.contains("--encoding PATH/tokenizer.json"), err);
        assertTrue(err.contains("Load tokenizer.json…"), err);
    }

    @Test
    void countsWithATokenizerJsonGivenByPathOrLoadedIntoTheDataFolder() throws IOException {
        Path file = tmp.resolve("tokenizer.json.gz");
        try (OutputStream o = new GZIPOutputStream(Files.newOutputStream(file))) {
            o.write(("{\"pre_tokenizer\":{\"type\":\"ByteLevel\",\"use_regex\":true},\"model\":{\"type\":\"BPE\","
                            + "\"vocab\":{\"a\":0,\"b\":1,\"ab\":2},\"merges\":[\"a b\"]}}")
                    .getBytes(StandardCharsets.UTF_8));
        }
        assertEquals(0, keep(CliRun.of("abab", "tokens", "--encoding", file.toString())));
        assertEquals("2\n", out);
        Files.createDirectories(OpenTokenizers.userFile("gemma3").getParent());
        Files.copy(file, OpenTokenizers.userFile("gemma3"));
        try {
            assertEquals(0, keep(CliRun.of("ababa", "tokens", "--encoding", "gemma3")));
            assertEquals("3\n", out);
        } finally {
            OpenTokenizers.remove("gemma3");
        }
    }

    @Test
    void aFileThatIsNotATokenizerSaysSo() throws IOException {
        Path file = tmp.resolve("not-a-tokenizer.json");
        Files.writeString(file, "{\"model\": {\"type\": \"WordPiece\", \"vocab\": {}}}");
        assertEquals(2, keep(CliRun.of("x", "tokens", "--encoding", file.toString())));
        assertTrue(err.contains("WordPiece") && err.contains("BPE models only"), err);
        assertEquals(
                2,
                keep(CliRun.of(
                        "x", "tokens", "--encoding", tmp.resolve("missing.json").toString())));
        assertTrue(err.contains("no such tokenizer file"), err);
        assertEquals(2, keep(CliRun.of("x", "tokens", "--encoding", "qwen3", "--show")));
        assertTrue(err.contains("--show works with o200k_base"), err);
    }
}
