// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.tools;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.costbench.model.tokens.Encoding;
import dev.costbench.model.tokens.Tokenizers;
import dev.costbench.model.validation.JsonReading;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.Map;
import java.util.StringJoiner;

/**
 * The counts of one function definition that every model's tool tokens are derived from.
 *
 * <p>The text lines are those of {@code num_tokens_for_tools} in OpenAI's cookbook "How to count tokens with tiktoken"
 * (github.com/openai/openai-cookbook, examples/How_to_count_tokens_with_tiktoken.ipynb, section 7): {@code
 * name:description} (one final period dropped), then for each top-level property {@code key:type:description}, and
 * each enum value on its own.
 *
 * @param o200k          the cookbook's text lines counted with o200k_base
 * @param cl100k         the same lines counted with cl100k_base
 * @param properties     top-level properties of the parameters
 * @param enumProperties those of them with an {@code enum}
 * @param enumItems      the enum values of all of them
 * @param jsonCl100k     the definition as compact JSON ({@code name, description, input_schema}) counted with
 *                       cl100k_base: the base of the Claude estimates
 * @param jsonCodePoints the definition as compact JSON ({@code name, description, parameters}) in Unicode code
 *                       points: the base of the Gemini estimate
 */
public record ToolStats(
        long o200k,
        long cl100k,
        int properties,
        int enumProperties,
        int enumItems,
        long jsonCl100k,
        long jsonCodePoints) {

    static final ToolStats EMPTY = new ToolStats(0, 0, 0, 0, 0, 0, 0);

    static ToolStats of(ToolDefinition t) {
        long o200k = count(Encoding.O200K_BASE, t.name() + ":" + dropPeriod(t.description()));
        long cl100k = count(Encoding.CL100K_BASE, t.name() + ":" + dropPeriod(t.description()));
        int props = 0;
        int enumProps = 0;
        int enumItems = 0;
        JsonNode properties = t.parameters().get("properties");
        if (properties != null && properties.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = properties.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                JsonNode p = e.getValue();
                props++;
                String line = e.getKey() + ":" + type(p.get("type")) + ":"
                        + dropPeriod(p.path("description").asText(""));
                o200k += count(Encoding.O200K_BASE, line);
                cl100k += count(Encoding.CL100K_BASE, line);
                JsonNode en = p.get("enum");
                if (en != null && en.isArray()) {
                    enumProps++;
                    for (JsonNode item : en) {
                        String s = item.isTextual() ? item.asText() : item.toString();
                        enumItems++;
                        o200k += count(Encoding.O200K_BASE, s);
                        cl100k += count(Encoding.CL100K_BASE, s);
                    }
                }
            }
        }
        ObjectMapper mapper = JsonReading.mapper();
        ObjectNode anthropic = mapper.createObjectNode().put("name", t.name()).put("description", t.description());
        anthropic.set("input_schema", t.parameters());
        ObjectNode gemini = mapper.createObjectNode().put("name", t.name()).put("description", t.description());
        gemini.set("parameters", t.parameters());
        String gem = compact(mapper, gemini);
        return new ToolStats(
                o200k,
                cl100k,
                props,
                enumProps,
                enumItems,
                count(Encoding.CL100K_BASE, compact(mapper, anthropic)),
                gem.codePointCount(0, gem.length()));
    }

    /** The cookbook drops one final period of a description. */
    private static String dropPeriod(String s) {
        return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
    }

    /** The property's type as the cookbook's f-string prints it: a list as Python prints a list. */
    private static String type(JsonNode type) {
        if (type == null || type.isNull()) {
            return "";
        }
        if (type.isArray()) {
            StringJoiner j = new StringJoiner(", ", "[", "]");
            type.forEach(x -> j.add("'" + x.asText() + "'"));
            return j.toString();
        }
        return type.isTextual() ? type.asText() : type.toString();
    }

    private static long count(Encoding e, String text) {
        return text.isEmpty() ? 0 : Tokenizers.count(e, text);
    }

    private static String compact(ObjectMapper mapper, JsonNode n) {
        try {
            return mapper.writeValueAsString(n);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
