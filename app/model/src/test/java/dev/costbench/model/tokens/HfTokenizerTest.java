// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.tokens;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The tokenizer.json reader and tokenizers on small hand-made files, and edge cases of the shipped ones. */
class HfTokenizerTest {

    static final ObjectMapper JSON = new ObjectMapper();

    static HfTokenizer read(ObjectNode root) throws IOException {
        return HfTokenizer.read(new ByteArrayInputStream(JSON.writeValueAsBytes(root)));
    }

    /** A byte-level BPE file: the 256 bytes (ids 0-255 in byte order) and the given merges, ids from 256 on. */
    static ObjectNode byteLevel(String... merges) {
        ObjectNode root = JSON.createObjectNode();
        root.putArray("added_tokens");
        ObjectNode pre = root.putObject("pre_tokenizer");
        pre.put("type", "ByteLevel");
        pre.put("add_prefix_space", false);
        pre.put("use_regex", true);
        ObjectNode model = root.putObject("model");
        model.put("type", "BPE");
        ObjectNode vocab = model.putObject("vocab");
        char[] enc = HfModel.ByteLevelAlphabet.encodeTable();
        for (int b = 0; b < 256; b++) {
            vocab.put(String.valueOf(enc[b]), b);
        }
        ArrayNode m = model.putArray("merges");
        int id = 256;
        for (String merge : merges) {
            m.add(merge);
            vocab.put(merge.replace(" ", ""), id++);
        }
        return root;
    }

    static int[] bytes(String s) {
        return s.chars().toArray();
    }

    @Test
    void mergesApplyInRankOrderLowestFirst() throws IOException {
        // "b c" ranks before "a b", so "abc" becomes a + bc, not ab + c.
        HfTokenizer t = read(byteLevel("b c", "a b", "a bc"));
        assertArrayEquals(new int[] {258}, t.encode("abc"));
        HfTokenizer u = read(byteLevel("a b", "b c"));
        assertArrayEquals(new int[] {256, 'c'}, u.encode("abc"));
        // Equal ranks: the leftmost pair first.
        HfTokenizer v = read(byteLevel("a a"));
        assertArrayEquals(new int[] {256, 256, 'a'}, v.encode("aaaaa"));
    }

    @Test
    void longPiecesMergeLikeShortOnes() throws IOException {
        HfTokenizer t = read(byteLevel("a a", "aa aa", "aaaa aaaa"));
        String run = "a".repeat(101);
        int[] ids = t.encode(run);
        assertEquals(12 + 1 + 1, ids.length, "12 runs of 8, one of 4, one a");
        assertEquals(258, ids[0]);
        assertEquals('a', ids[ids.length - 1]);
    }

    @Test
    void countingAddsNoBeginningOrEndToken() throws IOException {
        HfTokenizer q = OpenTokenizers.find("qwen3").orElseThrow();
        assertEquals(0, q.count(""));
        assertEquals(1, q.count("hello"));
        assertEquals(2, q.count("hello world"));
    }

    @Test
    void addedTokensInTextAreOneTokenEachLongestFirst() throws IOException {
        ObjectNode root = byteLevel();
        ArrayNode added = root.putArray("added_tokens");
        added.addObject().put("id", 300).put("content", "<x>");
        added.addObject().put("id", 301).put("content", "<x>y");
        HfTokenizer t = read(root);
        assertArrayEquals(new int[] {'a', 301, 300, '<', 'x'}, t.encode("a<x>y<x><x"));
        HfTokenizer q = OpenTokenizers.find("qwen3").orElseThrow();
        assertArrayEquals(new int[] {151644, 872, 198}, q.encode("<|im_start|>user\n"));
    }

    @Test
    void whitespaceIsTheUnicodeWhiteSpacePropertyAsInTheRustTokenizers() throws IOException {
        // U+0085 (NEXT LINE) is White_Space, so it is a whitespace piece of its own before another one; the
        // JavaScript regex of the npm reference reads it as punctuation instead (the fixture corpus leaves it out).
        for (String name : List.of("qwen3", "deepseek-v3")) {
            HfTokenizer t = OpenTokenizers.find(name).orElseThrow();
            assertArrayEquals(
                    concat(t.encode("x"), t.encode("\u0085"), t.encode("\u0085y")), t.encode("x\u0085\u0085y"), name);
        }
    }

