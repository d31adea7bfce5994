// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.cost;

/**
 * How a request is billed.
 *
 * @param batch     sent through the provider's batch API
 * @param residency pinned to a region (Anthropic {@code inference_geo: "us"}, OpenAI regional processing)
 */
public record BillingOptions(boolean batch, boolean residency) {
    public static final BillingOptions INTERACTIVE = new BillingOptions(false, false);
    public static final BillingOptions BATCH = new BillingOptions(true, false);
}
