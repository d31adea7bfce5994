// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.workload.conversation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.costbench.model.validation.JsonFields;
import dev.costbench.model.validation.JsonNumbers;
import dev.costbench.model.validation.JsonReading;
import dev.costbench.model.validation.NumberKind;
import dev.costbench.model.validation.NumberRules;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Reads a {@link Conversation} from one readable JSON file:
 *
 * <pre>{@code
 * {
 *   "format": "costbench-conversation",
 *   "version": 1,
 *   "name": "Support chat",
 *   "model": "claude-sonnet-4-5",
 *   "system": 450,                        (tokens, or the text itself: "You are …")
 *   "tools": 0,                           (tokens, or the tool definitions as text)
 *   "turnGapSeconds": 60,
 *   "summary": { "tokens": 200, "model": "gpt-5-mini" },
 *   "turns": [ { "user": 80, "assistant": 120 }, { "user": "Where is my order?", "assistant": "…" } ]
 * }
 * }</pre>
 *
 * Instead of {@code turns}, {@code "generate": {"turns": 20, "user": 80, "assistant": 120}} makes N equal turns. Only
 * {@code format}, {@code version} and one of {@code turns} / {@code generate} are required. Every refusal names the
 * file, the field and what to do.
 */
public final class ConversationFiles {

    public static final String FORMAT = "costbench-conversation";
    public static final int VERSION = 1;
    /** Classpath folder of the built-in samples ({@code resources/conversations} in the repository). */
    public static final String SAMPLE_DIR = "/conversations/";
    /** The built-in samples, by file name without {@code .json}. */
    public static final List<String> SAMPLES = List.of("seed001-20-turn-chat", "support-chat-30-turns");
    /** The most turns a file may hold or generate. */
    public static final int MAX_TURNS = 10_000;

    private static final Set<String> TOP = Set.of(
            "format", "version", "name", "model", "system", "tools", "turnGapSeconds", "summary", "turns", "generate");
    private static final Set<String> TURN = Set.of("user", "assistant");
    private static final Set<String> GENERATE = Set.of("turns", "user", "assistant");
    private static final Set<String> SUMMARY = Set.of("tokens", "model");

    private ConversationFiles() {}

    /**
     * A file that is not a conversation this CostBench can read: the message is "{@code file}: what is wrong and what
     * to do."
     */
    public static final class ConversationFileException extends IOException {
        private static final long serialVersionUID = 1L;
        private final String file;

        public ConversationFileException(String file, String problem) {
            super(file + ": " + problem + ".");
            this.file = file;
        }

        /** The name of the file refused (or of the sample, or "standard input"). */
        public String file() {
            return file;
        }
    }

    /** Reads {@code file}; the message of a refusal starts with its file name. */
    public static Conversation read(Path file) throws IOException {
        String name = String.valueOf(file.getFileName());
        try {
            return fromJson(Files.readString(file, StandardCharsets.UTF_8), name);
        } catch (CharacterCodingException e) {
            throw refuse(name, "not UTF-8 text, so not a conversation file. Open a costbench-conversation JSON file");
        }
    }

    /** The built-in sample {@code name} (one of {@link #SAMPLES}). */
    public static Conversation sample(String name) throws IOException {
        try (InputStream in = ConversationFiles.class.getResourceAsStream(SAMPLE_DIR + name + ".json")) {
            if (in == null) {
                throw refuse(
                        name, "no built-in conversation has this name (samples: " + String.join(", ", SAMPLES) + ")");
            }
            return fromJson(new String(in.readAllBytes(), StandardCharsets.UTF_8), name + ".json");
        }
    }

    /** Parses conversation JSON; {@code name} (the file's name) starts every message. */
    public static Conversation fromJson(String json, String name) throws ConversationFileException {
        JsonNode root;
        try {
            root = JsonReading.readTree(JsonReading.mapper(), json);
        } catch (JsonProcessingException e) {
            throw refuse(name, JsonReading.describe(e) + ". The file is damaged; fix it in an editor");
        }
        if (root == null || !root.isObject()) {
            throw notAConversation(name, "it is not a JSON object");
        }
        JsonNode format = root.get("format");
        if (format == null || !format.isTextual()) {
            throw notAConversation(name, "it has no \"format\"");
        }
        if (!FORMAT.equals(format.asText())) {
            throw notAConversation(name, "its \"format\" is \"" + shorten(format.asText()) + "\"");
        }
        JsonNode v = root.get("version");
        if (v == null || !v.isIntegralNumber() || !v.canConvertToLong()) {
            throw refuse(
                    name, "\"version\" is " + (v == null ? "missing" : type(v)) + "; write \"version\": " + VERSION);
        }
        if (v.longValue() != VERSION) {
            throw refuse(
                    name,
                    v.longValue() > VERSION
                            ? "version " + v.longValue() + " was written for a newer CostBench (this one reads version "
                                    + VERSION + "). Update CostBench, or write \"version\": " + VERSION
                            : "version " + v.longValue() + " is not a conversation version (this CostBench reads "
                                    + "version " + VERSION + ")");
        }
        try {
            List<RuntimeException> numbers = new ArrayList<>(JsonNumbers.check(root, (p, k) -> null, false));
            if (!numbers.isEmpty()) {
                throw numbers.get(0);
            }
            unknown(root, "", TOP);
            JsonNode summary = object(root, "summary");
            return new Conversation(
                    text(root, "name"),
                    size(root.get("system"), "system"),
                    size(root.get("tools"), "tools"),
                    turns(root),
                    text(root, "model"),
                    root.hasNonNull("turnGapSeconds")
                            ? NumberRules.whole("turnGapSeconds", root.get("turnGapSeconds"), NumberKind.SECONDS)
                            : Conversation.DEFAULT_TURN_GAP_SECONDS,
                    summary.hasNonNull("tokens")
                            ? NumberRules.whole("summary.tokens", summary.get("tokens"), NumberKind.TOKENS)
                            : Conversation.DEFAULT_SUMMARY_TOKENS,
                    text(summary, "model"));
        } catch (IllegalArgumentException e) {
            throw refuse(name, e.getMessage() + ". Fix that field in an editor");
        }
    }