    @Test
    void nextLineAfterASpaceSplitsAsTheRustLibraryDoes() throws IOException {
        // Ids from the Rust tokenizers library (npm @anush008/tokenizers 0.6.0) on the shipped file; the JavaScript
        // port gives [67, 223, 129, 230, 129, 230, 129, 230] here, reading U+0085 as punctuation.
        assertArrayEquals(
                new int[] {67, 1203, 230, 129, 230, 129, 230},
                OpenTokenizers.find("deepseek-v3").orElseThrow().encode("a \u0085\u0085\u0085"));
    }

    @Test
    void contractionsAreCaseInsensitiveAndTrailingSpacesSplitBeforeAWord() throws IOException {
        HfTokenizer t = OpenTokenizers.find("qwen3").orElseThrow();
        assertArrayEquals(concat(t.encode("DON"), t.encode("'T")), t.encode("DON'T"));
        // \s+(?!\S): of three spaces before a word, two are one piece and the third joins the word.
        assertArrayEquals(concat(t.encode("a"), t.encode("  "), t.encode(" b")), t.encode("a   b"));
        // Qwen: digits one by one; DeepSeek V3: in threes.
        assertEquals(5, t.count("12345"));
        assertEquals(2, OpenTokenizers.find("deepseek-v3").orElseThrow().count("123456"));
    }

    @Test
    void sentencePieceStyleFallsBackToBytesAndReplacesSpaces() throws IOException {
        ObjectNode root = JSON.createObjectNode();
        root.putArray("added_tokens");
        ObjectNode norm = root.putObject("normalizer");
        norm.put("type", "Replace");
        norm.putObject("pattern").put("String", " ");
        norm.put("content", "\u2581");
        ObjectNode model = root.putObject("model");
        model.put("type", "BPE");
        model.put("byte_fallback", true);
        model.put("unk_token", "<unk>");
        ObjectNode vocab = model.putObject("vocab");
        vocab.put("<unk>", 0).put("<0xE2>", 1).put("<0x82>", 2).put("<0xAC>", 3);
        vocab.put("\u2581", 4).put("a", 5).put("b", 6).put("\u2581a", 7);
        ArrayNode merges = model.putArray("merges");
        merges.addArray().add("\u2581").add("a");
        HfTokenizer t = read(root);
        assertArrayEquals(new int[] {7, 1, 2, 3, 6}, t.encode(" a€b"));
    }

    @Test
    void splitBehavioursJoinMatchesAsTheRustCrateDoes() {
        assertEquals(List.of("a", "-", "b", "-", "-", "c"), pieces("Isolated", "a-b--c"));
        assertEquals(List.of("a-", "b-", "-", "c"), pieces("MergedWithPrevious", "a-b--c"));
        assertEquals(List.of("a", "-b", "-", "-c"), pieces("MergedWithNext", "a-b--c"));
        assertEquals(List.of("a", "-", "b", "--", "c"), pieces("Contiguous", "a-b--c"));
        assertEquals(List.of("a", "b", "c"), pieces("Removed", "a-b--c"));
    }

    static List<String> pieces(String behavior, String text) {
        List<String> out = new ArrayList<>();
        HfPreTokenizer.splitOn("-", behavior).split(text, 0, text.length(), (s, a, b) -> out.add(s.substring(a, b)));
        return out;
    }

    @Test
    void filesItCannotReadSayWhatIsWrong() {
        ObjectNode unigram = JSON.createObjectNode();
        unigram.putObject("model").put("type", "Unigram");
        IOException e = assertThrows(IOException.class, () -> read(unigram));
        assertTrue(e.getMessage().contains("Unigram") && e.getMessage().contains("BPE"), e.getMessage());
        IOException notJson = assertThrows(
                IOException.class,
                () -> HfTokenizer.read(new ByteArrayInputStream("{\"model\": [".getBytes(StandardCharsets.UTF_8))));
        assertTrue(notJson.getMessage().contains("not valid JSON"), notJson.getMessage());
        ObjectNode noModel = JSON.createObjectNode();
        noModel.putArray("added_tokens");
        IOException missing = assertThrows(IOException.class, () -> read(noModel));
        assertTrue(missing.getMessage().contains("no \"model\""), missing.getMessage());
    }

    static int[] concat(int[]... parts) {
        return Arrays.stream(parts).flatMapToInt(IntStream::of).toArray();
    }
}
