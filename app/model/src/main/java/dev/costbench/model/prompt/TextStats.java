// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.prompt;

import dev.costbench.model.tokens.Encoding;
import dev.costbench.model.tokens.Tokenizers;

/**
 * The counts every model's token count is derived from: exact o200k_base and cl100k_base counts and the number of
 * Unicode code points (for character-based estimates).
 */
public record TextStats(long o200k, long cl100k, long codePoints) {

    public static final TextStats EMPTY = new TextStats(0, 0, 0);

    public static TextStats of(String text) {
        if (text == null || text.isEmpty()) {
            return EMPTY;
        }
        return new TextStats(
                Tokenizers.count(Encoding.O200K_BASE, text),
                Tokenizers.count(Encoding.CL100K_BASE, text),
                text.codePointCount(0, text.length()));
    }

    public TextStats plus(TextStats o) {
        return new TextStats(o200k + o.o200k, cl100k + o.cl100k, codePoints + o.codePoints);
    }
}
