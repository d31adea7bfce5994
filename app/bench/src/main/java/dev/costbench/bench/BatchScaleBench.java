// SPDX-License-Identifier: Apache-2.0
package dev.costbench.bench;

import dev.costbench.model.catalog.Catalog;
import dev.costbench.model.catalog.CatalogBuilder;
import dev.costbench.model.cost.CanonicalUsage;
import dev.costbench.model.lab.batch.BatchRefresh;
import dev.costbench.model.lab.batch.BatchRunner;
import dev.costbench.model.lab.run.ExperimentSpec;
import dev.costbench.model.lab.run.RunPlan;
import dev.costbench.model.provider.ChatResult;
import dev.costbench.model.provider.ProviderId;
import dev.costbench.model.provider.batch.BatchApi;
import dev.costbench.model.provider.batch.BatchItem;
import dev.costbench.model.provider.batch.BatchLimits;
import dev.costbench.model.provider.batch.BatchOutcome;
import dev.costbench.model.provider.batch.BatchState;
import dev.costbench.model.provider.batch.BatchStatus;
import dev.costbench.store.H2LabStore;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Issue 19's scale check: a 20,000-trial experiment run through the batch path (BatchRunner, the real H2 store) against
 * an in-memory stand-in of OpenAI's batch API that answers at once: the time to plan and submit (every batch and its
 * custom_id map kept in the store), the time to collect the 20,000 answers as trials (priced at the batch tier, a
 * transaction per group of outcomes, as after a restart), the heap's peak, and the History list and the experiment's
 * summary afterwards. Prints one JSON line. {@code java -cp … BatchScaleBench [trials (default 20000)]}
 */
public final class BatchScaleBench {

    private BatchScaleBench() {}

    /** OpenAI's batch API in memory: accepts any batch, ends it at the first poll, answers every request. */
    static final class InstantBatches implements BatchApi {
        private final Map<String, List<String>> jobs = new ConcurrentHashMap<>();

        @Override
        public ProviderId id() {
            return ProviderId.OPENAI;
        }

        @Override
        public BatchLimits limits() {
            return new BatchLimits(50_000, 200L << 20, Duration.ofHours(24), true);
        }

        @Override
        public BatchStatus submit(List<BatchItem> items, String displayName) {
            String id = "batch_" + (jobs.size() + 1);
            jobs.put(id, items.stream().map(BatchItem::customId).toList());
            return status(id, BatchState.PENDING, 0);
        }

        private BatchStatus status(String id, BatchState state, int done) {
            int n = jobs.get(id).size();
            return new BatchStatus(ProviderId.OPENAI, id, state, state.words(), n, done, 0, Instant.now(), null, null);
        }

        @Override
        public BatchStatus poll(String batchId) {
            return status(batchId, BatchState.ENDED, jobs.get(batchId).size());
        }

        @Override
        public void results(String batchId, Consumer<BatchOutcome> sink) {
            for (String customId : jobs.get(batchId)) {
                sink.accept(BatchOutcome.ok(
                        customId,
                        new ChatResult(
                                "{\"issue\":\"double charge\",\"severity\":\"high\",\"resolution\":\"refund\"}",
                                new CanonicalUsage(40, 0, 0, 0, 24, 0),
                                Map.of(),
                                "stop",
                                "gpt-4o-mini",
                                null,
                                Duration.ZERO,
                                null,
                                "{}",
                                "batch")));
            }
        }

        @Override
        public BatchStatus cancel(String batchId) {
            return poll(batchId);
        }
    }

    public static void main(String[] args) throws Exception {
        int trials = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        Catalog catalog = CatalogBuilder.builtIn();
        Path dir = Files.createTempDirectory("costbench-batch-bench");
        InstantBatches api = new InstantBatches();
        try (H2LabStore store = H2LabStore.open(dir)) {
            BatchRunner runner = new BatchRunner(store, store.batches(), p -> Optional.of(api), catalog::find);
            ExperimentSpec spec = RunnerOverheadBench.ticketSpec("batch bench", Math.max(1, trials / 4));
            long t0 = System.nanoTime();
            RunPlan plan = runner.create(spec);
            long t1 = System.nanoTime();
            int batches = runner.submit(plan.experimentId()).size();
            long t2 = System.nanoTime();
            BatchRefresh r = runner.refresh(plan.experimentId());
            long t3 = System.nanoTime();
            store.overviews();
            long t4 = System.nanoTime();
            long done = store.trials(plan.experimentId()).size();
            long t5 = System.nanoTime();
            long peak = 0;
            for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
                if (p.getType() == MemoryType.HEAP) {
                    peak += p.getPeakUsage().getUsed();
                }
            }
            System.out.printf(
                    "{\"mode\":\"batch-scale\",\"trials\":%d,\"batches\":%d,\"plan_ms\":%.0f,\"submit_ms\":%.0f,"
                            + "\"collect_ms\":%.0f,\"collected\":%d,\"trials_per_s\":%.0f,\"history_ms\":%.0f,"
                            + "\"trials_read_ms\":%.0f,\"stored_trials\":%d,\"heap_peak_mb\":%.0f,\"max_heap_mb\":%d}%n",
                    plan.cells().size(),
                    batches,
                    (t1 - t0) / 1e6,
                    (t2 - t1) / 1e6,
                    (t3 - t2) / 1e6,
                    r.collected(),
                    r.collected() / ((t3 - t2) / 1e9),
                    (t4 - t3) / 1e6,
                    (t5 - t4) / 1e6,
                    done,
                    peak / 1048576.0,
                    Runtime.getRuntime().maxMemory() / 1048576);
        } finally {
            try (var s = Files.walk(dir)) {
                s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
