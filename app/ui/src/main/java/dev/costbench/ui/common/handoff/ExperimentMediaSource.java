// SPDX-License-Identifier: Apache-2.0
package dev.costbench.ui.common.handoff;

import dev.costbench.model.lab.run.ExperimentSpec;
import java.util.List;

/**
 * Media view → A/B lab: "Images from the Media view" takes the open image as {original, optimized version} for the
 * baseline and the optimized variant.
 */
@FunctionalInterface
public interface ExperimentMediaSource {

    /**
     * The current image as {original, optimized}.
     *
     * @throws IllegalStateException whose message says what to do when no image (or no optimized version) is at hand
     */
    List<ExperimentSpec.MediaSpec> experimentMedia();
}
