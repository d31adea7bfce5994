// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.lab.run;

import dev.costbench.model.catalog.ModelEntry;
import dev.costbench.model.catalog.ServiceTier;
import dev.costbench.model.lab.Trial;
import dev.costbench.model.lab.judge.JudgeSpec;
import dev.costbench.model.ratecard.RateCard;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * "Use my rates" in the A/B lab, a view setting: every real call's cost recomputed from its stored usage with
 * {@link Repricing#price} at the prices in force on the day it ran, then the user's rate card. Every figure computed
 * from the trials returned (per arm, per trial, cost per successful task, the charts) is then at "your rates".
 * Nothing is stored. Answers reused from the cache, trials without usage and models the catalog no longer lists keep
 * their stored cost (the last are named in {@link #notInCatalog}). An empty card returns the trials as stored: the
 * list price.
 *
 * @param trials       the trials, costs at your rates
 * @param notInCatalog models whose trials stay at their stored list price, because the catalog no longer lists them
 * @param yourRates    true when a card with at least one line was applied
 */
public record RatedTrials(List<Trial> trials, List<String> notInCatalog, boolean yourRates) {

    public RatedTrials {
        trials = List.copyOf(trials);
        notInCatalog = List.copyOf(notInCatalog);
    }

    /** "your rates" or "list price": how the figures are priced, for labels. */
    public String basis() {
        return basis(yourRates);
    }

    /** "your rates" when {@code yourRates}, else "list price". */
    public static String basis(boolean yourRates) {
        return yourRates ? "your rates" : "list price";
    }

    /** {@code trials} at {@code card}'s rates ({@link RateCard#NONE} or null: as stored, at list price). */
    public static RatedTrials of(List<Trial> trials, Function<String, Optional<ModelEntry>> catalog, RateCard card) {
        if (card == null || card.isEmpty()) {
            return new RatedTrials(trials, List.of(), false);
        }
        Map<String, Optional<ModelEntry>> entries = new LinkedHashMap<>();
        Set<String> missing = new LinkedHashSet<>();
        List<Trial> out = new ArrayList<>(trials.size());
        for (Trial t : trials) {
            if (t.usage() == null || t.fromCache()) {
                out.add(t);
                continue;
            }
            Optional<ModelEntry> e = entries.computeIfAbsent(t.cell().modelId(), catalog);
            if (e.isEmpty()) {
                missing.add(t.cell().modelId());
                out.add(t);
                continue;
            }
            out.add(withCost(t, Repricing.price(t, e.get(), day(t), card)));
        }
        return new RatedTrials(out, List.copyOf(missing), true);
    }

    /**
     * The judge's spending per trial at {@code card}'s rates for the judge model {@code judge} (standard tier);
     * as given when there is no card or the judge model is not in the catalog.
     */
    public static Map<Long, BigDecimal> judgeSpend(Map<Long, BigDecimal> perTrial, ModelEntry judge, RateCard card) {
        if (card == null || card.isEmpty() || judge == null) {
            return perTrial;
        }
        Map<Long, BigDecimal> out = new LinkedHashMap<>();
        perTrial.forEach(
                (id, usd) -> out.put(id, card.adjusted(judge.provider(), judge.id(), ServiceTier.STANDARD, usd)));
        return out;
    }

    /** {@link #of} as a function of the trials (for summaries that read them from the store). */
    public static UnaryOperator<List<Trial>> pricing(Function<String, Optional<ModelEntry>> catalog, RateCard card) {
        return trials -> of(trials, catalog, card).trials();
    }

    /** {@link #judgeSpend} as a function of the experiment's judge (null: none) and its spending per trial. */
    public static BiFunction<JudgeSpec, Map<Long, BigDecimal>, Map<Long, BigDecimal>> judgePricing(
            Function<String, Optional<ModelEntry>> catalog, RateCard card) {
        return (judge, spend) -> judgeSpend(
                spend, judge == null ? null : catalog.apply(judge.model()).orElse(null), card);
    }

    /** The day the trial ran (UTC): its start, else its end, else today. */
    static LocalDate day(Trial t) {
        Instant when = t.started() != null ? t.started() : t.finished();
        return when == null ? LocalDate.now(ZoneOffset.UTC) : LocalDate.ofInstant(when, ZoneOffset.UTC);
    }

    private static Trial withCost(Trial t, BigDecimal cost) {
        return new Trial(
                t.id(),
                t.experimentId(),
                t.cell(),
                t.requestHash(),
                t.usage(),
                cost,
                cost != null && t.costComplete(),
                t.pricesJson(),
                t.estimatedCostUsd(),
                t.latencyMs(),
                t.ttftMs(),
                t.finishReason(),
                t.outputText(),
                t.errorText(),
                t.fromCache(),
                t.started(),
                t.finished(),
                t.requestedTier(),
                t.servedTier());
    }
}
