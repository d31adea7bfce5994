// SPDX-License-Identifier: Apache-2.0
package dev.costbench.ui.common.handoff;

/**
 * Prompt view → A/B lab: "Check quality" sends the original prompt as the baseline and the tuned one as the
 * optimized variant to the lab's setup, which is shown. Implemented by the lab, wired by the composition root.
 */
@FunctionalInterface
public interface QualityCheckTarget {

    /** One variant: a system prompt and a user message (few-shot turns already folded into the system prompt). */
    record Variant(String system, String user) {}

    /** Opens the A/B lab's setup filled with both variants under {@code experimentName}. */
    void checkQuality(String experimentName, Variant baseline, Variant optimized);
}
