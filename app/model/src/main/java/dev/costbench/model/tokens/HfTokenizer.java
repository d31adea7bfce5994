// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.tokens;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * An open model's own tokenizer, read from its Hugging Face {@code tokenizer.json} (no native code): the same token
 * ids as the reference {@code tokenizers} library's {@code encode(text, add_special_tokens=False)}. Added and special
 * tokens written in the text ({@code <|im_start|>}, {@code <think>}) count as the one token each is, because that is
 * how a server counts a rendered chat template; nothing is added around the text (no BOS or EOS). Thread-safe: each
 * thread encodes with its own scratch state.
 */
public final class HfTokenizer {

    /** Pieces up to this many chars are remembered per thread with their tokens. */
    private static final int CACHE_PIECE_MAX = 64;

    private static final int CACHE_SIZE = 20_000;

    /** Texts from this many chars up are counted in parts (on all cores) when {@link #cutSafe}. */
    static final int PART = 32 * 1024;

    private static final int PART_CACHE = 256;

    private final HfAddedTokens added;
    private final UnaryOperator<String> normalizer;
    private final boolean normalizes;
    private final HfPreTokenizer preTokenizer;
    private final HfModel model;
    private final ThreadLocal<Worker> workers;
    /** Whether a line break before an ASCII letter always separates two pieces (see {@link #countInParts}). */
    private final boolean cutSafe;
    /** Counts of recently counted parts of large texts, so that an edit recounts only the parts it touched. */
    private final Map<String, Integer> partCounts = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Integer> eldest) {
            return size() > PART_CACHE;
        }
    };

    HfTokenizer(
            HfAddedTokens added,
            UnaryOperator<String> normalizer,
            boolean normalizes,
            HfPreTokenizer preTokenizer,
            HfModel model,
            boolean cutSafe) {
        this.cutSafe = cutSafe;
        this.added = added;
        this.normalizer = normalizer;
        this.normalizes = normalizes;
        this.preTokenizer = preTokenizer;
        this.model = model;
        this.workers = ThreadLocal.withInitial(Worker::new);
    }

    /**
     * Reads a {@code tokenizer.json}.
     *
     * @throws IOException when it cannot be read, is not JSON, or uses a model or step CostBench does not support
     *     (the message names it)
     */
    public static HfTokenizer read(InputStream json) throws IOException {
        return HfTokenizerReader.read(json);
    }

    /** Whether large texts are counted in parts ({@link #countInParts}). */
    boolean countsInParts() {
        return cutSafe;
    }

    /** Number of entries in the model's vocabulary (added tokens outside it not included). */
    public int vocabularySize() {
        return model.size;
    }

    /** Number of tokens of {@code text}; 0 for empty text. */
    public int count(String text) {
        if (text == null || text.isEmpty()) {
            return 0;
        }
        if (cutSafe && text.length() >= 2 * PART) {
            return countInParts(text);
        }
        return countWhole(text);
    }

    private int countWhole(String text) {
        Worker w = workers.get();
        w.collect = false;
        w.count = 0;
        w.text(text);
        return w.count;
    }

    /**
     * A large text's count as the sum of its parts' counts, counted on all cores, each part's count remembered: the
     * text is cut only after a line break followed by an ASCII letter, where the supported split patterns always end
     * a piece (their {@code \s*[\r\n]+} ends at the last line break of a run, and no piece starts before a line
     * break and goes on into a letter), no added token holds a line break and no normalizer joins characters across
     * one. Equal to counting the whole text.
     */
    int countInParts(String text) {
        List<Integer> cuts = new ArrayList<>();
        cuts.add(0);
        int n = text.length();
        int p = PART;
        while (p < n - PART) {
            int c = p;
            while (c < n && !(text.charAt(c - 1) == '\n' && isAsciiLetter(text.charAt(c)))) {
                c++;
            }
            if (c >= n) {
                break;
            }
            cuts.add(c);
            p = c + PART;
        }
        cuts.add(n);
        int parts = cuts.size() - 1;
        int[] counts = new int[parts];
        Tokenizer.Parallel.run(parts, k -> {
            String part = text.substring(cuts.get(k), cuts.get(k + 1));
            Integer known;
            synchronized (partCounts) {
                known = partCounts.get(part);
            }
            int c = known != null ? known : countWhole(part);
            if (known == null) {
                synchronized (partCounts) {
                    partCounts.put(part, c);
                }
            }
            counts[k] = c;
        });
        int total = 0;
        for (int c : counts) {
            total += c;
        }
        return total;
    }

    private static boolean isAsciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    /** Token ids of {@code text}. */
    public int[] encode(String text) {
        if (text == null || text.isEmpty()) {
            return new int[0];
        }
        Worker w = workers.get();
        w.collect = true;
        w.count = 0;
        w.text(text);
        int[] ids = Arrays.copyOf(w.out, w.count);
        if (w.out.length > 1 << 16) {
            w.out = new int[256];
        }
        return ids;
    }

    /** One thread's scratch state. */
    private final class Worker implements HfPreTokenizer.Sink {
        final HfBpe bpe = new HfBpe(model.merges);
        final Map<String, int[]> cache = new HashMap<>();
        final int[] found = new int[1];
        int[] out = new int[256];
        int[] sym = new int[256];
        byte[] buf = new byte[256];
        boolean collect;
        int count;

        void text(String s) {
            int n = s.length();
            int seg = 0;
            if (added.size() > 0) {
                for (int i = 0; i < n; ) {
                    int e = added.mayStart(s.charAt(i)) ? added.match(s, i, n, found) : -1;
                    if (e < 0) {
                        i++;
                        continue;
                    }
                    segment(s, seg, i);
                    emit(found[0]);
                    i = e;
                    seg = e;
                }
            }
            segment(s, seg, n);
        }

        private void segment(String s, int from, int to) {
            if (from == to) {
                return;
            }
            if (normalizes) {
                String t = normalizer.apply(s.substring(from, to));
                preTokenizer.split(t, 0, t.length(), this);
            } else {
                preTokenizer.split(s, from, to, this);
            }
        }

        private void emit(int id) {
            if (collect) {
                if (count == out.length) {
                    out = Arrays.copyOf(out, out.length * 2);
                }
                out[count] = id;
            }
            count++;
        }

        @Override
        public void piece(String s, int from, int to) {
            if (from == to) {
                return;
            }
            String key = null;
            if (to - from <= CACHE_PIECE_MAX) {
                key = s.substring(from, to);
                int[] hit = cache.get(key);
                if (hit != null) {
                    for (int id : hit) {
                        emit(id);
                    }
                    return;
                }
            }
            int m = model.byteLevel ? bytePiece(s, from, to) : charPiece(s, from, to);
            if (key != null) {
                if (cache.size() >= CACHE_SIZE) {
                    cache.clear();
                }
                cache.put(key, Arrays.copyOf(sym, m));
            }
            for (int i = 0; i < m; i++) {
                emit(sym[i]);
            }
        }

        /** Byte-level BPE of the piece into {@link #sym}; returns the number of tokens. */
        private int bytePiece(String s, int from, int to) {
            int n = utf8(s, from, to);
            if (model.ignoreMerges) {
                int id = model.wordOfBytes(buf, n);
                if (id >= 0) {
                    sym[0] = id;
                    return 1;
                }
            }
            if (sym.length < n) {
                sym = new int[Math.max(n, sym.length * 2)];
            }
            for (int i = 0; i < n; i++) {
                sym[i] = model.byteIds[buf[i] & 0xFF];
            }
            return bpe.merge(sym, n);
        }

        /** Character-level BPE (with byte fallback) of the piece into {@link #sym}. */
        private int charPiece(String s, int from, int to) {
            if (model.ignoreMerges) {
                Integer id = model.words.get(s.substring(from, to));
                if (id != null) {
                    sym[0] = id;
                    return 1;
                }
            }
            if (sym.length < 4 * (to - from)) {
                sym = new int[Math.max(4 * (to - from), sym.length * 2)];
            }
            int n = 0;
            for (int i = from; i < to; ) {
                int cp = Splitter.codePointAt(s, i, to);
                int w = cp >= 0x10000 ? 2 : 1;
                Integer id = model.chars.get(cp);
                if (id != null) {
                    sym[n++] = id;
                } else {
                    int len = utf8(s, i, i + w);
                    boolean all = true;
                    for (int k = 0; k < len; k++) {
                        all &= model.byteIds[buf[k] & 0xFF] >= 0;
                    }
                    if (all) {
                        for (int k = 0; k < len; k++) {
                            sym[n++] = model.byteIds[buf[k] & 0xFF];
                        }
                    } else if (model.unk >= 0 && !(model.fuseUnk && n > 0 && sym[n - 1] == model.unk)) {
                        sym[n++] = model.unk;
                    }
                }
                i += w;
            }
            return bpe.merge(sym, n);
        }

        /** UTF-8 of {@code s[from .. to)} into {@link #buf} (a lone surrogate as U+FFFD); returns the length. */
        private int utf8(String s, int from, int to) {
            if (buf.length < 3 * (to - from)) {
                buf = new byte[Math.max(3 * (to - from), buf.length * 2)];
            }
            return Utf8.encode(s, from, to, buf);
        }
    }
}
