// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.tokens;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * CostBench's exact tokenizer for one encoding: the same token ids as tiktoken's {@code encode_ordinary}, with
 * hand-written pre-tokenizers ({@link Splitter}), byte-pair merging that allocates nothing per piece
 * ({@link BytePairEncoder}) and vocabularies compiled at build time ({@link Vocabulary}). Special-token text such as
 * {@code <|endoftext|>} is ordinary text. Lone surrogates count as U+FFFD. Thread-safe.
 *
 * <p>The {@code Parallel} methods cut a large text at {@linkplain SafeBoundaries positions where the split pattern
 * itself always splits} and encode the parts on all cores; the result is identical to the sequential one.
 */
public final class Tokenizer {

    /** Smallest part, in chars, that parallel counting hands to a core. */
    static final int MIN_CHUNK = 32 * 1024;

    /** Loaded on first use (class initialization is lazy and thread-safe). */
    private static final class O200k {
        static final Tokenizer INSTANCE = new Tokenizer(Encoding.O200K_BASE);
    }

    private static final class Cl100k {
        static final Tokenizer INSTANCE = new Tokenizer(Encoding.CL100K_BASE);
    }

    private final Encoding encoding;
    private final Vocabulary vocabulary;
    private final ThreadLocal<BytePairEncoder> encoders;

    private Tokenizer(Encoding encoding) {
        this.encoding = encoding;
        this.vocabulary = Vocabulary.load(encoding.id());
        boolean o200k = encoding == Encoding.O200K_BASE;
        this.encoders = ThreadLocal.withInitial(() -> new BytePairEncoder(vocabulary, o200k));
    }

    /** The tokenizer of {@code encoding}'s ranks (o200k_harmony shares o200k_base's); loads it on first use. */
    public static Tokenizer of(Encoding encoding) {
        return encoding.ranks() == Encoding.O200K_BASE ? O200k.INSTANCE : Cl100k.INSTANCE;
    }

    public Encoding encoding() {
        return encoding;
    }

    /** Number of tokens in the vocabulary (ordinary tokens only). */
    public int vocabularySize() {
        return vocabulary.size;
    }

    /** Number of tokens of {@code text}, on the calling thread. */
    public int count(String text) {
        return count(text, 0, text.length());
    }

    /** Number of tokens of {@code text.substring(from, to)}, on the calling thread, without copying it. */
    public int count(String text, int from, int to) {
        checkRange(text, from, to);
        return from == to ? 0 : encoders.get().count(text, from, to);
    }

    /** Token ids of {@code text}, on the calling thread. */
    public int[] encode(String text) {
        return encode(text, 0, text.length());
    }

    /** Token ids of {@code text.substring(from, to)}, on the calling thread. */
    public int[] encode(String text, int from, int to) {
        checkRange(text, from, to);
        return from == to ? new int[0] : encoders.get().encode(text, from, to);
    }

    /** The bytes of token {@code id}. */
    public byte[] tokenBytes(int id) {
        return vocabulary.token(id);
    }

    /** The number of bytes of token {@code id}, without copying them. */
    public int tokenLength(int id) {
        return vocabulary.tokenLength(id);
    }

    /** Number of tokens of {@code text}, counted on all cores; equal to {@link #count(String)}. */
    public int countParallel(String text) {
        int[] bounds = chunks(text, Parallel.threads());
        if (bounds.length <= 2) {
            return count(text);
        }
        int[] counts = new int[bounds.length - 1];
        Parallel.run(counts.length, k -> counts[k] = count(text, bounds[k], bounds[k + 1]));
        int total = 0;
        for (int c : counts) {
            total += c;
        }
        return total;
    }

    /** Token ids of {@code text}, encoded on all cores; equal to {@link #encode(String)}. */
    public int[] encodeParallel(String text) {
        int[] bounds = chunks(text, Parallel.threads());
        if (bounds.length <= 2) {
            return encode(text);
        }
        int[][] parts = new int[bounds.length - 1][];
        Parallel.run(parts.length, k -> parts[k] = encode(text, bounds[k], bounds[k + 1]));
        int total = 0;
        for (int[] p : parts) {
            total += p.length;
        }
        int[] ids = new int[total];
        int at = 0;
        for (int[] p : parts) {
            System.arraycopy(p, 0, ids, at, p.length);
            at += p.length;
        }
        return ids;
    }

    /**
     * Cuts {@code text} at safe positions into parts of at least {@link #MIN_CHUNK} chars, about four per thread so
     * that uneven parts still keep every core busy: the part boundaries, from 0 to {@code text.length()}.
     */
    static int[] chunks(String text, int threads) {
        int n = text.length();
        int target = Math.max(MIN_CHUNK, n / Math.max(1, threads * 4));
        if (threads <= 1 || n < 2 * target) {
            return new int[] {0, n};
        }
        List<Integer> bounds = new ArrayList<>();
        bounds.add(0);
        int pos = 0;
        while (pos < n) {
            pos = n - pos < 2 * target ? n : SafeBoundaries.next(text, pos, n, target);
            bounds.add(pos);
        }
        return bounds.stream().mapToInt(Integer::intValue).toArray();
    }

    private static void checkRange(String text, int from, int to) {
        if (from < 0 || to > text.length() || from > to) {
            throw new IndexOutOfBoundsException("range [" + from + ", " + to + ") of a text of " + text.length());
        }
    }

    /** A shared pool of daemon threads; the calling thread works too, so a busy pool never stalls a count. */
    static final class Parallel {

        private static final int THREADS = Math.max(1, Runtime.getRuntime().availableProcessors());
        private static final ExecutorService POOL = Executors.newFixedThreadPool(Math.max(1, THREADS - 1), r -> {
            Thread t = new Thread(r, "costbench-tokenizer");
            t.setDaemon(true);
            return t;
        });

        private Parallel() {}

        static int threads() {
            return THREADS;
        }

        interface Task {
            void run(int k);
        }

        /** Runs {@code task} for k = 0..n-1 on the pool and the calling thread; returns when all are done. */
        static void run(int n, Task task) {
            AtomicInteger next = new AtomicInteger();
            AtomicInteger done = new AtomicInteger();
            Throwable[] failure = new Throwable[1];
            Object lock = new Object();
            Runnable worker = () -> {
                int k;
                while ((k = next.getAndIncrement()) < n) {
                    try {
                        task.run(k);
                    } catch (Throwable t) {
                        synchronized (lock) {
                            if (failure[0] == null) {
                                failure[0] = t;
                            }
                        }
                    }
                    if (done.incrementAndGet() == n) {
                        synchronized (lock) {
                            lock.notifyAll();
                        }
                    }
                }
            };
            for (int i = 1; i < Math.min(THREADS, n); i++) {
                POOL.execute(worker);
            }
            worker.run();
            synchronized (lock) {
                while (done.get() < n) {
                    try {
                        lock.wait();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new IllegalStateException("interrupted while counting tokens", e);
                    }
                }
                if (failure[0] != null) {
                    if (failure[0] instanceof RuntimeException) {
                        throw (RuntimeException) failure[0];
                    }
                    if (failure[0] instanceof Error) {
                        throw (Error) failure[0];
                    }
                    throw new IllegalStateException(failure[0]);
                }
            }
        }
    }
}
