// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.tuning;

import dev.costbench.model.catalog.ModelEntry;
import java.math.BigDecimal;
import java.util.List;

/**
 * Whether and how much caching a prompt prefix pays on one model.
 *
 * @param cacheable       the prefix reaches the model's minimum cacheable length (and the model caches at all)
 * @param writePremium    cache-write price ÷ input price (1.25 = 25 % premium; 1 = no write fee)
 * @param readDiscount    1 − cache-read price ÷ input price (0.9 = reads cost 10 %)
 * @param breakEvenCalls  the call count within one TTL from which caching is cheaper; null when never
 * @param breakEven       e.g. "cheaper from the 2nd call within 5 minutes"
 * @param monthlyWithout  exact USD a month without caching (prefix, suffix and output); null when unpriced
 * @param monthlyWith     the same with caching at the hit rate
 * @param monthlySaving   without − with (negative when caching costs more)
 */
public record CachePlan(
        ModelEntry model,
        CacheMode mode,
        long prefixTokens,
        long suffixTokens,
        Long minCacheTokens,
        boolean cacheable,
        BigDecimal writePremium,
        BigDecimal readDiscount,
        Integer breakEvenCalls,
        String breakEven,
        BigDecimal monthlyWithout,
        BigDecimal monthlyWith,
        BigDecimal monthlySaving,
        List<String> notes) {

    public CachePlan {
        notes = List.copyOf(notes);
    }
}
