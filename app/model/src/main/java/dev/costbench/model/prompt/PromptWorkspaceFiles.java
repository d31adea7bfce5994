// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.prompt;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.costbench.model.tokens.Encoding;
import dev.costbench.model.validation.JsonFields;
import dev.costbench.model.validation.JsonNumbers;
import dev.costbench.model.validation.JsonReading;
import dev.costbench.model.validation.NumberKind;
import dev.costbench.model.validation.NumberRules;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads and writes a {@link PromptWorkspace} as one readable JSON file:
 *
 * <pre>{@code
 * {
 *   "format": "costbench-prompt-workspace",
 *   "version": 2,
 *   "system": "You are a concise support assistant.",
 *   "fewShot": [ { "role": "user", "text": "…" }, { "role": "assistant", "text": "…" } ],
 *   "user": "Can I change the delivery address?",
 *   "options": { "outputTokens": 500, "reasoningTokens": 0, "requestsPerMonth": 100000,
 *                "cachedPrefix": false, "batch": false, "dataResidency": false },
 *   "model": "gpt-5",
 *   "tools": "[{\"type\": \"function\", \"function\": {…}}]",
 *   "cache": { "ttl": "5m", "breakpoints": [ { "part": "system", "offset": 37 } ] },
 *   "tokenizer": "o200k_base"
 * }
 * }</pre>
 *
 * Only {@code format} and {@code version} are required; a missing text is empty, a missing option has the Prompt
 * view's default, a missing or null {@code model} selects none, a missing {@code tools} (the tools JSON as the user
 * gave it, as text) is no tools, a missing {@code cache} marks no breakpoint and a missing or null {@code tokenizer}
 * is the Tokens pane's default. Version 1 files (written before {@code cache} and {@code tokenizer} were saved) open
 * as they are; this CostBench writes version 2. A file is read whole before anything is returned, so a refused file
 * changes nothing; every refusal names the file, the field and what to do.
 */
public final class PromptWorkspaceFiles {

    /** The value of {@code "format"}. */
    public static final String FORMAT = "costbench-prompt-workspace";
    /** The version this CostBench writes (it reads this one and every earlier one). */
    public static final int VERSION = 2;

    private static final Set<String> TOP =
            Set.of("format", "version", "system", "fewShot", "user", "options", "model", "tools", "cache", "tokenizer");
    private static final Set<String> OPTIONS =
            Set.of("outputTokens", "reasoningTokens", "requestsPerMonth", "cachedPrefix", "batch", "dataResidency");
    private static final Set<String> TURN = Set.of("role", "text");

    private static final DefaultPrettyPrinter PRINTER = new DefaultPrettyPrinter()
            .withSeparators(Separators.createDefaultInstance().withObjectFieldValueSpacing(Separators.Spacing.AFTER))
            .withArrayIndenter(new DefaultIndenter("  ", "\n"))
            .withObjectIndenter(new DefaultIndenter("  ", "\n"));

    private PromptWorkspaceFiles() {}

    /** A file that is not a prompt workspace this CostBench can open; the message says where and what to do. */
    public static final class WorkspaceFileException extends IOException {
        private static final long serialVersionUID = 1L;

        public WorkspaceFileException(String message) {
            super(message);
        }
    }

    /** Reads {@code file}; the message of a refusal starts with its file name. */
    public static PromptWorkspace read(Path file) throws IOException {
        String name = String.valueOf(file.getFileName());
        String json;
        try {
            json = Files.readString(file, StandardCharsets.UTF_8);
        } catch (CharacterCodingException e) {
            throw new WorkspaceFileException(name + " is not UTF-8 text, so it is not a prompt workspace. "
                    + "Open a file saved with File ▸ Save.");
        }
        return fromJson(json, name);
    }

