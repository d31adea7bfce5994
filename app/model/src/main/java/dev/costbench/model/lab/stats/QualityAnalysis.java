// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.lab.stats;

import dev.costbench.model.lab.JudgeScore;
import dev.costbench.model.lab.Rating;
import dev.costbench.model.lab.Trial;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Quality of an experiment's outputs, computed locally: similarity to the baseline (ROUGE-L and token F1), pass/fail
 * checks, the user's ratings and the judge's scores, per variant and model ({@link QualitySummary}).
 *
 * <p>Build one per experiment and ask for the summaries it needs; tokenized outputs and the similarity of each
 * pair of outputs are cached between calls. Not
 * thread-safe. Outputs of failed trials are not quality observations (the failure counts are in
 * {@link VariantModelSummary}); cached answers are left out unless {@link StatsOptions#includeCached}.
 */
public final class QualityAnalysis {

    private final List<Trial> trials;
    private final long baselineVariantId;
    private final List<Check> checks;
    private final StatsOptions options;
    private final Map<Long, List<Rating>> ratingsByTrial = new HashMap<>();
    private final Map<Long, List<JudgeScore>> judgeByTrial = new HashMap<>();
    private final Map<Long, int[]> words = new HashMap<>();
    private final Map<Long, int[]> sortedWords = new HashMap<>();
    private final SimilarityCache similarities;
    private final TextSimilarity.Dictionary dictionary = new TextSimilarity.Dictionary();

    /**
     * @param trials            the experiment's trials
     * @param baselineVariantId the variant the others are compared with
     * @param ratings           the experiment's ratings (any trial)
     * @param judgeScores       the experiment's judge scores
     * @param checks            the pass/fail checks to run on every output (may be empty)
     * @param similarities      the output similarities already known (stored ones; the pairs computed here are
     *                          added to it)
     */
    public QualityAnalysis(
            List<Trial> trials,
            long baselineVariantId,
            List<Rating> ratings,
            List<JudgeScore> judgeScores,
            List<Check> checks,
            StatsOptions options,
            SimilarityCache similarities) {
        this.similarities = similarities;
        this.trials = List.copyOf(trials);
        this.baselineVariantId = baselineVariantId;
        this.checks = List.copyOf(checks);
        this.options = options;
        for (Rating r : ratings) {
            ratingsByTrial.computeIfAbsent(r.trialId(), k -> new ArrayList<>()).add(r);
        }
        for (JudgeScore j : judgeScores) {
            judgeByTrial.computeIfAbsent(j.trialId(), k -> new ArrayList<>()).add(j);
        }
    }

    /** The quality of {@code variantId} on {@code modelId}, or on every model when it is null. */
    public QualitySummary summary(long variantId, String modelId) {
        TreeMap<Cells.Key, Trial> mine =
                Cells.latest(trials, variantId, modelId, t -> Cells.observed(t, options) && t.outputText() != null);
        TreeMap<Cells.Key, Trial> base = variantId == baselineVariantId
                ? mine
                : Cells.latest(
                        trials, baselineVariantId, modelId, t -> Cells.observed(t, options) && t.outputText() != null);

        // baseline self-similarity: consecutive repetitions of the same input and model
        TrialSummaries.DoubleList selfRouge = new TrialSummaries.DoubleList();
        TrialSummaries.DoubleList selfF1 = new TrialSummaries.DoubleList();
        Map<String, List<Trial>> baseByInput = new LinkedHashMap<>();
        for (Map.Entry<Cells.Key, Trial> e : base.entrySet()) {
            baseByInput
                    .computeIfAbsent(
                            e.getKey().modelId() + '\u0000' + e.getKey().inputId(), k -> new ArrayList<>())
                    .add(e.getValue());
        }
        for (List<Trial> reps : baseByInput.values()) {
            for (int i = 1; i < reps.size(); i++) {
                double[] sim = similarity(reps.get(i - 1), reps.get(i));
                selfRouge.add(sim[0]);
                selfF1.add(sim[1]);
            }
        }

        TrialSummaries.DoubleList rouge = new TrialSummaries.DoubleList();
        TrialSummaries.DoubleList f1 = new TrialSummaries.DoubleList();
        if (variantId == baselineVariantId) {
            rouge = selfRouge;
            f1 = selfF1;
        } else {
            for (Map.Entry<Cells.Key, Trial> e : mine.entrySet()) {
                Trial same = base.get(e.getKey());
                List<Trial> refs = same != null
                        ? List.of(same)
                        : baseByInput.getOrDefault(
                                e.getKey().modelId() + '\u0000' + e.getKey().inputId(), List.of());
                if (refs.isEmpty()) {
                    continue;
                }
                double r = 0;
                double f = 0;
                for (Trial ref : refs) {
                    double[] sim = similarity(e.getValue(), ref);
                    r += sim[0];
                    f += sim[1];
                }
                rouge.add(r / refs.size());
                f1.add(f / refs.size());
            }
        }

        // ratings, judge scores and checks over every observed output of the group
        int thumbs = 0;
        int up = 0;
        TrialSummaries.DoubleList five = new TrialSummaries.DoubleList();
        TrialSummaries.DoubleList normalized = new TrialSummaries.DoubleList();
        TrialSummaries.DoubleList judge = new TrialSummaries.DoubleList();
        Map<QualitySummary.JudgeKey, TrialSummaries.DoubleList> byJudge = new LinkedHashMap<>();
        int[] passed = new int[checks.size()];
        int passedAll = 0;
        for (Trial t : mine.values()) {
            for (Rating r : ratingsByTrial.getOrDefault(t.id(), List.of())) {
                normalized.add((double) (r.value() - r.scale().min())
                        / (r.scale().max() - r.scale().min()));
                switch (r.scale()) {
                    case THUMBS -> {
                        thumbs++;
                        up += r.value();
                    }
                    case FIVE_POINT -> five.add(r.value());
                    default -> throw new IllegalStateException("unknown scale " + r.scale());
                }
            }
            for (JudgeScore j : judgeByTrial.getOrDefault(t.id(), List.of())) {
                judge.add(j.score());
                byJudge.computeIfAbsent(
                                new QualitySummary.JudgeKey(j.judgeModel(), j.rubric()),
                                k -> new TrialSummaries.DoubleList())
                        .add(j.score());
            }
            boolean all = true;
            Long outputTokens = t.usage() == null ? null : t.usage().output();
            for (int i = 0; i < checks.size(); i++) {
                if (checks.get(i).evaluate(t.outputText(), outputTokens).passed()) {
                    passed[i]++;
                } else {
                    all = false;
                }
            }
            if (all) {
                passedAll++;
            }
        }
        List<CheckSummary.PerCheck> perCheck = new ArrayList<>();
        for (int i = 0; i < checks.size(); i++) {
            perCheck.add(new CheckSummary.PerCheck(checks.get(i), passed[i]));
        }
        double level = options.level();
        Map<QualitySummary.JudgeKey, Descriptive> judges = new LinkedHashMap<>();
        byJudge.forEach((k, v) -> judges.put(k, v.describe(level)));
        RatingSummary ratings = normalized.size() == 0
                ? RatingSummary.NONE
                : new RatingSummary(normalized.size(), thumbs, up, five.describe(level), normalized.describe(level));
        return new QualitySummary(
                variantId,
                modelId,
                mine.size(),
                rouge.describe(level),
                f1.describe(level),
                selfRouge.describe(level),
                selfF1.describe(level),
                ratings,
                judge.describe(level),
                judges,
                new CheckSummary(mine.size(), passedAll, perCheck));
    }

    /**
     * The judge scores of {@code variantId} against the baseline's on {@code modelId} (every model when null),
     * oriented like a saving ({@link MeanComparison#difference()} = baseline − optimized: positive when the optimized
     * outputs score lower). Paired on the cells both have a score for (the mean of each output's scores) when at
     * least two match and they cover at least half of the smaller side; Welch on all scored outputs otherwise. Null
     * when either side has no score.
     */
    public MeanComparison judgeComparison(long variantId, String modelId) {
        Map<Cells.Key, Double> base = judged(baselineVariantId, modelId);
        Map<Cells.Key, Double> opt = judged(variantId, modelId);
        if (base.isEmpty() || opt.isEmpty()) {
            return null;
        }
        int pairs = Cells.countMatched(base, opt);
        if (pairs >= 2 && 2 * pairs >= Math.min(base.size(), opt.size())) {
            double[] b = new double[pairs];
            double[] o = new double[pairs];
            int i = 0;
            for (Map.Entry<Cells.Key, Double> e : base.entrySet()) {
                Double v = opt.get(e.getKey());
                if (v != null) {
                    b[i] = e.getValue();
                    o[i++] = v;
                }
            }
            return MeanComparison.paired(b, o, options);
        }
        return MeanComparison.welch(
                base.values().stream().mapToDouble(Double::doubleValue).toArray(),
                opt.values().stream().mapToDouble(Double::doubleValue).toArray(),
                options);
    }

    /** The mean judge score of each observed output of a variant, by cell (latest trial of the cell). */
    private Map<Cells.Key, Double> judged(long variantId, String modelId) {
        Map<Cells.Key, Double> out = new TreeMap<>();
        for (Map.Entry<Cells.Key, Trial> e : Cells.latest(
                        trials, variantId, modelId, t -> Cells.observed(t, options) && t.outputText() != null)
                .entrySet()) {
            List<JudgeScore> js = judgeByTrial.get(e.getValue().id());
            if (js != null && !js.isEmpty()) {
                out.put(
                        e.getKey(),
                        js.stream().mapToDouble(JudgeScore::score).average().orElseThrow());
            }
        }
        return out;
    }

    /** The checks of one output, for a detail view. */
    public List<Check.Result> checkResults(Trial trial) {
        List<Check.Result> out = new ArrayList<>();
        Long outputTokens = trial.usage() == null ? null : trial.usage().output();
        for (Check c : checks) {
            out.add(c.evaluate(trial.outputText(), outputTokens));
        }
        return out;
    }

    /**
     * ROUGE-L F1 and token F1 of {@code a}'s output against {@code b}'s, computed once per ordered pair (or read from
     * the stored ones): the pooled summary (every model) compares the same pairs as the per-model ones, and gets
     * the very same numbers.
     */
    private double[] similarity(Trial a, Trial b) {
        return similarities.get(a, b, () -> new double[] {
            TextSimilarity.rougeL(words(a), words(b)).f1(),
            TextSimilarity.tokenF1Sorted(sorted(a), sorted(b)).f1()
        });
    }

    /** The output's word ids sorted, once per trial, for token F1. */
    private int[] sorted(Trial t) {
        return sortedWords.computeIfAbsent(t.id(), k -> {
            int[] s = words(t).clone();
            Arrays.sort(s);
            return s;
        });
    }

    /** The output's words interned as ints, once per trial (ROUGE-L and token F1 then compare ints). */
    private int[] words(Trial t) {
        return words.computeIfAbsent(t.id(), k -> dictionary.encode(TextTokens.words(t.outputText())));
    }
}
