// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.lab.run;

/**
 * What a budget cap guarantees, in words the workbench and the docs show (the budget field's tooltip, {@code
 * docs/reliability/budget.md}). {@link BudgetGuard} keeps it, for experiment runs and for the judge alike.
 */
public final class BudgetGuarantee {

    /** The margin on input counts that are estimates (Claude, Gemini, open models) in a call's worst case: 25 %. */
    public static final double ESTIMATED_INPUT_MARGIN = 1.25;

    /**
     * The guarantee in one sentence (the budget field's tooltip): what {@link BudgetGuard} does, and the bound on
     * what a run or a judging can spend.
     */
    public static final String TEXT = "Before each call, CostBench reserves the most the call can cost within its "
            + "limits (its input, plus 25 % when the token count is an estimate, its whole output cap and its "
            + "reasoning budget) times the largest ratio so far of a finished call's bill to its own such most (1 "
            + "while no call was billed more), and starts the call only if what has been billed plus the open "
            + "reservations (scaled alike) leaves room for it in the budget; so the total can pass the budget only "
            + "when a provider bills a call more than its reservation, and then by no more than what the calls in "
            + "flight when the last call started were billed beyond their reservations.";

    /** A shorter form for tight places; the tooltip shows {@link #TEXT}. */
    public static final String SHORT = "Each call reserves the most it can cost before it starts, so the budget can "
            + "be passed only if a provider bills more than a request's limits allow.";

    private BudgetGuarantee() {}
}
