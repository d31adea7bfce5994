// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.tuning;

import dev.costbench.model.catalog.ModelEntry;
import dev.costbench.model.catalog.Origin;
import dev.costbench.model.catalog.Price;
import dev.costbench.model.catalog.PriceKind;
import dev.costbench.model.cost.BillingOptions;
import dev.costbench.model.cost.CostEngine;
import dev.costbench.model.cost.UnitPrices;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * Whether Gemini explicit caching pays for a cached prefix of N tokens kept for a TTL of T hours and read by R
 * requests per hour, per cache lifetime (one TTL), at input price P, cache-read price C and storage S per 1M tokens
 * per hour (all per 1M tokens):
 *
 * <ul>
 *   <li>storage cost = S · N · T / 10⁶ — the cache kept for its TTL;
 *   <li>creation cost = P · N / 10⁶ — creating the cache is billed at the input price;
 *   <li>read saving = R · T · N · (P − C) / 10⁶ — the requests read the prefix at C instead of P;
 *   <li>net saving = read saving − storage cost − creation cost (negative: caching costs more);
 *   <li>break-even rate = (S · T + P) / (T · (P − C)) requests per hour, from which the net saving is positive;
 *       none when C ≥ P.
 * </ul>
 *
 * @param storagePrice the catalog's storage price (with its source and status); null: not listed, nothing computed
 * @param unpriced     why nothing was computed; empty when the figures are there
 */
public record ExplicitCacheEconomics(
        ModelEntry model,
        long cachedTokens,
        BigDecimal ttlHours,
        BigDecimal requestsPerHour,
        Price storagePrice,
        BigDecimal storageCost,
        BigDecimal creationCost,
        BigDecimal readSaving,
        BigDecimal netSaving,
        BigDecimal breakEvenPerHour,
        String unpriced) {

    private static final MathContext MC = MathContext.DECIMAL64;

    /** The figures for {@code model} at {@code billing}'s tier and date (today when it has none). */
    public static ExplicitCacheEconomics of(
            ModelEntry model,
            long cachedTokens,
            BigDecimal ttlHours,
            BigDecimal requestsPerHour,
            BillingOptions billing) {
        return of(model, cachedTokens, ttlHours, requestsPerHour, billing, null);
    }

    /**
     * As {@link #of(ModelEntry, long, BigDecimal, BigDecimal, BillingOptions)} with the storage price the user gave
     * ({@code storageOverride}, USD per 1M tokens per hour) instead of the catalog's; null: the catalog's.
     */
    public static ExplicitCacheEconomics of(
            ModelEntry model,
            long cachedTokens,
            BigDecimal ttlHours,
            BigDecimal requestsPerHour,
            BillingOptions billing,
            BigDecimal storageOverride) {
        if (cachedTokens < 0 || ttlHours.signum() <= 0 || requestsPerHour.signum() < 0) {
            throw new IllegalArgumentException("tokens and requests must not be negative and the TTL must be above 0");
        }
        LocalDate day = billing.at() != null ? billing.at() : LocalDate.now(ZoneOffset.UTC);
        Price s = storageOverride != null
                ? Price.listed(storageOverride, "", "", "entered by you", Origin.USER)
                : model.at(day).prices().get(PriceKind.CACHE_STORAGE);
        UnitPrices up = CostEngine.unitPrices(model, cachedTokens, billing.at(day));
        String why = s == null
                ? "no explicit-cache storage price is listed for " + model.name()
                : up.input() == null || up.cacheRead() == null
                        ? "the input or cache-read price of " + model.name() + " is not listed"
                        : "";
        if (!why.isEmpty()) {
            return new ExplicitCacheEconomics(
                    model, cachedTokens, ttlHours, requestsPerHour, s, null, null, null, null, null, why);
        }
        BigDecimal n = BigDecimal.valueOf(cachedTokens);
        BigDecimal p = up.input().perMTok();
        BigDecimal c = up.cacheRead().perMTok();
        BigDecimal storage = s.perMTok().multiply(n).multiply(ttlHours).movePointLeft(6);
        BigDecimal creation = p.multiply(n).movePointLeft(6);
        BigDecimal saving = requestsPerHour
                .multiply(ttlHours)
                .multiply(n)
                .multiply(p.subtract(c))
                .movePointLeft(6);
        BigDecimal net = saving.subtract(storage).subtract(creation);
        BigDecimal breakEven = p.compareTo(c) <= 0
                ? null
                : s.perMTok().multiply(ttlHours).add(p).divide(ttlHours.multiply(p.subtract(c)), MC);
        return new ExplicitCacheEconomics(
                model, cachedTokens, ttlHours, requestsPerHour, s, storage, creation, saving, net, breakEven, "");
    }

    /** True when the figures could be computed. */
    public boolean priced() {
        return unpriced.isEmpty();
    }
}
