// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.lab.run;

import dev.costbench.model.lab.TrialCell;
import java.util.ArrayList;
import java.util.List;

/** The cells of a run: every variant × input × model × repetition, and a check that each can be built. */
public final class Planner {

    private Planner() {}

    /**
     * Every planned cell, ordered by repetition, then input, model and variant (as {@link
     * dev.costbench.model.lab.LabStore#missingTrials} orders them), so that a run fills whole rounds first and a
     * stopped run has comparable data for every variant.
     */
    public static List<TrialCell> cells(RunPlan plan) {
        List<TrialCell> out = new ArrayList<>();
        for (int r = 1; r <= plan.spec().repetitions(); r++) {
            for (RunPlan.PlannedInput in : plan.inputs()) {
                for (ExperimentSpec.ModelSpec m : plan.models()) {
                    for (RunPlan.PlannedVariant v : plan.variants()) {
                        out.add(new TrialCell(v.id(), in.id(), m.id(), r));
                    }
                }
            }
        }
        return out;
    }

    /**
     * Fills every variant's templates with every input (one model is enough: the text does not depend on it), so
     * that a missing value is reported before anything is stored or spent.
     *
     * @throws SpecException for the first variant × input with a placeholder that has no value
     */
    public static void validate(RunPlan plan) {
        String model = plan.models().get(0).id();
        for (RunPlan.PlannedVariant v : plan.variants()) {
            for (RunPlan.PlannedInput in : plan.inputs()) {
                plan.request(new TrialCell(v.id(), in.id(), model, 1));
            }
        }
    }
}
