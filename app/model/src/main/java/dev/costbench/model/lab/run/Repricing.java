// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.lab.run;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.costbench.model.catalog.ModelEntry;
import dev.costbench.model.cost.BillingOptions;
import dev.costbench.model.cost.CostBreakdown;
import dev.costbench.model.cost.CostEngine;
import dev.costbench.model.lab.Experiment;
import dev.costbench.model.lab.LabStore;
import dev.costbench.model.lab.Trial;
import dev.costbench.model.lab.Variant;
import dev.costbench.model.provider.ServiceTierWords;
import dev.costbench.model.ratecard.RateCard;
import dev.costbench.model.validation.JsonReading;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * A past run re-priced at the prices in force on a date (today by default): every trial's stored canonical usage
 * priced again with the current catalog as of {@link #pricedAt} ({@link CostEngine#price}, with the batch and
 * residency options the trial was billed with, at the service tier the provider served), against the cost
 * stored with the trial at the prices then in force. Nothing is written: the stored historical costs stay as they
 * are. Real calls only (answers reused from the cache cost nothing, then or now). A model no longer in the catalog
 * is named in {@link #missingModels} and its row has no "now" figure; it is never guessed.
 *
 * <p>Then and now are summed over the same trials: those priced both times ({@code comparable}); trials unpriced
 * then or now are counted apart.
 *
 * @param experimentId  the experiment
 * @param rows          per variant × model
 * @param thenTotalUsd  the stored cost of the comparable trials, exact
 * @param nowTotalUsd   their cost at today's prices, exact
 * @param missingModels models of the run the catalog no longer lists
 * @param pricedAt      the day whose catalog prices the "now" figures are
 */
public record Repricing(
        long experimentId,
        List<Row> rows,
        BigDecimal thenTotalUsd,
        BigDecimal nowTotalUsd,
        List<String> missingModels,
        LocalDate pricedAt) {

    private static final MathContext MC = new MathContext(20, RoundingMode.HALF_EVEN);
    private static final ObjectMapper JSON = JsonReading.mapper();

    public Repricing {
        rows = List.copyOf(rows);
        missingModels = List.copyOf(missingModels);
    }

    /**
     * One variant on one model.
     *
     * @param trials       real calls with a usage
     * @param comparable   those priced then and now
     * @param unpricedThen calls stored without a cost (the model had no price then)
     * @param unpricedNow  calls the current catalog cannot price (all of them when the model is missing)
     * @param inCatalog    whether the current catalog lists the model
     * @param storedUsd    the stored cost of all these calls (the prices then in force), exact
     * @param thenUsd      stored cost of the comparable calls
     * @param nowUsd       their cost today; null when the model is not in the catalog
     */
    public record Row(
            String variant,
            boolean baseline,
            String model,
            int trials,
            int comparable,
            int unpricedThen,
            int unpricedNow,
            boolean inCatalog,
            BigDecimal storedUsd,
            BigDecimal thenUsd,
            BigDecimal nowUsd) {

        /** Mean cost per comparable call then, or null. */
        public BigDecimal thenMeanUsd() {
            return comparable == 0 ? null : thenUsd.divide(BigDecimal.valueOf(comparable), MC);
        }

        /** Mean cost per comparable call now, or null. */
        public BigDecimal nowMeanUsd() {
            return comparable == 0 || nowUsd == null ? null : nowUsd.divide(BigDecimal.valueOf(comparable), MC);
        }

        /** (now − then) / then in percent, or null when not comparable. */
        public Double changePercent() {
            return Repricing.changePercent(thenUsd, comparable == 0 ? null : nowUsd);
        }
    }

    /** (now − then) / then in percent over all comparable trials, or null. */
    public Double totalChangePercent() {
        return changePercent(thenTotalUsd, nowTotalUsd);
    }

    /** Re-prices a stored experiment with {@code catalog} (model id → entry, empty when unlisted) at today's prices. */
    public static Repricing of(LabStore store, long experimentId, Function<String, Optional<ModelEntry>> catalog) {
        return of(store, experimentId, catalog, LocalDate.now(ZoneOffset.UTC));
    }

    /** Re-prices a stored experiment with {@code catalog} at the prices in force on {@code at}. */
    public static Repricing of(
            LabStore store, long experimentId, Function<String, Optional<ModelEntry>> catalog, LocalDate at) {
        return of(
                store.loadExperiment(experimentId),
                store.variants(experimentId),
                store.trials(experimentId),
                catalog,
                at);
    }

    /** Re-prices {@code trials} at today's prices. */
    public static Repricing of(
            Experiment e, List<Variant> variants, List<Trial> trials, Function<String, Optional<ModelEntry>> catalog) {
        return of(e, variants, trials, catalog, LocalDate.now(ZoneOffset.UTC));
    }

    /** Re-prices {@code trials} at {@code at}'s prices; rows in variant order within the experiment's model order. */
    public static Repricing of(
            Experiment e,
            List<Variant> variants,
            List<Trial> trials,
            Function<String, Optional<ModelEntry>> catalog,
            LocalDate at) {
        Objects.requireNonNull(at, "at");
        Set<String> models = new LinkedHashSet<>(e.models());
        trials.forEach(t -> models.add(t.cell().modelId()));
        Map<String, Optional<ModelEntry>> entries = new LinkedHashMap<>();
        models.forEach(m -> entries.put(m, catalog.apply(m)));
        List<Row> rows = new ArrayList<>();
        BigDecimal thenTotal = BigDecimal.ZERO;
        BigDecimal nowTotal = BigDecimal.ZERO;
        for (String model : models) {
            Optional<ModelEntry> entry = entries.get(model);
            for (Variant v : variants) {
                int n = 0;
                int comparable = 0;
                int unThen = 0;
                int unNow = 0;
                BigDecimal stored = BigDecimal.ZERO;
                BigDecimal then = BigDecimal.ZERO;
                BigDecimal now = BigDecimal.ZERO;
                for (Trial t : trials) {
                    if (t.cell().variantId() != v.id()
                            || !t.cell().modelId().equals(model)
                            || t.usage() == null
                            || t.fromCache()) {
                        continue;
                    }
                    n++;
                    BigDecimal current = entry.isPresent() ? price(t, entry.get(), at, RateCard.NONE) : null;
                    if (t.costUsd() == null) {
                        unThen++;
                    } else {
                        stored = stored.add(t.costUsd());
                    }
                    if (current == null) {
                        unNow++;
                    }
                    if (t.costUsd() != null && current != null) {
                        comparable++;
                        then = then.add(t.costUsd());
                        now = now.add(current);
                    }
                }
                if (n == 0) {
                    continue;
                }
                rows.add(new Row(
                        v.name(),
                        v.baseline(),
                        model,
                        n,
                        comparable,
                        unThen,
                        unNow,
                        entry.isPresent(),
                        stored,
                        then,
                        entry.isPresent() ? now : null));
                thenTotal = thenTotal.add(then);
                nowTotal = nowTotal.add(now);
            }
        }
        List<String> missing = entries.entrySet().stream()
                .filter(x -> x.getValue().isEmpty())
                .map(Map.Entry::getKey)
                .toList();
        return new Repricing(e.id(), rows, thenTotal, nowTotal, missing, at);
    }

    /**
     * The cost of trial {@code t}'s stored usage on {@code entry} at the prices in force on {@code at}, with the
     * options it was billed with and its served tier, after {@code card} ({@link RateCard#NONE}: list price); null
     * when unpriced. The one way the A/B lab prices a stored trial again (re-pricing, "Use my rates").
     */
    public static BigDecimal price(Trial t, ModelEntry entry, LocalDate at, RateCard card) {
        CostBreakdown b = CostEngine.price(entry, t.usage(), options(t).at(at).withRateCard(card));
        return b.unpriced() ? null : b.total();
    }

    /** The options the trial was billed with, at the service tier its provider served (when it reported one). */
    static BillingOptions options(Trial t) {
        BillingOptions o = options(t.pricesJson());
        return t.servedTier() == null ? o : o.withTier(ServiceTierWords.pricedAs(t.servedTier()));
    }

    /** The batch and residency options the trial was billed with (interactive when not recorded). */
    static BillingOptions options(String pricesJson) {
        if (pricesJson == null) {
            return BillingOptions.INTERACTIVE;
        }
        try {
            JsonNode n = JSON.readTree(pricesJson);
            return new BillingOptions(
                    n.path("batch").asBoolean(false), n.path("residency").asBoolean(false));
        } catch (JsonProcessingException ex) {
            return BillingOptions.INTERACTIVE;
        }
    }

    private static Double changePercent(BigDecimal then, BigDecimal now) {
        if (then == null || now == null || then.signum() == 0) {
            return null;
        }
        return now.subtract(then).divide(then, MC).doubleValue() * 100;
    }
}
