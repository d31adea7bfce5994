// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.tokens;

/**
 * Exact token counting for the OpenAI encodings, the entry point every count in CostBench goes through (prompt
 * counting, the {@code tokens} command, the incremental counter). Ordinary text only: special-token text such as
 * {@code <|endoftext|>} typed by a user is counted as the ordinary characters it is made of, as tiktoken's
 * {@code encode_ordinary} does. Unpaired surrogates (which an editor can hold for a moment mid-edit) count as U+FFFD,
 * as a UTF-8 encoder would send them. Thread-safe; see {@link Tokenizer} for the implementation.
 */
public final class Tokenizers {

    /** Texts from this many chars up are counted on all cores (the result is the same). */
    public static final int PARALLEL_THRESHOLD = 256 * 1024;

    private Tokenizers() {}

    /** Number of tokens of {@code text} under {@code encoding}; 0 for empty text. */
    public static int count(Encoding encoding, String text) {
        if (text == null || text.isEmpty()) {
            return 0;
        }
        Tokenizer t = Tokenizer.of(encoding);
        return text.length() >= PARALLEL_THRESHOLD ? t.countParallel(text) : t.count(text);
    }

    /** Number of tokens of {@code text.substring(from, to)} under {@code encoding}, without copying it. */
    public static int count(Encoding encoding, String text, int from, int to) {
        return Tokenizer.of(encoding).count(text, from, to);
    }

    /** Token ids of {@code text} under {@code encoding}. */
    public static int[] encode(Encoding encoding, String text) {
        if (text == null || text.isEmpty()) {
            return new int[0];
        }
        Tokenizer t = Tokenizer.of(encoding);
        return text.length() >= PARALLEL_THRESHOLD ? t.encodeParallel(text) : t.encode(text);
    }

    /** Loads the vocabularies now instead of at the first count. */
    public static void warmUp() {
        for (Encoding e : Encoding.values()) {
            count(e, "warm up");
        }
    }
}
