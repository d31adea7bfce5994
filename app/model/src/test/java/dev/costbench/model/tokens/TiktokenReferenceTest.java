// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.tokens;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Token ids equal to tiktoken's (npm tiktoken 1.0.22), summarised as count and SHA-256 in fixtures written by
 * {@code scripts/tiktoken-fixtures.js}:
 * <ul>
 *   <li>every code point of planes 0–3 and U+E0000..U+E0FFF and the first and last 256 of the other planes, each in
 *       contexts that expose its class to both split patterns (letter of either case, mark, number, whitespace,
 *       punctuation; contraction, number grouping, prefix, lookahead and slash rules) — this is what pins the
 *       Unicode 16.0 tables, including the 10,123 code points JDK 17 does not know;</li>
 *   <li>a generated corpus of random text over all of Unicode (see {@link RandomText}), including the scripts added in
 *       Unicode 14.0–16.0, which the jtokkit comparison has to leave out.</li>
 * </ul>
 * {@link #main} writes the texts of the corpus for the node script.
 */
class TiktokenReferenceTest {

    private static final Encoding[] ENCODINGS = {Encoding.O200K_BASE, Encoding.CL100K_BASE};

    /** The contexts of one code point; must stay identical to {@code unit} in scripts/tiktoken-fixtures.js. */
    static String unit(String x) {
        return "a" + x + "b A" + x + "B Ab" + x + "Cd " + x + "'s " + x + "'S 1" + x + "23 \t" + x + x + " !" + x + "? "
                + x + "\n" + x + "\r\n  " + x + "  x" + x + "/" + x + "\n/ ";
    }

    /** The code points of group {@code g} (cp >>> 12) that the fixture covers, as in the node script. */
    static List<Integer> group(int g) {
        List<Integer> cps = new ArrayList<>();
        int plane = g >>> 4;
        for (int cp = g << 12; cp < (g + 1) << 12; cp++) {
            if (cp >= 0xD800 && cp <= 0xDFFF) {
                continue;
            }
            boolean whole = plane <= 3 || (cp >= 0xE0000 && cp < 0xE1000);
            int low = cp & 0xFFFF;
            if (whole || low < 256 || low >= 0xFF00) {
                cps.add(cp);
            }
        }
        return cps;
    }

    static String digest(int[] ids) throws Exception {
        ByteBuffer b = ByteBuffer.allocate(ids.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (int id : ids) {
            b.putInt(id);
        }
        return HexFormat.of()
                .formatHex(MessageDigest.getInstance("SHA-256").digest(b.array()))
                .substring(0, 16);
    }

    @TestFactory
    List<DynamicTest> everyCodePointInContextEncodesLikeTiktoken() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        int codePoints = 0;
        for (String line : lines("/tiktoken-codepoints.txt")) {
            if (line.startsWith("#")) {
                continue;
            }
            String[] f = line.split(" ");
            int g = Integer.parseInt(f[0], 16);
            List<Integer> cps = group(g);
            assertEquals(Integer.parseInt(f[1]), cps.size(), "code points of group " + f[0]);
            codePoints += cps.size();
            tests.add(DynamicTest.dynamicTest(String.format("U+%04X..U+%04X", g << 12, ((g + 1) << 12) - 1), () -> {
                StringBuilder b = new StringBuilder(cps.size() * 48);
                for (int cp : cps) {
                    b.append(unit(new String(Character.toChars(cp))));
                }
                String text = b.toString();
                for (int e = 0; e < ENCODINGS.length; e++) {
                    int[] ids = Tokenizer.of(ENCODINGS[e]).encode(text);
                    assertEquals(f[2 + e], ids.length + "," + digest(ids), ENCODINGS[e] + ": count,sha256");
                }
            }));
        }
        assertEquals(270_336, codePoints);
        return tests;
    }

    @TestFactory
    List<DynamicTest> generatedCorpusEncodesLikeTiktoken() throws IOException {
        ObjectMapper om = new ObjectMapper();
        List<DynamicTest> tests = new ArrayList<>();
        for (String line : lines("/tiktoken-corpus.jsonl")) {
            JsonNode c = om.readTree(line);
            String text = c.get("text").asText();
            tests.add(DynamicTest.dynamicTest(c.get("name").asText(), () -> {
                for (Encoding e : ENCODINGS) {
                    int[] ids = Tokenizer.of(e).encode(text);
                    assertEquals(c.get(e.id()).asText(), ids.length + "," + digest(ids), e + ": count,sha256");
                    assertEquals(ids.length, Tokenizer.of(e).count(text));
                }
            }));
        }
        assertEquals(CORPUS_SIZE, tests.size());
        return tests;
    }

    @Test
    void theFixtureSeesUnicode16WhereJdk17DoesNot() {
        // Vithkuqi (14.0), Kawi (15.0), CJK Extension I (15.1), Garay (16.0): letters to tiktoken, unassigned to JDK
        // 17.
        for (int cp : new int[] {0x10570, 0x11F04, 0x2EBF0, 0x10D50}) {
            assertEquals(Character.UNASSIGNED, Character.getType(cp), Integer.toHexString(cp));
            assertEquals(
                    UnicodeClasses.LETTER, UnicodeClasses.flags(cp) & UnicodeClasses.LETTER, Integer.toHexString(cp));
        }
    }

    private static List<String> lines(String resource) throws IOException {
        List<String> out = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
                TiktokenReferenceTest.class.getResourceAsStream(resource), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (!line.isBlank()) {
                    out.add(line);
                }
            }
        }
        return out;
    }

    static final int CORPUS_SIZE = 300;

    /** Writes the texts of the generated corpus as JSON lines {@code {"name", "text"}} (lone surrogates escaped). */
    public static void main(String[] args) {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        Random r = new Random(16_0_0);
        for (int i = 0; i < CORPUS_SIZE; i++) {
            String text = RandomText.generate(r, 1 + r.nextInt(i % 50 == 0 ? 400 : 50), cp -> true);
            out.println("{\"name\":\"random-unicode16-" + i + "\",\"text\":\"" + json(text) + "\"}");
        }
    }

    private static String json(String s) {
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean pair =
                    Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
            if (pair) {
                b.append(c).append(s.charAt(++i));
            } else if (c == '"' || c == '\\') {
                b.append('\\').append(c);
            } else if (c < 0x20 || Character.isSurrogate(c) || c == 0x2028 || c == 0x2029) {
                b.append(String.format("\\u%04x", (int) c));
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }
}
