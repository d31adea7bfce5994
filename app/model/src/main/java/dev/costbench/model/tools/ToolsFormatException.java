// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.tools;

/** Tools JSON CostBench cannot read; the message names the tool, the field, what is wrong and what to do. */
public final class ToolsFormatException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public ToolsFormatException(String message) {
        super(message);
    }
}
