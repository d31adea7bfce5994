// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.tokens;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The compiled vocabularies: every token is found again by its bytes, through both tables. */
class VocabularyTest {

    @ParameterizedTest
    @CsvSource({"o200k_base, 199998", "cl100k_base, 100256"})
    void everyTokenIsFoundByItsBytes(String name, int size) {
        Vocabulary v = Vocabulary.load(name);
        assertEquals(size, v.size);
        for (int id = 0; id < v.size; id++) {
            byte[] t = v.token(id);
            long h = 0;
            long packed = 0;
            for (byte b : t) {
                h = h * Vocabulary.K + (b & 0xFF) + 1;
                packed = packed << 8 | (b & 0xFF);
            }
            assertEquals(id, v.lookup(h, packed, t, 0, t.length), "token " + id);
            if (t.length == 1) {
                assertEquals(id, v.byteIds[t[0] & 0xFF]);
            }
        }
        // Byte sequences that are not tokens (invalid UTF-8), short and long.
        assertEquals(-1, v.lookupShort(Vocabulary.shortKey(4, 0xFFFEFDFCL)));
        byte[] none = new byte[40];
        Arrays.fill(none, (byte) 0xFF);
        long h = 0;
        for (byte b : none) {
            h = h * Vocabulary.K + (b & 0xFF) + 1;
        }
        assertEquals(-1, v.lookupLong(h, none, 0, none.length));
    }
}
