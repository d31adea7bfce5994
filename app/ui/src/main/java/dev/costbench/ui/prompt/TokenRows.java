// SPDX-License-Identifier: Apache-2.0
package dev.costbench.ui.prompt;

import dev.costbench.model.tokens.EncodedText;
import dev.costbench.model.tokens.Encoding;
import dev.costbench.model.tokens.TokenPiece;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The Tokens tab's rows: per message a header and then its token pieces, a row per line of text (a long line is cut
 * every {@link #MAX_FRAGMENTS} pieces), so the list can show only the rows in view. Built off the FX thread.
 */
public final class TokenRows {

    /** Pieces per row at most: keeps one row's layout cheap even for a minified one-line megabyte. */
    static final int MAX_FRAGMENTS = 160;

    /** A message of the prompt. */
    public record Message(String title, String text) {}

    /**
     * One row of the list: a message header ({@code text} null) or fragments of pieces, as triples (piece index,
     * char start, char end); a piece holding a newline goes on in the next row.
     */
    public record Row(String header, EncodedText text, int[] fragments) {
        boolean isHeader() {
            return text == null;
        }

        int fragmentCount() {
            return fragments.length / 3;
        }
    }

    /** All rows and the totals over the messages. */
    public record Result(
            Encoding encoding,
            List<Row> rows,
            long tokens,
            long chars,
            int pieces,
            int splitCharacters,
            int messages) {}

    private TokenRows() {}

    static Result build(Encoding encoding, List<Message> messages) {
        List<Row> rows = new ArrayList<>();
        long tokens = 0;
        long chars = 0;
        int pieces = 0;
        int split = 0;
        int sent = 0;
        for (Message m : messages) {
            if (m.text() == null || m.text().isEmpty()) {
                continue;
            }
            sent++;
            EncodedText t = EncodedText.encode(encoding, m.text());
            int splitHere = 0;
            int rowsBefore = rows.size();
            rows.add(null); // the header, filled in below once the message is counted
            int[] buf = new int[MAX_FRAGMENTS * 3 + 3];
            int n = 0;
            String s = m.text();
            for (int p = 0; p < t.pieceCount(); p++) {
                TokenPiece piece = t.piece(p);
                if (piece.splitsCharacter()) {
                    splitHere++;
                }
                int from = piece.charStart();
                for (int i = from; i < piece.charEnd(); i++) {
                    if (s.charAt(i) == '\n') {
                        buf[n++] = p;
                        buf[n++] = from;
                        buf[n++] = i + 1;
                        rows.add(new Row(null, t, Arrays.copyOf(buf, n)));
                        n = 0;
                        from = i + 1;
                    }
                }
                if (from < piece.charEnd()) {
                    buf[n++] = p;
                    buf[n++] = from;
                    buf[n++] = piece.charEnd();
                }
                if (n >= MAX_FRAGMENTS * 3) {
                    rows.add(new Row(null, t, Arrays.copyOf(buf, n)));
                    n = 0;
                }
            }
            if (n > 0) {
                rows.add(new Row(null, t, Arrays.copyOf(buf, n)));
            }
            rows.set(
                    rowsBefore,
                    new Row(
                            String.format(
                                    "%s · %,d tokens · %,d chars%s",
                                    m.title(),
                                    t.size(),
                                    s.length(),
                                    splitHere == 0
                                            ? ""
                                            : String.format(" · %,d characters split across tokens", splitHere)),
                            null,
                            new int[0]));
            tokens += t.size();
            chars += s.length();
            pieces += t.pieceCount();
            split += splitHere;
        }
        return new Result(encoding, rows, tokens, chars, pieces, split, sent);
    }
}
