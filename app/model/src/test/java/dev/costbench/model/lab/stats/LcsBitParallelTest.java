// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.lab.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The bit-parallel LCS against the textbook dynamic programme, across word boundaries of the bit vector. */
class LcsBitParallelTest {

    @Test
    void agreesWithTheDynamicProgrammeOnRandomTexts() {
        Random r = new Random(7);
        for (int round = 0; round < 2000; round++) {
            int vocabulary = 1 + r.nextInt(round % 3 == 0 ? 3 : 40);
            List<String> a = words(r, r.nextInt(round % 5 == 0 ? 300 : 90), vocabulary);
            List<String> b = words(r, r.nextInt(round % 7 == 0 ? 200 : 70), vocabulary);
            int[][] ids = WordDiff.ids(a, b);
            int expected = TextSimilarity.lcsLength(ids[0], ids[1]);
            assertEquals(expected, TextSimilarity.lcsLength(a, b), a + " / " + b);
            assertEquals(expected, TextSimilarity.lcsLength(b, a));
            TextSimilarity.Dictionary d = new TextSimilarity.Dictionary();
            int[] ia = d.encode(a);
            int[] ib = d.encode(b);
            assertEquals(TextSimilarity.rougeL(a, b), TextSimilarity.rougeL(ia, ib));
            assertEquals(TextSimilarity.tokenF1(a, b), TextSimilarity.tokenF1(ia, ib));
            assertEquals(TextSimilarity.tokenF1(b, a), TextSimilarity.tokenF1(ib, ia));
        }
    }

    @Test
    void exactlyAtTheWordBoundaries() {
        for (int n : new int[] {63, 64, 65, 127, 128, 129}) {
            List<String> a = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                a.add("w" + (i % 5));
            }
            assertEquals(n, TextSimilarity.lcsLength(a, a));
            assertEquals(0, TextSimilarity.lcsLength(a, List.of("x")));
        }
    }

    private static List<String> words(Random r, int n, int vocabulary) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add("w" + r.nextInt(vocabulary));
        }
        return out;
    }
}
