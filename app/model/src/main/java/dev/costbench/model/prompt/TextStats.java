// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.prompt;

import dev.costbench.model.tokens.Encoding;
import dev.costbench.model.tokens.Tokenizers;

/**
 * The counts every model's token count is derived from: exact o200k_base and cl100k_base counts, the number of
 * Unicode code points (for character-based estimates) and the texts themselves, which open models' own tokenizers
 * count when a row asks ({@link OpenText}; {@link OpenText#UNKNOWN} when the stats were built from counts alone).
 */
public record TextStats(long o200k, long cl100k, long codePoints, OpenText open) {

    public static final TextStats EMPTY = new TextStats(0, 0, 0, OpenText.EMPTY);

    /** Stats from counts alone: open tokenizers cannot count them (such models keep their estimate). */
    public TextStats(long o200k, long cl100k, long codePoints) {
        this(o200k, cl100k, codePoints, OpenText.UNKNOWN);
    }

    public static TextStats of(String text) {
        if (text == null || text.isEmpty()) {
            return EMPTY;
        }
        return new TextStats(
                Tokenizers.count(Encoding.O200K_BASE, text),
                Tokenizers.count(Encoding.CL100K_BASE, text),
                text.codePointCount(0, text.length()),
                OpenText.of(text));
    }

    public TextStats plus(TextStats o) {
        return new TextStats(o200k + o.o200k, cl100k + o.cl100k, codePoints + o.codePoints, open.plus(o.open));
    }
}
