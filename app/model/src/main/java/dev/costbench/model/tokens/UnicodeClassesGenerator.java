// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.tokens;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes {@code unicode-classes.bin}, the code point table of {@link UnicodeClasses}, and with a second argument
 * {@code unicode-categories.bin}, the general categories of {@link UnicodeCategories}. Not run by the build: the
 * tables are committed, because it must describe Unicode 16.0 — the version of the Rust {@code regex-syntax} 0.8.5
 * tables inside tiktoken 1.0.22 — while the build runs on JDK 17 (Unicode 13.0). JDK 24 and 25 implement Unicode
 * 16.0:
 * <pre>
 *   javac -d /tmp/uc app/model/src/main/java/dev/costbench/model/tokens/{UnicodeC*,TableResource}.java
 *   /path/to/jdk-25/bin/java -cp /tmp/uc dev.costbench.model.tokens.UnicodeClassesGenerator \
 *       app/model/src/main/resources/dev/costbench/model/tokens/unicode-classes.bin \
 *       app/model/src/main/resources/dev/costbench/model/tokens/unicode-categories.bin
 * </pre>
 * Format: magic {@code CBUC}, then the number of distinct 128-code-point blocks (u16), the block index of each of the
 * 8704 blocks of U+0000..U+10FFFF (u16 each), then the distinct blocks (128 flag bytes each). The categories file:
 * magic {@code CBGC}, the number of runs (u16), then each run of code points of one general category as its first
 * code point (u24) and the category ({@link Character#getType(int)}'s number, u8).
 */
final class UnicodeClassesGenerator {

    private UnicodeClassesGenerator() {}

    /** The class flags of {@code cp} as defined by the running JDK's {@link Character#getType(int)}. */
    static int flagsOf(int cp) {
        if (cp == '\r' || cp == '\n') {
            return UnicodeClasses.WHITESPACE | UnicodeClasses.CR_LF;
        }
        if (isWhiteSpace(cp)) {
            return UnicodeClasses.WHITESPACE;
        }
        switch (Character.getType(cp)) {
            case Character.UPPERCASE_LETTER:
            case Character.TITLECASE_LETTER:
                return UnicodeClasses.LETTER | UnicodeClasses.UPPER;
            case Character.LOWERCASE_LETTER:
                return UnicodeClasses.LETTER | UnicodeClasses.LOWER;
            case Character.MODIFIER_LETTER:
            case Character.OTHER_LETTER:
                return UnicodeClasses.LETTER | UnicodeClasses.UPPER | UnicodeClasses.LOWER;
            case Character.NON_SPACING_MARK:
            case Character.COMBINING_SPACING_MARK:
            case Character.ENCLOSING_MARK:
                return UnicodeClasses.UPPER | UnicodeClasses.LOWER;
            case Character.DECIMAL_DIGIT_NUMBER:
            case Character.LETTER_NUMBER:
            case Character.OTHER_NUMBER:
                return UnicodeClasses.NUMBER;
            default:
                return 0;
        }
    }

    /** The Unicode White_Space property (what {@code \s} means in the Rust regex crate); stable since Unicode 6.3. */
    static boolean isWhiteSpace(int cp) {
        return (cp >= 0x09 && cp <= 0x0D)
                || cp == 0x20
                || cp == 0x85
                || cp == 0xA0
                || cp == 0x1680
                || (cp >= 0x2000 && cp <= 0x200A)
                || cp == 0x2028
                || cp == 0x2029
                || cp == 0x202F
                || cp == 0x205F
                || cp == 0x3000;
    }

    public static void main(String[] args) throws IOException {
        if (Runtime.version().feature() < 24 || Runtime.version().feature() > 25) {
            throw new IllegalStateException("run with JDK 24 or 25 (Unicode 16.0); this is JDK " + Runtime.version());
        }
        int blocks = UnicodeClasses.CODE_POINTS >> UnicodeClasses.BLOCK_SHIFT;
        int size = 1 << UnicodeClasses.BLOCK_SHIFT;
        Map<String, Integer> ids = new HashMap<>();
        List<byte[]> distinct = new ArrayList<>();
        int[] index = new int[blocks];
        for (int b = 0; b < blocks; b++) {
            byte[] block = new byte[size];
            for (int i = 0; i < size; i++) {
                int cp = (b << UnicodeClasses.BLOCK_SHIFT) + i;
                block[i] = (byte) (Character.isSurrogate((char) cp) && cp <= 0xFFFF ? 0 : flagsOf(cp));
            }
            String key = Arrays.toString(block);
            Integer id = ids.get(key);
            if (id == null) {
                id = distinct.size();
                ids.put(key, id);
                distinct.add(block);
            }
            index[b] = id;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(UnicodeClasses.MAGIC.getBytes(StandardCharsets.US_ASCII));
        writeU16(out, distinct.size());
        for (int i : index) {
            writeU16(out, i);
        }
        for (byte[] block : distinct) {
            out.write(block);
        }
        Files.write(Path.of(args[0]), out.toByteArray());
        System.out.printf("%s: %d distinct blocks, %d bytes%n", args[0], distinct.size(), out.size());
        if (args.length > 1) {
            writeCategories(Path.of(args[1]));
        }
    }

    /** The general category runs of the running JDK's Unicode version. */
    static void writeCategories(Path file) throws IOException {
        ByteArrayOutputStream runs = new ByteArrayOutputStream();
        int n = 0;
        int previous = -1;
        for (int cp = 0; cp < UnicodeClasses.CODE_POINTS; cp++) {
            int type = Character.getType(cp);
            if (type != previous) {
                runs.write(cp >>> 16);
                writeU16(runs, cp);
                runs.write(type);
                previous = type;
                n++;
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(UnicodeCategories.MAGIC.getBytes(StandardCharsets.US_ASCII));
        writeU16(out, n);
        runs.writeTo(out);
        Files.write(file, out.toByteArray());
        System.out.printf("%s: %d runs, %d bytes%n", file, n, out.size());
    }

    private static void writeU16(ByteArrayOutputStream out, int v) {
        out.write(v >>> 8);
        out.write(v);
    }
}
