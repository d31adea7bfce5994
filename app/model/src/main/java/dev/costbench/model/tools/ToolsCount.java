// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.tools;

import java.util.List;

/**
 * The tokens a tool set adds to every request on one model.
 *
 * @param tokens  all of them: {@code perTool} summed plus {@code shared}
 * @param exact   true when counted with the model's own tokenizer and the provider's documented formatting
 * @param method  how it was counted, shown wherever the number appears
 * @param perTool each definition's own tokens, in the set's order
 * @param shared  tokens that belong to no single tool: OpenAI's closing tokens of the tool list, Anthropic's tool-use
 *                system prompt; 0 without tools
 * @param sharedLabel what {@code shared} is, for people ("" when it is 0 by rule)
 */
public record ToolsCount(
        long tokens, boolean exact, String method, List<Long> perTool, long shared, String sharedLabel) {

    /** No tools: nothing added. */
    public static final ToolsCount NONE = new ToolsCount(0, true, "no tools", List.of(), 0, "");

    public ToolsCount {
        perTool = List.copyOf(perTool);
    }

    /** The count with "≈" before estimates. */
    public String display() {
        return exact ? Long.toString(tokens) : "≈" + tokens;
    }
}
