// SPDX-License-Identifier: Apache-2.0
package dev.costbench.ui.lab;

import dev.costbench.model.catalog.ModelEntry;
import dev.costbench.model.cost.Money;
import dev.costbench.model.lab.JudgeFailure;
import dev.costbench.model.lab.JudgeScore;
import dev.costbench.model.lab.LabStore;
import dev.costbench.model.lab.LedgerPurpose;
import dev.costbench.model.lab.Variant;
import dev.costbench.model.lab.judge.JudgeSpec;
import dev.costbench.model.lab.run.RatedTrials;
import dev.costbench.model.lab.stats.ExperimentData;
import dev.costbench.model.lab.stats.ExperimentResults;
import dev.costbench.model.lab.stats.LabResults;
import dev.costbench.model.lab.stats.QualitySettings;
import dev.costbench.model.lab.stats.SimilarityCache;
import dev.costbench.model.lab.stats.StatsOptions;
import dev.costbench.model.lab.stats.SuccessCost;
import dev.costbench.model.ratecard.RateCard;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The two background steps of {@link ResultsViewModel}: reading the trials with the quick cost statistics, then the
 * bootstrap intervals, quality and verdicts; and what the first step's numbers say about the judge and the spend.
 */
final class ResultsSteps {

    private ResultsSteps() {}

    /** What the first step read: the trials, the judge's results, the spend and the quick cost statistics. */
    record Loaded(
            long request,
            ExperimentData data,
            QualitySettings quality,
            List<JudgeFailure> failures,
            BigDecimal trialSpend,
            BigDecimal judgeSpend,
            Map<Long, BigDecimal> judgePerTrial,
            LabResults.Preview preview,
            RatedTrials rated,
            RateCard card) {

        /** The judge set up for the experiment, or null. */
        JudgeSpec judge() {
            return quality.judge();
        }

        /** The judge's scores of this experiment's outputs, by trial. */
        Map<Long, JudgeScore> scores() {
            Map<Long, JudgeScore> scores = new HashMap<>();
            for (JudgeScore j : LabResults.forJudge(data, judge()).judgeScores()) {
                scores.put(j.trialId(), j);
            }
            return scores;
        }

        /** The outputs the judge (the one set up now, when there is one) could not score, by trial. */
        Map<Long, JudgeFailure> judgeFailures() {
            JudgeSpec judge = judge();
            Map<Long, JudgeFailure> out = new HashMap<>();
            for (JudgeFailure f : failures) {
                if (judge == null
                        || (f.judgeModel().equals(judge.model()) && f.rubric().equals(judge.rubric()))) {
                    out.put(f.trialId(), f);
                }
            }
            return out;
        }

        /**
         * The headline "Cost per successful task" of each variant (all its spending, failed trials, retries and judge
         * calls included, ÷ its trials that succeeded), one line each; "" without trials.
         */
        String successLines() {
            Map<SuccessCost.Key, SuccessCost> costs =
                    SuccessCost.compute(data.trials(), quality.checks(), judge(), data.judgeScores(), judgePerTrial);
            List<String> lines = new ArrayList<>();
            for (Variant v : data.variants()) {
                SuccessCost c = costs.get(new SuccessCost.Key(v.id(), null));
                if (c != null) {
                    lines.add("Cost per successful task — " + v.name() + ": " + c.describe());
                }
            }
            return String.join("\n", lines);
        }

        /**
         * "Spent: trials $… · judge $…  (judge …: n scored, m without a score)"; with your rates "Spent at list
         * price: …", the models left at list price named.
         */
        String spendLine(int scored, int unscored) {
            JudgeSpec judge = judge();
            String kept = rated.notInCatalog().isEmpty()
                    ? ""
                    : "  · at list price (not in the catalog): " + String.join(", ", rated.notInCatalog());
            return (rated.yourRates() ? "Spent at list price: trials " : "Spent: trials ") + Money.format(trialSpend)
                    + " · judge " + Money.format(judgeSpend)
                    + (judge == null
                            ? ""
                            : "  (judge " + judge.label() + ": " + scored + " scored"
                                    + (unscored == 0 ? "" : ", " + unscored + " without a score") + ")")
                    + kept;
        }
    }

    /** The second step: everything, and the similarities computed for it. */
    record Analysed(long request, ExperimentResults results, SimilarityCache similarities) {}

    /**
     * The first step: reads experiment {@code id} and its quick statistics, every trial's cost at {@code card}'s rates
     * ({@link RateCard#NONE}: list price, as stored; {@code find} the catalog's models).
     */
    static Loaded read(
            LabStore s,
            long id,
            long request,
            QualitySettings qs,
            StatsOptions options,
            Function<String, Optional<ModelEntry>> find,
            RateCard card) {
        LabRates.Rated rated = LabRates.rated(ExperimentData.load(s, id), find, card);
        ExperimentData d = rated.data();
        ModelEntry judge =
                qs.judge() == null ? null : find.apply(qs.judge().model()).orElse(null);
        return new Loaded(
                request,
                d,
                qs,
                s.judgeFailures(id),
                s.spentOnExperiment(id, LedgerPurpose.TRIAL),
                s.spentOnExperiment(id, LedgerPurpose.JUDGE),
                RatedTrials.judgeSpend(s.spentPerTrial(id, LedgerPurpose.JUDGE), judge, card),
                LabResults.preview(d, options),
                rated.trials(),
                card);
    }

    /** The second step, reusing the output similarities stored the last time. */
    static Analysed analyse(Loaded l, LabStore s, long id, StatsOptions options) {
        SimilarityCache sims = new SimilarityCache(s.similarityScores(id));
        return new Analysed(l.request(), LabResults.analyze(l.data(), l.quality(), options, sims), sims);
    }
}
