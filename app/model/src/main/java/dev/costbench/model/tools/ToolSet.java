// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.tools;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.costbench.model.provider.ToolSpec;
import dev.costbench.model.validation.JsonReading;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The tools sent with every request: function definitions in one provider's shape, plus any built-in tools of that
 * provider (web search, code execution …) that are kept as given but not counted (they are billed per use).
 *
 * @param format   the shape the definitions were given in; null for the empty set
 * @param tools    the function definitions, in order
 * @param builtIns the provider's built-in tools, as given
 */
public record ToolSet(ToolFormat format, List<ToolDefinition> tools, List<JsonNode> builtIns) {

    /** No tools. */
    public static final ToolSet EMPTY = new ToolSet(null, List.of(), List.of());

    public ToolSet {
        tools = List.copyOf(tools);
        builtIns = builtIns.stream().<JsonNode>map(JsonNode::deepCopy).toList();
    }

    /**
     * The set of {@code specs} (the neutral tools a request carries), so that they are counted as the definitions
     * read by {@link ToolsJson} are.
     */
    public static ToolSet of(List<ToolSpec> specs) {
        if (specs.isEmpty()) {
            return EMPTY;
        }
        return new ToolSet(
                ToolFormat.GEMINI,
                specs.stream()
                        .map(s -> ToolDefinition.of(ToolFormat.GEMINI, s.toJson()))
                        .toList(),
                List.of());
    }

    /**
     * The function definitions as the neutral tools a request carries (each client sends them in its API's shape).
     *
     * @throws ToolsFormatException naming the tool when the set has built-in tools, which only their own provider
     *     runs, or a name the providers refuse
     */
    public List<ToolSpec> specs() {
        if (!builtIns.isEmpty()) {
            JsonNode b = builtIns.get(0);
            throw new ToolsFormatException("The built-in tool " + b.path("type").asText(b.toString()) + " runs only on "
                    + "its own provider; remove it and keep function tools, which every provider is sent.");
        }
        List<ToolSpec> out = new ArrayList<>();
        for (int i = 0; i < tools.size(); i++) {
            ToolDefinition t = tools.get(i);
            try {
                out.add(new ToolSpec(t.name(), t.description(), t.parameters()));
            } catch (IllegalArgumentException e) {
                throw new ToolsFormatException("Tool " + (i + 1) + ": " + e.getMessage() + ".");
            }
        }
        return out;
    }

    public boolean isEmpty() {
        return tools.isEmpty();
    }

    public int size() {
        return tools.size();
    }

    /** The definition named {@code name}, or null. */
    public ToolDefinition find(String name) {
        return tools.stream().filter(t -> t.name().equals(name)).findFirst().orElse(null);
    }

    /** The set without the tool named {@code name}. */
    public ToolSet without(String name) {
        return new ToolSet(
                format, tools.stream().filter(t -> !t.name().equals(name)).toList(), builtIns);
    }

    /** The set with the tool named {@code name} replaced by {@code replacement}. */
    public ToolSet replace(String name, ToolDefinition replacement) {
        Objects.requireNonNull(replacement, "replacement");
        List<ToolDefinition> out = new ArrayList<>();
        for (ToolDefinition t : tools) {
            out.add(t.name().equals(name) ? replacement : t);
        }
        return new ToolSet(format, out, builtIns);
    }

    /**
     * The set as a tools array in its provider's shape (two-space indent): OpenAI and Anthropic as a list of tools,
     * Gemini as {@code [{"functionDeclarations": [...]}]} followed by its built-in tools. "" for the empty set.
     */
    public String toJson() {
        if (format == null) {
            return "";
        }
        ObjectMapper mapper = JsonReading.mapper();
        ArrayNode arr = mapper.createArrayNode();
        if (format == ToolFormat.GEMINI) {
            ArrayNode decls = arr.addObject().putArray("functionDeclarations");
            tools.forEach(t -> decls.add(t.source()));
        } else {
            tools.forEach(t -> arr.add(t.source()));
        }
        builtIns.forEach(arr::add);
        try {
            return mapper.writerWithDefaultPrettyPrinter().writeValueAsString(arr) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
