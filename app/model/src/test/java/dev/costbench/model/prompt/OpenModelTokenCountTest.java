// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.prompt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.costbench.model.catalog.Catalog;
import dev.costbench.model.catalog.CatalogBuilder;
import dev.costbench.model.catalog.ModelEntry;
import dev.costbench.model.tokens.OpenTokenizers;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.parallel.Resources;

/** Open models whose catalog entry names their tokenizer count exactly when it is shipped or loaded. */
class OpenModelTokenCountTest {

    static final Catalog CATALOG = CatalogBuilder.builtIn();

    static ModelEntry model(String id) {
        return CATALOG.find(id).orElseThrow();
    }

    @Test
    void aQwen3RowCountsWithTheQwen3TokenizerPlusItsChatTemplate() {
        ModelEntry qwen = model("groq/qwen/qwen3-32b");
        assertEquals("qwen3", qwen.tokenizer());
        List<TextStats> messages = List.of(TextStats.of("You are terse."), TextStats.of("日本語で答えて: 1234"));
        long text = OpenTokenizers.find("qwen3").orElseThrow().count("You are terse.")
                + OpenTokenizers.find("qwen3").orElseThrow().count("日本語で答えて: 1234");
        TokenCount c = ModelTokenCounter.count(qwen, messages);
        assertTrue(c.exact(), c.method());
        assertEquals(text + 2 * 5 + 3, c.tokens());
        assertTrue(c.method().startsWith("exact: Qwen3 tokenizer + 13 chat-template tokens"), c.method());
    }

    @Test
    void theChatTemplateOverheadIsWhatTheTokenizersCountForTheTemplateText() {
        var qwen = OpenTokenizers.find("qwen3").orElseThrow();
        assertEquals(5, qwen.count("<|im_start|>user\n<|im_end|>\n"));
        assertEquals(3, qwen.count("<|im_start|>assistant\n"));
        var deepseek = OpenTokenizers.find("deepseek-v3").orElseThrow();
        assertEquals(1, deepseek.count("<｜User｜>"));
        assertEquals(2, deepseek.count("<｜begin▁of▁sentence｜><｜Assistant｜>"));
    }

    @Test
    @ResourceLock(Resources.SYSTEM_PROPERTIES) // the data folder, where loaded tokenizers are
    void aLlamaRowEstimatesUntilItsTokenizerJsonIsLoaded(@TempDir Path dir) throws IOException {
        String before = System.getProperty("costbench.dataDir");
        System.setProperty("costbench.dataDir", dir.toString());
        try {
            ModelEntry llama = model("groq/llama-3.3-70b-versatile");
            List<TextStats> messages = List.of(TextStats.of("hello world"));
            TokenCount estimate = ModelTokenCounter.count(llama, messages);
            assertFalse(estimate.exact());
            assertEquals(TextStats.of("hello world").o200k(), estimate.tokens());
            assertTrue(estimate.method().contains("Llama 3 tokenizer is not loaded"), estimate.method());

            Path file = dir.resolve("downloaded-tokenizer.json");
            Files.write(file, new ObjectMapper().writeValueAsBytes(tinyByteLevel()));
            OpenTokenizers.install("llama3", file);
            assertTrue(Files.isRegularFile(OpenTokenizers.userFile("llama3")));
            TokenCount exact = ModelTokenCounter.count(llama, messages);
            assertTrue(exact.exact(), exact.method());
            // "hello world": 11 single bytes (the tiny file has no merges) + 5 per message + 5 reply priming.
            assertEquals(11 + 5 + 5, exact.tokens());
            assertTrue(exact.method().startsWith("exact: Llama 3 tokenizer"), exact.method());
        } finally {
            OpenTokenizers.remove("llama3");
            if (before == null) {
                System.clearProperty("costbench.dataDir");
            } else {
                System.setProperty("costbench.dataDir", before);
            }
        }
    }

    static ObjectNode tinyByteLevel() {
        ObjectMapper json = new ObjectMapper();
        ObjectNode root = json.createObjectNode();
        root.putObject("pre_tokenizer").put("type", "ByteLevel").put("use_regex", true);
        ObjectNode model = root.putObject("model");
        model.put("type", "BPE");
        ObjectNode vocab = model.putObject("vocab");
        int extra = 0;
        for (int b = 0; b < 256; b++) {
            boolean printable = (b >= '!' && b <= '~') || (b >= 0xA1 && b <= 0xAC) || (b >= 0xAE && b <= 0xFF);
            vocab.put(String.valueOf((char) (printable ? b : 256 + extra++)), b);
        }
        model.putArray("merges");
        return root;
    }
}
