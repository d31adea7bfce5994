// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.lab.promptfoo;

import dev.costbench.model.lab.run.ExperimentSpec;
import java.util.List;

/**
 * A promptfoo configuration as an A/B experiment.
 *
 * @param spec     the experiment
 * @param unmapped what was left out, in the order of the configuration
 * @param notes    what was mapped with a change the user should know of (a default judge model, a provider's
 *                 settings applied to every model)
 */
public record Imported(ExperimentSpec spec, List<Unmapped> unmapped, List<String> notes) {

    public Imported {
        unmapped = List.copyOf(unmapped);
        notes = List.copyOf(notes);
    }
}