    /** Parses workspace JSON; {@code name} (the file's name) starts every message. */
    public static PromptWorkspace fromJson(String json, String name) throws WorkspaceFileException {
        ObjectMapper mapper = JsonReading.mapper();
        JsonNode root;
        try {
            root = JsonReading.readTree(mapper, json);
        } catch (JsonProcessingException e) {
            throw refuse(
                    name,
                    JsonReading.describe(e) + ". The file is damaged; open another one, or fix it in an " + "editor");
        }
        if (root == null || !root.isObject()) {
            throw notAWorkspace(name, "it is not a JSON object");
        }
        JsonNode format = root.get("format");
        if (format == null || !format.isTextual()) {
            throw notAWorkspace(name, "it has no \"format\"");
        }
        if (!FORMAT.equals(format.asText())) {
            throw notAWorkspace(name, "its \"format\" is \"" + shorten(format.asText()) + "\"");
        }
        JsonNode v = root.get("version");
        if (v == null || !v.isIntegralNumber() || !v.canConvertToLong()) {
            throw refuse(
                    name,
                    "\"version\" is " + (v == null ? "missing" : type(v)) + "; a prompt workspace says \"version\": "
                            + VERSION + ". Open a file saved with File ▸ Save");
        }
        long version = v.longValue();
        if (version < 1 || version > VERSION) {
            throw refuse(
                    name,
                    version > VERSION
                            ? "version " + version + " was written by a newer CostBench (this one reads version "
                                    + VERSION + "). Update CostBench to open it"
                            : "version " + version + " is not a version CostBench ever wrote (this one reads "
                                    + "versions 1 to " + VERSION + ")");
        }
        try {
            JsonNumbers.require(root, PromptWorkspaceFiles::kind);
            unknown(root, "", TOP);
            JsonNode options = root.path("options");
            if (!options.isMissingNode() && !options.isObject()) {
                throw new IllegalArgumentException("options: expected an object, got " + type(options));
            }
            unknown(options, "options.", OPTIONS);
            return new PromptWorkspace(
                    text(root, "system"),
                    turns(root.get("fewShot")),
                    text(root, "user"),
                    whole(options, "outputTokens", 500, NumberKind.TOKENS),
                    whole(options, "reasoningTokens", 0, NumberKind.TOKENS),
                    whole(options, "requestsPerMonth", 100_000, NumberKind.REQUESTS),
                    flag(options, "cachedPrefix"),
                    flag(options, "batch"),
                    flag(options, "dataResidency"),
                    model(root.get("model")),
                    text(root, "tools"),
                    PromptWorkspaceCacheJson.read(root.get("cache")),
                    tokenizer(root.get("tokenizer")));
        } catch (IllegalArgumentException e) {
            throw refuse(name, e.getMessage() + ". Fix that field in an editor, or open another file");
        }
    }

