// SPDX-License-Identifier: Apache-2.0
package dev.costbench.cli.command;

import dev.costbench.model.tokens.Encoding;
import dev.costbench.model.tokens.Tokenizers;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.Reader;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The token count of a text of any size, read in blocks: {@code costbench tokens} on a 200 MB file holds a few MB at a
 * time. A block is cut only where the encodings' pre-tokenizer always starts a new piece — after a line break before
 * a letter, or between a letter and a space before a letter — so the sum of the blocks' counts is the count of the
 * whole text. Text with no such place is held until one comes (or the end).
 */
final class ChunkedCount {

    /** Blocks of about this many chars are counted at once, one block per core at a time. */
    static final int BLOCK = 1024 * 1024;

    private ChunkedCount() {}

    static long count(Encoding enc, Reader r) throws IOException {
        return count(enc, r, BLOCK, Runtime.getRuntime().availableProcessors());
    }

    /**
     * With blocks of about {@code block} chars (small in tests, to cut often), counted on up to {@code threads}
     * threads while the next blocks are read; at most {@code threads + 1} blocks are held at once.
     */
    static long count(Encoding enc, Reader r, int block, int threads) throws IOException {
        ExecutorService pool = threads <= 1
                ? null
                : Executors.newFixedThreadPool(threads, task -> {
                    Thread t = new Thread(task, "costbench-count");
                    t.setDaemon(true);
                    return t;
                });
        try {
            Deque<Future<Integer>> inFlight = new ArrayDeque<>();
            long total = 0;
            StringBuilder pending = new StringBuilder();
            char[] buf = new char[Math.min(block, 1 << 16)];
            boolean end = false;
            while (!end) {
                int n = r.read(buf, 0, buf.length);
                end = n < 0;
                if (!end) {
                    pending.append(buf, 0, n);
                }
                int cut = end ? pending.length() : pending.length() >= block ? lastCut(pending) : 0;
                if (cut > 0) {
                    String text = pending.substring(0, cut);
                    pending.delete(0, cut);
                    inFlight.add(
                            pool == null
                                    ? CompletableFuture.completedFuture(Tokenizers.count(enc, text))
                                    : pool.submit(() -> Tokenizers.count(enc, text)));
                    while (inFlight.size() > Math.max(threads, 1)) {
                        total += await(inFlight.poll());
                    }
                }
            }
            while (!inFlight.isEmpty()) {
                total += await(inFlight.poll());
            }
            return total;
        } finally {
            if (pool != null) {
                pool.shutdownNow();
            }
        }
    }

    private static int await(Future<Integer> f) throws IOException {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("counting was interrupted");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new IOException(e.getCause());
        }
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
