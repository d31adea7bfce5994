// SPDX-License-Identifier: Apache-2.0
package dev.costbench.cli.command;

import dev.costbench.model.tokens.Encoding;
import dev.costbench.model.tokens.Tokenizers;
import java.io.IOException;
import java.io.Reader;

/**
 * The token count of a text of any size, read in blocks: {@code costbench tokens} on a 200 MB file holds a few MB at a
 * time. A block is cut only where the encodings' pre-tokenizer always starts a new piece — after a line break before
 * a letter, or between a letter and a space before a letter — so the sum of the blocks' counts is the count of the
 * whole text. Text with no such place is held until one comes (or the end).
 */
final class ChunkedCount {

    /** Blocks of about this many chars are counted at once. */
    static final int BLOCK = 4 * 1024 * 1024;

    private ChunkedCount() {}

    static long count(Encoding enc, Reader r) throws IOException {
        return count(enc, r, BLOCK);
    }

    /** With blocks of about {@code block} chars (small in tests, to cut often). */
    static long count(Encoding enc, Reader r, int block) throws IOException {
        StringBuilder pending = new StringBuilder();
        char[] buf = new char[Math.min(block, 1 << 16)];
        long total = 0;
        int n;
        while ((n = r.read(buf, 0, buf.length)) >= 0) {
            pending.append(buf, 0, n);
            if (pending.length() >= block) {
                int cut = lastCut(pending);
                if (cut > 0) {
                    total += Tokenizers.count(enc, pending.substring(0, cut));
                    pending.delete(0, cut);
                }
            }
        }
        return total + Tokenizers.count(enc, pending.toString());
    }

    /** The last index at which a new pre-token piece certainly starts (0: none). */
    static int lastCut(CharSequence s) {
        for (int p = s.length() - 2; p > 0; p--) {
            char before = s.charAt(p - 1);
            char at = s.charAt(p);
            if (before == '\n' && Character.isLetter(at)) {
                return p;
            }
            if (at == ' ' && Character.isLetter(before) && Character.isLetter(s.charAt(p + 1))) {
                return p;
            }
        }
        return 0;
    }
}
