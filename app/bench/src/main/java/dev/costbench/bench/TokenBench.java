// SPDX-License-Identifier: Apache-2.0
package dev.costbench.bench;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.EncodingRegistry;
import com.knuddels.jtokkit.api.EncodingType;
import dev.costbench.model.tokens.Encoding;
import dev.costbench.model.tokens.Tokenizer;
import dev.costbench.model.tokens.Tokenizers;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.ToIntFunction;

/**
 * Token counting throughput on the corpora of {@link Corpora}, one JSON line per corpus, encoding and implementation:
 * CostBench on one thread ({@link Tokenizer#count}), CostBench on all cores ({@link Tokenizer#countParallel}) and,
 * for reference, jtokkit 1.1.0 (the implementation CostBench used before) on one thread.
 * {@code java dev.costbench.bench.TokenBench DIR [iterations] [pass]}; jtokkit is measured in pass 1 only.
 *
 * <p>{@code --cold} measures the first count after start-up instead (run it in a fresh JVM); {@code --cold-jtokkit}
 * the same for jtokkit.
 *
 * <p>Each timed sample repeats the count until at least {@link #MIN_SAMPLE_NANOS} have passed, so that a sample is
 * never a few milliseconds of timer and scheduler noise; the figure is the median of the samples after two warm-up
 * rounds.
 */
public final class TokenBench {

    static final long MIN_SAMPLE_NANOS = 300_000_000L;

    private TokenBench() {}

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].startsWith("--cold")) {
            cold(args[0].equals("--cold-jtokkit"));
            return;
        }
        Path dir = Path.of(args[0]);
        int iterations = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        int pass = args.length > 2 ? Integer.parseInt(args[2]) : 1;
        int threads = Runtime.getRuntime().availableProcessors();
        EncodingRegistry jtokkit = Encodings.newLazyEncodingRegistry();
        for (String name : Corpora.NAMES) {
            String text = Files.readString(dir.resolve(name + ".txt"), StandardCharsets.UTF_8);
            long bytes = text.getBytes(StandardCharsets.UTF_8).length;
            for (Encoding e : new Encoding[] {Encoding.O200K_BASE, Encoding.CL100K_BASE}) {
                Tokenizer t = Tokenizer.of(e);
                var jt = jtokkit.getEncoding(
                        e == Encoding.O200K_BASE ? EncodingType.O200K_BASE : EncodingType.CL100K_BASE);
                int tokens = t.count(text);
                check("parallel", t.countParallel(text), tokens, name, e);
                check("jtokkit", jt.countTokensOrdinary(text), tokens, name, e);
                print("costbench", pass, name, e, 1, bytes, tokens, measure(t::count, text, tokens, iterations));
                print(
                        "costbench",
                        pass,
                        name,
                        e,
                        threads,
                        bytes,
                        tokens,
                        measure(t::countParallel, text, tokens, iterations));
                if (pass == 1) {
                    print(
                            "jtokkit",
                            pass,
                            name,
                            e,
                            1,
                            bytes,
                            tokens,
                            measure(jt::countTokensOrdinary, text, tokens, iterations));
                }
            }
        }
    }

    private static void check(String what, int count, int expected, String corpus, Encoding e) {
        if (count != expected) {
            throw new IllegalStateException(what + " count " + count + " != " + expected + " on " + corpus + "/" + e);
        }
    }

    /** Throughput samples in MiB/s of UTF-8 input; two warm-up rounds first. */
    private static double[] measure(ToIntFunction<String> count, String text, int tokens, int iterations) {
        long bytes = text.getBytes(StandardCharsets.UTF_8).length;
        double[] v = new double[iterations];
        for (int i = -2; i < iterations; i++) {
            long t0 = System.nanoTime();
            long elapsed;
            int runs = 0;
            do {
                if (count.applyAsInt(text) != tokens) {
                    throw new IllegalStateException("count changed between runs");
                }
                runs++;
                elapsed = System.nanoTime() - t0;
            } while (elapsed < MIN_SAMPLE_NANOS);
            if (i >= 0) {
                v[i] = runs * bytes / (1024.0 * 1024.0) / (elapsed / 1e9);
            }
        }
        return v;
    }

    private static void cold(boolean jtokkit) {
        long t0 = System.nanoTime();
        int n;
        long t1;
        if (jtokkit) {
            EncodingRegistry r = Encodings.newLazyEncodingRegistry();
            n = r.getEncoding(EncodingType.O200K_BASE)
                    .countTokensOrdinary("The first count after start-up loads the vocabulary.");
            t1 = System.nanoTime();
            r.getEncoding(EncodingType.CL100K_BASE).countTokensOrdinary("and the second encoding");
        } else {
            n = Tokenizers.count(Encoding.O200K_BASE, "The first count after start-up loads the vocabulary.");
            t1 = System.nanoTime();
            Tokenizers.count(Encoding.CL100K_BASE, "and the second encoding");
        }
        long t2 = System.nanoTime();
        System.out.printf(
                Locale.ROOT,
                "{\"impl\":\"%s\",\"mode\":\"cold\",\"first_o200k_ms\":%.1f,"
                        + "\"first_cl100k_ms\":%.1f,\"jvm_uptime_ms\":%d,\"tokens\":%d}%n",
                jtokkit ? "jtokkit" : "costbench",
                (t1 - t0) / 1e6,
                (t2 - t1) / 1e6,
                ManagementFactory.getRuntimeMXBean().getUptime(),
                n);
    }

    private static void print(
            String impl, int pass, String corpus, Encoding e, int threads, long bytes, int tokens, double[] v) {
        String samples = samples(v);
        System.out.printf(
                Locale.ROOT,
                "{\"impl\":\"%s\",\"pass\":%d,\"corpus\":\"%s\",\"encoding\":\"%s\","
                        + "\"threads\":%d,\"bytes\":%d,\"tokens\":%d,\"samples_mibps\":[%s]}%n",
                impl,
                pass,
                corpus,
                e.id(),
                threads,
                bytes,
                tokens,
                samples);
    }

    /** Samples as the inside of a JSON array: {@code 12.345,6.789}. */
    static String samples(double[] v) {
        StringBuilder samples = new StringBuilder();
        for (double x : v) {
            samples.append(samples.length() == 0 ? "" : ",").append(String.format(Locale.ROOT, "%.3f", x));
        }
        return samples.toString();
    }
}
