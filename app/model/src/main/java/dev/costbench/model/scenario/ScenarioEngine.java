// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.scenario;

import dev.costbench.model.catalog.Catalog;
import dev.costbench.model.cost.Money;
import dev.costbench.model.ratecard.RateCard;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Computes a scenario's waterfall: the naive bill, then the bill after each enabled lever in stack order, each one
 * recomputed from the workload's quantities (never by multiplying headline percentages). Pure and fast enough to
 * call on every slider move; the inputs are immutable and the result shares nothing with them.
 *
 * <pre>
 * List&lt;FieldError&gt; errors = ScenarioEngine.validate(scenario, catalog);   // inline messages
 * Waterfall w = ScenarioEngine.compute(scenario, catalog);                   // throws when errors is not empty
 * </pre>
 */
public final class ScenarioEngine {

    /** Precision of the few divisions (per minute, per request, shares): 34 significant digits. */
    static final MathContext MC = MathContext.DECIMAL128;

    private static final MathContext UNIT = new MathContext(20);

    private ScenarioEngine() {}

    /** Every input the engine refuses, with its field path and a message; empty when the scenario computes. */
    public static List<FieldError> validate(Scenario scenario, Catalog catalog) {
        return Validator.validate(scenario, catalog);
    }

    /**
     * The waterfall of {@code scenario} with prices from {@code catalog} (and the scenario's custom models); a
     * scenario without a start month starts in the current month.
     *
     * @throws InvalidScenarioException when {@link #validate} finds errors
     */
    public static Waterfall compute(Scenario scenario, Catalog catalog) {
        return compute(scenario, catalog, Clock.systemUTC());
    }

    /**
     * As {@link #compute(Scenario, Catalog)}, "the current month" taken from {@code clock}. The monthly bills and
     * the waterfall are priced at the first day of the start month; month {@code n} of the yearly projection at the
     * first day of its own month.
     */
    public static Waterfall compute(Scenario scenario, Catalog catalog, Clock clock) {
        return compute(scenario, catalog, clock, RateCard.NONE);
    }

    /**
     * As {@link #compute(Scenario, Catalog, Clock)} with the user's negotiated rates: every bill gets a
     * {@link BillLine#RATE_CARD} line, the matching adjustments applied to each model's calls at their tier
     * ({@link RateCard#NONE}: list prices).
     */
    public static Waterfall compute(Scenario scenario, Catalog catalog, Clock clock, RateCard rateCard) {
        List<FieldError> errors = validate(scenario, catalog);
        if (!errors.isEmpty()) {
            throw new InvalidScenarioException(errors);
        }
        Models models = new Models(scenario, catalog, rateCard);
        Set<String> warnings = new LinkedHashSet<>();
        YearMonth start = scenario.firstMonth(clock);
        LocalDate day = start.atDay(1);
        PlanState base = PlanState.baseline(scenario.workload());
        Bill baseline = Pricer.price(base, models, 0, day, warnings).bill();
        PlanState plan = base;
        Bill prev = baseline;
        List<WaterfallStep> steps = new ArrayList<>();
        for (LeverEntry e : scenario.levers()) {
            if (!e.enabled()) {
                continue;
            }
            plan = plan.copy();
            List<String> notes = new ArrayList<>(Effects.apply(e, plan));
            notes.addAll(TierNotes.of(e, plan, models));
            Pricer.Priced priced = Pricer.price(plan, models, 0, day, warnings);
            if (e.lever() instanceof Lever.SelfHosting) {
                notes.add(hostingNote((Lever.SelfHosting) e.lever(), priced, plan.daysPerMonth));
            }
            Bill b = priced.bill();
            if (e.lever() instanceof Lever.PromptCaching) {
                notes.addAll(priced.cacheNotes());
                BigDecimal storage = b.line(BillLine.CACHE_STORAGE);
                if (storage.signum() > 0) {
                    BigDecimal net = prev.total().subtract(b.total());
                    notes.add("net of " + Money.format(storage) + " of cache storage, caching "
                            + (net.signum() >= 0 ? "saves " : "costs ") + Money.format(net.abs()) + " a month");
                }
            }
            steps.add(new WaterfallStep(
                    e.id(),
                    e.label(),
                    e.lever().kind(),
                    e.lever().component(),
                    b.total(),
                    prev.total().subtract(b.total()),
                    b,
                    notes));
            prev = b;
        }
        Projection year = new Projection(base, plan, models, start, warnings);
        Workload w = scenario.workload();
        BigDecimal requests = BigDecimal.ZERO;
        BigDecimal videoHours = BigDecimal.ZERO;
        for (RequestType t : w.requestTypes()) {
            BigDecimal n = t.volume().perMonth(w.daysPerMonth());
            requests = requests.add(n);
            if (t.video() != null && !t.isConversationType() && !t.isRetrievalType()) {
                videoHours = videoHours.add(n.multiply(t.video().hours()));
            }
        }
        BigDecimal total = prev.total();
        PlanState last = plan;
        BudgetBreach breach = w.budget() == null
                ? null
                : BudgetBreach.find(
                        w.budget(),
                        start,
                        i -> i < year.months.size()
                                ? year.months.get(i).optimized()
                                : Pricer.price(
                                                last,
                                                models,
                                                i,
                                                start.plusMonths(i).atDay(1),
                                                warnings)
                                        .bill()
                                        .total());
        return new Waterfall(
                baseline,
                steps,
                prev,
                year.baselineYearly(),
                year.optimizedYearly(),
                requests,
                per(total, requests),
                w.users() == null ? null : per(total, BigDecimal.valueOf(w.users())),
                videoHours,
                per(total, videoHours),
                new ArrayList<>(warnings),
                year.months,
                year.priceChanges,
                HeavyTailFigures.of(scenario, prev),
                breach);
    }

    private static BigDecimal per(BigDecimal total, BigDecimal units) {
        return units == null || units.signum() == 0 ? null : total.divide(units, UNIT);
    }

    private static String hostingNote(Lever.SelfHosting sh, Pricer.Priced priced, int days) {
        BigDecimal tokens = priced.hostedTokens().getOrDefault(sh.model(), BigDecimal.ZERO);
        BigDecimal hours = BigDecimal.valueOf(days * 24L);
        long replicas = SelfHostedGpus.replicas(tokens, sh, hours);
        StringBuilder b = new StringBuilder(String.format(
                Locale.ROOT,
                "%s: %d replica%s for %s tokens a month",
                sh.model(),
                replicas,
                replicas == 1 ? "" : "s",
                Pricer.plain(tokens)));
        if (sh.throughputTokensPerSecond() != null) {
            BigDecimal capacity = SelfHostedGpus.capacity(sh, hours);
            b.append(String.format(
                    Locale.ROOT,
                    " (each serves %s a month at %s utilization)",
                    Pricer.plain(capacity),
                    Validator.pct(sh.utilization())));
        }
        return b.toString();
    }
}
