// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.tokens;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Token ids must equal tiktoken's encode_ordinary. The reference ids were produced by the npm tiktoken package
 * (scripts/tiktoken-reference.js): emoji and ZWJ sequences, CJK, RTL scripts, combining marks, CRLF, empty text,
 * 100k repeated characters, special-token text and random mixes.
 */
class TokenizersTest {

    @TestFactory
    List<DynamicTest> idsEqualTiktoken() throws Exception {
        ObjectMapper om = new ObjectMapper();
        List<DynamicTest> tests = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
                getClass().getResourceAsStream("/tokenizer-reference.jsonl"), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                JsonNode c = om.readTree(line);
                String text = c.get("text").asText();
                for (Encoding e : List.of(Encoding.O200K_BASE, Encoding.CL100K_BASE)) {
                    int[] expected = om.convertValue(c.get(e.id()), int[].class);
                    tests.add(DynamicTest.dynamicTest(c.get("name").asText() + " / " + e, () -> {
                        assertArrayEquals(expected, Tokenizers.encode(e, text));
                        assertEquals(expected.length, Tokenizers.count(e, text));
                    }));
                }
            }
        }
        assertEquals(80 * 2, tests.size());
        return tests;
    }

    @Test
    void specialTokenTextIsOrdinaryText() {
        // <|endoftext|> is id 199999 in o200k_base, but typed text must never become the special token.
        int[] ids = Tokenizers.encode(Encoding.O200K_BASE, "<|endoftext|>");
        assertEquals(7, ids.length);
        for (int id : ids) {
            assertEquals(true, id < 199_998);
        }
    }

    @Test
    void harmonyCountsOrdinaryTextLikeO200k() {
        String t = "gpt-oss <|start|>assistant<|message|> hello";
        assertEquals(Tokenizers.count(Encoding.O200K_BASE, t), Tokenizers.count(Encoding.O200K_HARMONY, t));
    }

    @Test
    void loneSurrogatesCountAsReplacementCharacters() {
        // An editor can hold half of a surrogate pair for a moment; counting must not fail.
        assertEquals(
                Tokenizers.count(Encoding.CL100K_BASE, "a\uFFFDb"), Tokenizers.count(Encoding.CL100K_BASE, "a\uD83Db"));
        assertEquals(Tokenizers.count(Encoding.O200K_BASE, "\uFFFD"), Tokenizers.count(Encoding.O200K_BASE, "\uDE00"));
    }

    @Test
    void parsesEncodingNames() {
        assertEquals(Encoding.CL100K_BASE, Encoding.parse(" CL100K_BASE "));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Encoding.parse("p50k"));
        assertEquals("unknown encoding 'p50k' (known: o200k_base, cl100k_base, o200k_harmony)", e.getMessage());
    }
}
