// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.tools;

import java.math.BigDecimal;

/**
 * A schema-pruning cut: remove one tool, or shorten its descriptions to their first sentence.
 *
 * @param kind          what the cut does
 * @param tool          the tool's name
 * @param title         one line for people, e.g. "Remove tool “lookup_order”"
 * @param tokensSaved   tokens saved per request on the model the cut was priced on
 * @param exact         false when those tokens are an estimate
 * @param usdPerRequest saving per request; null when unpriced
 * @param usdPerMonth   saving per month; null when unpriced
 * @param before        the tools the cut was made for
 * @param after         the tools once it is applied
 */
public record ToolCut(
        Kind kind,
        String tool,
        String title,
        long tokensSaved,
        boolean exact,
        BigDecimal usdPerRequest,
        BigDecimal usdPerMonth,
        ToolSet before,
        ToolSet after) {

    /** The two cuts. */
    public enum Kind {
        REMOVE,
        SHORTEN
    }
}
