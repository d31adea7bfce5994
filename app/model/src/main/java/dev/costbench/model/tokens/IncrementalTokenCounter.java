// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.tokens;

import java.util.Arrays;

/**
 * Counts the tokens of a text that is edited over and over, re-counting only the segments an edit touched.
 *
 * <p>The text is cut at {@linkplain SafeBoundaries safe positions} into segments of at least {@link #MIN_SEGMENT}
 * characters, each counted once. An update finds the common prefix and suffix of the old and new text, keeps the
 * segments wholly inside them (shifting the suffix ones) and re-cuts and re-counts only the span between (on all
 * cores when it is large, e.g. the first count of a pasted document). Because every cut is a split the encoding
 * itself makes, {@link #total()} always equals a full recount of the text.
 *
 * <p>Not thread-safe: one instance belongs to one editor and is updated from one thread at a time.
 */
public final class IncrementalTokenCounter {

    /** Smallest segment, in chars, before a cut is looked for. */
    public static final int MIN_SEGMENT = 256;

    private final Encoding encoding;
    private String text = "";
    /** Segment i covers [starts[i], starts[i + 1]) (the last one ends at text.length()). */
    private int[] starts = new int[0];

    private int[] counts = new int[0];
    private int size;
    private long total;
    private long charsRecounted;

    public IncrementalTokenCounter(Encoding encoding) {
        this.encoding = encoding;
    }

    public Encoding encoding() {
        return encoding;
    }

    /** The exact token count of the current text. */
    public long total() {
        return total;
    }

    public String text() {
        return text;
    }

    public int segments() {
        return size;
    }

    /** Characters re-counted by the last update (for tests and benchmarks). */
    public long lastRecountedChars() {
        return charsRecounted;
    }

    /** Counts segments [bounds[i], bounds[i + 1]) for i &lt; m; in batches on all cores when there is much to count. */
    private int[] countSegments(String text, int[] bounds, int m) {
        int[] out = new int[Math.max(m, 1)];
        Tokenizer tokenizer = Tokenizer.of(encoding);
        if (bounds[m] - bounds[0] < Tokenizers.PARALLEL_THRESHOLD) {
            for (int i = 0; i < m; i++) {
                out[i] = tokenizer.count(text, bounds[i], bounds[i + 1]);
            }
            return out;
        }
        // Batches of consecutive segments of about Tokenizer.MIN_CHUNK chars each.
        int[] batchStart = new int[m + 1];
        int batches = 0;
        for (int i = 0; i < m; ) {
            batchStart[batches++] = i;
            int from = bounds[i];
            do {
                i++;
            } while (i < m && bounds[i] - from < Tokenizer.MIN_CHUNK);
        }
        batchStart[batches] = m;
        Tokenizer.Parallel.run(batches, b -> {
            for (int i = batchStart[b]; i < batchStart[b + 1]; i++) {
                out[i] = tokenizer.count(text, bounds[i], bounds[i + 1]);
            }
        });
        return out;
    }

    /** Replaces the text and returns the new exact count. */
    public long update(String newText) {
        String next = newText == null ? "" : newText;
        String old = text;
        if (next.equals(old)) {
            charsRecounted = 0;
            return total;
        }
        int oldLen = old.length();
        int newLen = next.length();
        int max = Math.min(oldLen, newLen);
        int p = 0;
        while (p < max && old.charAt(p) == next.charAt(p)) {
            p++;
        }
        int s = 0;
        while (s < max - p && old.charAt(oldLen - 1 - s) == next.charAt(newLen - 1 - s)) {
            s++;
        }
        // Segments 0..keepLeft-1 are kept: their end boundary b satisfies b <= p - 1, so both chars around it
        // are unchanged. Segments firstKept.. are kept: their start boundary b >= oldLen - s + 1 lies in the
        // shared suffix. Everything between is re-cut and re-counted.
        int keepLeft = 0;
        for (int k = size - 1; k >= 1; k--) {
            if (starts[k] <= p - 1) {
                keepLeft = k;
                break;
            }
        }
        int left = keepLeft == 0 ? 0 : starts[keepLeft];
        int firstKept = size;
        while (firstKept > keepLeft + 1 && starts[firstKept - 1] >= oldLen - s + 1) {
            firstKept--;
        }
        int delta = newLen - oldLen;
        int right = firstKept < size ? starts[firstKept] + delta : newLen;
        int firstChanged = keepLeft;

        long removed = 0;
        for (int i = firstChanged; i < firstKept; i++) {
            removed += counts[i];
        }
        // Re-cut [left, right) of the new text, then count the new segments (on all cores for a large span).
        int[] midStarts = new int[8];
        int m = 0;
        int pos = left;
        while (pos < right) {
            if (m + 1 >= midStarts.length) {
                midStarts = Arrays.copyOf(midStarts, midStarts.length * 2);
            }
            midStarts[m++] = pos;
            pos = SafeBoundaries.next(next, pos, right, MIN_SEGMENT);
        }
        midStarts[m] = right;
        int[] midCounts = countSegments(next, midStarts, m);
        long added = 0;
        for (int i = 0; i < m; i++) {
            added += midCounts[i];
        }
        charsRecounted = right - left;

        int tail = size - firstKept;
        int newSize = firstChanged + m + tail;
        int[] ns = new int[Math.max(newSize, 1)];
        int[] nc = new int[Math.max(newSize, 1)];
        System.arraycopy(starts, 0, ns, 0, firstChanged);
        System.arraycopy(counts, 0, nc, 0, firstChanged);
        System.arraycopy(midStarts, 0, ns, firstChanged, m);
        System.arraycopy(midCounts, 0, nc, firstChanged, m);
        for (int i = 0; i < tail; i++) {
            ns[firstChanged + m + i] = starts[firstKept + i] + delta;
            nc[firstChanged + m + i] = counts[firstKept + i];
        }
        starts = ns;
        counts = nc;
        size = newSize;
        total = total - removed + added;
        text = next;
        return total;
    }
}
