// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.tokens;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Split patterns' general categories are Unicode 16.0's, as in the Rust {@code tokenizers} library, on every code
 * point, whatever the JDK knows: {@code \p{X}}, {@code \P{X}}, {@code \p{^X}}, {@code \pX}, long names and the
 * category inside a negated class (each fails on JDK 17's own classes, which are Unicode 13.0).
 */
class HfRegexTest {

    /** Every code point but the surrogates, one after another. */
    private static final String ALL = allCodePoints();

    private static String allCodePoints() {
        StringBuilder b = new StringBuilder();
        for (int cp = 0; cp < UnicodeClasses.CODE_POINTS; cp++) {
            if (cp < Character.MIN_SURROGATE || cp > Character.MAX_SURROGATE) {
                b.appendCodePoint(cp);
            }
        }
        return b.toString();
    }

    /** The code points the pattern matches one at a time in {@link #ALL}. */
    private static List<Integer> matched(String regex) {
        List<Integer> out = new ArrayList<>();
        Matcher m = HfRegex.compile(regex).matcher(ALL, 0, ALL.length());
        while (m.find()) {
            out.add(ALL.codePointAt(m.start()));
        }
        return out;
    }

    private static List<Integer> expected(Set<Integer> types, boolean negated) {
        List<Integer> out = new ArrayList<>();
        for (int cp = 0; cp < UnicodeClasses.CODE_POINTS; cp++) {
            if ((cp < Character.MIN_SURROGATE || cp > Character.MAX_SURROGATE)
                    && types.contains(UnicodeCategories.type(cp)) != negated) {
                out.add(cp);
            }
        }
        return out;
    }

    @ParameterizedTest
    @CsvSource({
        "'\\p{L}', L, false, 141028",
        "'\\pN', N, false, 1911",
        "'\\p{Mark}', M, false, 2501",
        "'\\p{P}', P, false, 855",
        "'[\\p{S}]', S, false, 8514",
        "'\\p{Mn}', Mn, false, 2020",
        "'\\p{Mc}', Mc, false, 468",
        "'\\p{Other_Letter}', Lo, false, 136477",
        "'[^\\r\\n\\p{L}\\p{P}\\p{S}]', LPS, true, -1",
        "'\\P{L}', L, true, -1",
        "'\\p{^N}', N, true, -1",
    })
    void categoriesAreUnicode16(String regex, String category, boolean negated, int count) {
        Set<Integer> types = switch (category) {
            case "L" -> Set.of(1, 2, 3, 4, 5);
            case "N" -> Set.of(9, 10, 11);
            case "M" -> Set.of(6, 7, 8);
            case "P" -> Set.of(20, 21, 22, 23, 24, 29, 30);
            case "S" -> Set.of(25, 26, 27, 28);
            case "Mn" -> Set.of(6);
            case "Mc" -> Set.of(8);
            case "Lo" -> Set.of(5);
            default -> Set.of(1, 2, 3, 4, 5, 20, 21, 22, 23, 24, 29, 30, 25, 26, 27, 28); // L, P and S
        };
        List<Integer> expected = expected(types, negated);
        if (category.equals("LPS")) {
            expected.removeIf(cp -> cp == '\r' || cp == '\n');
        }
        List<Integer> actual = matched(regex);
        if (count >= 0) {
            assertEquals(count, expected.size(), "Unicode 16.0 size of " + category);
        }
        assertEquals(expected.size(), actual.size(), regex + " matches as many code points as Unicode 16.0 has");
        assertEquals(expected, actual, regex);
    }

    @ParameterizedTest
    @CsvSource({"'\\p{L}+', 'Vithkuqi 𐕰𐕱𐕲 Toto 𞊐𞊑 Kawi 𑼄𑼅'", "'\\p{N}', '𑽐𑽑 𞓰'"})
    void newerCharactersMatch(String regex, String text) {
        Matcher m = HfRegex.compile(regex).matcher(text, 0, text.length());
        int n = 0;
        while (m.find()) {
            n++;
        }
        assertTrue(n >= 3, regex + " finds the newer characters in " + text);
    }

    @ParameterizedTest
    @CsvSource({"'\\p{Han}+'", "'\\d'", "'\\\\p{L}'", "'a\\p'"})
    void otherPropertiesAndEscapesStayAsTheyAre(String regex) {
        assertEquals(regex, HfRegex.rewrite(regex, true));
    }

    @Test
    void aNewerCharacterInTheRegionDecidesTheExactPattern() {
        HfRegex r = HfRegex.compile("\\p{L}+");
        String s = "ab 𐕰𐕱 cd";
        assertEquals("𐕰𐕱", find(r.matcher(s, 2, s.length())));
        assertTrue(r.matcher(s, 2, s.length()).pattern() == r.exact(), "the region holds Vithkuqi letters");
        assertTrue(r.matcher(s, 0, 2).pattern() != r.exact(), "plain ASCII runs on the JDK's own classes");
        assertEquals("x", HfRegex.compile("\\p{S}+").replaceAll("🛝", "x"), "a Replace normalizer too");
    }

    private static String find(Matcher m) {
        return m.find() ? m.group() : "";
    }
}
