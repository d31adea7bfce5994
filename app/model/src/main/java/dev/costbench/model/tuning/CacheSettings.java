// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.tuning;

import dev.costbench.model.cost.BillingOptions;
import java.math.BigDecimal;

/**
 * The traffic and choices a cache plan is priced for.
 *
 * @param monthlyRequests    requests per month
 * @param hitRate            fraction of requests that find the prefix cached, 0..1 (see {@link CachePlanner#hitRate})
 * @param ttl                cache lifetime (Anthropic write price; Gemini explicit storage time)
 * @param outputTokens       expected output per request (the same with and without caching)
 * @param geminiExplicit     on Gemini models plan explicit caching instead of implicit
 * @param storagePerMTokHour Gemini explicit storage in USD per 1M tokens per hour; null when not known (not modelled)
 */
public record CacheSettings(
        long monthlyRequests,
        double hitRate,
        CacheTtl ttl,
        long outputTokens,
        BillingOptions billing,
        boolean geminiExplicit,
        BigDecimal storagePerMTokHour) {

    public CacheSettings {
        if (monthlyRequests < 0 || outputTokens < 0) {
            throw new IllegalArgumentException("requests and tokens must not be negative");
        }
        if (!(hitRate >= 0 && hitRate <= 1)) {
            throw new IllegalArgumentException("hit rate must be within 0..1, got " + hitRate);
        }
        ttl = ttl == null ? CacheTtl.FIVE_MINUTES : ttl;
        billing = billing == null ? BillingOptions.INTERACTIVE : billing;
    }

    public static CacheSettings of(long monthlyRequests, double hitRate) {
        return new CacheSettings(
                monthlyRequests, hitRate, CacheTtl.FIVE_MINUTES, 0, BillingOptions.INTERACTIVE, false, null);
    }

    /**
     * Traffic given as a steady rate: the monthly requests ({@value CachePlanner#HOURS_PER_MONTH} hours) and the hit
     * rate random arrivals at that rate get within the TTL ({@link CachePlanner#hitRate}).
     */
    public static CacheSettings atRate(double requestsPerMinute, CacheTtl ttl) {
        long monthly = Math.round(requestsPerMinute * 60 * CachePlanner.HOURS_PER_MONTH);
        return new CacheSettings(
                monthly, CachePlanner.hitRate(requestsPerMinute, ttl), ttl, 0, BillingOptions.INTERACTIVE, false, null);
    }

    public CacheSettings withTtl(CacheTtl t) {
        return new CacheSettings(
                monthlyRequests, hitRate, t, outputTokens, billing, geminiExplicit, storagePerMTokHour);
    }

    public CacheSettings withOutput(long tokens) {
        return new CacheSettings(monthlyRequests, hitRate, ttl, tokens, billing, geminiExplicit, storagePerMTokHour);
    }

    public CacheSettings withGeminiExplicit(BigDecimal storage) {
        return new CacheSettings(monthlyRequests, hitRate, ttl, outputTokens, billing, true, storage);
    }
}
