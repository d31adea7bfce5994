// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.validation;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Locale;

/**
 * One validation for every number CostBench reads from a file or a flag: finite, within the declared range of its
 * {@link NumberKind}, and of a bounded size. The size is checked first, from the digits and the exponent alone, so
 * no arithmetic, comparison with side effects or plain formatting ever touches a value like {@code 1e100000000}.
 *
 * <p>A refusal names the field: {@code models[3].prices.input: 1E+100000000 is out of range (0 to 1000 $ per million
 * tokens)}.
 */
public final class NumberRules {

    /** The most digits before the decimal point any number may have (10^16 is above every declared range). */
    public static final int MAX_INTEGER_DIGITS = 16;
    /** The most digits after the decimal point any number may have (room for computed DECIMAL128 shares). */
    public static final int MAX_DECIMALS = 50;
    /** The longest number text read from a flag or a decimal string. */
    public static final int MAX_TEXT_LENGTH = 64;

    private static final int SHOWN_CHARS = 40;

    private NumberRules() {}

    /**
     * Checks a value of {@code kind}.
     *
     * @param field the field path shown in the refusal ("models[3].prices.input", "--monthly")
     * @return the value, unchanged
     * @throws NumberRefusedException when it is too large, too precise, out of range or not whole where it must be
     */
    public static BigDecimal check(String field, BigDecimal value, NumberKind kind) {
        String problem = problem(value, kind);
        if (problem != null) {
            throw new NumberRefusedException(field, problem);
        }
        return value;
    }

    /** What is wrong with {@code value} as a {@code kind}, or null when it is acceptable. */
    public static String problem(BigDecimal value, NumberKind kind) {
        String size = sizeProblem(value);
        if (size != null) {
            return size + " (" + kind.range() + ")";
        }
        if (value.compareTo(kind.min()) < 0 || value.compareTo(kind.max()) > 0) {
            return show(value) + " is out of range (" + kind.range() + ")";
        }
        if (kind.whole() && value.stripTrailingZeros().scale() > 0) {
            return show(value) + " is not a whole number (" + kind.range() + ")";
        }
        return null;
    }

    /**
     * The size bound every number must meet whatever its kind: at most {@value #MAX_INTEGER_DIGITS} digits before
     * the point and {@value #MAX_DECIMALS} after it. Decided from precision and scale only (no arithmetic).
     *
     * @return what is wrong, or null
     */
    public static String sizeProblem(BigDecimal value) {
        if (value.signum() == 0) {
            return null;
        }
        long integerDigits = (long) value.precision() - value.scale();
        if (integerDigits > MAX_INTEGER_DIGITS) {
            return show(value) + " is out of range";
        }
        // Trailing zeros do not count as decimals (0.50000 is 0.5). Stripping is cheap: Jackson's number-length limit
        // bounds the digits, and the exponent alone does not cost anything.
        if (value.scale() > MAX_DECIMALS && value.stripTrailingZeros().scale() > MAX_DECIMALS) {
            return show(value) + " has more than " + MAX_DECIMALS + " decimal places";
        }
        return null;
    }

    /**
     * Checks a JSON value of {@code kind}: a number, or (when {@code textAllowed}) a decimal string such as
     * {@code "0.003625"}.
     *
     * @throws NumberRefusedException also when the value is not a number
     */
    public static BigDecimal check(String field, JsonNode node, NumberKind kind, boolean textAllowed) {
        return check(field, decimal(field, node, textAllowed, kind), kind);
    }

    /** A JSON number (or decimal string) as a BigDecimal, bounded in size but not yet checked against a range. */
    public static BigDecimal decimal(String field, JsonNode node, boolean textAllowed) {
        return decimal(field, node, textAllowed, null);
    }

    /**
     * A JSON number (or decimal string) as a BigDecimal, bounded in size; a size refusal names {@code kind}'s range
     * (null: none). The range itself is not checked.
     */
    public static BigDecimal decimal(String field, JsonNode node, boolean textAllowed, NumberKind kind) {
        try {
            return decimal0(field, node, textAllowed);
        } catch (NumberRefusedException e) {
            boolean size = e.reason().endsWith(" is out of range") || e.reason().endsWith("decimal places");
            throw kind != null && size ? new NumberRefusedException(field, e.reason() + " (" + kind.range() + ")") : e;
        }
    }

