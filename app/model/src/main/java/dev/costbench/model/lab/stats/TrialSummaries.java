// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.lab.stats;

import dev.costbench.model.lab.Trial;
import dev.costbench.model.lab.Variant;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Builds the per variant × model rows of the results table ({@link VariantModelSummary}). */
public final class TrialSummaries {

    private TrialSummaries() {}

    /**
     * One row per variant × model: variants in their order, models in the order given followed by any other model
     * found among the trials. Every combination gets a row, with zero counts when it has no trial yet, so the table
     * stays rectangular. Trials of a variant not in {@code variants} are ignored.
     */
    public static List<VariantModelSummary> summarize(
            List<Variant> variants, List<String> models, List<Trial> trials, StatsOptions options) {
        Set<String> modelOrder = new LinkedHashSet<>(models);
        Map<Long, Map<String, List<Trial>>> byVariant = new LinkedHashMap<>();
        for (Variant v : variants) {
            byVariant.put(v.id(), new LinkedHashMap<>());
        }
        for (Trial t : trials) {
            Map<String, List<Trial>> m = byVariant.get(t.cell().variantId());
            if (m != null) {
                modelOrder.add(t.cell().modelId());
                m.computeIfAbsent(t.cell().modelId(), k -> new ArrayList<>()).add(t);
            }
        }
        List<VariantModelSummary> rows = new ArrayList<>();
        for (Variant v : variants) {
            for (String model : modelOrder) {
                List<Trial> group = byVariant.get(v.id()).getOrDefault(model, List.of());
                rows.add(summarize(v.id(), v.name(), v.baseline(), model, group, options));
            }
        }
        return rows;
    }

    /** The summary of one group of trials (normally one variant on one model). */
    public static VariantModelSummary summarize(
            long variantId,
            String variantName,
            boolean baseline,
            String modelId,
            Collection<Trial> trials,
            StatsOptions options) {
        int succeeded = 0;
        int failed = 0;
        int cached = 0;
        int unpriced = 0;
        int incomplete = 0;
        BigDecimal billed = BigDecimal.ZERO;
        List<BigDecimal> costs = new ArrayList<>();
        DoubleList input = new DoubleList();
        DoubleList cacheRead = new DoubleList();
        DoubleList output = new DoubleList();
        DoubleList reasoning = new DoubleList();
        DoubleList latency = new DoubleList();
        DoubleList ttft = new DoubleList();
        int compared = 0;
        BigDecimal estimated = BigDecimal.ZERO;
        BigDecimal billedCompared = BigDecimal.ZERO;
        for (Trial t : trials) {
            if (!t.fromCache() && t.costUsd() != null) {
                billed = billed.add(t.costUsd());
            }
            if (!t.succeeded()) {
                failed++;
                continue;
            }
            succeeded++;
            if (t.fromCache()) {
                cached++;
            }
            if (t.costUsd() == null) {
                unpriced++;
            } else if (!t.costComplete()) {
                incomplete++;
            }
            boolean observed = !t.fromCache() || options.includeCached();
            if (observed && t.costUsd() != null) {
                costs.add(t.costUsd());
            }
            if (observed && t.usage() != null) {
                input.add(t.usage().totalInput());
                cacheRead.add(t.usage().cacheRead());
                output.add(t.usage().output());
                reasoning.add(t.usage().reasoning());
            }
            if (!t.fromCache()) {
                if (t.latencyMs() != null) {
                    latency.add(t.latencyMs());
                }
                if (t.ttftMs() != null) {
                    ttft.add(t.ttftMs());
                }
                if (t.costUsd() != null && t.estimatedCostUsd() != null) {
                    compared++;
                    estimated = estimated.add(t.estimatedCostUsd());
                    billedCompared = billedCompared.add(t.costUsd());
                }
            }
        }
        double level = options.level();
        return new VariantModelSummary(
                variantId,
                variantName,
                baseline,
                modelId,
                trials.size(),
                succeeded,
                failed,
                cached,
                unpriced,
                incomplete,
                CostStats.of(costs, options),
                billed,
                input.describe(level),
                cacheRead.describe(level),
                output.describe(level),
                reasoning.describe(level),
                latency.describe(level),
                ttft.describe(level),
                compared == 0 ? EstimateVsBilled.NONE : new EstimateVsBilled(compared, estimated, billedCompared));
    }

    /** A growable primitive list, to avoid boxing every latency of a large experiment. */
    static final class DoubleList {
        private double[] values = new double[16];
        private int size;

        void add(double v) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = v;
        }

        double[] toArray() {
            return Arrays.copyOf(values, size);
        }

        int size() {
            return size;
        }

        Descriptive describe(double level) {
            return Descriptive.of(toArray(), level);
        }
    }
}
