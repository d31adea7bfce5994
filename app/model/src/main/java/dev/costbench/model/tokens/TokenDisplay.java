// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.tokens;

import java.util.Locale;

/** How token pieces are shown to a person: whitespace made visible, ids and spans spelled out. */
public final class TokenDisplay {

    private TokenDisplay() {}

    /** {@code s} with spaces as ·, newlines as ↵, tabs as →, carriage returns as ␍ and other controls as �. */
    public static String visible(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case ' ' -> b.append('·');
                case '\n' -> b.append('↵');
                case '\t' -> b.append('→');
                case '\r' -> b.append('␍');
                default -> b.append(Character.isISOControl(c) ? '\uFFFD' : c);
            }
        }
        return b.toString();
    }

    /** The piece's ids, "13225" or "5853+232" for a character split across tokens. */
    public static String ids(EncodedText t, TokenPiece p) {
        StringBuilder b = new StringBuilder();
        for (int i = p.firstToken(); i < p.endToken(); i++) {
            if (i > p.firstToken()) {
                b.append('+');
            }
            b.append(t.id(i));
        }
        return b.toString();
    }

    /**
     * A few lines about a piece, for a tooltip: its ids, its text, its char and byte spans, and for a split
     * character each token's bytes in hex.
     */
    public static String describe(EncodedText t, TokenPiece p) {
        StringBuilder b = new StringBuilder();
        if (p.splitsCharacter()) {
            b.append(p.tokenCount())
                    .append(" tokens ")
                    .append(ids(t, p))
                    .append(" — they split a character's UTF-8 bytes between them\n");
        } else {
            b.append("token ").append(t.id(p.firstToken())).append('\n');
        }
        b.append('“').append(visible(p.of(t.text()))).append("”\n");
        b.append(String.format(
                Locale.ROOT,
                "chars %d–%d (%d) · bytes %d–%d (%d)",
                p.charStart(),
                p.charEnd(),
                p.charEnd() - p.charStart(),
                p.byteStart(),
                p.byteEnd(),
                p.byteEnd() - p.byteStart()));
        if (p.splitsCharacter()) {
            for (int i = p.firstToken(); i < p.endToken(); i++) {
                b.append('\n')
                        .append(t.id(i))
                        .append(": bytes ")
                        .append(t.byteStart(i))
                        .append('–')
                        .append(t.byteEnd(i))
                        .append(' ')
                        .append(hex(t.bytes(i)));
            }
        }
        return b.toString();
    }

    private static String hex(byte[] bytes) {
        StringBuilder b = new StringBuilder();
        for (byte x : bytes) {
            if (b.length() > 0) {
                b.append(' ');
            }
            b.append(String.format(Locale.ROOT, "%02X", x & 0xFF));
        }
        return b.toString();
    }
}
