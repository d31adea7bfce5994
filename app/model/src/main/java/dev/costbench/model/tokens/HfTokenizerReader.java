// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.tokens;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/** Reads a Hugging Face {@code tokenizer.json} into an {@link HfTokenizer}; names what it does not support. */
final class HfTokenizerReader {

    private HfTokenizerReader() {}

    static HfTokenizer read(InputStream in) throws IOException {
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode root = mapper.createObjectNode();
        Map<String, Integer> vocab = new HashMap<>();
        List<String[]> merges = new ArrayList<>();
        try (JsonParser p = mapper.getFactory().createParser(in)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new IOException("not a tokenizer.json: the file is not a JSON object");
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.getCurrentName();
                p.nextToken();
                if (field.equals("model") && p.currentToken() == JsonToken.START_OBJECT) {
                    root.set("model", readModel(p, vocab, merges));
                } else {
                    root.set(field, p.readValueAsTree());
                }
            }
        } catch (JsonProcessingException e) {
            throw new IOException("not a tokenizer.json: the file is not valid JSON (" + e.getOriginalMessage() + ")");
        }
        if (!root.path("model").isObject()) {
            throw new IOException("not a tokenizer.json: it has no \"model\" section");
        }
        try {
            return build(root, vocab, merges);
        } catch (IllegalArgumentException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    /** The model section, with its vocabulary and merges streamed into the given collections (not the tree). */
    private static ObjectNode readModel(JsonParser p, Map<String, Integer> vocab, List<String[]> merges)
            throws IOException {
        ObjectNode model = new ObjectMapper().createObjectNode();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.getCurrentName();
            JsonToken t = p.nextToken();
            if (field.equals("vocab") && t == JsonToken.START_OBJECT) {
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String token = p.getCurrentName();
                    p.nextToken();
                    vocab.put(token, p.getIntValue());
                }
            } else if (field.equals("merges") && t == JsonToken.START_ARRAY) {
                while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
                    if (t == JsonToken.START_ARRAY) {
                        p.nextToken();
                        String a = p.getText();
                        p.nextToken();
                        String b = p.getText();
                        while (p.nextToken() != JsonToken.END_ARRAY) {
                            p.skipChildren();
                        }
                        merges.add(new String[] {a, b});
                    } else {
                        String m = p.getText();
                        int sp = m.indexOf(' ', 1);
                        if (sp < 0) {
                            throw new IOException("a merge of this tokenizer.json is not two tokens: " + m);
                        }
                        merges.add(new String[] {m.substring(0, sp), m.substring(sp + 1)});
                    }
                }
            } else {
                model.set(field, p.readValueAsTree());
            }
        }
        return model;
    }

    private static HfTokenizer build(JsonNode root, Map<String, Integer> vocab, List<String[]> merges) {
        HfAddedTokens added = new HfAddedTokens();
        boolean[] cutSafe = {true};
        for (JsonNode t : root.path("added_tokens")) {
            added.add(t.path("content").asText(), t.path("id").asInt());
            cutSafe[0] &= t.path("content").asText().indexOf('\n') < 0;
        }
        List<UnaryOperator<String>> norms = new ArrayList<>();
        normalizer(root.path("normalizer"), norms);
        cutSafe[0] &= onlyUnicodeForms(root.path("normalizer"));
        boolean[] byteLevel = {false};
        List<HfPreTokenizer> steps = new ArrayList<>();
        int formNorms = norms.size();
        preTokenizer(root.path("pre_tokenizer"), steps, norms, byteLevel);
        cutSafe[0] &= norms.size() == formNorms && byteLevel[0] && cutSafe(root.path("pre_tokenizer"));
        JsonNode m = root.path("model");
        String type = m.path("type").asText("BPE");
        if (!type.equals("BPE")) {
            throw new IllegalArgumentException("this tokenizer.json uses a " + type
                    + " model; CostBench reads BPE models only (Llama, Qwen, DeepSeek, Gemma, Mistral)");
        }
        if (!m.path("continuing_subword_prefix").asText("").isEmpty()
                || !m.path("end_of_word_suffix").asText("").isEmpty()) {
            throw new IllegalArgumentException(
                    "this tokenizer.json's BPE uses word prefixes or suffixes, which CostBench does not support");
        }
        JsonNode unk = m.path("unk_token");
        HfModel model = new HfModel(
                byteLevel[0],
                vocab,
                merges,
                m.path("ignore_merges").asBoolean(false),
                m.path("byte_fallback").asBoolean(false),
                unk.isTextual() ? unk.asText() : null,
                m.path("fuse_unk").asBoolean(false));
        HfPreTokenizer pre = steps.isEmpty() ? HfPreTokenizer.whole() : HfPreTokenizer.sequence(steps);
        return new HfTokenizer(added, HfNormalizer.sequence(norms), !norms.isEmpty(), pre, model, cutSafe[0]);
    }

    /** Whether the normalizer is absent or only Unicode normal forms (which never join across a line break). */
    private static boolean onlyUnicodeForms(JsonNode n) {
        if (n.isMissingNode() || n.isNull()) {
            return true;
        }
        String type = n.path("type").asText();
        if (type.equals("Sequence")) {
            for (JsonNode c : n.path("normalizers")) {
                if (!onlyUnicodeForms(c)) {
                    return false;
                }
            }
            return true;
        }
        return type.startsWith("NF");
    }

    /**
     * Whether every pre-tokenizer step is an {@code Isolated} split on a {@link HfPreTokenizer#CUT_SAFE} pattern or a
     * {@code ByteLevel} step without its own regex or prefix space.
     */
    private static boolean cutSafe(JsonNode n) {
        String type = n.path("type").asText();
        switch (type) {
            case "Sequence":
                for (JsonNode c : n.path("pretokenizers")) {
                    if (!cutSafe(c)) {
                        return false;
                    }
                }
                return true;
            case "Split":
                return n.path("behavior").asText("Isolated").equals("Isolated")
                        && HfPreTokenizer.CUT_SAFE.contains(
                                n.path("pattern").path("Regex").asText());
            case "ByteLevel":
                return !n.path("use_regex").asBoolean(true)
                        && !n.path("add_prefix_space").asBoolean(false);
            default:
                return false;
        }
    }

    private static void normalizer(JsonNode n, List<UnaryOperator<String>> out) {
        if (n.isMissingNode() || n.isNull()) {
            return;
        }
        String type = n.path("type").asText();
        switch (type) {
            case "Sequence":
                for (JsonNode c : n.path("normalizers")) {
                    normalizer(c, out);
                }
                break;
            case "NFC":
            case "NFD":
            case "NFKC":
            case "NFKD":
                out.add(HfNormalizer.form(type));
                break;
            case "Replace":
                JsonNode p = n.path("pattern");
                out.add(HfNormalizer.replace(
                        p.has("String") ? p.get("String").asText() : null,
                        p.path("Regex").asText(),
                        n.path("content").asText()));
                break;
            case "Prepend":
                out.add(HfNormalizer.prepend(n.path("prepend").asText()));
                break;
            case "Lowercase":
                out.add(HfNormalizer.lowercase());
                break;
            case "Strip":
                out.add(HfNormalizer.strip(
                        n.path("strip_left").asBoolean(true),
                        n.path("strip_right").asBoolean(true)));
                break;
            default:
                throw new IllegalArgumentException(
                        "this tokenizer.json uses the normalizer " + type + ", which CostBench does not support yet");
        }
    }

    private static void preTokenizer(
            JsonNode n, List<HfPreTokenizer> out, List<UnaryOperator<String>> norms, boolean[] byteLevel) {
        if (n.isMissingNode() || n.isNull()) {
            return;
        }
        String type = n.path("type").asText();
        switch (type) {
            case "Sequence":
                for (JsonNode c : n.path("pretokenizers")) {
                    preTokenizer(c, out, norms, byteLevel);
                }
                break;
            case "Split":
                if (n.path("invert").asBoolean(false)) {
                    throw new IllegalArgumentException(
                            "this tokenizer.json inverts a split pattern, which CostBench does not support");
                }
                JsonNode p = n.path("pattern");
                String behavior = n.path("behavior").asText("Isolated");
                out.add(
                        p.has("String")
                                ? HfPreTokenizer.splitOn(p.get("String").asText(), behavior)
                                : HfPreTokenizer.split(p.path("Regex").asText(), behavior));
                break;
            case "ByteLevel":
                byteLevel[0] = true;
                if (n.path("add_prefix_space").asBoolean(false)) {
                    norms.add(s -> s.startsWith(" ") ? s : " " + s);
                }
                if (n.path("use_regex").asBoolean(true)) {
                    out.add(HfPreTokenizer.split(HfPreTokenizer.GPT2, "Isolated"));
                }
                break;
            case "Digits":
                out.add(HfPreTokenizer.split(
                        n.path("individual_digits").asBoolean(false) ? "\\p{N}" : "\\p{N}+", "Isolated"));
                break;
            case "Metaspace":
                String rep = n.path("replacement").asText("\u2581");
                String scheme = n.path("prepend_scheme")
                        .asText(n.path("add_prefix_space").asBoolean(true) ? "always" : "never");
                norms.add(HfNormalizer.replace(" ", null, rep));
                if (!scheme.equals("never")) {
                    norms.add(s -> s.startsWith(rep) ? s : rep + s);
                }
                if (n.path("split").asBoolean(true)) {
                    out.add(HfPreTokenizer.splitOn(rep, "MergedWithNext"));
                }
                break;
            default:
                throw new IllegalArgumentException("this tokenizer.json uses the pre-tokenizer " + type
                        + ", which CostBench does not support yet");
        }
    }
}
