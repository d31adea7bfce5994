// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.cost;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * Gemini explicit caching chosen for a request: the cached tokens are kept in a {@code cachedContents} resource for
 * {@code ttlHours} and billed for storage per 1M tokens per hour; the requests in that time share the storage.
 *
 * @param ttlHours        how long the cache is kept (its TTL), &gt; 0
 * @param requestsPerHour how many requests read it per hour, &gt; 0
 */
public record ExplicitCache(BigDecimal ttlHours, BigDecimal requestsPerHour) {

    public ExplicitCache {
        Objects.requireNonNull(ttlHours, "ttlHours");
        Objects.requireNonNull(requestsPerHour, "requestsPerHour");
        if (ttlHours.signum() <= 0 || requestsPerHour.signum() <= 0) {
            throw new IllegalArgumentException("the TTL and the requests per hour must be above 0");
        }
    }

    /** The requests that share one cache lifetime: requests per hour × TTL, at least 1 (a cache serves its creator). */
    public BigDecimal requestsPerTtl() {
        BigDecimal n = requestsPerHour.multiply(ttlHours);
        return n.compareTo(BigDecimal.ONE) < 0 ? BigDecimal.ONE : n;
    }
}