    private static List<Turn> turns(JsonNode root) {
        JsonNode turns = root.get("turns");
        JsonNode gen = root.get("generate");
        if ((turns == null || turns.isNull()) == (gen == null || gen.isNull())) {
            throw new IllegalArgumentException(
                    "a conversation has either \"turns\" (a list) or \"generate\" ({\"turns\": N, \"user\": U, "
                            + "\"assistant\": A}), "
                            + (turns == null || turns.isNull() ? "found neither" : "found both"));
        }
        if (gen != null && !gen.isNull()) {
            JsonNode g = object(root, "generate");
            unknown(g, "generate.", GENERATE);
            long n = g.hasNonNull("turns") ? NumberRules.whole("generate.turns", g.get("turns"), NumberKind.TOKENS) : 0;
            if (n < 1 || n > MAX_TURNS) {
                throw new IllegalArgumentException("generate.turns: expected 1 to " + MAX_TURNS + " turns, got "
                        + (g.hasNonNull("turns") ? n : "nothing"));
            }
            return Conversation.generate((int) n, tokens(g, "generate.", "user"), tokens(g, "generate.", "assistant"));
        }
        if (!turns.isArray() || turns.isEmpty()) {
            throw new IllegalArgumentException(
                    "turns: expected a list of at least one {\"user\": …, \"assistant\": …}, " + "got "
                            + (turns.isArray() ? "an empty list" : type(turns)));
        }
        if (turns.size() > MAX_TURNS) {
            throw new IllegalArgumentException("turns: at most " + MAX_TURNS + " turns, got " + turns.size());
        }
        List<Turn> out = new ArrayList<>();
        for (int i = 0; i < turns.size(); i++) {
            String path = "turns[" + i + "]";
            JsonNode t = turns.get(i);
            if (!t.isObject()) {
                throw new IllegalArgumentException(path + ": expected {\"user\": …, \"assistant\": …}, got " + type(t));
            }
            unknown(t, path + ".", TURN);
            out.add(new Turn(size(t.get("user"), path + ".user"), size(t.get("assistant"), path + ".assistant")));
        }
        return out;
    }

    /** A size: a whole number of tokens, or a text to count; missing or null: none. */
    private static Sized size(JsonNode n, String field) {
        if (n == null || n.isNull()) {
            return Sized.NONE;
        }
        if (n.isTextual()) {
            return Sized.text(n.asText());
        }
        if (n.isNumber()) {
            return Sized.tokens(NumberRules.whole(field, n, NumberKind.TOKENS));
        }
        throw new IllegalArgumentException(field + ": expected tokens (a number) or the text itself, got " + type(n));
    }

    private static long tokens(JsonNode g, String prefix, String field) {
        JsonNode n = g.get(field);
        if (n == null || !n.isNumber()) {
            throw new IllegalArgumentException(
                    prefix + field + ": expected tokens per turn (a number), got " + (n == null ? "nothing" : type(n)));
        }
        return NumberRules.whole(prefix + field, n, NumberKind.TOKENS);
    }

    private static JsonNode object(JsonNode root, String field) {
        JsonNode n = root.path(field);
        if (n.isMissingNode() || n.isNull()) {
            return JsonReading.mapper().createObjectNode();
        }
        if (!n.isObject()) {
            throw new IllegalArgumentException(field + ": expected an object, got " + type(n));
        }
        unknown(n, field + ".", field.equals("summary") ? SUMMARY : GENERATE);
        return n;
    }

    private static String text(JsonNode root, String field) {
        JsonNode n = root.get(field);
        if (n == null || n.isNull()) {
            return null;
        }
        if (!n.isTextual()) {
            throw new IllegalArgumentException(field + ": expected text, got " + type(n));
        }
        return n.asText();
    }

    private static void unknown(JsonNode node, String prefix, Set<String> known) {
        JsonFields.requireKnown(node, prefix, known, "a conversation");
    }

    private static ConversationFileException notAConversation(String name, String why) {
        return refuse(
                name,
                "this is not a CostBench conversation (" + why + "; a conversation file says \"format\": \"" + FORMAT
                        + "\"). Open a conversation file, or add that line");
    }

    private static ConversationFileException refuse(String name, String message) {
        return new ConversationFileException(name, message);
    }

    private static String type(JsonNode n) {
        return JsonFields.type(n);
    }

    private static String shorten(String s) {
        return JsonFields.shorten(s);
    }
}
