// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.scenario;

import dev.costbench.model.catalog.BillingRules;
import dev.costbench.model.catalog.ModelEntry;
import dev.costbench.model.catalog.PriceKind;
import dev.costbench.model.cost.BillingOptions;
import dev.costbench.model.cost.ExplicitCache;
import dev.costbench.model.cost.Money;
import dev.costbench.model.tuning.ExplicitCacheEconomics;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Locale;

/**
 * The prompt-caching lever on a model whose cache is explicit and stored per token-hour (Gemini
 * {@code cachedContents}: a {@code cacheStorage} price in the catalog). The figures come from the cache planner's
 * {@link ExplicitCacheEconomics} (storage per cache lifetime, break-even rate) and {@link ExplicitCache} (the requests
 * that share one lifetime), so the Prompt view, the cache planner and the scenario planner compute them one way:
 *
 * <pre>
 * storage a month = storage per lifetime × calls ÷ requests per lifetime
 *                 = S · N · T / 10⁶ × calls ÷ max(1, R · T)
 * </pre>
 *
 * With the default rate (R = the calls of the month spread over its hours) the cache is kept the whole month:
 * S · N · hours / 10⁶.
 */
final class ExplicitCacheStorage {

    /** Gemini's TTL when none is set: one hour. */
    static final BigDecimal DEFAULT_TTL_HOURS = BigDecimal.ONE;

    private final ExplicitCacheEconomics economics;
    private final ExplicitCache cache;
    private final boolean rateGiven;
    private final BigDecimal hours;

    private ExplicitCacheStorage(
            ExplicitCacheEconomics economics, ExplicitCache cache, boolean rateGiven, BigDecimal hours) {
        this.economics = economics;
        this.cache = cache;
        this.rateGiven = rateGiven;
        this.hours = hours;
    }

    /** True when {@code m}'s cache is explicit and priced per token-hour at {@code date}. */
    static boolean applies(ModelEntry m, LocalDate date) {
        return m.rules() == BillingRules.GEMINI && m.at(date).prices().containsKey(PriceKind.CACHE_STORAGE);
    }

    /**
     * The storage economics of caching {@code prefix} tokens on {@code m} for the {@code calls} of one month of
     * {@code days} days, with the lever's TTL and request rate (or their defaults).
     */
    static ExplicitCacheStorage of(
            Lever.PromptCaching lever, ModelEntry m, BigDecimal prefix, BigDecimal calls, int days, LocalDate date) {
        BigDecimal ttl = lever.ttlHours() != null ? lever.ttlHours() : DEFAULT_TTL_HOURS;
        BigDecimal hours = BigDecimal.valueOf(days * 24L);
        BigDecimal perHour =
                lever.requestsPerHour() != null ? lever.requestsPerHour() : calls.divide(hours, ScenarioEngine.MC);
        long tokens = prefix.setScale(0, RoundingMode.CEILING).longValueExact();
        ExplicitCacheEconomics e =
                ExplicitCacheEconomics.of(m, tokens, ttl, perHour, BillingOptions.INTERACTIVE.at(date));
        return new ExplicitCacheStorage(e, new ExplicitCache(ttl, perHour), lever.requestsPerHour() != null, hours);
    }

    /** The storage of the month for {@code calls} calls; null when the model lists no usable prices. */
    BigDecimal monthly(BigDecimal calls) {
        if (!economics.priced()) {
            return null;
        }
        BigDecimal perTtl = cache.requestsPerTtl();
        if (!rateGiven && perTtl.compareTo(BigDecimal.ONE) > 0) {
            // The month's own rate: one lifetime after the other all month (calls ÷ requests per TTL = hours ÷ TTL,
            // computed without the rounded rate).
            return economics.storageCost().multiply(hours).divide(cache.ttlHours(), ScenarioEngine.MC);
        }
        return economics.storageCost().multiply(calls).divide(perTtl, ScenarioEngine.MC);
    }

    /** Why the storage could not be priced. */
    String unpriced() {
        return economics.unpriced();
    }

    /** The note of the caching step: what is kept, at what price, and from which request rate it pays. */
    String note(String type, BigDecimal monthly) {
        ModelEntry m = economics.model();
        String rate = Pricer.plain(economics.requestsPerHour());
        StringBuilder b = new StringBuilder()
                .append("explicit cache on ")
                .append(m.name())
                .append(" for '")
                .append(type)
                .append("': ")
                .append(String.format(Locale.ROOT, "%,d", economics.cachedTokens()))
                .append(" tokens kept ")
                .append(Pricer.plain(economics.ttlHours()))
                .append(" h at ")
                .append(Money.perMTok(economics.storagePrice().perMTok()))
                .append(" per 1M tokens per hour, read by ")
                .append(rate)
                .append(" requests an hour")
                .append(rateGiven ? "" : " (the request type's own rate)")
                .append(": cache storage ")
                .append(Money.format(monthly))
                .append(" a month");
        BigDecimal breakEven = economics.breakEvenPerHour();
        if (breakEven == null) {
            b.append("; the cache-read price is not below the input price, so caching never pays");
        } else {
            b.append("; caching pays from ")
                    .append(Pricer.plain(breakEven))
                    .append(" requests an hour (break-even)")
                    .append(
                            economics.requestsPerHour().compareTo(breakEven) < 0
                                    ? ": below it, storage costs more than the reads save"
                                    : "");
        }
        return b.toString();
    }
}
