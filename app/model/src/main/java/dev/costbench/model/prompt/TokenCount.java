// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.prompt;

/**
 * A token count with how it was obtained.
 *
 * @param tokens the count
 * @param exact  true for an exact tokenizer (or a count the user gave), false for an estimate
 * @param method how it was computed, shown wherever the number appears
 */
public record TokenCount(long tokens, boolean exact, String method) {

    public static TokenCount given(long tokens) {
        return new TokenCount(tokens, true, "given");
    }

    /** The count followed by "≈" marker text for estimates. */
    public String display() {
        return exact ? Long.toString(tokens) : "≈" + tokens;
    }
}
