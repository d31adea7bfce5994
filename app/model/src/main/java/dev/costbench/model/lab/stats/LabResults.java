// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.lab.stats;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.costbench.model.lab.Trial;
import dev.costbench.model.lab.Variant;
import dev.costbench.model.lab.judge.JudgeSpec;
import dev.costbench.model.validation.JsonReading;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The entry point of the results view: {@link #analyze} computes an experiment's {@link ExperimentResults} from its
 * {@link ExperimentData}. Pure computation, no I/O; for a large experiment call it off the UI thread (ROUGE-L on long
 * outputs is quadratic in their length).
 *
 * <p>The checks and thresholds may be kept in the experiment's settings ({@code ExperimentSettings.extraJson}) as
 * <pre>
 * {"checks": [{"type": "contains", "value": "refund", "ignoreCase": true}, {"type": "max_chars", "limit": 600}],
 *  "verdict": {"minSavingPercent": 30, "maxQualityDropPercent": 5, "qualityMeasure": "rouge_l",
 *              "requireSignificance": true}}
 * </pre>
 * which {@link #checksFromSettings} and {@link #thresholdsFromSettings} read.
 */
public final class LabResults {

    private static final ObjectMapper MAPPER = JsonReading.mapper();

    private LabResults() {}

    /** Everything the results view shows, with the given checks, thresholds and options. */
    public static ExperimentResults analyze(
            ExperimentData data, List<Check> checks, VerdictThresholds thresholds, StatsOptions options) {
        return analyze(data, checks, thresholds, options, SimilarityCache.empty());
    }

    /**
     * {@link #analyze(ExperimentData, List, VerdictThresholds, StatsOptions)} with output similarities already
     * known (stored ones): the same results; the pairs computed here are added to {@code similarities}.
     */
    public static ExperimentResults analyze(
            ExperimentData data,
            List<Check> checks,
            VerdictThresholds thresholds,
            StatsOptions options,
            SimilarityCache similarities) {
        Variant baseline = data.baseline();
        if (baseline == null) {
            throw new IllegalArgumentException("an experiment without variants has no results");
        }
        // The quality scores (tokenizing and comparing every output) take as long as all the cost statistics, so
        // they run on another thread meanwhile; each side only reads the immutable ExperimentData. The
        // QualityAnalysis stays confined to that thread until join().
        Set<String> models = modelOrder(data);
        QualityAnalysis qa = new QualityAnalysis(
                data.trials(), baseline.id(), data.ratings(), data.judgeScores(), checks, options, similarities);
        CompletableFuture<Map<String, QualitySummary>> qualityAsync = CompletableFuture.supplyAsync(() -> {
            Map<String, QualitySummary> q = new HashMap<>();
            for (Variant v : data.variants()) {
                for (String m : models) {
                    q.put(key(v.id(), m), qa.summary(v.id(), m));
                }
            }
            return q;
        });
        List<VariantModelSummary> summaries =
                TrialSummaries.summarize(data.variants(), data.models(), data.trials(), options);
        Map<Long, Map<String, CostComparison>> costs = new HashMap<>();
        for (CostComparison c : costComparisons(data, models, options)) {
            costs.computeIfAbsent(c.optimizedVariantId(), k -> new HashMap<>()).put(c.modelId(), c);
        }
        Map<String, QualitySummary> byKey;
        try {
            byKey = qualityAsync.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw e;
        }
        List<QualitySummary> quality = new ArrayList<>();
        for (VariantModelSummary s : summaries) {
            quality.add(byKey.get(key(s.variantId(), s.modelId())));
        }

        List<ExperimentResults.Comparison> comparisons = new ArrayList<>();
        List<String> scopes = new ArrayList<>(models);
        if (models.size() > 1) {
            scopes.add(null);
        }
        for (Variant v : data.variants()) {
            if (v.id() == baseline.id()) {
                continue;
            }
            for (String model : scopes) {
                CostComparison cost = costs.get(v.id()).get(model);
                QualitySummary qb = model == null
                        ? qa.summary(baseline.id(), null)
                        : quality.get(indexOf(summaries, baseline.id(), model));
                QualitySummary qo =
                        model == null ? qa.summary(v.id(), null) : quality.get(indexOf(summaries, v.id(), model));
                QualityComparison qc = thresholds.qualityMeasure().compare(qb, qo);
                comparisons.add(new ExperimentResults.Comparison(
                        v.id(),
                        model,
                        cost,
                        qc,
                        Verdicts.decide(cost, qc, thresholds),
                        qa.judgeComparison(v.id(), model)));
            }
        }
        return new ExperimentResults(baseline.id(), summaries, quality, comparisons, thresholds, options);
    }

    /**
     * The quick first part of {@link #analyze}, for showing the cost table at once: the same rows and cost
     * comparisons (counts, means, t intervals, tests) as {@link #analyze} gives with the same options, but without
     * any bootstrap interval (null), quality or verdict: those need {@link #analyze}.
     *
     * @param baselineVariantId the reference variant
     * @param summaries         per variant × model, as in {@link ExperimentResults#summaries()}
     * @param costs             per optimized variant: each model in order, then all models pooled (model null) when
     *                          there are several, as in {@link ExperimentResults#comparisons()}
     */
    public record Preview(long baselineVariantId, List<VariantModelSummary> summaries, List<CostComparison> costs) {

        public Preview {
            summaries = List.copyOf(summaries);
            costs = List.copyOf(costs);
        }
    }

    /**
     * The rows and cost comparisons of {@link #analyze} without bootstrap intervals, quality or verdicts: a few
     * milliseconds where {@link #analyze} takes a few hundred on a large experiment.
     */
    public static Preview preview(ExperimentData data, StatsOptions options) {
        Variant baseline = data.baseline();
        if (baseline == null) {
            throw new IllegalArgumentException("an experiment without variants has no results");
        }
        StatsOptions quick = options.withoutBootstrap();
        return new Preview(
                baseline.id(),
                TrialSummaries.summarize(data.variants(), data.models(), data.trials(), quick),
                costComparisons(data, modelOrder(data), quick));
    }

    /** Each optimized variant against the baseline: on each model in order, then pooled when there are several. */
    private static List<CostComparison> costComparisons(ExperimentData data, Set<String> models, StatsOptions options) {
        long baseline = data.baseline().id();
        List<String> scopes = new ArrayList<>(models);
        if (models.size() > 1) {
            scopes.add(null);
        }
        List<CostComparison> out = new ArrayList<>();
        for (Variant v : data.variants()) {
            if (v.id() != baseline) {
                for (String model : scopes) {
                    out.add(CostComparison.compare(data.trials(), baseline, v.id(), model, options));
                }
            }
        }
        return out;
    }

    /**
     * {@link #analyze} with the checks, thresholds and judge read from the experiment's settings JSON: when the
     * settings name a judge, only its scores (same model and rubric) count.
     */
    public static ExperimentResults analyze(ExperimentData data, String settingsExtraJson, StatsOptions options) {
        return analyze(data, QualitySettings.read(settingsExtraJson), options);
    }

    /** {@link #analyze} with the given quality settings (only the settings' judge's scores count, when it has one). */
    public static ExperimentResults analyze(ExperimentData data, QualitySettings settings, StatsOptions options) {
        return analyze(data, settings, options, SimilarityCache.empty());
    }

    /** {@link #analyze(ExperimentData, QualitySettings, StatsOptions)} with output similarities already known. */
    public static ExperimentResults analyze(
            ExperimentData data, QualitySettings settings, StatsOptions options, SimilarityCache similarities) {
        return analyze(
                forJudge(data, settings.judge()), settings.checks(), settings.thresholds(), options, similarities);
    }

    /** {@code data} with only {@code judge}'s scores (all of them when judge is null). */
    public static ExperimentData forJudge(ExperimentData data, JudgeSpec judge) {
        if (judge == null) {
            return data;
        }
        return new ExperimentData(
                data.variants(),
                data.models(),
                data.trials(),
                data.ratings(),
                data.judgeScores().stream()
                        .filter(j -> j.judgeModel().equals(judge.model())
                                && j.rubric().equals(judge.rubric()))
                        .toList());
    }

    /** The {@code "checks"} array of the settings JSON; empty when absent. */
    public static List<Check> checksFromSettings(String extraJson) {
        return Check.listFromJson(parse(extraJson).get("checks"));
    }

    /** The {@code "verdict"} object of the settings JSON; {@link VerdictThresholds#defaults()} when absent. */
    public static VerdictThresholds thresholdsFromSettings(String extraJson) {
        return VerdictThresholds.fromJson(parse(extraJson).get("verdict"));
    }

    private static JsonNode parse(String json) {
        if (json == null || json.isBlank()) {
            return MAPPER.createObjectNode();
        }
        try {
            return MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("experiment settings are not valid JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** The models in the order {@link TrialSummaries#summarize} gives its rows: the experiment's, then any other. */
    private static Set<String> modelOrder(ExperimentData data) {
        Set<String> order = new LinkedHashSet<>(data.models());
        Set<Long> ids = new HashSet<>();
        data.variants().forEach(v -> ids.add(v.id()));
        for (Trial t : data.trials()) {
            if (ids.contains(t.cell().variantId())) {
                order.add(t.cell().modelId());
            }
        }
        return order;
    }

    private static String key(long variantId, String model) {
        return variantId + "\u0000" + model;
    }

    private static int indexOf(List<VariantModelSummary> rows, long variantId, String model) {
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).variantId() == variantId && rows.get(i).modelId().equals(model)) {
                return i;
            }
        }
        throw new IllegalStateException("no row for variant " + variantId + " on " + model);
    }
}
