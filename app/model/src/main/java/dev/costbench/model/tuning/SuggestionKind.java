// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.tuning;

/** The kinds of prompt-tuning suggestions. */
public enum SuggestionKind {
    WHITESPACE("Whitespace and formatting"),
    FILLER("Filler and politeness"),
    REPEATED("Repeated instruction"),
    VERBOSE("Verbose phrasing"),
    JSON_MINIFY("Minify JSON"),
    JSON_DESCRIPTIONS("Drop JSON-schema descriptions"),
    FEW_SHOT("Few-shot selection"),
    OUTPUT_CAP("Output cap (max tokens)"),
    STRUCTURED_OUTPUT("Structured output"),
    HISTORY_SUMMARY("Summarize history"),
    REWRITE("LLM rewrite");

    private final String label;

    SuggestionKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
