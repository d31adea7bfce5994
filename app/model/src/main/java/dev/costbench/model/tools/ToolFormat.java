// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.tools;

/** The shape a tools file was written in, detected from its first definition. */
public enum ToolFormat {
    /**
     * Chat Completions {@code [{"type": "function", "function": {...}}]} or Responses
     * {@code [{"type": "function", "name": ...}]}.
     */
    OPENAI("OpenAI"),
    /** Messages API {@code [{"name", "description", "input_schema"}]}. */
    ANTHROPIC("Anthropic"),
    /** {@code [{"functionDeclarations": [...]}]} or a bare {@code functionDeclarations} list. */
    GEMINI("Gemini");

    private final String label;

    ToolFormat(String label) {
        this.label = label;
    }

    /** The provider's name, for people. */
    public String label() {
        return label;
    }
}
