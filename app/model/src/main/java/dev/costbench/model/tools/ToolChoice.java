// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.tools;

import java.util.Locale;

/**
 * The request's {@code tool_choice}. Only Anthropic's count depends on it: its tool-use system prompt is one size for
 * {@code auto} and {@code none} and another for {@code any} and {@code tool}.
 */
public enum ToolChoice {
    AUTO("auto"),
    NONE("none"),
    ANY("any"),
    TOOL("tool");

    private final String id;

    ToolChoice(String id) {
        this.id = id;
    }

    /** The value as the Anthropic API spells it. */
    public String id() {
        return id;
    }

    /** True for {@code any} and {@code tool}, which force a tool call. */
    public boolean forcesTool() {
        return this == ANY || this == TOOL;
    }

    /** Reads "auto", "none", "any" or "tool" (any case). */
    public static ToolChoice parse(String s) {
        for (ToolChoice c : values()) {
            if (c.id.equals(s == null ? "" : s.trim().toLowerCase(Locale.ROOT))) {
                return c;
            }
        }
        throw new IllegalArgumentException("tool choice must be auto, none, any or tool, got '" + s + "'");
    }

    @Override
    public String toString() {
        return id;
    }
}
