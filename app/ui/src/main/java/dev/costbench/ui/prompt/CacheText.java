// SPDX-License-Identifier: Apache-2.0
package dev.costbench.ui.prompt;

import dev.costbench.model.catalog.PriceStatus;
import dev.costbench.model.cost.Money;
import dev.costbench.model.tuning.ExplicitCacheEconomics;
import java.math.BigDecimal;
import java.math.RoundingMode;

/** The cache planner's words for Gemini explicit-cache storage. No JavaFX. */
final class CacheText {

    private CacheText() {}

    /** After the model's name: where the storage price comes from. */
    static String storageNote(BigDecimal typed, ExplicitCacheEconomics e) {
        if (typed != null) {
            return " · storage at your " + Money.perMTok(typed) + "/1M/h";
        }
        if (e == null || e.storagePrice() == null) {
            return " · no storage price listed (type one to include it)";
        }
        PriceStatus st = e.storagePrice().status();
        return " · storage " + Money.perMTok(e.storagePrice().perMTok()) + "/1M/h"
                + (st == PriceStatus.LISTED ? "" : " " + st.name());
    }

    /**
     * One TTL of the cache: "Per 1 h: storage $0.45 + creation $0.125 · reads save $1.125 at 120 requests/h · net
     * saves $0.55 · pays from 5.1 requests/h".
     */
    static String storageFigures(ExplicitCacheEconomics e) {
        if (!e.priced()) {
            return "Storage: " + e.unpriced() + " — type a storage price to plan it.";
        }
        String net = e.netSaving().signum() >= 0
                ? "net saves " + Money.format(e.netSaving())
                : "net costs " + Money.format(e.netSaving().abs()) + " more";
        return "Per TTL (" + hours(e.ttlHours()) + "): storage " + Money.format(e.storageCost()) + " + creation "
                + Money.format(e.creationCost()) + " · reads save " + Money.format(e.readSaving()) + " at "
                + plain(e.requestsPerHour()) + " requests/h · " + net + " · "
                + (e.breakEvenPerHour() == null
                        ? "never pays (no read discount)"
                        : "pays from " + plain(e.breakEvenPerHour().setScale(1, RoundingMode.UP)) + " requests/h");
    }

    /** The tooltip's explanation of the storage figures. */
    static String storageHow(ExplicitCacheEconomics e) {
        return "Explicit cache: the prefix is stored for the TTL at the storage price per 1M tokens per hour, created"
                + " once at the input price, and read by every request at the cache-read price. Net saving = read"
                + " saving − storage − creation; break-even = (storage × TTL + input price) ÷ (TTL × (input − cache"
                + " read)) requests per hour."
                + (e.storagePrice() == null || e.storagePrice().asOf().isEmpty()
                        ? ""
                        : " The catalog's storage price was read on "
                                + e.storagePrice().asOf()
                                + (e.storagePrice().status() == PriceStatus.LISTED
                                        ? ""
                                        : " and is " + e.storagePrice().status().name())
                                + ".");
    }

    private static String hours(BigDecimal h) {
        BigDecimal min = h.multiply(BigDecimal.valueOf(60));
        return h.compareTo(BigDecimal.ONE) < 0 ? plain(min) + " min" : plain(h) + " h";
    }

    private static String plain(BigDecimal v) {
        return v.stripTrailingZeros().toPlainString();
    }
}
