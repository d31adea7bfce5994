// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.lab.batch;

import dev.costbench.model.catalog.ServiceTier;
import dev.costbench.model.cost.Money;
import dev.costbench.model.lab.TrialCell;
import dev.costbench.model.lab.run.Estimator;
import dev.costbench.model.lab.run.RunEstimate;
import dev.costbench.model.lab.run.RunPlan;
import dev.costbench.model.provider.ProviderId;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The pre-flight estimate of a run live and through the batch APIs, side by side, per provider: the live range at
 * the prices the cells ask for (the usual {@link RunEstimate}), the batch range at {@link ServiceTier#BATCH} prices
 * (a model without a batch price counts at its standard price), or "no batch API" for a provider that has none.
 *
 * @param live  the live estimate (every cell)
 * @param lines per provider, in the order the models come
 */
public record BatchEstimate(RunEstimate live, List<Line> lines) {

    public BatchEstimate {
        lines = List.copyOf(lines);
    }

    /**
     * One provider's cells.
     *
     * @param batchApi  false when the provider has no batch API (then the batch range is null)
     * @param batchLow  the low end at batch prices, or null
     * @param batchHigh the high end at batch prices, or null
     */
    public record Line(
            ProviderId provider,
            int calls,
            BigDecimal liveLow,
            BigDecimal liveHigh,
            boolean batchApi,
            BigDecimal batchLow,
            BigDecimal batchHigh) {

        /** "$0.10 – $0.40" live. */
        public String liveText() {
            return Money.format(liveLow) + " – " + Money.format(liveHigh);
        }

        /** "$0.05 – $0.20" at batch prices, or "no batch API". */
        public String batchText() {
            return batchApi ? Money.format(batchLow) + " – " + Money.format(batchHigh) : "no batch API";
        }
    }

    /** True when every provider of the run has a batch API (the run can go through them). */
    public boolean batchPossible() {
        return lines.stream().allMatch(Line::batchApi);
    }

    /** The providers without a batch API, by name ("OpenAI-compatible server"). */
    public List<String> withoutBatchApi() {
        return lines.stream()
                .filter(l -> !l.batchApi())
                .map(l -> l.provider().displayName())
                .toList();
    }

    /** The whole run's low end at batch prices (providers without a batch API not counted). */
    public BigDecimal batchLow() {
        return lines.stream().filter(Line::batchApi).map(Line::batchLow).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** The whole run's high end at batch prices (providers without a batch API not counted). */
    public BigDecimal batchHigh() {
        return lines.stream().filter(Line::batchApi).map(Line::batchHigh).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /**
     * The estimate of running {@code cells} of {@code plan} either way.
     *
     * @param providers each model's provider
     * @param batchApi  whether a provider has a batch API
     * @param observed  mean output tokens per variant × model ({@link Estimator#observedOutputs}), may be empty
     * @param spent     what the experiment has spent so far
     */
    public static BatchEstimate of(
            Estimator estimator,
            RunPlan plan,
            List<TrialCell> cells,
            Map<String, ProviderId> providers,
            Predicate<ProviderId> batchApi,
            Map<String, Double> observed,
            BigDecimal spent) {
        RunEstimate live = estimator.estimate(plan, cells, observed, spent);
        Map<ProviderId, BigDecimal[]> sums = new LinkedHashMap<>();
        Map<ProviderId, Integer> calls = new LinkedHashMap<>();
        for (TrialCell c : cells) {
            ProviderId p = providers.get(c.modelId());
            Double seen = observed.get(Estimator.observedKey(c.variantId(), c.modelId()));
            Estimator.CellEstimate l = estimator.cell(plan, c, seen);
            Estimator.CellEstimate b = estimator.cell(plan, c, seen, ServiceTier.BATCH);
            BigDecimal[] s = sums.computeIfAbsent(
                    p, k -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO});
            calls.merge(p, 1, Integer::sum);
            if (l.priced()) {
                s[0] = s[0].add(l.lowUsd());
                s[1] = s[1].add(l.highUsd());
                s[2] = s[2].add(b.lowUsd());
                s[3] = s[3].add(b.highUsd());
            }
        }
        List<Line> out = new ArrayList<>();
        sums.forEach((p, s) -> {
            boolean has = batchApi.test(p);
            out.add(new Line(p, calls.get(p), s[0], s[1], has, has ? s[2] : null, has ? s[3] : null));
        });
        return new BatchEstimate(live, out);
    }
}
