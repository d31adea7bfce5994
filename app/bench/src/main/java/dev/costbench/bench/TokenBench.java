// SPDX-License-Identifier: Apache-2.0
package dev.costbench.bench;

import dev.costbench.model.tokens.Encoding;
import dev.costbench.model.tokens.SafeBoundaries;
import dev.costbench.model.tokens.Tokenizers;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Token counting throughput on the corpora of {@link Corpora}, one JSON line per corpus, encoding and thread count:
 * {@code java dev.costbench.bench.TokenBench DIR [iterations]}; {@code --cold} measures the first count after
 * start-up instead (run it in a fresh JVM).
 */
public final class TokenBench {

    private TokenBench() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("--cold")) {
            long t0 = System.nanoTime();
            int n = Tokenizers.count(Encoding.O200K_BASE, "The first count after start-up loads the vocabulary.");
            long t1 = System.nanoTime();
            Tokenizers.count(Encoding.CL100K_BASE, "and the second encoding");
            long t2 = System.nanoTime();
            System.out.printf(Locale.ROOT, "{\"impl\":\"costbench\",\"mode\":\"cold\",\"first_o200k_ms\":%.1f,"
                    + "\"first_cl100k_ms\":%.1f,\"jvm_uptime_ms\":%d,\"tokens\":%d}%n", (t1 - t0) / 1e6,
                    (t2 - t1) / 1e6, ManagementFactory.getRuntimeMXBean().getUptime(), n);
            return;
        }
        Path dir = Path.of(args[0]);
        int iterations = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        ExecutorService pool = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "bench");
            t.setDaemon(true);
            return t;
        });
        for (String name : Corpora.NAMES) {
            String text = Files.readString(dir.resolve(name + ".txt"), StandardCharsets.UTF_8);
            long bytes = text.getBytes(StandardCharsets.UTF_8).length;
            int mid = SafeBoundaries.next(text, text.length() / 2, text.length(), 0);
            String a = text.substring(0, mid);
            String b = text.substring(mid);
            for (Encoding e : new Encoding[] {Encoding.O200K_BASE, Encoding.CL100K_BASE}) {
                double[] single = new double[iterations];
                double[] dual = new double[iterations];
                int tokens = 0;
                for (int i = -2; i < iterations; i++) { // two warm-up rounds
                    long t0 = System.nanoTime();
                    tokens = Tokenizers.count(e, text);
                    long t1 = System.nanoTime();
                    Future<Integer> fa = pool.submit(() -> Tokenizers.count(e, a));
                    Future<Integer> fb = pool.submit(() -> Tokenizers.count(e, b));
                    int parallel = fa.get() + fb.get();
                    long t2 = System.nanoTime();
                    if (parallel != tokens) {
                        throw new IllegalStateException("parallel count " + parallel + " != " + tokens + " on " + name);
                    }
                    if (i >= 0) {
                        single[i] = mibps(bytes, t1 - t0);
                        dual[i] = mibps(bytes, t2 - t1);
                    }
                }
                print(name, e, 1, bytes, tokens, single);
                print(name, e, 2, bytes, tokens, dual);
            }
        }
        pool.shutdownNow();
    }

    private static double mibps(long bytes, long nanos) {
        return bytes / (1024.0 * 1024.0) / (nanos / 1e9);
    }

    private static void print(String corpus, Encoding e, int threads, long bytes, int tokens, double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        System.out.printf(Locale.ROOT, "{\"impl\":\"costbench\",\"corpus\":\"%s\",\"encoding\":\"%s\",\"threads\":%d,"
                + "\"bytes\":%d,\"tokens\":%d,\"best_mibps\":%.2f,\"median_mibps\":%.2f}%n", corpus, e.id(), threads,
                bytes, tokens, s[s.length - 1], s[s.length / 2]);
    }
}
