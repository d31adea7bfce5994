// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.tokens;

/** UTF-8 encoding of a range of a string into a reusable buffer, as the tokenizers send text to their merges. */
final class Utf8 {

    private Utf8() {}

    /**
     * Writes the UTF-8 bytes of {@code s[from .. to)} into {@code b} (at least {@code 3 * (to - from)} long), a lone
     * surrogate as U+FFFD as an encoder would send it; returns the number of bytes.
     */
    static int encode(String s, int from, int to, byte[] b) {
        int n = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                b[n++] = (byte) c;
            } else if (c < 0x800) {
                b[n++] = (byte) (0xC0 | (c >>> 6));
                b[n++] = (byte) (0x80 | (c & 0x3F));
            } else {
                int cp = c;
                if (Character.isSurrogate(c)) {
                    cp = 0xFFFD;
                    if (Character.isHighSurrogate(c) && i + 1 < to && Character.isLowSurrogate(s.charAt(i + 1))) {
                        cp = Character.toCodePoint(c, s.charAt(++i));
                    }
                }
                if (cp < 0x10000) {
                    b[n++] = (byte) (0xE0 | (cp >>> 12));
                    b[n++] = (byte) (0x80 | ((cp >>> 6) & 0x3F));
                    b[n++] = (byte) (0x80 | (cp & 0x3F));
                } else {
                    b[n++] = (byte) (0xF0 | (cp >>> 18));
                    b[n++] = (byte) (0x80 | ((cp >>> 12) & 0x3F));
                    b[n++] = (byte) (0x80 | ((cp >>> 6) & 0x3F));
                    b[n++] = (byte) (0x80 | (cp & 0x3F));
                }
            }
        }
        return n;
    }
}
