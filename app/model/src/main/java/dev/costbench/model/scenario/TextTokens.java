// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.scenario;

/**
 * The text of one request, in tokens (typed, or counted in the Prompt view, or the mean of an A/B run).
 *
 * @param system    instructions repeated on every call (the cacheable prefix with the few-shot examples)
 * @param fewShot   few-shot examples, also repeated on every call
 * @param user      the part that changes per call: the user's message, history, retrieved context
 * @param output    visible output tokens
 * @param reasoning reasoning / thinking tokens, billed as output
 */
public record TextTokens(long system, long fewShot, long user, long output, long reasoning) {

    public static final TextTokens NONE = new TextTokens(0, 0, 0, 0, 0);

    public static TextTokens of(long system, long user, long output) {
        return new TextTokens(system, 0, user, output, 0);
    }

    public long input() {
        return system + fewShot + user;
    }

    public TextTokens withOutput(long o) {
        return new TextTokens(system, fewShot, user, o, reasoning);
    }
}
