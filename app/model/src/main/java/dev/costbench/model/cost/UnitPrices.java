// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.cost;

import dev.costbench.model.catalog.Price;

/**
 * The price per 1M tokens a request pays for each kind of token once the provider's rules have chosen it
 * (long-context switch, cache-write and cache-read fallbacks, batch). A null field is unpriced. The scenario
 * planner multiplies these by averaged, possibly fractional token counts; {@link CostEngine#estimate} stays the
 * per-request path.
 *
 * @param longContext true when the request's input is above the model's long-context threshold
 */
public record UnitPrices(
        Price input, Price cacheRead, Price cacheWrite5m, Price cacheWrite1h, Price output, boolean longContext) {}
