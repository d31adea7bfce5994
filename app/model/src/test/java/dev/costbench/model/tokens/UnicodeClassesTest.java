// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.tokens;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * The committed Unicode 16.0 table extends JDK 17's Unicode 13.0: every code point JDK 17 assigns is classified as it
 * classifies it, and the only differences are the 10,123 letters, marks and numbers assigned in Unicode 14.0–16.0.
 * (That tiktoken agrees with the table on every code point is {@code TiktokenReferenceTest}'s job.)
 */
class UnicodeClassesTest {

    @Test
    void extendsJdk17WithUnicode14To16() {
        int added = 0;
        for (int cp = 0; cp < UnicodeClasses.CODE_POINTS; cp++) {
            int jdk17 = UnicodeClassesGenerator.flagsOf(cp);
            int table = UnicodeClasses.flags(cp);
            if (Character.getType(cp) == Character.UNASSIGNED && table != 0) {
                assertEquals(0, jdk17);
                added++;
            } else if (!(cp >= Character.MIN_SURROGATE && cp <= Character.MAX_SURROGATE)) {
                int c = cp;
                assertEquals(jdk17, table, () -> String.format("U+%04X", c));
            }
        }
        assertEquals(10_123, added);
    }

    @Test
    void whiteSpaceIsTheUnicodeProperty() {
        for (int cp : new int[] {
            0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x2000, 0x200A, 0x2028, 0x2029, 0x202F, 0x205F,
            0x3000
        }) {
            assertEquals(UnicodeClasses.WHITESPACE, UnicodeClasses.flags(cp) & UnicodeClasses.WHITESPACE);
        }
        for (int cp : new int[] {0x1C, 0x1F, 0x180E, 0x200B, 0xFEFF}) {
            assertEquals(0, UnicodeClasses.flags(cp) & UnicodeClasses.WHITESPACE);
        }
    }
}
