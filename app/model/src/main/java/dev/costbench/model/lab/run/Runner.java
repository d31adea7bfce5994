// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.lab.run;

import dev.costbench.model.catalog.ModelEntry;
import dev.costbench.model.lab.ExperimentStatus;
import dev.costbench.model.lab.LabStore;
import dev.costbench.model.lab.TrialCell;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Runs A/B experiments against real APIs and keeps every result in the {@link LabStore}.
 *
 * <p>Typical use (the command line and the workbench do the same):
 * <pre>{@code
 * Runner runner = new Runner(store, clients, catalog::find);
 * RunEstimate e = runner.estimate(spec);             // show the range, the cap, ask to go on
 * RunPlan plan = runner.create(spec);                // stored as DRAFT
 * Run run = runner.start(plan.experimentId(), null, listener);
 * run.pause(); run.resume(); run.cancel();           // from any thread
 * RunResult r = run.await();
 * // later, or after a crash (the store marks the experiment INTERRUPTED when it opens):
 * runner.start(experimentId, null, listener);        // runs only the missing cells, failed ones included
 * }</pre>
 *
 * <p><b>Calls.</b> Each provider gets its own pool of at most {@code concurrency} threads (4 by default), so a slow
 * provider never holds up another. Repetitions are always real, independent calls. The response cache ({@code
 * responseCache} in the spec) answers only repetition 1 of a request identical to an earlier successful real call
 * of another experiment ({@link RequestHash}), looked up before this run's first call, and marks the trial as
 * cached. A call that fails with a retryable error (rate limit, server
 * error, timeout — after the client's own backoff) is queued again at the end, up to {@code attempts} calls per
 * cell; a key that is missing or refused stops that provider's cells.
 *
 * <p><b>Budget.</b> See {@link BudgetGuard} and {@link BudgetGuarantee}: every request carries its output cap; each
 * call's worst case ({@link Estimator#worstCase}: the output cap, the reasoning budget, the input with a 25 % margin
 * when its count is an estimate — Claude, Gemini, open models — raised when a model's billed input comes out higher
 * than its estimate) is reserved before it starts, scaled by the worst ratio of billed cost to worst case seen so far,
 * and settled with the billed cost when it ends; when the next call's reservation does not fit even after the calls
 * in flight have settled, nothing more is launched and the result says why ({@link RunResult#budgetStop()}). The cap
 * counts the experiment's whole spending, earlier sessions included. Models without a price count as $0.
 *
 * <p><b>Durability.</b> Every finished call is committed with its ledger entry in one transaction ({@link
 * LabStore#addTrial(dev.costbench.model.lab.NewTrial, dev.costbench.model.lab.NewLedgerEntry)}) before the next
 * event is sent, so a crash loses only the calls in flight. Cancelled calls are not recorded; their cells stay
 * missing.
 */
public final class Runner {

    /** Calls in flight per provider unless told otherwise. */
    public static final int DEFAULT_CONCURRENCY = 4;
    /** Calls per cell within one run (the first and one retry) unless told otherwise. */
    public static final int DEFAULT_ATTEMPTS = 2;
    /** The margin on estimated (not exact) input counts in a call's worst case ({@link BudgetGuarantee}). */
    public static final double ESTIMATED_INPUT_MARGIN = BudgetGuarantee.ESTIMATED_INPUT_MARGIN;

    final LabStore store;
    final ClientSource clients;
    final Function<String, Optional<ModelEntry>> catalog;
    final Estimator estimator;
    final int concurrency;
    final int attempts;
    private final ActiveExperiments active = new ActiveExperiments();
    private volatile Consumer<BudgetGuard.Event> budgetObserver;

    /**
     * @param store   where experiments and trials are kept
     * @param clients the client per provider
     * @param catalog prices by model id ({@code catalog::find})
     */
    public Runner(LabStore store, ClientSource clients, Function<String, Optional<ModelEntry>> catalog) {
        this(store, clients, catalog, DEFAULT_CONCURRENCY, DEFAULT_ATTEMPTS);
    }

    /**
     * @param concurrency calls in flight per provider (at least 1)
     * @param attempts    calls per cell within one run (at least 1; 1 = no retry)
     */
    public Runner(
            LabStore store,
            ClientSource clients,
            Function<String, Optional<ModelEntry>> catalog,
            int concurrency,
            int attempts) {
        this.store = Objects.requireNonNull(store, "store");
        this.clients = Objects.requireNonNull(clients, "clients");
        this.catalog = Objects.requireNonNull(catalog, "catalog");
        if (concurrency < 1 || attempts < 1) {
            throw new IllegalArgumentException("concurrency and attempts must be at least 1");
        }
        this.concurrency = concurrency;
        this.attempts = attempts;
        this.estimator = new Estimator(catalog);
    }

    /** The estimate of a spec not stored yet (every cell; nothing spent so far). */
    public RunEstimate estimate(ExperimentSpec spec) {
        RunPlan plan = RunPlan.of(spec);
        Planner.validate(plan);
        plan.requireEffortSupport(plan.providers(catalog));
        plan.requireMediaSupport(catalog);
        return estimator.estimate(plan, plan.cells(), Map.of(), BigDecimal.ZERO);
    }

    /**
     * The estimate of what is left of a stored experiment: its missing cells, the low end from the answers it has
     * had so far.
     *
     * @param budgetOverride a cap replacing the stored one for this run, or null to keep it
     */
    public RunEstimate estimateRemaining(long experimentId, BigDecimal budgetOverride) {
        RunPlan plan = RunPlan.load(store, experimentId);
        if (budgetOverride != null) {
            plan = withBudget(plan, budgetOverride);
        }
        List<TrialCell> missing = store.missingTrials(experimentId);
        return estimator.estimate(
                plan,
                missing,
                Estimator.observedOutputs(store.trials(experimentId)),
                store.spentOnExperiment(experimentId));
    }

    /**
     * Stores a new experiment (status DRAFT) after checking that every template fills and every model has an API;
     * nothing is stored when a check fails.
     *
     * @throws SpecException naming what is wrong
     */
    public RunPlan create(ExperimentSpec spec) {
        RunPlan draft = RunPlan.of(spec);
        var providers = draft.providers(catalog);
        draft.requireTierSupport(providers);
        draft.requireEffortSupport(providers);
        draft.requireMediaSupport(catalog);
        return RunPlan.create(store, spec);
    }

    /**
     * Starts (or resumes) running a stored experiment's missing cells in the background and returns at once.
     *
     * @param budgetOverride a cap for this run instead of the stored one (null: the stored cap)
     * @param listener       hears progress, each recorded trial and the end
     * @throws SpecException          when a template cannot be filled or a model has no API
     * @throws IllegalStateException  when this runner is already running the experiment
     */
    public Run start(long experimentId, BigDecimal budgetOverride, RunListener listener) {
        RunPlan plan = RunPlan.load(store, experimentId);
        if (budgetOverride != null) {
            plan = withBudget(plan, budgetOverride);
        }
        Planner.validate(plan);
        var providers = plan.providers(catalog);
        plan.requireTierSupport(providers);
        plan.requireEffortSupport(providers);
        plan.requireMediaSupport(catalog);
        RunPlan planned = plan;
        return active.start(experimentId, "running", onEnd -> {
            List<TrialCell> missing = store.missingTrials(experimentId);
            BudgetGuard guard = BudgetGuard.observed(
                    planned.spec().budgetUsd(), store.spentOnExperiment(experimentId), budgetObserver);
            store.setStatus(experimentId, ExperimentStatus.RUNNING);
            Run run = new Run(
                    this, planned, providers, missing, guard, listener == null ? RunListener.NONE : listener, onEnd);
            run.launch();
            return run;
        });
    }

    /** {@link #start} and wait for the end. */
    public RunResult run(long experimentId, BigDecimal budgetOverride, RunListener listener)
            throws InterruptedException {
        return start(experimentId, budgetOverride, listener).await();
    }

    /**
     * Hears the budget guard of every run started from now on ({@link BudgetGuard#observe}; tests check the guarantee
     * with it); null stops.
     */
    public void observeBudget(Consumer<BudgetGuard.Event> observer) {
        this.budgetObserver = observer;
    }

    /** True while this runner runs the experiment. */
    public boolean isRunning(long experimentId) {
        return active.contains(experimentId);
    }

    private static RunPlan withBudget(RunPlan plan, BigDecimal cap) {
        return RunPlan.rebudget(plan, cap);
    }
}
