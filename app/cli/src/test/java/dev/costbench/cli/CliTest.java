// SPDX-License-Identifier: Apache-2.0
package dev.costbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.costbench.model.tokens.Encoding;
import dev.costbench.model.tokens.Tokenizers;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class CliTest extends UserDataTest {

    private int run(String stdin, String... args) {
        return keep(CliRun.of(stdin, args));
    }

    @Test
    void tokensFromStdinAndFile() throws Exception {
        String text = "Hello, CostBench! 你好 <|endoftext|>";
        assertEquals(0, run(text, "tokens", "--encoding", "o200k_base"));
        assertEquals(Tokenizers.count(Encoding.O200K_BASE, text) + "\n", out);
        Path f = tmp.resolve("p.txt");
        Files.writeString(f, text);
        assertEquals(0, run("", "tokens", "--encoding=cl100k_base", "--file", f.toString()));
        assertEquals(Tokenizers.count(Encoding.CL100K_BASE, text) + "\n", out);
    }

    @Test
    void tokensJsonl() {
        String in = "{\"text\": \"hello world\"}\n{\"text\": \"\"}\n\n{\"text\": \"日本語のテキスト\"}\n";
        assertEquals(0, run(in, "tokens", "--encoding", "o200k_base", "--jsonl"));
        assertEquals(
                "{\"tokens\":2}\n{\"tokens\":0}\n{\"tokens\":" + Tokenizers.count(Encoding.O200K_BASE, "日本語のテキスト")
                        + "}\n",
                out);
    }

    @Test
    void badInputExitsNonZeroWithOneLine() {
        assertEquals(2, run("", "tokens", "--encoding", "p50k_base"));
        assertEquals("costbench: unknown encoding 'p50k_base' (known: o200k_base, cl100k_base, o200k_harmony)\n", err);
        assertEquals(2, run("", "tokens", "--encoding", "o200k_base", "--file", "/no/such/file.txt"));
        assertEquals("costbench: no such file: /no/such/file.txt\n", err);
        assertEquals(2, run("", "estimate", "--input-tokens", "-5"));
        assertEquals("costbench: --input-tokens must not be negative, got -5\n", err);
        assertEquals(2, run("", "estimate", "--input-tokens", "100", "--models", "gpt-9000"));
        assertEquals("costbench: unknown model 'gpt-9000' (costbench catalog list shows the ids)\n", err);
        assertEquals(2, run("{\"txt\":1}\n", "tokens", "--encoding", "o200k_base", "--jsonl"));
        assertEquals("costbench: line 1: expected an object with a string field \"text\"\n", err);
        assertEquals(2, run("", "frobnicate"));
        assertEquals(1, err.split("\n").length);
        assertEquals(2, run("", "estimate"));
        assertEquals(2, run("", "estimate", "--input-tokens", "10", "--cached-tokens", "11"));
    }

    @Test
    void estimateJsonHasTheDocumentedShape() throws Exception {
        assertEquals(
                0,
                run(
                        "",
                        "estimate",
                        "--input-tokens",
                        "10000",
                        "--cached-tokens",
                        "8192",
                        "--output-tokens",
                        "1000",
                        "--models",
                        "gpt-5,claude-sonnet-4-5",
                        "--json"));
        JsonNode arr = new ObjectMapper().readTree(out);
        assertEquals(2, arr.size());
        JsonNode gpt5 = null;
        for (JsonNode n : arr) {
            if (n.get("model").asText().equals("gpt-5")) {
                gpt5 = n;
            }
            for (String k : new String[] {
                "model", "provider", "tier", "inputTokens", "inputTokensExact", "outputTokens", "costUsd", "breakdown"
            }) {
                assertTrue(n.has(k), "missing " + k);
            }
            assertTrue(n.get("costUsd").isTextual(), "costUsd is a decimal string");
            for (JsonNode l : n.get("breakdown")) {
                for (String k : new String[] {"item", "tokens", "pricePerMTok", "usd", "source"}) {
                    assertTrue(l.has(k), "breakdown line missing " + k);
                }
            }
        }
        assertEquals(
                0,
                new BigDecimal("0.013284")
                        .compareTo(new BigDecimal(gpt5.get("costUsd").asText())));
        assertEquals(10_000, gpt5.get("inputTokens").asLong());
    }

    @Test
    void estimateCountsPromptFiles() throws Exception {
        Path sys = tmp.resolve("sys.txt");
        Path prompt = tmp.resolve("prompt.txt");
        Files.writeString(sys, "You are terse.");
        Files.writeString(prompt, "Summarize the plot of Hamlet.");
        assertEquals(
                0,
                run(
                        "",
                        "estimate",
                        "--system",
                        sys.toString(),
                        "--prompt",
                        prompt.toString(),
                        "--models",
                        "gpt-4o,claude-haiku-4-5,gemini-2.5-flash",
                        "--json"));
        JsonNode arr = new ObjectMapper().readTree(out);
        for (JsonNode n : arr) {
            String model = n.get("model").asText();
            long expected = Tokenizers.count(Encoding.O200K_BASE, "You are terse.")
                    + Tokenizers.count(Encoding.O200K_BASE, "Summarize the plot of Hamlet.")
                    + 9; // W6: 3·2 + 3
            if (model.equals("gpt-4o")) {
                assertTrue(n.get("inputTokensExact").asBoolean());
                assertEquals(expected, n.get("inputTokens").asLong());
            } else {
                assertFalse(n.get("inputTokensExact").asBoolean(), model + " is an estimate");
            }
        }
    }

    @Test
    void estimateTablePrintsEveryModel() {
        assertEquals(0, run("", "estimate", "--input-tokens", "1000"));
        assertTrue(out.startsWith("MODEL"));
        assertTrue(out.contains("gpt-5 "));
        assertTrue(out.contains("groq/"));
        String gpt5 =
                out.lines().filter(l -> l.startsWith("gpt-5 ")).findFirst().orElseThrow();
        assertTrue(gpt5.contains(" OpenAI "), "the text table names the provider: " + gpt5);
        assertFalse(gpt5.contains(" openai "), gpt5);
    }

    @Test
    void catalogListNamesProvidersAndItsJsonKeepsTheIds() throws Exception {
        assertEquals(0, run("", "catalog", "list"));
        String gpt5 =
                out.lines().filter(l -> l.startsWith("gpt-5 ")).findFirst().orElseThrow();
        assertTrue(gpt5.contains(" OpenAI "), gpt5);
        assertEquals(0, run("", "estimate", "--input-tokens", "10", "--models", "gpt-5", "--json"));
        assertTrue(out.contains("\"provider\":\"openai\"") || out.contains("\"provider\" : \"openai\""), out);
    }

    /** {@code catalog check} on a file {@code name} with one open model whose input price is {@code input}. */
    private int checkCatalog(String name, String input) throws IOException {
        Path f = Files.writeString(
                tmp.resolve(name),
                "{\"models\":[{\"id\":\"m\",\"provider\":\"groq\",\"tier\":\"open\"," + "\"prices\":{\"input\":" + input
                        + ",\"output\":1}}]}");
        return run("", "catalog", "check", "--file", f.toString());
    }

    @Test
    void catalogListAndCheck() throws Exception {
        assertEquals(0, run("", "catalog", "list"));
        assertTrue(out.contains("claude-sonnet-4-5"));
        assertEquals(0, run("", "catalog", "list", "--json"));
        assertTrue(new ObjectMapper().readTree(out).size() > 50);

        assertEquals(1, checkCatalog("bad.json", "\"cheap\""));
        assertTrue(err.contains("bad.json: model 'm', field 'prices.input': 'cheap' is not a number"), err);

        assertEquals(0, checkCatalog("good.json", "0.1"));
        assertTrue(out.contains("valid, 1 models"));
    }

    @Test
    void userCatalogOverridesAreUsedByEstimate() throws Exception {
        Files.createDirectories(data);
        Files.writeString(data.resolve("catalog.json"), "{\"models\":[{\"id\":\"gpt-5\",\"prices\":{\"input\":2.5}}]}");
        assertEquals(
                0,
                run(
                        "",
                        "estimate",
                        "--input-tokens",
                        "1000000",
                        "--output-tokens",
                        "0",
                        "--models",
                        "gpt-5",
                        "--json"));
        JsonNode n = new ObjectMapper().readTree(out).get(0);
        assertEquals(
                0,
                new BigDecimal("2.5").compareTo(new BigDecimal(n.get("costUsd").asText())));
    }

    @Test
    void importLiteLlmWritesTheUserCatalog() throws Exception {
        Path ll = tmp.resolve("model_prices_and_context_window.json");
        Files.writeString(
                ll,
                "{\"sample_spec\": {\"mode\": \"chat\"},"
                        + "\"claude-3-haiku-20240307\": {\"litellm_provider\": \"anthropic\", \"mode\": \"chat\","
                        + " \"input_cost_per_token\": 2.5e-07, \"output_cost_per_token\": 1.25e-06,"
                        + " \"cache_creation_input_token_cost_above_1hr\": 6e-06, \"max_input_tokens\": 200000},"
                        + "\"gpt-5\": {\"litellm_provider\": \"openai\", \"mode\": \"chat\", \"input_cost_per_token\": 1.25e-06,"
                        + " \"output_cost_per_token\": 1e-05, \"cache_read_input_token_cost\": 1.25e-07},"
                        + "\"tts-1\": {\"litellm_provider\": \"openai\", \"mode\": \"audio_speech\", \"input_cost_per_character\": 1.5e-05}}");
        assertEquals(0, run("", "catalog", "import-litellm", "--file", ll.toString()));
        assertTrue(out.startsWith("imported 2 chat models"), out);
        assertTrue(err.contains("cacheWrite1h corrected from 6 to 0.50"), err);
        assertEquals(0, run("", "catalog", "list", "--json"));
        JsonNode arr = new ObjectMapper().readTree(out);
        boolean found = false;
        for (JsonNode m : arr) {
            if (m.get("id").asText().equals("claude-3-haiku-20240307")) {
                found = true;
                assertEquals("0.25", m.get("prices").get("input").get("perMTok").asText());
                assertEquals(
                        "CONFLICT",
                        m.get("prices").get("cacheWrite1h").get("status").asText());
            }
            if (m.get("id").asText().equals("gpt-5")) {
                assertEquals("USER", m.get("prices").get("input").get("origin").asText());
            }
        }
        assertTrue(found);
    }

    @Test
    void mediaPricesAnImageAndItsOptimizedVersion() throws Exception {
        BufferedImage img = new BufferedImage(2048, 1536, BufferedImage.TYPE_INT_RGB);
        Path f = tmp.resolve("photo.png");
        ImageIO.write(img, "png", f.toFile());
        Path outFile = tmp.resolve("small.jpg");
        assertEquals(
                0,
                run(
                        "",
                        "media",
                        f.toString(),
                        "--models",
                        "gpt-4o,claude-haiku-4-5,gemini-2.5-flash",
                        "--resize",
                        "512",
                        "--format",
                        "jpeg",
                        "--quality",
                        "70",
                        "--out",
                        outFile.toString(),
                        "--json"));
        JsonNode n = new ObjectMapper().readTree(out);
        assertEquals(2048, n.get("original").get("width").asInt());
        assertEquals(512, n.get("optimized").get("width").asInt());
        assertEquals(384, n.get("optimized").get("height").asInt());
        assertTrue(Files.size(outFile) > 0);
        JsonNode gpt4o = n.get("original").get("models").get(0);
        assertEquals("gpt-4o", gpt4o.get("model").asText());
        assertEquals(765, gpt4o.get("tokens").asLong()); // 2048×1536 → 1024×768 → 4 tiles
        assertEquals(
                0,
                new BigDecimal("0.0019125")
                        .compareTo(new BigDecimal(gpt4o.get("costUsd").asText())));
        JsonNode gemini = n.get("optimized").get("models").get(2);
        assertEquals(258, gemini.get("tokens").asLong()); // 512×384 fits in 768: one tile
        assertEquals(2, run("", "media", tmp.resolve("nope.png").toString()));
        assertTrue(err.startsWith("costbench: "), err);
        assertEquals(2, run("", "media", f.toString(), "--crop", "1,2,3"));
        assertEquals("costbench: --crop takes X,Y,W,H, got '1,2,3'\n", err);
    }

    @Test
    void mediaAudioAndVideo() throws Exception {
        Path wav = tmp.resolve("talk.wav");
        Clips.toneGapTone(wav);
        assertEquals(
                0,
                run(
                        "",
                        "media",
                        wav.toString(),
                        "--models",
                        "gemini-2.5-flash",
                        "--resample",
                        "16000",
                        "--trim-silence",
                        "--json"));
        JsonNode a = new ObjectMapper().readTree(out);
        assertEquals("audio", a.get("kind").asText());
        JsonNode whisper = a.get("transcription").get(0);
        assertEquals("whisper-1", whisper.get("id").asText());
        assertEquals("0.0005", whisper.get("originalUsd").asText()); // 5 s at $0.006/min
        assertEquals("0.0004", whisper.get("optimizedUsd").asText()); // 4 s once the silence is cut
        assertEquals("UNCONFIRMED", a.get("transcription").get(1).get("status").asText());
        assertEquals(5.0, a.get("original").get("seconds").asDouble(), 0.05);
        assertEquals(160, a.get("original").get("models").get(0).get("tokens").asLong()); // 5 s × 32
        assertEquals(4.0, a.get("optimized").get("seconds").asDouble(), 0.06);
        assertEquals(1, a.get("optimized").get("silences").size());
        Path trimmed = tmp.resolve("talk-16k.wav");
        assertEquals(
                0,
                run("", "media", wav.toString(), "--resample", "16000", "--trim-silence", "--out", trimmed.toString()));
        assertTrue(out.contains("transcription (per audio minute):"), out);
        assertEquals(44 + 4 * 16_000 * 2, Files.size(trimmed), 2 * 1600);

        Path mp4 = tmp.resolve("clip.mp4");
        Clips.twoScenes(mp4);
        Path frames = tmp.resolve("frames");
        assertEquals(
                0,
                run(
                        "",
                        "media",
                        mp4.toString(),
                        "--models",
                        "gemini-2.5-flash,gpt-4o",
                        "--strategy",
                        "scene",
                        "--frames-out",
                        frames.toString(),
                        "--json"));
        JsonNode v = new ObjectMapper().readTree(out);
        assertEquals("video", v.get("kind").asText());
        assertEquals(80, v.get("original").get("frameCount").asInt(), 1);
        assertEquals(8, v.get("original").get("baselineFrames").asInt()); // Gemini's 1 fps
        assertEquals(
                8 * 258, v.get("original").get("models").get(0).get("tokens").asLong());
        assertEquals(2, v.get("optimized").get("frameCount").asInt());
        assertEquals(4.0, v.get("optimized").get("frames").get(1).asDouble(), 0.15);
        assertEquals(
                2 * 258, v.get("optimized").get("models").get(0).get("tokens").asLong()); // no audio track
        assertEquals(
                2 * 255, v.get("optimized").get("models").get(1).get("tokens").asLong()); // 320×240: one tile
        try (var files = Files.list(frames)) {
            assertEquals(2, files.count());
        }
        assertEquals(2, run("", "media", mp4.toString(), "--strategy", "sometimes"));
        assertEquals("costbench: unknown strategy 'sometimes' (all, uniform:FPS, adaptive, scene)\n", err);
        Path junk = Files.writeString(tmp.resolve("junk.bin"), "neither");
        assertEquals(2, run("", "media", junk.toString()));
        assertEquals("costbench: junk.bin is neither an image nor an audio or video file CostBench can read\n", err);
    }

    // ---- tokens FILE --show / --tax -------------------------------------------------------------------------

    private String tokensFile(String text) throws Exception {
        Path p = tmp.resolve("p.txt");
        Files.writeString(p, text);
        return p.toString();
    }

    @Test
    void showPrintsEachPieceWithItsIdAndVisibleWhitespace() throws Exception {
        String f = tokensFile("Hello world\n");
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
        String f = tokensFile("a龘");
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
        String f = tokensFile("Hello world");
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
        String f = tokensFile("Say 你好 and\n```python\nprint(1)\n```\n");
        assertEquals(0, run("", "tokens", f, "--tax", "--json", "--models", "gpt-4.1,gpt-4,gemini-2.5-flash"));
        JsonNode j = new ObjectMapper().readTree(out);
        assertEquals("o200k_base", j.get("tokenizers").get(0).get("tokenizer").asText());
        assertTrue(j.get("tokenizers").get(0).get("exact").asBoolean());
        assertEquals("whole", j.get("rows").get(0).get("kind").asText());
        assertEquals(4, j.get("rows").size()); // whole, prose, code, cjk
        assertEquals(
                Tokenizers.count(Encoding.CL100K_BASE, "Say 你好 and\n```python\nprint(1)\n```\n"),
                j.get("rows").get(0).get("counts").get(1).get("tokens").asInt());
        assertEquals(3, j.get("costs").size());
        assertEquals("gpt-4.1", j.get("costs").get(0).get("model").asText());
        assertTrue(j.get("costs").get(0).get("inputUsd").isTextual(), "money is a decimal string");
    }

    @Test
    void badCombinationsSayWhatToDo() throws Exception {
        String f = tokensFile("x");
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
