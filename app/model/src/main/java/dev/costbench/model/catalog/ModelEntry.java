// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.catalog;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One model in the pricing catalog.
 *
 * @param prices     the prices in force on the day the catalog was loaded (see {@link #at(LocalDate)} for another day)
 * @param overridden names of the fields a user catalog or an import changed (e.g. {@code prices.input}, {@code tier})
 * @param schedule   for each price kind that changes over time, its dated prices in order (validFrom / validUntil)
 * @param serviceTiers the flex, priority and fast-mode pricing the model offers (standard and batch are not here)
 */
public record ModelEntry(
        String id,
        String name,
        String provider,
        BillingRules rules,
        Tier tier,
        Long contextWindow,
        Long maxOutput,
        String tokenizer,
        Long minCacheTokens,
        Map<PriceKind, Price> prices,
        LongContext longContext,
        Price residencyMultiplier,
        Map<String, Object> media,
        String deprecation,
        String notes,
        Origin origin,
        Set<String> overridden,
        Map<PriceKind, List<Price>> schedule,
        Map<ServiceTier, TierPricing> serviceTiers) {

    public ModelEntry {
        prices = prices.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(prices));
        media = media == null ? Map.of() : Map.copyOf(media);
        overridden = overridden == null ? Set.of() : Set.copyOf(overridden);
        name = name == null || name.isBlank() ? id : name;
        notes = notes == null ? "" : notes;
        tokenizer = tokenizer == null ? "open" : tokenizer;
        origin = origin == null ? Origin.BUILT_IN : origin;
        Map<PriceKind, List<Price>> sched = new EnumMap<>(PriceKind.class);
        if (schedule != null) {
            schedule.forEach((k, v) -> {
                List<Price> sorted = new ArrayList<>(v);
                sorted.sort(Comparator.comparing(Price::validFrom, Comparator.nullsFirst(Comparator.naturalOrder())));
                sched.put(k, List.copyOf(sorted));
            });
        }
        schedule = sched.isEmpty() ? Map.of() : Map.copyOf(sched);
        serviceTiers =
                serviceTiers == null || serviceTiers.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(serviceTiers));
    }

    /** The provider's name for people ("OpenAI", "Google"); {@link #provider()} stays the catalog id. */
    public String providerName() {
        return ProviderNames.displayName(provider);
    }

    /**
     * True when the model can be served in {@code t}: standard always; batch when the provider has a batch API or a
     * batch price is listed; flex, priority and fast mode when the catalog lists them for this model.
     */
    public boolean offers(ServiceTier t) {
        switch (t) {
            case STANDARD:
                return true;
            case BATCH:
                return rules.batchHalfPrice() || prices.containsKey(PriceKind.BATCH_INPUT);
            default:
                return serviceTiers.containsKey(t);
        }
    }

    /** The service tiers this model offers, in order (standard first). */
    public List<ServiceTier> serviceTiersOffered() {
        List<ServiceTier> out = new ArrayList<>();
        for (ServiceTier t : ServiceTier.values()) {
            if (offers(t)) {
                out.add(t);
            }
        }
        return out;
    }

    /**
     * This entry with the prices in force on {@code date}: a dated price applies only inside its period; a kind
     * whose periods do not cover the date is unpriced ({@link #scheduleGap} says why). Undated prices are kept.
     */
    public ModelEntry at(LocalDate date) {
        if (schedule.isEmpty() || date == null) {
            return this;
        }
        Map<PriceKind, Price> p = new EnumMap<>(PriceKind.class);
        p.putAll(prices);
        schedule.forEach((kind, periods) -> {
            p.remove(kind);
            periods.stream().filter(x -> x.covers(date)).findFirst().ifPresent(x -> p.put(kind, x));
        });
        return withPrices(p);
    }

    /** This entry with other prices in force (its schedule and service tiers are kept). */
    public ModelEntry withPrices(Map<PriceKind, Price> p) {
        return new ModelEntry(
                id,
                name,
                provider,
                rules,
                tier,
                contextWindow,
                maxOutput,
                tokenizer,
                minCacheTokens,
                p,
                longContext,
                residencyMultiplier,
                media,
                deprecation,
                notes,
                origin,
                overridden,
                schedule,
                serviceTiers);
    }

    /**
     * Why {@code kind} has no price on {@code date} although the catalog dates it ("ended on 2026-12-31 and no later
     * price is listed", "starts on …"); empty when a dated price covers the date or the kind is not dated.
     */
    public Optional<String> scheduleGap(PriceKind kind, LocalDate date) {
        List<Price> periods = schedule.get(kind);
        if (periods == null || date == null || periods.stream().anyMatch(x -> x.covers(date))) {
            return Optional.empty();
        }
        LocalDate ended = null;
        LocalDate next = null;
        for (Price x : periods) {
            if (x.validUntil() != null
                    && x.validUntil().isBefore(date)
                    && (ended == null || x.validUntil().isAfter(ended))) {
                ended = x.validUntil();
            }
            if (x.validFrom() != null
                    && x.validFrom().isAfter(date)
                    && (next == null || x.validFrom().isBefore(next))) {
                next = x.validFrom();
            }
        }
        String what = "the " + kind.label().toLowerCase(Locale.ROOT) + " price";
        if (ended != null) {
            return Optional.of(what + " ended on " + ended
                    + (next == null ? " and no later price is listed" : " and the next one starts on " + next));
        }
        return Optional.of(what + " starts on " + next);
    }

    public Optional<Price> price(PriceKind kind) {
        return Optional.ofNullable(prices.get(kind));
    }

    public boolean isOverridden(String field) {
        return overridden.contains(field);
    }
}
