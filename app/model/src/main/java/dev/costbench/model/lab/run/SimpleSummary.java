// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.lab.run;

import dev.costbench.model.lab.Experiment;
import dev.costbench.model.lab.TestInput;
import dev.costbench.model.lab.Trial;
import dev.costbench.model.lab.Variant;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Plain figures: means, totals, the median latency and the saving of each variant's mean cost over the baseline's
 * on the same model. No intervals and no test (those fields stay null).
 */
public final class SimpleSummary implements SummaryStatistics {

    public static final SimpleSummary INSTANCE = new SimpleSummary();
    private static final MathContext MC = new MathContext(20, RoundingMode.HALF_EVEN);

    @Override
    public RunSummary summarize(Experiment e, List<Variant> variants, List<TestInput> inputs, List<Trial> trials) {
        Map<String, List<Trial>> byCell = new LinkedHashMap<>();
        for (Trial t : trials) {
            byCell.computeIfAbsent(key(t.cell().variantId(), t.cell().modelId()), k -> new ArrayList<>())
                    .add(t);
        }
        List<RunSummary.Row> rows = new ArrayList<>();
        Map<String, RunSummary.Row> rowByKey = new LinkedHashMap<>();
        for (String model : e.models()) {
            for (Variant v : variants) {
                RunSummary.Row r = row(v, model, byCell.getOrDefault(key(v.id(), model), List.of()));
                rows.add(r);
                rowByKey.put(key(v.id(), model), r);
            }
        }
        List<RunSummary.Comparison> comparisons = new ArrayList<>();
        Variant base = variants.stream()
                .filter(Variant::baseline)
                .findFirst()
                .orElse(variants.isEmpty() ? null : variants.get(0));
        if (base != null) {
            for (String model : e.models()) {
                RunSummary.Row b = rowByKey.get(key(base.id(), model));
                for (Variant v : variants) {
                    if (v.id() == base.id()) {
                        continue;
                    }
                    RunSummary.Row r = rowByKey.get(key(v.id(), model));
                    Double saving = null;
                    if (b.meanCostUsd() != null
                            && r.meanCostUsd() != null
                            && b.meanCostUsd().signum() > 0) {
                        saving = b.meanCostUsd()
                                        .subtract(r.meanCostUsd())
                                        .divide(b.meanCostUsd(), MC)
                                        .doubleValue()
                                * 100;
                    }
                    comparisons.add(new RunSummary.Comparison(
                            model, base.name(), v.name(), b.meanCostUsd(), r.meanCostUsd(), saving, null, null));
                }
            }
        }
        return new RunSummary(
                e.id(),
                e.name(),
                e.status(),
                rows,
                comparisons,
                "means over successful trials; saving = difference of mean cost per call; no intervals");
    }

    private static RunSummary.Row row(Variant v, String model, List<Trial> trials) {
        int ok = 0;
        int failed = 0;
        int cached = 0;
        int priced = 0;
        BigDecimal sumCost = BigDecimal.ZERO;
        BigDecimal spent = BigDecimal.ZERO;
        boolean anyRealPriced = false;
        long in = 0;
        long out = 0;
        List<Long> latencies = new ArrayList<>();
        for (Trial t : trials) {
            if (!t.succeeded()) {
                failed++;
                continue;
            }
            ok++;
            if (t.fromCache()) {
                cached++;
            }
            if (t.costUsd() != null) {
                priced++;
                sumCost = sumCost.add(t.costUsd());
                if (!t.fromCache()) {
                    spent = spent.add(t.costUsd());
                    anyRealPriced = true;
                }
            }
            if (t.usage() != null) {
                in += t.usage().totalInput();
                out += t.usage().billedOutput();
            }
            if (!t.fromCache() && t.latencyMs() != null) {
                latencies.add(t.latencyMs());
            }
        }
        BigDecimal mean = priced == 0
                ? null
                : sumCost.divide(BigDecimal.valueOf(priced), MC).stripTrailingZeros();
        return new RunSummary.Row(
                v.name(),
                v.baseline(),
                model,
                ok,
                failed,
                cached,
                mean,
                anyRealPriced ? spent.stripTrailingZeros() : (priced > 0 ? BigDecimal.ZERO : null),
                median(latencies),
                ok == 0 ? null : (double) in / ok,
                ok == 0 ? null : (double) out / ok);
    }

    /** The median (the mean of the two middle values for an even count, rounded half up), or null. */
    static Long median(List<Long> values) {
        if (values.isEmpty()) {
            return null;
        }
        List<Long> s = new ArrayList<>(values);
        s.sort(null);
        int n = s.size();
        if (n % 2 == 1) {
            return s.get(n / 2);
        }
        return Math.round((s.get(n / 2 - 1) + s.get(n / 2)) / 2.0);
    }

    private static String key(long variantId, String model) {
        return variantId + "\u0000" + model;
    }
}
