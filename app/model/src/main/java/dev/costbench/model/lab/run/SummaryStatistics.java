// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.lab.run;

import dev.costbench.model.lab.Experiment;
import dev.costbench.model.lab.TestInput;
import dev.costbench.model.lab.Trial;
import dev.costbench.model.lab.Variant;
import java.util.List;

/**
 * Turns an experiment's trials into its {@link RunSummary}. {@link SimpleSummary} gives the plain figures (means,
 * totals, medians, the saving of each variant over the baseline) with no intervals; a statistics implementation
 * fills {@link RunSummary.Comparison#savingPctInterval()} and {@link RunSummary.Comparison#significant()} through
 * the same interface, and the command line and the UI take whichever they are given.
 */
@FunctionalInterface
public interface SummaryStatistics {

    RunSummary summarize(Experiment experiment, List<Variant> variants, List<TestInput> inputs, List<Trial> trials);
}
