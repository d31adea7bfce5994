// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.catalog.refresh;

import dev.costbench.model.catalog.PriceKind;

/** One price of a model: a kind, at the standard rate or above the long-context threshold. */
public record PriceField(PriceKind kind, boolean longContext) {

    /** "Input", "Output (long context)": above the long-context threshold. */
    public String label() {
        return kind.label() + (longContext ? " (long context)" : "");
    }

    /** The path in a catalog entry: {@code prices.input}, {@code longContext.prices.output}. */
    public String path() {
        return (longContext ? "longContext.prices." : "prices.") + kind.json();
    }
}
