// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.tokens;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A regex of a {@code tokenizer.json} (a split pattern, a {@code Replace} normalizer) compiled with the JDK's regex
 * engine so that its general categories ({@code \p{L}}, {@code \p{N}}, {@code \P{Lu}}, {@code \pM} …, also inside
 * {@code [...]} and {@code [^...]}) mean what they mean in the Rust {@code tokenizers} library — Unicode 16.0
 * ({@link UnicodeCategories}) — instead of the running JDK's Unicode version (JDK 17: 13.0, where 11,139 letters,
 * numbers, marks, punctuation and symbols assigned since are unassigned).
 *
 * <p>Two patterns: the JDK's own ({@code plain}), and one where each category is the JDK's class corrected by the
 * code points on which the JDK and Unicode 16.0 differ ({@code exact}: {@code [\p{S}[\p{Cn}&&[\x{1F6DD}…]]]}, the rare
 * code points whose category changed — U+1734, U+1171E: Mn to Mc — added or taken out explicitly). A text without
 * any of those code points matches the same under both, so it runs on the plain pattern (the corrected classes are
 * slower: they leave the JDK's fast path for the Basic Multilingual Plane); only a text holding one runs on the exact
 * one. On a JDK that knows Unicode 16.0 the two are the same. Other properties (scripts, {@code \w}, {@code \d})
 * keep the JDK's meaning.
 */
final class HfRegex {

    /** Category names (short and long, as Oniguruma accepts them: any case, without {@code _ - space}). */
    private static final Map<String, String> NAMES = new HashMap<>();
    /** The {@link Character#getType(int)} numbers of each short name. */
    private static final Map<String, int[]> TYPES = new HashMap<>();
    /** The corrected class of each short name, once computed. */
    private static final Map<String, String> CLASSES = new ConcurrentHashMap<>();

    static {
        category("Lu", "Uppercase_Letter", Character.UPPERCASE_LETTER);
        category("Ll", "Lowercase_Letter", Character.LOWERCASE_LETTER);
        category("Lt", "Titlecase_Letter", Character.TITLECASE_LETTER);
        category("Lm", "Modifier_Letter", Character.MODIFIER_LETTER);
        category("Lo", "Other_Letter", Character.OTHER_LETTER);
        category("Mn", "Nonspacing_Mark", Character.NON_SPACING_MARK);
        category("Mc", "Spacing_Mark", Character.COMBINING_SPACING_MARK);
        category("Me", "Enclosing_Mark", Character.ENCLOSING_MARK);
        category("Nd", "Decimal_Number", Character.DECIMAL_DIGIT_NUMBER);
        category("Nl", "Letter_Number", Character.LETTER_NUMBER);
        category("No", "Other_Number", Character.OTHER_NUMBER);
        category("Pc", "Connector_Punctuation", Character.CONNECTOR_PUNCTUATION);
        category("Pd", "Dash_Punctuation", Character.DASH_PUNCTUATION);
        category("Ps", "Open_Punctuation", Character.START_PUNCTUATION);
        category("Pe", "Close_Punctuation", Character.END_PUNCTUATION);
        category("Pi", "Initial_Punctuation", Character.INITIAL_QUOTE_PUNCTUATION);
        category("Pf", "Final_Punctuation", Character.FINAL_QUOTE_PUNCTUATION);
        category("Po", "Other_Punctuation", Character.OTHER_PUNCTUATION);
        category("Sm", "Math_Symbol", Character.MATH_SYMBOL);
        category("Sc", "Currency_Symbol", Character.CURRENCY_SYMBOL);
        category("Sk", "Modifier_Symbol", Character.MODIFIER_SYMBOL);
        category("So", "Other_Symbol", Character.OTHER_SYMBOL);
        category("Zs", "Space_Separator", Character.SPACE_SEPARATOR);
        category("Zl", "Line_Separator", Character.LINE_SEPARATOR);
        category("Zp", "Paragraph_Separator", Character.PARAGRAPH_SEPARATOR);
        category("Cc", "Control", Character.CONTROL);
        category("Cf", "Format", Character.FORMAT);
        category("Co", "Private_Use", Character.PRIVATE_USE);
        category("Cs", "Surrogate", Character.SURROGATE);
        category("Cn", "Unassigned", Character.UNASSIGNED);
        group("L", "Letter", "Lu", "Ll", "Lt", "Lm", "Lo");
        group("LC", "Cased_Letter", "Lu", "Ll", "Lt");
        group("M", "Mark", "Mn", "Mc", "Me");
        group("N", "Number", "Nd", "Nl", "No");
        group("P", "Punctuation", "Pc", "Pd", "Ps", "Pe", "Pi", "Pf", "Po");
        group("S", "Symbol", "Sm", "Sc", "Sk", "So");
        group("Z", "Separator", "Zs", "Zl", "Zp");
        group("C", "Other", "Cc", "Cf", "Cs", "Co", "Cn");
    }

    private final Pattern plain;
    private final Pattern exact;

    private HfRegex(Pattern plain, Pattern exact) {
        this.plain = plain;
        this.exact = exact;
    }

    private static void category(String shortName, String longName, int type) {
        NAMES.put(key(shortName), shortName);
        NAMES.put(key(longName), shortName);
        TYPES.put(shortName, new int[] {type});
    }

    private static void group(String shortName, String longName, String... members) {
        NAMES.put(key(shortName), shortName);
        NAMES.put(key(longName), shortName);
        TYPES.put(
                shortName,
                Arrays.stream(members)
                        .flatMapToInt(m -> Arrays.stream(TYPES.get(m)))
                        .toArray());
    }

    private static String key(String name) {
        return name.replaceAll("[_\\- ]", "").toLowerCase(Locale.ROOT);
    }

    /** The regex compiled with Unicode character classes, its general categories those of Unicode 16.0. */
    static HfRegex compile(String regex) {
        String plain = rewrite(regex, false);
        String exact = rewrite(regex, true);
        Pattern p = Pattern.compile(plain, Pattern.UNICODE_CHARACTER_CLASS);
        return new HfRegex(p, exact.equals(plain) ? p : Pattern.compile(exact, Pattern.UNICODE_CHARACTER_CLASS));
    }

    /** A matcher over {@code s[from .. to)}, on the plain pattern when that text matches the same under it. */
    Matcher matcher(String s, int from, int to) {
        Matcher m = (exact == plain || !Differences.within(s, from, to) ? plain : exact).matcher(s);
        m.region(from, to);
        return m;
    }

    /** Every match in {@code s} replaced by {@code replacement} (taken literally). */
    String replaceAll(String s, String replacement) {
        return matcher(s, 0, s.length()).replaceAll(Matcher.quoteReplacement(replacement));
    }

    /** The pattern a text holding code points the JDK and Unicode 16.0 classify differently runs on. */
    Pattern exact() {
        return exact;
    }

    /** The regex with each general category written as the JDK's short name, or as its Unicode 16.0 class. */
    static String rewrite(String regex, boolean exact) {
        StringBuilder out = new StringBuilder(regex.length());
        int i = 0;
        while (i < regex.length()) {
            char c = regex.charAt(i);
            if (c == '\\' && i + 1 < regex.length()) {
                char e = regex.charAt(i + 1);
                if (e == 'p' || e == 'P') {
                    int end = propertyEnd(regex, i + 2);
                    String name = regex.substring(i + 2, end);
                    boolean negated = e == 'P';
                    if (name.startsWith("{") && name.endsWith("}")) {
                        name = name.substring(1, name.length() - 1);
                        if (name.startsWith("^")) {
                            negated = !negated;
                            name = name.substring(1);
                        }
                    }
                    String category = NAMES.get(key(name));
                    if (category != null) {
                        out.append(exact ? classOf(category, negated) : (negated ? "\\P{" : "\\p{") + category + "}");
                    } else {
                        out.append(regex, i, end);
                    }
                    i = end;
                    continue;
                }
                out.append(c).append(e);
                i += 2;
                continue;
            }
            out.append(c);
            i++;
        }
        return out.toString();
    }

    /** The end of a property name after {@code \p}: {@code {…}} or one letter. */
    private static int propertyEnd(String regex, int from) {
        if (from < regex.length() && regex.charAt(from) == '{') {
            int close = regex.indexOf('}', from);
            return close < 0 ? regex.length() : close + 1;
        }
        return Math.min(regex.length(), from + 1);
    }

    /**
     * A class holding exactly the Unicode 16.0 members of the category (or, negated, every other code point); it
     * stands as it is inside or outside {@code [...]}.
     */
    static String classOf(String category, boolean negated) {
        String body = CLASSES.computeIfAbsent(category, HfRegex::computeClass);
        if (body.equals("\\p{" + category + "}")) {
            return negated ? "\\P{" + category + "}" : body;
        }
        return negated ? "[^[" + body + "]]" : "[" + body + "]";
    }

    private static String computeClass(String category) {
        int[] types = TYPES.get(category);
        List<int[]> addedUnassigned = new ArrayList<>();
        List<int[]> addedAssigned = new ArrayList<>();
        List<int[]> removed = new ArrayList<>();
        for (int cp : Differences.CODE_POINTS) {
            int jdkType = Character.getType(cp);
            boolean inJdk = contains(types, jdkType);
            boolean inTable = contains(types, UnicodeCategories.type(cp));
            if (inTable && !inJdk) {
                add(jdkType == Character.UNASSIGNED ? addedUnassigned : addedAssigned, cp);
            } else if (inJdk && !inTable) {
                add(removed, cp);
            }
        }
        StringBuilder b = new StringBuilder("\\p{").append(category).append('}');
        if (!addedUnassigned.isEmpty()) {
            b.append("[\\p{Cn}&&[");
            ranges(b, addedUnassigned);
            b.append("]]");
        }
        ranges(b, addedAssigned);
        if (!removed.isEmpty()) {
            b.append("&&[^");
            ranges(b, removed);
            b.append(']');
        }
        return b.toString();
    }

    private static boolean contains(int[] types, int type) {
        for (int t : types) {
            if (t == type) {
                return true;
            }
        }
        return false;
    }

    private static void add(List<int[]> ranges, int cp) {
        if (!ranges.isEmpty() && ranges.get(ranges.size() - 1)[1] == cp - 1) {
            ranges.get(ranges.size() - 1)[1] = cp;
        } else {
            ranges.add(new int[] {cp, cp});
        }
    }

    private static void ranges(StringBuilder b, List<int[]> ranges) {
        for (int[] r : ranges) {
            b.append(String.format("\\x{%X}", r[0]));
            if (r[1] > r[0]) {
                b.append(String.format("-\\x{%X}", r[1]));
            }
        }
    }

    /** The code points whose general category differs between the running JDK and Unicode 16.0, found once. */
    private static final class Differences {
        static final int[] CODE_POINTS;
        static final BitSet SET = new BitSet(UnicodeClasses.CODE_POINTS);
        /** The smallest of them (a char below it needs no look-up). */
        static final int MIN;

        static {
            int run = 0;
            for (int cp = 0; cp < UnicodeClasses.CODE_POINTS; cp++) {
                while (run + 1 < UnicodeCategories.runs() && UnicodeCategories.runStart(run + 1) <= cp) {
                    run++;
                }
                if (Character.getType(cp) != UnicodeCategories.runType(run)) {
                    SET.set(cp);
                }
            }
            CODE_POINTS = SET.stream().toArray();
            MIN = CODE_POINTS.length == 0 ? UnicodeClasses.CODE_POINTS : CODE_POINTS[0];
        }

        private Differences() {}

        /** Whether {@code s[from .. to)} holds one of them. */
        static boolean within(String s, int from, int to) {
            for (int i = from; i < to; i++) {
                char c = s.charAt(i);
                if (c >= MIN) {
                    int cp = Character.codePointAt(s, i);
                    if (SET.get(cp)) {
                        return true;
                    }
                    if (cp > Character.MAX_VALUE) {
                        i++;
                    }
                }
            }
            return false;
        }
    }
}
