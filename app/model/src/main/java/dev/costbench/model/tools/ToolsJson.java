// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.tools;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.costbench.model.validation.JsonReading;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a tools array in any of the three providers' shapes, detected from the first definition:
 *
 * <ul>
 *   <li>OpenAI: {@code [{"type": "function", "function": {"name", "description", "parameters"}}]} (Chat Completions)
 *       or {@code [{"type": "function", "name", "description", "parameters"}]} (Responses);
 *   <li>Anthropic: {@code [{"name", "description", "input_schema"}]};
 *   <li>Gemini: {@code [{"functionDeclarations": [{"name", "description", "parameters"}]}]}, or the bare list of
 *       declarations (which is also the shape of OpenAI's legacy {@code functions} list).
 * </ul>
 *
 * A request body's {@code {"tools": [...]}} and a {@code {"functionDeclarations": [...]}} object are accepted too.
 * Built-in tools (OpenAI {@code web_search}, Anthropic server tools, Gemini {@code googleSearch} …) are kept but not
 * counted. Every refusal names the tool (its position and JSON path), the field and what to do.
 */
public final class ToolsJson {

    /** The advice that ends most refusals, for readers that give their own ({@link #problem}). */
    private static final String FIX = " Fix it and paste or open the tools again.";

    private ToolsJson() {}

    /** Parses {@code json}; blank text is no tools. */
    public static ToolSet parse(String json) {
        if (json == null || json.isBlank()) {
            return ToolSet.EMPTY;
        }
        JsonNode root;
        try {
            root = JsonReading.readTree(JsonReading.mapper(), json);
        } catch (JsonProcessingException e) {
            throw new ToolsFormatException("The tools are not valid JSON: " + JsonReading.describe(e)
                    + ". Paste a tools array as you send it to the API, e.g. [{\"type\": \"function\", "
                    + "\"function\": {…}}].");
        }
        return read(root, "tools");
    }

    /**
     * Reads an already parsed tools array (or request body, or {@code functionDeclarations} object); {@code path}
     * names the array in refusals ({@code "tools"}, {@code "variants[0].tools"} …).
     */
    public static ToolSet read(JsonNode root, String path) {
        JsonNode list = root;
        boolean declarations = false;
        if (root != null && root.isObject()) {
            if (root.has("tools")) {
                list = root.get("tools");
            } else if (root.has("functionDeclarations") || root.has("function_declarations")) {
                String key = root.has("functionDeclarations") ? "functionDeclarations" : "function_declarations";
                list = root.get(key);
                path = key;
                declarations = true;
            } else {
                throw new ToolsFormatException("The JSON is an object, not a tools array. Paste the \"tools\" array "
                        + "of your request (or the whole request body, which has a \"tools\" field).");
            }
        }
        if (list == null || !list.isArray()) {
            throw new ToolsFormatException(
                    "\"" + path + "\" must be an array of tool definitions, got " + type(list) + "." + FIX);
        }
        if (list.isEmpty()) {
            return ToolSet.EMPTY;
        }
        ToolFormat format = declarations ? ToolFormat.GEMINI : detect(list.get(0), path + "[0]");
        boolean bareDeclarations = declarations || isDeclaration(list.get(0));
        Reader r = new Reader(format);
        for (int i = 0; i < list.size(); i++) {
            String p = path + "[" + i + "]";
            JsonNode el = list.get(i);
            if (!el.isObject()) {
                throw new ToolsFormatException(where(i, p) + " is " + type(el) + ", not a tool definition." + FIX);
            }
            if (format == ToolFormat.GEMINI && bareDeclarations) {
                r.function((ObjectNode) el, i, p, "");
            } else {
                r.element((ObjectNode) el, i, p);
            }
        }
        return new ToolSet(format, r.tools, r.builtIns);
    }

    private static ToolFormat detect(JsonNode first, String path) {
        if (first == null || !first.isObject()) {
            throw new ToolsFormatException(where(0, path) + " is " + type(first) + ", not a tool definition." + FIX);
        }
        if (first.has("functionDeclarations") || first.has("function_declarations") || isDeclaration(first)) {
            return ToolFormat.GEMINI;
        }
        if (first.has("function") || "function".equals(first.path("type").asText())) {
            return ToolFormat.OPENAI;
        }
        if (first.has("input_schema") || first.has("type")) {
            return ToolFormat.ANTHROPIC;
        }
        throw new ToolsFormatException(where(0, path) + " is not a tool definition CostBench knows: expected an "
                + "OpenAI tool ({\"type\": \"function\", \"function\": {…}}), an Anthropic tool ({\"name\", "
                + "\"description\", \"input_schema\"}) or a Gemini tool ({\"functionDeclarations\": […]}).");
    }

    /**
     * A bare Gemini function declaration (also OpenAI's legacy "functions" entry and the A/B lab's neutral form),
     * possibly missing its name.
     */
    private static boolean isDeclaration(JsonNode n) {
        return n.isObject()
                && (n.has("name") || n.has("parameters") || n.has("description"))
                && !n.has("type")
                && !n.has("input_schema")
                && !n.has("function");
    }

    /** Reads the elements of one list; collects definitions and built-in tools; refuses duplicates. */
    private static final class Reader {
        final ToolFormat format;
        final List<ToolDefinition> tools = new ArrayList<>();
        final List<JsonNode> builtIns = new ArrayList<>();
        final Map<String, String> seen = new HashMap<>();

        Reader(ToolFormat format) {
            this.format = format;
        }

        void element(ObjectNode el, int i, String p) {
            switch (format) {
                case OPENAI -> openai(el, i, p);
                case ANTHROPIC -> anthropic(el, i, p);
                default -> gemini(el, i, p);
            }
        }

        private void openai(ObjectNode el, int i, String p) {
            if (el.has("input_schema") || el.has("functionDeclarations")) {
                throw mixed(i, p, "tools[0] is an OpenAI tool");
            }
            String type = el.path("type").asText("");
            if (!type.equals("function")) {
                if (type.isEmpty()) {
                    throw new ToolsFormatException(where(i, p) + ": \"type\" is missing; an OpenAI function tool says "
                            + "\"type\": \"function\"." + FIX);
                }
                builtIns.add(el); // web_search, file_search, code_interpreter …: billed per use
                return;
            }
            JsonNode fn = el.get("function");
            if (fn == null) {
                function(el, i, p, ""); // Responses API: the fields sit on the tool itself
            } else if (!fn.isObject()) {
                throw new ToolsFormatException(where(i, p) + ": \"function\" must be an object with \"name\", "
                        + "\"description\" and \"parameters\", got " + type(fn) + "." + FIX);
            } else {
                function(el, i, p, "function.");
            }
        }

        private void anthropic(ObjectNode el, int i, String p) {
            if (el.has("function") || el.has("functionDeclarations")) {
                throw mixed(i, p, "tools[0] is an Anthropic tool");
            }
            String type = el.path("type").asText("custom");
            if (!type.equals("custom") && !el.has("input_schema")) {
                builtIns.add(el); // web_search_20250305, bash_20250124 …: Anthropic-defined tools
                return;
            }
            JsonNode schema = el.get("input_schema");
            if (schema == null || !schema.isObject()) {
                throw new ToolsFormatException(where(i, p) + ": \"input_schema\" is "
                        + (schema == null ? "missing" : type(schema))
                        + "; every Anthropic tool needs an input schema such as {\"type\": \"object\", "
                        + "\"properties\": {…}}." + FIX);
            }
            function(el, i, p, "");
        }

        private void gemini(ObjectNode el, int i, String p) {
            if (el.has("function") || el.has("input_schema")) {
                throw mixed(i, p, "tools[0] is a Gemini tool");
            }
            String key = el.has("functionDeclarations") ? "functionDeclarations" : "function_declarations";
            JsonNode decls = el.get(key);
            if (decls == null) {
                builtIns.add(el); // googleSearch, codeExecution, urlContext …
                return;
            }
            if (!decls.isArray()) {
                throw new ToolsFormatException(where(i, p) + ": \"" + key + "\" must be an array of function "
                        + "declarations, got " + type(decls) + "." + FIX);
            }
            for (int j = 0; j < decls.size(); j++) {
                String dp = p + "." + key + "[" + j + "]";
                JsonNode d = decls.get(j);
                if (!d.isObject()) {
                    throw new ToolsFormatException("Function declaration " + (j + 1) + " (" + dp + ") is " + type(d)
                            + ", not a function declaration." + FIX);
                }
                function((ObjectNode) d, tools.size(), dp, "");
            }
        }

        /** Checks name, description and the parameters schema of one function; {@code at} is its JSON path. */
        void function(ObjectNode el, int i, String p, String prefix) {
            ObjectNode body = prefix.isEmpty() ? el : (ObjectNode) el.get("function");
            JsonNode name = body.get("name");
            if (name == null || !name.isTextual() || name.asText().isBlank()) {
                throw new ToolsFormatException(where(i, p) + ": \"" + prefix + "name\" is "
                        + (name == null ? "missing" : type(name)) + "; every function needs a name." + FIX);
            }
            JsonNode desc = body.get("description");
            if (desc != null && !desc.isNull() && !desc.isTextual()) {
                throw new ToolsFormatException(where(i, p) + " (\"" + name.asText() + "\"): \"" + prefix
                        + "description\" must be text, got " + type(desc) + "." + FIX);
            }
            String schemaKey = format == ToolFormat.ANTHROPIC
                    ? "input_schema"
                    : body.has("parametersJsonSchema") ? "parametersJsonSchema" : "parameters";
            JsonNode params = body.get(schemaKey);
            if (params != null && !params.isNull() && !params.isObject()) {
                throw new ToolsFormatException(where(i, p) + " (\"" + name.asText() + "\"): \"" + prefix + schemaKey
                        + "\" must be a JSON schema object such as {\"type\": \"object\", \"properties\": {…}}, got "
                        + type(params) + "." + FIX);
            }
            JsonNode props = params == null ? null : params.get("properties");
            if (props != null && !props.isObject()) {
                throw new ToolsFormatException(where(i, p) + " (\"" + name.asText() + "\"): \"" + prefix + schemaKey
                        + ".properties\" must be an object mapping each argument to its schema, got " + type(props)
                        + "." + FIX);
            }
            String before = seen.putIfAbsent(name.asText(), p);
            if (before != null) {
                throw new ToolsFormatException(where(i, p) + ": the name \"" + name.asText() + "\" is already used by "
                        + before + "; providers refuse two tools with one name. Rename or remove one.");
            }
            tools.add(ToolDefinition.of(format, el));
        }

        private ToolsFormatException mixed(int i, String p, String first) {
            return new ToolsFormatException(where(i, p) + " is in another provider's shape than the first one (" + first
                    + "). A tools list is in one provider's shape; convert it or split the file.");
        }
    }

    /** A refusal without the paste-again advice or its final period: what is wrong and where, for other advice. */
    public static String problem(ToolsFormatException e) {
        String m = e.getMessage().replace(FIX, "").strip();
        return m.endsWith(".") ? m.substring(0, m.length() - 1) : m;
    }

    private static String where(int i, String path) {
        return "Tool " + (i + 1) + " (" + path + ")";
    }

    private static String type(JsonNode n) {
        if (n == null) {
            return "missing";
        }
        if (n.isTextual()) {
            String s = n.asText();
            return "the text \"" + (s.length() <= 40 ? s : s.substring(0, 40) + "…") + "\"";
        }
        return n.getNodeType().toString().toLowerCase(Locale.ROOT);
    }
}
