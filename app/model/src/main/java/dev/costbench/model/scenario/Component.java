// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.scenario;

/**
 * The part of the bill a lever acts on (seed 003: levers on different parts multiply, levers on the same part
 * overlap). The engine never multiplies headline percentages: each lever changes a quantity of the workload and the
 * bill is recomputed, so two levers on the same quantity are counted once and levers on different quantities
 * compound through the bill's own arithmetic.
 */
public enum Component {
    /** Image, video and audio tokens per request (frame sampling, resolution, cropping). */
    MEDIA_TOKENS("media tokens"),
    /** Text input tokens per request (prompt trimming, few-shot trimming). */
    PROMPT_TOKENS("prompt tokens"),
    /** Output and reasoning tokens per request (output cap, reasoning budget). */
    OUTPUT_TOKENS("output tokens"),
    /** The price per token or per minute: which model, tier or provider serves a call (routing, cascade). */
    PRICE_PER_TOKEN("price per token"),
    /** How the same tokens are billed (batch API, prompt caching). */
    BILLING_MODE("billing mode"),
    /** How many calls reach a model at all (response cache, event gating, precomputing once). */
    CALLS("number of calls"),
    /** Paying for hardware instead of tokens (self-hosting). */
    INFRASTRUCTURE("infrastructure");

    private final String label;

    Component(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
