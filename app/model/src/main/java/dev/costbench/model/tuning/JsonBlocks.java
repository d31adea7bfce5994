// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.tuning;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.costbench.model.validation.JsonReading;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * JSON blocks in a prompt (schemas, tool definitions, examples): a block starts at a line whose first non-blank
 * character is {@code {} or {@code [} and must parse as strict JSON; inside a code fence only when the fence is
 * untagged or tagged json. Minifying removes only whitespace outside
 * strings, one edit per run, so every other character is kept; dropping {@code "description"} strings (only when
 * asked) rewrites the block compactly.
 */
final class JsonBlocks {

    private static final ObjectMapper JSON = JsonReading.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .nodeFactory(JsonNodeFactory.withExactBigDecimals(true))
            .build();

    /** Fence info strings whose content may be minified; blocks in other code (python, js…) are left alone. */
    private static final Set<String> JSON_FENCES = Set.of("", "json", "jsonc", "json5", "jsonschema", "jsonl");

    private JsonBlocks() {}

    static List<TextRange> find(String text) {
        List<TextRange> out = new ArrayList<>();
        List<TextRange> otherCode = new ArrayList<>();
        for (TextRange f : Regions.fences(text)) {
            String info = Regions.fenceInfo(text, f);
            if (!JSON_FENCES.contains(info)) {
                otherCode.add(f);
            }
        }
        int ls = 0;
        while (ls < text.length()) {
            int i = ls;
            while (i < text.length() && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
                i++;
            }
            int next = Regions.lineEnd(text, ls) + 1;
            if (i < text.length()
                    && (text.charAt(i) == '{' || text.charAt(i) == '[')
                    && !Regions.overlaps(otherCode, i, i + 1)) {
                int end = balancedEnd(text, i);
                if (end > 0 && parses(text.substring(i, end))) {
                    out.add(new TextRange(i, end));
                    next = Regions.lineEnd(text, end) + 1;
                }
            }
            ls = next;
        }
        return out;
    }

    static List<Candidate> minify(String text) {
        List<Candidate> out = new ArrayList<>();
        for (TextRange r : find(text)) {
            List<TextEdit> edits = new ArrayList<>();
            boolean inString = false;
            int i = r.start();
            while (i < r.end()) {
                char c = text.charAt(i);
                if (inString) {
                    if (c == '\\') {
                        i += 2;
                        continue;
                    }
                    inString = c != '"';
                    i++;
                } else if (c == '"') {
                    inString = true;
                    i++;
                } else if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
                    int s = i;
                    while (i < r.end() && " \t\n\r".indexOf(text.charAt(i)) >= 0) {
                        i++;
                    }
                    edits.add(TextEdit.of(text, s, i, ""));
                } else {
                    i++;
                }
            }
            if (!edits.isEmpty()) {
                out.add(new Candidate(
                        "json-minify-" + r.start(),
                        SuggestionKind.JSON_MINIFY,
                        "Minify the JSON block at line " + line(text, r.start()),
                        "Whitespace outside JSON strings "
                                + "carries no meaning for the model; strings and keys are kept exactly.",
                        edits));
            }
        }
        return out;
    }

    static List<Candidate> dropDescriptions(String text) {
        List<Candidate> out = new ArrayList<>();
        for (TextRange r : find(text)) {
            JsonNode node;
            try {
                node = JSON.readTree(r.of(text));
            } catch (JsonProcessingException e) {
                continue;
            }
            int dropped = strip(node);
            if (dropped == 0) {
                continue;
            }
            String compact;
            try {
                compact = JSON.writeValueAsString(node);
            } catch (JsonProcessingException e) {
                continue;
            }
            out.add(new Candidate(
                    "json-descriptions-" + r.start(),
                    SuggestionKind.JSON_DESCRIPTIONS,
                    "Drop " + dropped + " “description” strings from the JSON at line " + line(text, r.start()),
                    "Descriptions can carry meaning the model needs: check the answers in the A/B lab. The block is "
                            + "also minified.",
                    List.of(TextEdit.of(text, r.start(), r.end(), compact))));
        }
        return out;
    }

    /** Removes textual "description" members everywhere; a property named "description" (an object) stays. */
    private static int strip(JsonNode node) {
        int n = 0;
        if (node instanceof ObjectNode o) {
            JsonNode d = o.get("description");
            if (d != null && d.isTextual()) {
                o.remove("description");
                n++;
            }
            Iterator<Map.Entry<String, JsonNode>> it = o.fields();
            while (it.hasNext()) {
                n += strip(it.next().getValue());
            }
        } else if (node instanceof ArrayNode a) {
            for (JsonNode c : a) {
                n += strip(c);
            }
        }
        return n;
    }

    private static boolean parses(String s) {
        try {
            JSON.readTree(s);
            return true;
        } catch (JsonProcessingException e) {
            return false;
        }
    }

    /** The index after the bracket closing the one at {@code start}, or -1. */
    private static int balancedEnd(String text, int start) {
        int depth = 0;
        boolean inString = false;
        for (int i = start; i < text.length(); i++) {
            char c = text.charAt(i);
            if (inString) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
            } else if (c == '{' || c == '[') {
                depth++;
            } else if (c == '}' || c == ']') {
                depth--;
                if (depth == 0) {
                    return i + 1;
                }
            }
        }
        return -1;
    }

    private static int line(String text, int pos) {
        int n = 1;
        for (int i = 0; i < pos; i++) {
            n += text.charAt(i) == '\n' ? 1 : 0;
        }
        return n;
    }
}
