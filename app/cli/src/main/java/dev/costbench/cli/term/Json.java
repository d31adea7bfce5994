// SPDX-License-Identifier: Apache-2.0
package dev.costbench.cli.term;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.costbench.model.validation.JsonReading;

/**
 * The command line's one Jackson mapper: every {@code --json} output is built as a tree with it and printed
 * indented ({@link #pretty}), and every JSON input line is read with it.
 */
public final class Json {

    /** Jackson's defaults: the field order as built, plain numbers, no type information. */
    public static final ObjectMapper MAPPER = JsonReading.builder().build();

    private static final ObjectWriter PRETTY = MAPPER.writerWithDefaultPrettyPrinter();

    private Json() {}

    public static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    public static ArrayNode array() {
        return MAPPER.createArrayNode();
    }

    /** {@code node} indented two spaces per level, as every {@code --json} output is. */
    public static String pretty(JsonNode node) throws JsonProcessingException {
        return PRETTY.writeValueAsString(node);
    }

    /** A JSON text read as a tree. */
    public static JsonNode read(String text) throws JsonProcessingException {
        return MAPPER.readTree(text);
    }
}