    /** Writes {@code w} to {@code file} whole: a temporary file next to it is moved over the old one. */
    public static void write(Path file, PromptWorkspace w) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        if (dir != null) {
            Files.createDirectories(dir);
        }
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(tmp, toJson(w), StandardCharsets.UTF_8);
        try {
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** The workspace as the JSON a file holds (two-space indent, a final newline). */
    public static String toJson(PromptWorkspace w) {
        ObjectMapper mapper = JsonReading.mapper();
        ObjectNode root = mapper.createObjectNode();
        root.put("format", FORMAT);
        root.put("version", VERSION);
        root.put("system", w.system());
        ArrayNode turns = root.putArray("fewShot");
        for (PromptWorkspace.FewShotTurn t : w.turns()) {
            turns.addObject()
                    .put("role", t.role().name().toLowerCase(Locale.ROOT))
                    .put("text", t.text());
        }
        root.put("user", w.user());
        ObjectNode options = root.putObject("options");
        options.put("outputTokens", w.outputTokens());
        options.put("reasoningTokens", w.reasoningTokens());
        options.put("requestsPerMonth", w.monthlyRequests());
        options.put("cachedPrefix", w.cachedPrefix());
        options.put("batch", w.batch());
        options.put("dataResidency", w.residency());
        if (w.modelId() == null) {
            root.putNull("model");
        } else {
            root.put("model", w.modelId());
        }
        if (!w.tools().isEmpty()) {
            root.put("tools", w.tools());
        }
        PromptWorkspaceCacheJson.write(root.putObject("cache"), w.cache());
        if (w.tokenizer() == null) {
            root.putNull("tokenizer");
        } else {
            root.put("tokenizer", w.tokenizer().id());
        }
        try {
            return mapper.writer(PRINTER).writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static NumberKind kind(String path, String key) {
        return switch (path) {
            case "options.outputTokens", "options.reasoningTokens" -> NumberKind.TOKENS;
            case "options.requestsPerMonth" -> NumberKind.REQUESTS;
            default -> null;
        };
    }

    static void unknown(JsonNode node, String prefix, Set<String> known) {
        JsonFields.requireKnown(node, prefix, known, "a prompt workspace");
    }

    private static String text(JsonNode root, String field) {
        JsonNode n = root.get(field);
        if (n == null || n.isNull()) {
            return "";
        }
        if (!n.isTextual()) {
            throw new IllegalArgumentException(field + ": expected text, got " + type(n));
        }
        return n.asText();
    }

    private static List<PromptWorkspace.FewShotTurn> turns(JsonNode n) {
        if (n == null || n.isNull()) {
            return List.of();
        }
        if (!n.isArray()) {
            throw new IllegalArgumentException("fewShot: expected a list of turns, got " + type(n));
        }
        List<PromptWorkspace.FewShotTurn> out = new ArrayList<>();
        for (int i = 0; i < n.size(); i++) {
            String path = "fewShot[" + i + "]";
            JsonNode t = n.get(i);
            if (!t.isObject()) {
                throw new IllegalArgumentException(path + ": expected {\"role\": …, \"text\": …}, got " + type(t));
            }
            unknown(t, path + ".", TURN);
            JsonNode role = t.get("role");
            String r = role == null || !role.isTextual() ? "" : role.asText();
            Role parsed = switch (r) {
                case "user" -> Role.USER;
                case "assistant" -> Role.ASSISTANT;
                default ->
                    throw new IllegalArgumentException(path + ".role: expected \"user\" or " + "\"assistant\", got "
                            + (role == null ? "nothing" : type(role)));
            };
            out.add(new PromptWorkspace.FewShotTurn(parsed, text(t, "text")));
        }
        return out;
    }

    private static long whole(JsonNode options, String field, long dflt, NumberKind kind) {
        JsonNode n = options.get(field);
        return n == null || n.isNull() ? dflt : NumberRules.whole("options." + field, n, kind);
    }

    private static boolean flag(JsonNode options, String field) {
        JsonNode n = options.get(field);
        if (n == null || n.isNull()) {
            return false;
        }
        if (!n.isBoolean()) {
            throw new IllegalArgumentException("options." + field + ": expected true or false, got " + type(n));
        }
        return n.booleanValue();
    }

    private static String model(JsonNode n) {
        if (n == null || n.isNull()) {
            return null;
        }
        if (!n.isTextual()) {
            throw new IllegalArgumentException("model: expected a model id such as \"gpt-5\", got " + type(n));
        }
        return n.asText();
    }

    private static Encoding tokenizer(JsonNode n) {
        if (n == null || n.isNull()) {
            return null;
        }
        if (n.isTextual()) {
            for (Encoding e : List.of(Encoding.O200K_BASE, Encoding.CL100K_BASE)) {
                if (e.id().equals(n.asText())) {
                    return e;
                }
            }
        }
        throw new IllegalArgumentException("tokenizer: expected \"o200k_base\" or \"cl100k_base\", got " + type(n));
    }

    private static WorkspaceFileException notAWorkspace(String name, String why) {
        return refuse(
                name,
                "this is not a CostBench prompt workspace (" + why + "; a workspace says \"format\": \"" + FORMAT
                        + "\"). Open a file saved with File ▸ Save");
    }

    private static WorkspaceFileException refuse(String name, String message) {
        return new WorkspaceFileException(name + ": " + message + ".");
    }

    static String type(JsonNode n) {
        return JsonFields.type(n);
    }

    private static String shorten(String s) {
        return JsonFields.shorten(s);
    }
}