    private static BigDecimal decimal0(String field, JsonNode node, boolean textAllowed) {
        if (node == null || node.isMissingNode() || node.isNull()) {
            throw new NumberRefusedException(field, "missing value");
        }
        if (node.isNumber()) {
            if (node.isBigInteger()) {
                BigInteger i = node.bigIntegerValue();
                if (i.bitLength() > 64) {
                    throw new NumberRefusedException(field, shorten(i.toString()) + " is out of range");
                }
            }
            if (node.isDouble() || node.isFloat()) {
                double d = node.doubleValue();
                if (!Double.isFinite(d)) {
                    throw new NumberRefusedException(field, d + " is not a finite number");
                }
            }
            BigDecimal d = node.decimalValue();
            String size = sizeProblem(d);
            if (size != null) {
                throw new NumberRefusedException(field, size);
            }
            return d;
        }
        if (node.isTextual() && textAllowed) {
            return parse(field, node.asText());
        }
        throw new NumberRefusedException(field, "expected a number, got " + describe(node));
    }

    /**
     * Parses number text (a flag's value, a decimal string in a file): at most {@value #MAX_TEXT_LENGTH} characters,
     * a plain or exponent decimal; NaN and Infinity are refused. The size bound applies; the range does not (use
     * {@link #parse(String, String, NumberKind)}).
     */
    public static BigDecimal parse(String field, String text) {
        String t = text == null ? "" : text.strip();
        if (t.isEmpty()) {
            throw new NumberRefusedException(field, "missing value");
        }
        if (t.length() > MAX_TEXT_LENGTH) {
            throw new NumberRefusedException(
                    field, "'" + shorten(t) + "' is too long for a number (limit " + MAX_TEXT_LENGTH + " characters)");
        }
        BigDecimal d;
        try {
            d = new BigDecimal(t);
        } catch (NumberFormatException e) {
            throw new NumberRefusedException(field, "'" + t + "' is not a number");
        }
        String size = sizeProblem(d);
        if (size != null) {
            throw new NumberRefusedException(field, size);
        }
        return d;
    }

    /** Parses and checks a flag value or decimal string of {@code kind}. */
    public static BigDecimal parse(String field, String text, NumberKind kind) {
        BigDecimal d;
        try {
            d = parse(field, text);
        } catch (NumberRefusedException e) {
            boolean size = e.reason().endsWith(" is out of range") || e.reason().endsWith("decimal places");
            throw size ? new NumberRefusedException(field, e.reason() + " (" + kind.range() + ")") : e;
        }
        return check(field, d, kind);
    }

    /** Parses and checks a whole-number flag value of a whole {@code kind} (token counts, repetitions, …). */
    public static long parseWhole(String field, String text, NumberKind kind) {
        BigDecimal d = parse(field, text, kind);
        if (d.stripTrailingZeros().scale() > 0) {
            throw new NumberRefusedException(field, show(d) + " is not a whole number (" + kind.range() + ")");
        }
        return check(field, d, kind).longValueExact();
    }

    /** A JSON whole number of {@code kind} (an integer field). */
    public static long whole(String field, JsonNode node, NumberKind kind) {
        BigDecimal d = decimal(field, node, false, kind);
        if (d.stripTrailingZeros().scale() > 0) {
            throw new NumberRefusedException(field, show(d) + " is not a whole number (" + kind.range() + ")");
        }
        return check(field, d, kind).longValueExact();
    }

    /**
     * A number for messages: plain when it is of a sane size, else scientific (never expanding a huge exponent),
     * and cut to {@value #SHOWN_CHARS} characters.
     */
    public static String show(BigDecimal value) {
        long integerDigits = (long) value.precision() - value.scale();
        boolean sane = integerDigits <= MAX_INTEGER_DIGITS + 4 && value.scale() <= MAX_DECIMALS + 4;
        String s = sane ? value.toPlainString() : value.toString();
        return shorten(s);
    }

    private static String shorten(String s) {
        return s.length() <= SHOWN_CHARS ? s : s.substring(0, SHOWN_CHARS) + "… (" + s.length() + " characters)";
    }

    private static String describe(JsonNode node) {
        if (node.isTextual()) {
            return "the text \"" + shorten(node.asText()) + "\"";
        }
        return node.getNodeType().toString().toLowerCase(Locale.ROOT);
    }
}
