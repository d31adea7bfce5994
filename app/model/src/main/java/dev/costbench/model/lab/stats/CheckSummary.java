// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.lab.stats;

import java.util.List;

/**
 * Pass/fail checks over a group of outputs.
 *
 * @param outputs   outputs checked
 * @param passedAll outputs that passed every check
 * @param perCheck  how many outputs passed each check, in the order the checks were given
 */
public record CheckSummary(int outputs, int passedAll, List<PerCheck> perCheck) {

    public CheckSummary {
        perCheck = List.copyOf(perCheck);
    }

    /** One check's tally. */
    public record PerCheck(Check check, int passed) {}

    /** True when there were checks to run. */
    public boolean hasChecks() {
        return !perCheck.isEmpty();
    }

    /** The share of outputs that passed every check, NaN without outputs or checks. */
    public double passRate() {
        return outputs == 0 || perCheck.isEmpty() ? Double.NaN : (double) passedAll / outputs;
    }
}
