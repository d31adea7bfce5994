// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.lab.stats;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.costbench.model.tokens.Encoding;
import dev.costbench.model.tokens.Tokenizers;
import dev.costbench.model.validation.JsonReading;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A pass/fail check of one output.
 *
 * <ul>
 *   <li>{@link Kind#CONTAINS} / {@link Kind#NOT_CONTAINS}: the output (does not) contain {@code argument}, as is or
 *       ignoring case (root locale);</li>
 *   <li>{@link Kind#REGEX}: {@code argument} is found somewhere in the output ({@link java.util.regex.Matcher#find});
 *       anchor it with {@code ^…$} to match the whole output; {@code ignoreCase} adds CASE_INSENSITIVE and
 *       UNICODE_CASE;</li>
 *   <li>{@link Kind#VALID_JSON}: the whole output, apart from surrounding whitespace, is one JSON value (no Markdown
 *       fence, no trailing text);</li>
 *   <li>{@link Kind#MAX_CHARS}: at most {@code limit} characters, counted as Unicode code points;</li>
 *   <li>{@link Kind#MAX_TOKENS}: at most {@code limit} output tokens, as billed when the trial's usage is known,
 *       otherwise counted with o200k_base.</li>
 * </ul>
 * A failed trial (no output) fails every check.
 *
 * @param kind       what is checked
 * @param argument   the text or pattern (CONTAINS, NOT_CONTAINS, REGEX), else null
 * @param limit      the maximum (MAX_CHARS, MAX_TOKENS), else 0
 * @param ignoreCase for CONTAINS, NOT_CONTAINS and REGEX
 */
public record Check(Kind kind, String argument, int limit, boolean ignoreCase) {

    private static final ObjectMapper STRICT = JsonReading.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    /** The kinds of check. */
    public enum Kind {
        CONTAINS,
        NOT_CONTAINS,
        REGEX,
        VALID_JSON,
        MAX_CHARS,
        MAX_TOKENS;

        /** The JSON name: "contains", "not_contains", "regex", "valid_json", "max_chars", "max_tokens". */
        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** The outcome of a check on one output. */
    public record Result(Check check, boolean passed, String detail) {}

    public Check {
        Objects.requireNonNull(kind, "kind");
        switch (kind) {
            case CONTAINS, NOT_CONTAINS, REGEX -> {
                if (argument == null || argument.isEmpty()) {
                    throw new IllegalArgumentException(kind.code() + " needs a text");
                }
                if (kind == Kind.REGEX) {
                    try {
                        Pattern.compile(argument);
                    } catch (PatternSyntaxException e) {
                        throw new IllegalArgumentException("invalid regex: " + e.getDescription(), e);
                    }
                }
            }
            case MAX_CHARS, MAX_TOKENS -> {
                if (limit < 0) {
                    throw new IllegalArgumentException(kind.code() + " needs a limit of 0 or more");
                }
            }
            default -> {}
        }
    }

    public static Check contains(String text) {
        return new Check(Kind.CONTAINS, text, 0, false);
    }

    public static Check notContains(String text) {
        return new Check(Kind.NOT_CONTAINS, text, 0, false);
    }

    public static Check regex(String pattern) {
        return new Check(Kind.REGEX, pattern, 0, false);
    }

    public static Check validJson() {
        return new Check(Kind.VALID_JSON, null, 0, false);
    }

    public static Check maxChars(int limit) {
        return new Check(Kind.MAX_CHARS, null, limit, false);
    }

    public static Check maxTokens(int limit) {
        return new Check(Kind.MAX_TOKENS, null, limit, false);
    }

    /** This check ignoring case (CONTAINS, NOT_CONTAINS, REGEX). */
    public Check ignoringCase() {
        return new Check(kind, argument, limit, true);
    }

    /** A short label, e.g. {@code contains "refund"} or {@code ≤ 500 chars}. */
    public String label() {
        String ci = ignoreCase ? " (any case)" : "";
        return switch (kind) {
            case CONTAINS -> "contains \"" + argument + "\"" + ci;
            case NOT_CONTAINS -> "does not contain \"" + argument + "\"" + ci;
            case REGEX -> "matches /" + argument + "/" + ci;
            case VALID_JSON -> "valid JSON";
            case MAX_CHARS -> "≤ " + limit + " chars";
            case MAX_TOKENS -> "≤ " + limit + " tokens";
        };
    }

    /** Checks an output whose token count is not known (MAX_TOKENS counts with o200k_base). */
    public Result evaluate(String output) {
        return evaluate(output, null);
    }

    /**
     * Checks an output.
     *
     * @param output       the output, or null for a failed trial
     * @param outputTokens the billed output tokens when known, else null
     */
    public Result evaluate(String output, Long outputTokens) {
        if (output == null) {
            return new Result(this, false, "no output");
        }
        return switch (kind) {
            case CONTAINS -> {
                boolean found = find(output);
                yield new Result(this, found, found ? "found" : "not found");
            }
            case NOT_CONTAINS -> {
                boolean found = find(output);
                yield new Result(this, !found, found ? "found" : "not found");
            }
            case REGEX -> {
                int flags = ignoreCase ? Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE : 0;
                boolean found = Pattern.compile(argument, flags).matcher(output).find();
                yield new Result(this, found, found ? "matched" : "no match");
            }
            case VALID_JSON -> {
                String error = jsonError(output);
                yield new Result(this, error == null, error == null ? "valid JSON" : error);
            }
            case MAX_CHARS -> {
                int n = output.codePointCount(0, output.length());
                yield new Result(this, n <= limit, n + " chars");
            }
            case MAX_TOKENS -> {
                long n = outputTokens != null ? outputTokens : Tokenizers.count(Encoding.O200K_BASE, output);
                yield new Result(this, n <= limit, n + " tokens" + (outputTokens != null ? "" : " (o200k_base)"));
            }
        };
    }

    private boolean find(String output) {
        if (ignoreCase) {
            return output.toLowerCase(Locale.ROOT).contains(argument.toLowerCase(Locale.ROOT));
        }
        return output.contains(argument);
    }

    private static String jsonError(String output) {
        if (output.isBlank()) {
            return "empty";
        }
        try {
            JsonNode n = STRICT.readTree(output);
            return n == null || n.isMissingNode() ? "empty" : null;
        } catch (JsonProcessingException e) {
            String m = e.getOriginalMessage();
            return "not JSON: " + (m.length() > 120 ? m.substring(0, 120) + "…" : m);
        }
    }

    /** {@code {"type":"contains","value":"…","ignoreCase":false}} or {@code {"type":"max_chars","limit":500}}. */
    public ObjectNode toJson() {
        ObjectNode o = STRICT.createObjectNode();
        o.put("type", kind.code());
        if (argument != null) {
            o.put("value", argument);
        }
        if (kind == Kind.MAX_CHARS || kind == Kind.MAX_TOKENS) {
            o.put("limit", limit);
        }
        if (ignoreCase) {
            o.put("ignoreCase", true);
        }
        return o;
    }

    /** The check in the form {@link #toJson} writes. */
    public static Check fromJson(JsonNode o) {
        String type = o.path("type").asText("");
        Kind kind = null;
        for (Kind k : Kind.values()) {
            if (k.code().equalsIgnoreCase(type)) {
                kind = k;
            }
        }
        if (kind == null) {
            throw new IllegalArgumentException("unknown check type '" + type + "'");
        }
        String value = o.hasNonNull("value") ? o.get("value").asText() : null;
        return new Check(
                kind, value, o.path("limit").asInt(0), o.path("ignoreCase").asBoolean(false));
    }

    /** The checks of a JSON array of {@link #toJson} objects; empty for a missing node. */
    public static List<Check> listFromJson(JsonNode array) {
        List<Check> out = new ArrayList<>();
        if (array != null && array.isArray()) {
            array.forEach(n -> out.add(fromJson(n)));
        }
        return out;
    }
}
