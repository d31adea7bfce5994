// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.tokens;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The committed Unicode 16.0 general categories extend JDK 17's Unicode 13.0: the same category for every code point
 * JDK 17 assigns but two marks that became spacing marks, and 11,139 code points assigned in Unicode 14.0–16.0.
 */
class UnicodeCategoriesTest {

    @Test
    void extendsJdk17WithUnicode14To16() {
        int added = 0;
        List<String> changed = new ArrayList<>();
        for (int cp = 0; cp < UnicodeClasses.CODE_POINTS; cp++) {
            int jdk17 = Character.getType(cp);
            int table = UnicodeCategories.type(cp);
            if (jdk17 == Character.UNASSIGNED && table != Character.UNASSIGNED) {
                added++;
            } else if (jdk17 != table) {
                changed.add(String.format("U+%04X %d→%d", cp, jdk17, table));
            }
        }
        assertEquals(11_139, added);
        assertEquals(List.of("U+1734 6→8", "U+1171E 6→8"), changed);
    }

    @Test
    void newerCharactersHaveTheirCategories() {
        assertEquals(Character.UPPERCASE_LETTER, UnicodeCategories.type(0x10570)); // Vithkuqi capital A, 14.0
        assertEquals(Character.OTHER_LETTER, UnicodeCategories.type(0x1E290)); // Toto letter pa, 14.0
        assertEquals(Character.DECIMAL_DIGIT_NUMBER, UnicodeCategories.type(0x11F50)); // Kawi digit zero, 15.0
        assertEquals(Character.OTHER_LETTER, UnicodeCategories.type(0x31350)); // CJK Extension H, 15.0
        assertEquals(Character.OTHER_SYMBOL, UnicodeCategories.type(0x1F6DD)); // 🛝 playground slide, 14.0
        assertEquals(Character.UNASSIGNED, UnicodeCategories.type(0x2FFFF));
        assertEquals(Character.UNASSIGNED, UnicodeCategories.type(0x1FAEA)); // assigned in Unicode 17.0 only
    }
}
