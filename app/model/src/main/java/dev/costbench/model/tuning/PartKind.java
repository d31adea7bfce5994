// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.tuning;

/** The parts one request is made of, for the component breakdown. */
public enum PartKind {
    SYSTEM("System prompt", true),
    TOOLS("Tool / schema definitions", true),
    FEW_SHOT("Few-shot example", true),
    CONTEXT("Context (RAG)", true),
    HISTORY("Chat history", true),
    MEDIA("Media", true),
    REASONING("Reasoning", false),
    OUTPUT("Visible output", false);

    private final String label;
    private final boolean input;

    PartKind(String label, boolean input) {
        this.label = label;
        this.input = input;
    }

    public String label() {
        return label;
    }

    /** True for prompt (input) parts, false for what the model generates (billed as output). */
    public boolean input() {
        return input;
    }
}
