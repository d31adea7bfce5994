// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.validation;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;

/**
 * The one Jackson configuration every reader in app/model uses: exact decimals (floats are read as BigDecimal,
 * never as double), and explicit, deliberate size limits instead of Jackson's defaults. A document that breaks a
 * limit is reported as "too long (limit N)", never as "not valid JSON".
 */
public final class JsonReading {

    /** The longest string value: 50,000,000 characters (Jackson's default is 20,000,000). */
    public static final int MAX_STRING_LENGTH = 50_000_000;
    /** The longest number literal: 1,000 characters (a 400-digit integer is read, then refused by its range). */
    public static final int MAX_NUMBER_LENGTH = 1_000;
    /** The deepest nesting of arrays and objects. */
    public static final int MAX_NESTING_DEPTH = 500;
    /** The longest property name. */
    public static final int MAX_NAME_LENGTH = 50_000;
    /** The longest document: 400,000,000 characters (room for experiments with inline media). */
    public static final long MAX_DOCUMENT_LENGTH = 400_000_000L;

    private static final JsonMapper MAPPER = builder().build();

    private JsonReading() {}

    /** The limits above. */
    public static StreamReadConstraints constraints() {
        return constraints(MAX_STRING_LENGTH);
    }

    static StreamReadConstraints constraints(int maxStringLength) {
        return StreamReadConstraints.builder()
                .maxStringLength(maxStringLength)
                .maxNumberLength(MAX_NUMBER_LENGTH)
                .maxNestingDepth(MAX_NESTING_DEPTH)
                .maxNameLength(MAX_NAME_LENGTH)
                .maxDocumentLength(MAX_DOCUMENT_LENGTH)
                .build();
    }

    /** A factory with the limits above. */
    public static JsonFactory factory() {
        return JsonFactory.builder().streamReadConstraints(constraints()).build();
    }

    /** A mapper builder with exact decimals and the limits, for readers that add their own features. */
    public static JsonMapper.Builder builder() {
        return builder(MAX_STRING_LENGTH);
    }

    static JsonMapper.Builder builder(int maxStringLength) {
        return JsonMapper.builder(JsonFactory.builder()
                        .streamReadConstraints(constraints(maxStringLength))
                        .build())
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    }

    /**
     * Reads a tree with {@code mapper}. A number whose exponent does not fit (Jackson throws a bare
     * NumberFormatException for {@code 1e2147483648}) becomes a JsonProcessingException like any other bad JSON.
     */
    public static JsonNode readTree(ObjectMapper mapper, String json) throws JsonProcessingException {
        try {
            return mapper.readTree(json);
        } catch (NumberFormatException e) {
            throw numberOverflow(e);
        }
    }

    /** {@link #readTree(ObjectMapper, String)} for a stream. */
    public static JsonNode readTree(ObjectMapper mapper, InputStream in) throws IOException {
        try {
            return mapper.readTree(in);
        } catch (NumberFormatException e) {
            throw numberOverflow(e);
        }
    }

    private static JsonProcessingException numberOverflow(NumberFormatException e) {
        return new JsonParseException(
                null, "a number cannot be represented (its exponent is out of range): " + e.getMessage(), e);
    }

    /** The shared, configured mapper (thread-safe; do not reconfigure it). */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /**
     * What went wrong, in the user's words: "too long: a text value has more than 50,000,000 characters (limit
     * 50,000,000)" for a broken limit, else "not valid JSON at line L, column C: …".
     */
    public static String describe(JsonProcessingException e) {
        String limit = limitBroken(e);
        if (limit != null) {
            return limit;
        }
        String where = e.getLocation() == null
                ? ""
                : " at line " + e.getLocation().getLineNr() + ", column "
                        + e.getLocation().getColumnNr();
        return "not valid JSON" + where + ": " + e.getOriginalMessage();
    }

    /** The "too long (limit N)" message when {@code e} (or a cause) is a broken size limit; null otherwise. */
    public static String limitBroken(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof StreamConstraintsException) {
                return limitMessage(t.getMessage() == null ? "" : t.getMessage());
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return null;
    }

    private static String limitMessage(String m) {
        if (m.startsWith("String value length")) {
            long n = limitIn(m, MAX_STRING_LENGTH);
            return String.format(Locale.ROOT, "too long: a text value is longer than %,d characters (limit %,d)", n, n);
        }
        if (m.startsWith("Number value length")) {
            return String.format(
                    Locale.ROOT,
                    "too long: a number has more than %,d characters (limit %,d)",
                    MAX_NUMBER_LENGTH,
                    MAX_NUMBER_LENGTH);
        }
        if (m.startsWith("Document nesting depth")) {
            return String.format(
                    Locale.ROOT,
                    "too deeply nested: more than %,d levels of arrays and objects " + "(limit %,d)",
                    MAX_NESTING_DEPTH,
                    MAX_NESTING_DEPTH);
        }
        if (m.startsWith("Document length")) {
            return String.format(
                    Locale.ROOT,
                    "too long: the document has more than %,d characters (limit %,d)",
                    MAX_DOCUMENT_LENGTH,
                    MAX_DOCUMENT_LENGTH);
        }
        if (m.startsWith("Name length")) {
            return String.format(
                    Locale.ROOT,
                    "too long: a property name has more than %,d characters (limit %,d)",
                    MAX_NAME_LENGTH,
                    MAX_NAME_LENGTH);
        }
        return "too long: " + m;
    }

    /** The limit Jackson reports ("… exceeds the maximum allowed (20000000, from …)"), or the default given. */
    private static long limitIn(String m, long dflt) {
        int i = m.indexOf("maximum allowed (");
        if (i < 0) {
            return dflt;
        }
        int from = i + "maximum allowed (".length();
        int to = from;
        while (to < m.length() && Character.isDigit(m.charAt(to))) {
            to++;
        }
        try {
            return Long.parseLong(m.substring(from, to));
        } catch (NumberFormatException e) {
            return dflt;
        }
    }
}
