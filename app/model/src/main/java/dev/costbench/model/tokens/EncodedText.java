// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.tokens;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.List;

/**
 * A text's token ids with where each token lies in it: the byte span of its UTF-8 bytes and the chars those bytes
 * belong to. Tokens are byte sequences, so one can end inside a character (a CJK character or an emoji is often two
 * or three tokens); {@link #pieces()} merges such tokens into whole-character pieces for display. Unpaired surrogates
 * are U+FFFD (three bytes), as {@link Tokenizers} counts them. Immutable.
 */
public final class EncodedText {

    private final Encoding encoding;
    private final String text;
    private final int[] ids;
    /** byteStart[i] is token i's first byte; byteStart[n] is the text's UTF-8 length. */
    private final int[] byteStart;

    private final int[] charStart;
    private final int[] charEnd;
    /** Token index where each piece starts, and the token count at the end. */
    private final int[] pieceFirst;

    private EncodedText(Encoding encoding, String text, int[] ids) {
        this.encoding = encoding;
        this.text = text;
        this.ids = ids;
        Tokenizer tok = Tokenizer.of(encoding);
        int n = ids.length;
        byteStart = new int[n + 1];
        for (int i = 0; i < n; i++) {
            byteStart[i + 1] = byteStart[i] + tok.tokenLength(ids[i]);
        }
        charStart = new int[n];
        charEnd = new int[n];
        int[] starts = new int[n + 1];
        int pieces = 0;
        int ci = 0;
        int cb = 0;
        for (int i = 0; i < n; i++) {
            int b0 = byteStart[i];
            int b1 = byteStart[i + 1];
            while (ci < text.length() && cb + utf8Length(text, ci) <= b0) {
                cb += utf8Length(text, ci);
                ci += charLength(text, ci);
            }
            charStart[i] = ci;
            if (cb == b0) {
                starts[pieces++] = i;
            }
            int cj = ci;
            int cbj = cb;
            while (cbj < b1) {
                cbj += utf8Length(text, cj);
                cj += charLength(text, cj);
            }
            charEnd[i] = cj;
        }
        starts[pieces] = n;
        pieceFirst = Arrays.copyOf(starts, pieces + 1);
        if (n > 0 && (charEnd[n - 1] != text.length() || cbOf(text) != byteStart[n])) {
            throw new IllegalStateException("token bytes do not cover the text (" + byteStart[n] + " bytes)");
        }
    }

    /** Encodes {@code text} under {@code encoding} (on all cores for large texts; the result is the same). */
    public static EncodedText encode(Encoding encoding, String text) {
        String t = text == null ? "" : text;
        return new EncodedText(encoding, t, Tokenizers.encode(encoding, t));
    }

    public Encoding encoding() {
        return encoding;
    }

    public String text() {
        return text;
    }

    /** Number of tokens. */
    public int size() {
        return ids.length;
    }

    public int id(int token) {
        return ids[token];
    }

    /** A copy of all token ids. */
    public int[] ids() {
        return ids.clone();
    }

    /** UTF-8 offset of the token's first byte. */
    public int byteStart(int token) {
        return byteStart[token];
    }

    /** UTF-8 offset after the token's last byte. */
    public int byteEnd(int token) {
        return byteStart[token + 1];
    }

    /** UTF-16 offset of the first char the token's bytes belong to (it may hold only the char's last bytes). */
    public int charStart(int token) {
        return charStart[token];
    }

    /** UTF-16 offset after the last char the token's bytes belong to (it may hold only the char's first bytes). */
    public int charEnd(int token) {
        return charEnd[token];
    }

    /** The token's bytes. */
    public byte[] bytes(int token) {
        return Tokenizer.of(encoding).tokenBytes(ids[token]);
    }

    /** Number of whole-character pieces ({@code <= size()}). */
    public int pieceCount() {
        return pieceFirst.length - 1;
    }

    public TokenPiece piece(int p) {
        int first = pieceFirst[p];
        int end = pieceFirst[p + 1];
        return new TokenPiece(first, end, charStart[first], charEnd[end - 1], byteStart[first], byteStart[end]);
    }

    /** The pieces in order; together they cover the text exactly. A view, built piece by piece on access. */
    public List<TokenPiece> pieces() {
        return new AbstractList<>() {
            @Override
            public TokenPiece get(int index) {
                return piece(index);
            }

            @Override
            public int size() {
                return pieceCount();
            }
        };
    }

    /** Bytes of the char (or surrogate pair) at {@code i} in UTF-8, an unpaired surrogate being U+FFFD. */
    static int utf8Length(String s, int i) {
        char c = s.charAt(i);
        if (c < 0x80) {
            return 1;
        }
        if (c < 0x800) {
            return 2;
        }
        if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
            return 4;
        }
        return 3;
    }

    private static int charLength(String s, int i) {
        return utf8Length(s, i) == 4 ? 2 : 1;
    }

    private static int cbOf(String s) {
        int b = 0;
        for (int i = 0; i < s.length(); i += charLength(s, i)) {
            b += utf8Length(s, i);
        }
        return b;
    }
}
