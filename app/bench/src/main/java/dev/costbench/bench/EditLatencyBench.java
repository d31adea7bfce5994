// SPDX-License-Identifier: Apache-2.0
package dev.costbench.bench;

import dev.costbench.model.catalog.CatalogBuilder;
import dev.costbench.model.catalog.ModelEntry;
import dev.costbench.model.cost.CostRow;
import dev.costbench.model.cost.PromptCostTable;
import dev.costbench.model.cost.PromptOptions;
import dev.costbench.model.prompt.IncrementalPromptCounter;
import dev.costbench.model.prompt.TextStats;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Edit-to-updated-table latency on a 2 MiB prompt: each edit re-counts the prompt incrementally (both encodings)
 * and recomputes the cost of every catalog model, as the Prompt view does on each keystroke.
 * {@code java dev.costbench.bench.EditLatencyBench CORPUS_FILE [edits]}.
 */
public final class EditLatencyBench {

    private EditLatencyBench() {}

    public static void main(String[] args) throws Exception {
        String source = Files.readString(Path.of(args[0]), StandardCharsets.UTF_8);
        int edits = args.length > 1 ? Integer.parseInt(args[1]) : 500;
        StringBuilder text = new StringBuilder(source.substring(0, Math.min(source.length(), 2 << 20)));
        List<ModelEntry> models = CatalogBuilder.builtIn().models();
        PromptOptions options = PromptOptions.defaults();
        IncrementalPromptCounter counter = new IncrementalPromptCounter();
        List<String> keys = List.of("system", "user");
        String system = "You are a careful assistant. Answer from the document only.";
        long t0 = System.nanoTime();
        List<CostRow> rows =
                PromptCostTable.compute(models, counter.update(keys, List.of(system, text.toString())), 1, options);
        double initialMs = (System.nanoTime() - t0) / 1e6;
        Random r = new Random(11);
        String[] pastes = {"x", "a", " ", "\n", "é", "人", "👍", " the cost of it", "另一个句子。"};
        int warmup = Integer.getInteger("bench.warmup", 300);
        double[] all = new double[warmup + edits];
        for (int i = 0; i < warmup + edits; i++) {
            int pos = r.nextInt(text.length());
            if (r.nextInt(3) == 0
                    && pos + 1 < text.length()
                    && !Character.isSurrogate(text.charAt(pos))
                    && !Character.isSurrogate(text.charAt(pos + 1))) {
                text.deleteCharAt(pos);
            } else {
                while (pos > 0 && Character.isLowSurrogate(text.charAt(pos))) {
                    pos--;
                }
                text.insert(pos, pastes[r.nextInt(pastes.length)]);
            }
            String current = text.toString(); // the editor hands over its text as one String
            long s = System.nanoTime();
            List<TextStats> stats = counter.update(keys, List.of(system, current));
            rows = PromptCostTable.compute(models, stats, 1, options);
            all[i] = (System.nanoTime() - s) / 1e6;
            if (System.getProperty("bench.trace") != null && all[i] > 20) {
                System.err.printf("edit %d at %d took %.1f ms%n", i, pos, all[i]);
            }
        }
        double[] ms = Arrays.copyOfRange(all, warmup, warmup + edits);
        double[] cold = Arrays.copyOfRange(all, 0, Math.min(warmup, 100));
        Arrays.sort(cold);
        List<TextStats> check = counter.update(keys, List.of(system, text.toString()));
        TextStats fresh = TextStats.of(text.toString());
        if (!check.get(1).equals(fresh)) {
            throw new IllegalStateException("incremental " + check.get(1) + " != full recount " + fresh);
        }
        double[] s = ms.clone();
        Arrays.sort(s);
        System.out.printf(
                Locale.ROOT,
                "{\"impl\":\"costbench\",\"mode\":\"edit-latency\",\"chars\":%d,\"models\":%d,"
                        + "\"edits\":%d,\"initial_ms\":%.1f,\"median_ms\":%.2f,\"p95_ms\":%.2f,\"p99_ms\":%.2f,\"max_ms\":%.2f,"
                        + "\"warmup_edits\":%d,\"first100_p95_ms\":%.2f,\"first100_max_ms\":%.2f,\"exact\":true}%n",
                text.length(),
                rows.size(),
                edits,
                initialMs,
                s[edits / 2],
                s[(int) (edits * 0.95)],
                s[(int) (edits * 0.99)],
                s[edits - 1],
                warmup,
                cold.length == 0 ? 0 : cold[(int) (cold.length * 0.95)],
                cold.length == 0 ? 0 : cold[cold.length - 1]);
    }
}
