// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.cost;

import dev.costbench.model.catalog.BillingRules;
import dev.costbench.model.catalog.ModelEntry;
import dev.costbench.model.catalog.Price;
import dev.costbench.model.catalog.PriceKind;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;
import java.util.Locale;

/**
 * The breakdown line of Gemini explicit-cache storage: the cached tokens kept for the TTL at the storage price per
 * 1M tokens per hour, shared by the requests in one TTL (storage × tokens × TTL ÷ requests per TTL).
 */
final class CacheStorageLine {

    private CacheStorageLine() {}

    /** Adds the storage line when explicit caching applies; returns its amount (0 when none, null when unpriced). */
    static BigDecimal add(ModelEntry m, CanonicalUsage u, BillingOptions o, List<CostLine> lines) {
        ExplicitCache c = o.explicitCache();
        if (c == null || m.rules() != BillingRules.GEMINI || u.cacheRead() == 0) {
            return BigDecimal.ZERO;
        }
        String item = "Cache storage (explicit, TTL " + hours(c.ttlHours()) + ")";
        Price p = m.prices().get(PriceKind.CACHE_STORAGE);
        if (p == null) {
            lines.add(new CostLine(
                    item,
                    u.cacheRead(),
                    null,
                    null,
                    "no explicit-cache storage price is listed for this model: unpriced (add cacheStorage to your "
                            + "catalog)"));
            return null;
        }
        BigDecimal usd = p.perMTok()
                .multiply(BigDecimal.valueOf(u.cacheRead()))
                .multiply(c.ttlHours())
                .divide(c.requestsPerTtl(), MathContext.DECIMAL64)
                .movePointLeft(6);
        lines.add(new CostLine(
                item,
                u.cacheRead(),
                p,
                usd,
                "kept " + hours(c.ttlHours()) + " per 1M tokens per hour, shared by "
                        + c.requestsPerTtl().stripTrailingZeros().toPlainString() + " requests in the TTL"
                        + (p.validUntil() == null ? "" : "; price valid until " + p.validUntil())));
        return usd;
    }

    static String hours(BigDecimal h) {
        if (h.compareTo(BigDecimal.ONE) < 0) {
            return String.format(
                    Locale.ROOT,
                    "%s min",
                    h.multiply(BigDecimal.valueOf(60)).stripTrailingZeros().toPlainString());
        }
        return h.stripTrailingZeros().toPlainString() + " h";
    }
}
