// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.lab.stats;

import dev.costbench.model.lab.Experiment;
import dev.costbench.model.lab.JudgeScore;
import dev.costbench.model.lab.LabStore;
import dev.costbench.model.lab.Rating;
import dev.costbench.model.lab.Trial;
import dev.costbench.model.lab.Variant;
import java.util.List;

/**
 * What the results are computed from: an experiment's variants, models, trials, ratings and judge scores.
 *
 * @param variants    in their order; the one flagged baseline is the reference (else the first)
 * @param models      the experiment's models in order (models found only among the trials are added after them)
 * @param trials      every trial
 * @param ratings     the ratings of the trials
 * @param judgeScores the judge scores of the trials
 */
public record ExperimentData(
        List<Variant> variants,
        List<String> models,
        List<Trial> trials,
        List<Rating> ratings,
        List<JudgeScore> judgeScores) {

    public ExperimentData {
        variants = List.copyOf(variants);
        models = List.copyOf(models);
        trials = List.copyOf(trials);
        ratings = List.copyOf(ratings);
        judgeScores = List.copyOf(judgeScores);
    }

    /** Reads everything the results need about {@code experimentId} from the store. */
    public static ExperimentData load(LabStore store, long experimentId) {
        Experiment e = store.loadExperiment(experimentId);
        return new ExperimentData(
                store.variants(experimentId),
                e.models(),
                store.trials(experimentId),
                store.ratings(experimentId),
                store.judgeScores(experimentId));
    }

    /** The variant flagged as baseline, else the first; null without variants. */
    public Variant baseline() {
        return variants.stream()
                .filter(Variant::baseline)
                .findFirst()
                .orElse(variants.isEmpty() ? null : variants.get(0));
    }
}
