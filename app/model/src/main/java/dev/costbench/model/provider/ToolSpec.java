// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.provider;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.costbench.model.validation.JsonReading;
import java.util.Objects;

/**
 * One function tool in a provider-neutral form: what the model may call. Each client turns it into its API's shape
 * (OpenAI {@code {"type":"function", …}}, Anthropic {@code input_schema}, Gemini {@code functionDeclarations}).
 *
 * <p>Kept small on purpose: tools are read (in the neutral form or any provider's shape) and counted by
 * {@code model.tools} ({@code ToolsJson}, {@code ToolTokenCounter}); this is only what a request carries.
 *
 * @param name        the function name (letters, digits, {@code _} and {@code -}, at most 64 characters, as the
 *                    providers require)
 * @param description what the function does (may be empty)
 * @param parameters  a JSON Schema object for the arguments; {@code {"type":"object","properties":{}}} when none
 */
public record ToolSpec(String name, String description, JsonNode parameters) {

    public ToolSpec {
        Objects.requireNonNull(name, "name");
        name = name.strip();
        if (!name.matches("[A-Za-z0-9_-]{1,64}")) {
            throw new IllegalArgumentException("the tool name \"" + name + "\" is not accepted by the providers: use "
                    + "letters, digits, _ or -, at most 64 characters");
        }
        description = description == null ? "" : description;
        if (parameters == null || parameters.isNull()) {
            ObjectNode empty = JsonReading.mapper().createObjectNode().put("type", "object");
            empty.putObject("properties");
            parameters = empty;
        }
        if (!parameters.isObject()) {
            throw new IllegalArgumentException(
                    "tool \"" + name + "\": its parameters must be a JSON Schema object, like {\"type\": \"object\", "
                            + "\"properties\": {…}}");
        }
        parameters = parameters.deepCopy();
    }

    /** A tool whose parameters are given as JSON Schema text. */
    public static ToolSpec of(String name, String description, String parametersJson) {
        try {
            return new ToolSpec(
                    name,
                    description,
                    parametersJson == null ? null : JsonReading.mapper().readTree(parametersJson));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(
                    "tool \"" + name + "\": its parameters are not valid JSON (" + e.getOriginalMessage() + ")");
        }
    }

    /** The neutral JSON form: {@code {"name": …, "description": …, "parameters": {…}}}. */
    public ObjectNode toJson() {
        return declaration("parameters");
    }

    /**
     * {@code {"name": …, "description": …, <schemaKey>: {…}}} (no description when it is empty): the function
     * declaration most APIs take, with the schema under their key ({@code parameters}, Anthropic's
     * {@code input_schema}).
     */
    public ObjectNode declaration(String schemaKey) {
        ObjectNode o = JsonReading.mapper().createObjectNode().put("name", name);
        if (!description.isEmpty()) {
            o.put("description", description);
        }
        o.set(schemaKey, parameters.deepCopy());
        return o;
    }
}
