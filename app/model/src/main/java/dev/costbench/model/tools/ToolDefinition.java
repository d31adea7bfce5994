// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.tools;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Map;
import java.util.Objects;

/**
 * One function definition as the user gave it ({@link #source()}, in its provider's shape) with the counts every
 * model's tool tokens are derived from ({@link #stats()}).
 *
 * @param format the shape of {@code source}
 * @param source the definition's JSON exactly as read (never changed in place)
 */
public record ToolDefinition(ToolFormat format, ObjectNode source, ToolStats stats) {

    public ToolDefinition {
        Objects.requireNonNull(format, "format");
        source = source.deepCopy();
        stats = Objects.requireNonNull(stats, "stats");
    }

    /** Reads a definition already checked by {@link ToolsJson}; counts it. */
    static ToolDefinition of(ToolFormat format, ObjectNode source) {
        ToolDefinition unc = new ToolDefinition(format, source, ToolStats.EMPTY);
        return new ToolDefinition(format, source, ToolStats.of(unc));
    }

    /** The function's name. */
    public String name() {
        return body().path("name").asText("");
    }

    /** The function's description ("" when there is none). */
    public String description() {
        JsonNode d = body().get("description");
        return d == null || !d.isTextual() ? "" : d.asText();
    }

    /** The JSON schema of the arguments (an empty object when there is none). */
    public ObjectNode parameters() {
        JsonNode p = body().get(schemaField());
        return p != null && p.isObject() ? (ObjectNode) p : source.objectNode();
    }

    /**
     * The same function with its description and every property description cut to the first sentence; {@code this}
     * when nothing would change.
     */
    public ToolDefinition withShortDescriptions() {
        ObjectNode copy = source.deepCopy();
        ObjectNode body = body(copy);
        boolean changed = shortenField(body, "description");
        JsonNode schema = body.get(schemaField());
        if (schema != null && schema.isObject()) {
            changed |= shortenProperties((ObjectNode) schema);
        }
        return changed ? of(format, copy) : this;
    }

    private ObjectNode body() {
        return body(source);
    }

    private ObjectNode body(ObjectNode node) {
        JsonNode fn = node.get("function");
        return format == ToolFormat.OPENAI && fn != null && fn.isObject() ? (ObjectNode) fn : node;
    }

    private String schemaField() {
        if (format == ToolFormat.ANTHROPIC) {
            return "input_schema";
        }
        return format == ToolFormat.GEMINI && body().has("parametersJsonSchema")
                ? "parametersJsonSchema"
                : "parameters";
    }

    private static boolean shortenProperties(ObjectNode schema) {
        boolean changed = false;
        JsonNode props = schema.get("properties");
        if (props != null && props.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = props.fields(); it.hasNext(); ) {
                JsonNode p = it.next().getValue();
                if (p.isObject()) {
                    changed |= shortenField((ObjectNode) p, "description");
                    changed |= shortenProperties((ObjectNode) p);
                }
            }
        }
        JsonNode items = schema.get("items");
        if (items != null && items.isObject()) {
            changed |= shortenProperties((ObjectNode) items);
        }
        return changed;
    }

    private static boolean shortenField(ObjectNode node, String field) {
        JsonNode d = node.get(field);
        if (d == null || !d.isTextual()) {
            return false;
        }
        String shorter = firstSentence(d.asText());
        if (shorter.equals(d.asText())) {
            return false;
        }
        node.put(field, shorter);
        return true;
    }

    /** The text up to the end of its first sentence (". ", "! ", "? " or a line break), trimmed. */
    static String firstSentence(String text) {
        String t = text.strip();
        for (int i = 0; i < t.length() - 1; i++) {
            char c = t.charAt(i);
            char next = t.charAt(i + 1);
            if (c == '\n' || ((c == '.' || c == '!' || c == '?') && Character.isWhitespace(next))) {
                return t.substring(0, c == '\n' ? i : i + 1).strip();
            }
        }
        return t;
    }
}
