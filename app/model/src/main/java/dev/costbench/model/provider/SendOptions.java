// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.provider;

/**
 * The settings of one "Send to the API" call, provider-neutral; {@link SendTraits#apply} turns them into the
 * fields each provider takes.
 *
 * @param temperature     sampling temperature, or null for the provider's default
 * @param maxOutputTokens the output cap, at least 1
 * @param effort          reasoning effort, or null for the model's default (nothing is sent)
 * @param stream          true: the answer streams in as the provider sends it
 */
public record SendOptions(Double temperature, int maxOutputTokens, ReasoningEffort effort, boolean stream) {

    public SendOptions {
        if (maxOutputTokens <= 0) {
            throw new IllegalArgumentException("maxOutputTokens must be positive");
        }
        if (temperature != null && (temperature.isNaN() || temperature < 0)) {
            throw new IllegalArgumentException("temperature must be a number of at least 0");
        }
    }

    /** The same options with reasoning effort None. */
    public SendOptions withEffortNone() {
        return new SendOptions(temperature, maxOutputTokens, ReasoningEffort.NONE, stream);
    }
}
