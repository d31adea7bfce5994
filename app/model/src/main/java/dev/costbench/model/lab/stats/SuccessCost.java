// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.lab.stats;

import dev.costbench.model.cost.Money;
import dev.costbench.model.lab.JudgeScore;
import dev.costbench.model.lab.LabStore;
import dev.costbench.model.lab.LedgerPurpose;
import dev.costbench.model.lab.Trial;
import dev.costbench.model.lab.judge.JudgeSpec;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.UnaryOperator;

/**
 * Cost per successful task: everything a variant spent — its successful trials, its failed trials and retries (a
 * conversation cut short keeps what its answered calls cost) and the judge calls on its outputs — divided by the
 * trials that succeeded. A trial succeeds when its call (every call of a conversation) answered, every pass/fail
 * check passes, and, when the experiment's judge scored it, the score is at least {@link #PASS_SHARE} of the scale
 * (4 of 5, 8 of 10). Answers reused from the cache cost nothing and count like any other trial.
 *
 * @param spentUsd  all that was spent, exact
 * @param judgeUsd  the judge's part of it
 * @param trials    trials recorded (failed attempts included)
 * @param successes trials that succeeded
 */
public record SuccessCost(BigDecimal spentUsd, BigDecimal judgeUsd, int trials, int successes) {

    /** The share of the judge's scale a score must reach for the trial to count as a success. */
    public static final double PASS_SHARE = 0.8;

    public SuccessCost {
        Objects.requireNonNull(spentUsd, "spentUsd");
        Objects.requireNonNull(judgeUsd, "judgeUsd");
    }

    /** Spending ÷ successes, or null when no trial succeeded (never infinity, never zero). */
    public BigDecimal perSuccessUsd() {
        return successes == 0 ? null : spentUsd.divide(BigDecimal.valueOf(successes), MathContext.DECIMAL64);
    }

    /** "$0.0123" or "no successful trial". */
    public String headline() {
        BigDecimal per = perSuccessUsd();
        return per == null ? "no successful trial" : Money.format(per);
    }

    /** "$0.0123 per successful task (8 of 10 trials succeeded; $0.0984 spent, failures, retries and judge included)". */
    public String describe() {
        String counts = String.format(
                Locale.ROOT, "%d of %d %s succeeded", successes, trials, trials == 1 ? "trial" : "trials");
        String spent = Money.format(spentUsd) + " spent"
                + (judgeUsd.signum() > 0 ? " (judge " + Money.format(judgeUsd) + ")" : "")
                + ", failures, retries and judge included";
        BigDecimal per = perSuccessUsd();
        return per == null
                ? "no successful trial (" + counts + "; " + spent + ")"
                : Money.format(per) + " per successful task (" + counts + "; " + spent + ")";
    }

    /** The key of one variant on one model, or of one variant on every model ({@code modelId} null). */
    public record Key(long variantId, String modelId) {}

    /**
     * The cost per successful task of each variant on each model and of each variant over all its models.
     *
     * @param trials     every trial of the experiment
     * @param checks     the pass/fail checks (may be empty)
     * @param judge      the experiment's judge, or null: judge scores are not asked for
     * @param scores     the judge scores (only those by {@code judge}'s model and rubric count)
     * @param judgeSpent the judge's spending per trial id
     */
    public static Map<Key, SuccessCost> compute(
            List<Trial> trials,
            List<Check> checks,
            JudgeSpec judge,
            List<JudgeScore> scores,
            Map<Long, BigDecimal> judgeSpent) {
        Map<Long, JudgeScore> latest = new HashMap<>();
        if (judge != null) {
            for (JudgeScore s : scores) {
                if (s.judgeModel().equals(judge.model()) && s.rubric().equals(judge.rubric())) {
                    latest.merge(
                            s.trialId(),
                            s,
                            (a, b) -> Comparator.comparing(JudgeScore::created).compare(a, b) >= 0 ? a : b);
                }
            }
        }
        Map<Key, Tally> out = new LinkedHashMap<>();
        for (Trial t : trials) {
            BigDecimal cost = t.fromCache() || t.costUsd() == null ? BigDecimal.ZERO : t.costUsd();
            BigDecimal judged = judgeSpent.getOrDefault(t.id(), BigDecimal.ZERO);
            boolean ok = succeeded(t, checks, judge, latest.get(t.id()));
            for (Key k : List.of(
                    new Key(t.cell().variantId(), t.cell().modelId()),
                    new Key(t.cell().variantId(), null))) {
                out.computeIfAbsent(k, x -> new Tally()).add(cost, judged, ok);
            }
        }
        Map<Key, SuccessCost> result = new LinkedHashMap<>();
        out.forEach((k, v) -> result.put(k, v.build()));
        return result;
    }

    /** {@link #compute} for a stored experiment, with its own checks and judge. */
    public static Map<Key, SuccessCost> load(LabStore store, long experimentId) {
        return load(store, experimentId, UnaryOperator.identity(), (judge, spend) -> spend);
    }

    /**
     * {@link #load(LabStore, long)} with the trials' costs as {@code prices} gives them and the judge's spending per
     * trial as {@code judgeSpend} gives it for the experiment's judge (null: none) — e.g. at your rates.
     */
    public static Map<Key, SuccessCost> load(
            LabStore store,
            long experimentId,
            UnaryOperator<List<Trial>> prices,
            BiFunction<JudgeSpec, Map<Long, BigDecimal>, Map<Long, BigDecimal>> judgeSpend) {
        QualitySettings q;
        try {
            q = QualitySettings.read(
                    store.loadExperiment(experimentId).settings().extraJson());
        } catch (IllegalArgumentException e) {
            q = QualitySettings.defaults();
        }
        return compute(
                prices.apply(store.trials(experimentId)),
                q.checks(),
                q.judge(),
                store.judgeScores(experimentId),
                judgeSpend.apply(q.judge(), store.spentPerTrial(experimentId, LedgerPurpose.JUDGE)));
    }

    private static boolean succeeded(Trial t, List<Check> checks, JudgeSpec judge, JudgeScore score) {
        if (!t.succeeded()) {
            return false;
        }
        Long outputTokens = t.usage() == null ? null : t.usage().output();
        for (Check c : checks) {
            if (!c.evaluate(t.outputText() == null ? "" : t.outputText(), outputTokens)
                    .passed()) {
                return false;
            }
        }
        return judge == null || score == null || score.score() >= PASS_SHARE * judge.scale() - 1e-9;
    }

    private static final class Tally {
        BigDecimal spent = BigDecimal.ZERO;
        BigDecimal judge = BigDecimal.ZERO;
        int trials;
        int successes;

        void add(BigDecimal cost, BigDecimal judged, boolean ok) {
            spent = spent.add(cost).add(judged);
            judge = judge.add(judged);
            trials++;
            successes += ok ? 1 : 0;
        }

        SuccessCost build() {
            return new SuccessCost(spent, judge, trials, successes);
        }
    }
}
