// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.lab.run;

/**
 * What a budget cap guarantees, in words the workbench and the docs show (the budget field's tooltip, {@code
 * docs/reliability/budget.md}). {@link BudgetGuard} keeps it, for experiment runs and for the judge alike.
 */
public final class BudgetGuarantee {

    /** The margin on input counts that are estimates (Claude, Gemini, open models) in a call's worst case: 25 %. */
    public static final double ESTIMATED_INPUT_MARGIN = 1.25;

    /** The guarantee in one sentence. */
    public static final String TEXT = "A call starts only if the budget left, after what has been billed and the "
            + "reservations of the calls in flight, covers its own reservation: the most it can cost within its "
            + "limits (its input, plus 25 % when the token count is an estimate; its whole output cap; its reasoning "
            + "budget), times the largest ratio of a billed cost to that most seen so far in the run, which also "
            + "scales the reservations in flight; so the total passes the budget only if a provider bills a call "
            + "more than its reservation, and then by at most what the calls in flight when the last call started "
            + "were billed beyond their reservations.";

    /** A shorter form for tight places; the tooltip shows {@link #TEXT}. */
    public static final String SHORT = "Each call reserves the most it can cost before it starts, so the budget is "
            + "passed only if a provider bills more than a request's limits allow.";

    private BudgetGuarantee() {
    }
}
