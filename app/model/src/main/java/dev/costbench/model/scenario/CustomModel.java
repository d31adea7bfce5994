// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.scenario;

import dev.costbench.model.catalog.BillingRules;
import dev.costbench.model.catalog.ModelEntry;
import dev.costbench.model.catalog.Origin;
import dev.costbench.model.catalog.Price;
import dev.costbench.model.catalog.PriceKind;
import dev.costbench.model.catalog.Tier;
import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;

/**
 * A model with prices the user types, per 1M tokens (a quote, an old price list, a local model at $0). Unset
 * cache prices mean no cache discount; the batch prices are the listed ones less {@code batchDiscount}.
 *
 * @param cachedInput   cache-read price (defaults to {@code input})
 * @param cacheWrite    cache-write price (defaults to {@code input})
 * @param batchDiscount share off both prices through a batch API (0.5 = 50 %); 0 when there is none
 * @param perImage      a fee per image in USD on top of the tokens (some APIs price images per item)
 * @param minCacheTokens minimum cacheable prefix; null for none
 * @param perRequest    a fee per request (call) in USD on top of the tokens; null for none
 * @param selfHosted    when set, the model runs on the user's own GPUs: priced per month by capacity instead of per
 *                      token (the token prices are then not used)
 */
public record CustomModel(
        String id,
        String name,
        Tier tier,
        BigDecimal input,
        BigDecimal output,
        BigDecimal cachedInput,
        BigDecimal cacheWrite,
        BigDecimal batchDiscount,
        BigDecimal perImage,
        Long minCacheTokens,
        BigDecimal perRequest,
        SelfHosted selfHosted) {

    /**
     * A self-hosted model's capacity: what one instance (a GPU server) costs per hour, the tokens (input + output)
     * it serves per second, and the share of the hours it can be kept busy. A month needs the instances for its
     * tokens, rounded up to whole instances, each paid for every hour of the month.
     *
     * @param hourlyUsd                 USD per instance-hour
     * @param throughputTokensPerSecond tokens one instance serves per second
     * @param utilization               the share of the month it is busy, above 0 and at most 1 (default 1)
     */
    public record SelfHosted(BigDecimal hourlyUsd, BigDecimal throughputTokensPerSecond, BigDecimal utilization) {
        public SelfHosted {
            utilization = utilization == null ? BigDecimal.ONE : utilization;
        }

        /** The same capacity as a self-hosting lever on {@code model}, the one way the engine prices replicas. */
        Lever.SelfHosting asLever(String model) {
            return new Lever.SelfHosting(model, hourlyUsd, null, throughputTokensPerSecond, utilization);
        }
    }

    public CustomModel {
        name = name == null || name.isBlank() ? id : name;
        tier = tier == null ? Tier.MID : tier;
        input = input == null ? BigDecimal.ZERO : input;
        output = output == null ? BigDecimal.ZERO : output;
        batchDiscount = batchDiscount == null ? new BigDecimal("0.5") : batchDiscount;
    }

    public static CustomModel of(String id, String input, String output) {
        return new CustomModel(
                id, id, null, new BigDecimal(input), new BigDecimal(output), null, null, null, null, null, null, null);
    }

    /** This model with a fee per image and a fee per request (null: none) on top of its tokens. */
    public CustomModel withFees(BigDecimal imageFee, BigDecimal requestFee) {
        return new CustomModel(
                id,
                name,
                tier,
                input,
                output,
                cachedInput,
                cacheWrite,
                batchDiscount,
                imageFee,
                minCacheTokens,
                requestFee,
                selfHosted);
    }

    /** A model on the user's own GPUs, priced by {@code hosting}'s capacity (no token prices). */
    public static CustomModel selfHosted(String id, String name, SelfHosted hosting) {
        return new CustomModel(id, name, Tier.OPEN, null, null, null, null, null, null, null, null, hosting);
    }

    /** The catalog entry the engine prices this model with (provider "custom", rules as an open host). */
    public ModelEntry toEntry() {
        Map<PriceKind, Price> p = new EnumMap<>(PriceKind.class);
        p.put(PriceKind.INPUT, price(input, "typed"));
        p.put(PriceKind.OUTPUT, price(output, "typed"));
        p.put(PriceKind.CACHED_INPUT, price(cachedInput == null ? input : cachedInput, "typed"));
        p.put(PriceKind.CACHE_WRITE_5M, price(cacheWrite == null ? input : cacheWrite, "typed"));
        p.put(PriceKind.CACHE_WRITE_1H, price(cacheWrite == null ? input : cacheWrite, "typed"));
        BigDecimal keep = BigDecimal.ONE.subtract(batchDiscount);
        p.put(PriceKind.BATCH_INPUT, price(input.multiply(keep), "typed, batch discount"));
        p.put(PriceKind.BATCH_OUTPUT, price(output.multiply(keep), "typed, batch discount"));
        return new ModelEntry(
                id,
                name,
                "custom",
                BillingRules.OPEN,
                tier,
                null,
                null,
                "open",
                minCacheTokens,
                p,
                null,
                null,
                Map.of(),
                null,
                "typed in the scenario",
                Origin.USER,
                Set.of(),
                Map.of(),
                Map.of());
    }

    private static Price price(BigDecimal v, String note) {
        return Price.listed(v, "scenario", "", note, Origin.USER);
    }
}
