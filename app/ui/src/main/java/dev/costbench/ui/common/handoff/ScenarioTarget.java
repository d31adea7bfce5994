// SPDX-License-Identifier: Apache-2.0
package dev.costbench.ui.common.handoff;

import dev.costbench.model.scenario.RequestType;

/**
 * Prompt view → scenario planner: "Use this prompt in the scenario planner" adds a request type built from the
 * prompt (by the model, from the counts the Prompt view already has) to the open scenario, which is shown.
 */
@FunctionalInterface
public interface ScenarioTarget {

    void addRequestType(RequestType type);
}
