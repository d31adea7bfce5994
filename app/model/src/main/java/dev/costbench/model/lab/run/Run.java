// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.lab.run;

import dev.costbench.model.catalog.ModelEntry;
import dev.costbench.model.cost.BillingOptions;
import dev.costbench.model.cost.CanonicalUsage;
import dev.costbench.model.cost.CostBreakdown;
import dev.costbench.model.cost.CostEngine;
import dev.costbench.model.lab.ExperimentStatus;
import dev.costbench.model.lab.LabStoreException;
import dev.costbench.model.lab.LedgerPurpose;
import dev.costbench.model.lab.NewLedgerEntry;
import dev.costbench.model.lab.NewTrial;
import dev.costbench.model.lab.Trial;
import dev.costbench.model.lab.TrialCell;
import dev.costbench.model.provider.CancelToken;
import dev.costbench.model.provider.ChatRequest;
import dev.costbench.model.provider.ChatResult;
import dev.costbench.model.provider.ProviderClient;
import dev.costbench.model.provider.ProviderException;
import dev.costbench.model.provider.ProviderId;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One run of an experiment in progress, started by {@link Runner#start}. Its controls may be used from any thread.
 *
 * <ul>
 *   <li>{@link #pause()} — no new call is launched; calls in flight finish and are recorded. {@link #resume()}
 *       goes on.</li>
 *   <li>{@link #cancel()} — calls in flight are aborted (their {@link CancelToken}) and not recorded; nothing new
 *       is launched; the experiment becomes CANCELLED and can be resumed later.</li>
 *   <li>{@link #await()} — the {@link RunResult} once every thread has stopped.</li>
 * </ul>
 */
public final class Run {

    private record Work(TrialCell cell, int attempt) {}

    private final Runner runner;
    private final RunPlan plan;
    private final long experimentId;
    private final Map<String, ProviderId> providers;
    private final BudgetGuard guard;
    private final RunListener listener;
    private final Runnable onEnd;
    private final long total;
    private final BigDecimal spentAtStart;
    private final Map<ProviderId, Deque<Work>> queues = new EnumMap<>(ProviderId.class);
    /** Under a cap, each provider's first call runs alone ({@link FirstCallGate}). */
    private final Map<ProviderId, FirstCallGate> gates = new EnumMap<>(ProviderId.class);

    private final Map<ProviderId, ProviderClient> clients = new ConcurrentHashMap<>();
    private final Set<ProviderId> disabled = ConcurrentHashMap.newKeySet();
    private final BudgetedCalls calls;
    private final Map<String, Double> inputFactor = new ConcurrentHashMap<>();
    private final List<ExecutorService> pools = new ArrayList<>();
    private final CompletableFuture<RunResult> result = new CompletableFuture<>();
    private final Object pauseLock = new Object();
    private final AtomicLong done;
    private final AtomicInteger remaining;
    private final AtomicInteger callsMade = new AtomicInteger();
    private final AtomicInteger cached = new AtomicInteger();
    private final AtomicInteger failedAttempts = new AtomicInteger();
    private volatile boolean paused;
    private volatile RunResult.Outcome stop;
    private volatile String stopMessage;
    private volatile BudgetStop budgetStop;
    private volatile String lastError;

    Run(
            Runner runner,
            RunPlan plan,
            Map<String, ProviderId> providers,
            List<TrialCell> missing,
            BudgetGuard guard,
            RunListener listener,
            Runnable onEnd) {
        this.runner = runner;
        this.plan = plan;
        this.experimentId = plan.experimentId();
        this.providers = Map.copyOf(providers);
        this.guard = guard;
        this.calls = new BudgetedCalls(guard);
        this.listener = listener;
        this.onEnd = onEnd;
        this.spentAtStart = guard.spent();
        long planned = (long) plan.variants().size()
                * plan.inputs().size()
                * plan.models().size()
                * plan.spec().repetitions();
        this.total = planned;
        this.done = new AtomicLong(planned - missing.size());
        this.remaining = new AtomicInteger(missing.size());
        for (TrialCell c : missing) {
            queues.computeIfAbsent(providers.get(c.modelId()), p -> new ConcurrentLinkedDeque<>())
                    .add(new Work(c, 1));
        }
        for (ProviderId p : queues.keySet()) {
            gates.put(p, new FirstCallGate(guard.cap() != null));
        }
    }

    void launch() {
        Thread coordinator = new Thread(this::coordinate, "costbench-run-" + experimentId);
        coordinator.setDaemon(true);
        coordinator.start();
        emit();
    }

    private void coordinate() {
        try {
            if (plan.spec().responseCache()) {
                reuseStoredAnswers();
            }
        } catch (RuntimeException e) {
            lastError = String.valueOf(e.getMessage());
            stopWith(RunResult.Outcome.FAILED, "could not look up stored answers: " + e.getMessage());
        }
        List<Future<?>> workers = new ArrayList<>();
        for (Map.Entry<ProviderId, Deque<Work>> q : queues.entrySet()) {
            if (stop != null || q.getValue().isEmpty()) {
                continue;
            }
            int n = Math.min(runner.concurrency, q.getValue().size());
            ExecutorService pool = Executors.newFixedThreadPool(
                    n,
                    threads("costbench-run-" + experimentId + "-"
                            + q.getKey().name().toLowerCase(Locale.ROOT)));
            pools.add(pool);
            for (int i = 0; i < n; i++) {
                workers.add(pool.submit(() -> work(q.getKey(), q.getValue())));
            }
            pool.shutdown();
        }
        for (Future<?> f : workers) {
            try {
                f.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                stopWith(RunResult.Outcome.CANCELLED, "interrupted");
            } catch (ExecutionException e) {
                stopWith(RunResult.Outcome.FAILED, "the runner failed: " + e.getCause());
            }
        }
        finish();
    }

    /**
     * The response cache, before any call of this run: repetition 1 of a cell whose exact request another
     * experiment already answered takes that answer, marked as cached. Done up front so that it can never pick up an
     * answer of this run (or of this experiment's earlier sessions): repetitions stay independent calls.
     */
    private void reuseStoredAnswers() {
        for (Map.Entry<ProviderId, Deque<Work>> q : queues.entrySet()) {
            for (var it = q.getValue().iterator(); it.hasNext() && stop == null; ) {
                TrialCell cell = it.next().cell();
                if (cell.repetition() != 1) {
                    continue;
                }
                String hash = plan.requestHash(cell, q.getKey());
                Optional<Trial> earlier = runner.store.storedAnswer(hash).filter(t -> t.experimentId() != experimentId);
                if (earlier.isPresent()) {
                    Trial t = runner.store.addTrial(reused(
                            cell,
                            hash,
                            earlier.get(),
                            runner.estimator.cell(plan, cell, null).lowUsd()));
                    it.remove();
                    cached.incrementAndGet();
                    done.incrementAndGet();
                    remaining.decrementAndGet();
                    tell(t);
                    emit();
                }
            }
        }
    }

    // ---- controls -------------------------------------------------------------------------------------------------

    public long experimentId() {
        return experimentId;
    }

    /** The plan being run (variants, inputs, models with their ids). */
    public RunPlan plan() {
        return plan;
    }

    /** Launches no new call until {@link #resume()}; calls in flight finish. */
    public void pause() {
        paused = true;
        emit();
    }

    /** Goes on after {@link #pause()}. */
    public void resume() {
        synchronized (pauseLock) {
            paused = false;
            pauseLock.notifyAll();
        }
        emit();
    }

    public boolean isPaused() {
        return paused;
    }

    /** Aborts the calls in flight and launches nothing more. The cells not done stay missing, to resume later. */
    public void cancel() {
        stopWith(RunResult.Outcome.CANCELLED, "cancelled");
        calls.cancelAll();
        emit();
    }

    /** True once the run has ended. */
    public boolean isFinished() {
        return result.isDone();
    }

    /** Waits for the end of the run. */
    public RunResult await() throws InterruptedException {
        return Await.get(result, "the run");
    }

    /** Waits at most {@code timeout}; empty when the run is still going. */
    public Optional<RunResult> await(Duration timeout) throws InterruptedException {
        return Await.get(result, timeout, "the run");
    }

    /** The result as a future (completes on a runner thread). */
    public CompletableFuture<RunResult> result() {
        return result.thenApply(r -> r);
    }

    /** A snapshot of the run now. */
    public RunProgress progress() {
        return snapshot(
                result.isDone()
                        ? RunProgress.State.FINISHED
                        : stop != null
                                ? RunProgress.State.STOPPING
                                : paused ? RunProgress.State.PAUSED : RunProgress.State.RUNNING);
    }

    private RunProgress snapshot(RunProgress.State state) {
        BigDecimal spent = guard.spent();
        return new RunProgress(
                experimentId,
                state,
                total,
                done.get(),
                failedAttempts.get(),
                Math.max(0, remaining.get()),
                calls.inFlight(),
                cached.get(),
                spent,
                spent.subtract(spentAtStart),
                guard.reserved(),
                guard.cap(),
                lastError);
    }

    // ---- the work -------------------------------------------------------------------------------------------------

    private void work(ProviderId provider, Deque<Work> queue) {
        try {
            BudgetedCalls.serve(
                    gates.get(provider),
                    () -> awaitRunnable() && !disabled.contains(provider),
                    () -> stop != null || disabled.contains(provider),
                    () -> {
                        Work w = queue.pollFirst();
                        if (w != null) {
                            runCell(provider, w, queue);
                        }
                        return w != null;
                    });
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopWith(RunResult.Outcome.CANCELLED, "interrupted");
        } catch (LabStoreException e) {
            lastError = e.getMessage();
            stopWith(RunResult.Outcome.FAILED, "could not record a trial: " + e.getMessage());
        } catch (RuntimeException e) {
            lastError = String.valueOf(e);
            stopWith(RunResult.Outcome.FAILED, "the runner failed: " + e);
        }
    }

    private boolean awaitRunnable() throws InterruptedException {
        synchronized (pauseLock) {
            while (paused && stop == null) {
                pauseLock.wait(500);
            }
        }
        return stop == null;
    }

    private void runCell(ProviderId provider, Work w, Deque<Work> queue) throws InterruptedException {
        TrialCell cell = w.cell();
        ChatRequest request = plan.request(cell, provider);
        String hash = plan.requestHash(cell, provider);
        Optional<ModelEntry> entry = runner.catalog.apply(cell.modelId());
        Estimator.CellEstimate estimate = runner.estimator.cell(plan, cell, null);

        ProviderClient client = client(provider, queue);
        if (client == null) {
            remaining.decrementAndGet();
            return;
        }
        BigDecimal worst = runner.estimator.worstCase(plan, cell, factor(cell.modelId(), estimate.inputExact()));
        BudgetGuard.Reservation reservation = calls.reserve(
                worst,
                () -> stop != null,
                why -> stopWith(RunResult.Outcome.BUDGET_REACHED, why.message("call", "budget"), why));
        if (reservation == null) {
            queue.addFirst(w); // not run: still counted as missing
            return;
        }
        String ledgerProvider =
                entry.map(ModelEntry::provider).orElse(provider.name().toLowerCase(Locale.ROOT));
        if (!plan.turns(cell).isEmpty()) {
            ConversationTally tally =
                    new ConversationTally(entry, 1 + plan.turns(cell).size());
            runConversation(provider, w, queue, client, request, hash, tally, reservation, ledgerProvider);
            return;
        }
        BudgetedCalls.Attempt attempt =
                calls.call(client, request, () -> stop == RunResult.Outcome.CANCELLED, this::emit);
        ChatResult answer = attempt.answer();
        Instant started = attempt.started();
        Instant finished = attempt.finished();

        if (answer != null) {
            CanonicalUsage usage = answer.usage();
            BillingOptions billing = ServedPricing.options(answer.servedTier());
            CostBreakdown cost = usage == null
                    ? null
                    : entry.map(m -> CostEngine.price(m, usage, billing)).orElse(null);
            BigDecimal billed = cost == null ? null : cost.total();
            ChatResult recorded = usage != null
                    ? answer
                    : new ChatResult(
                            answer.text(),
                            new CanonicalUsage(0, 0, 0, 0, 0, 0),
                            answer.inputByModality(),
                            answer.finishReason(),
                            answer.model(),
                            answer.responseId(),
                            answer.latency(),
                            answer.timeToFirstToken(),
                            answer.rawUsageJson(),
                            answer.servedTier());
            NewTrial trial = NewTrial.success(
                    experimentId,
                    cell,
                    hash,
                    recorded,
                    cost,
                    estimate.lowUsd(),
                    false,
                    started,
                    finished,
                    plan.requestedTier(cell));
            Trial t;
            try {
                t = runner.store.addTrial(
                        trial,
                        new NewLedgerEntry(
                                finished,
                                ledgerProvider,
                                cell.modelId(),
                                billed,
                                experimentId,
                                null,
                                LedgerPurpose.TRIAL));
            } finally {
                guard.settle(reservation, billed);
            }
            learn(cell.modelId(), estimate.inputTokens(), usage);
            TrialCalibration.keep(runner.store, entry, request, estimate, usage, finished);
            callsMade.incrementAndGet();
            done.incrementAndGet();
            remaining.decrementAndGet();
            tell(t);
            emit();
            return;
        }

        guard.settle(reservation, null);
        if (attempt.cancelled()) {
            remaining.decrementAndGet();
            emit();
            return;
        }
        String message = attempt.failure(provider);
        callsMade.incrementAndGet();
        failedAttempts.incrementAndGet();
        lastError = cell.modelId() + ": " + message;
        Trial t = runner.store.addTrial(
                NewTrial.failure(experimentId, cell, hash, message, started, finished),
                new NewLedgerEntry(
                        finished,
                        ledgerProvider,
                        cell.modelId(),
                        BigDecimal.ZERO,
                        experimentId,
                        null,
                        LedgerPurpose.TRIAL));
        tell(t);
        afterFailure(provider, w, queue, attempt);
        emit();
    }

    /** After a failed trial: a refused key stops the provider; a passing failure is tried again, at most N times. */
    private void afterFailure(ProviderId provider, Work w, Deque<Work> queue, BudgetedCalls.Attempt attempt) {
        if (attempt != null && attempt.keyRefused()) {
            disable(provider, queue);
            remaining.decrementAndGet();
        } else if (attempt != null && attempt.retryable() && w.attempt() < runner.attempts) {
            queue.addLast(new Work(w.cell(), w.attempt() + 1));
        } else {
            remaining.decrementAndGet();
        }
    }

    /**
     * A conversation script: one call per user turn, each carrying the conversation so far (the model's replies
     * included) and reserving its own worst case; the trial records their sums ({@link ConversationTally}). A
     * conversation cut short is a failed trial that keeps what its answered calls cost.
     */
    private void runConversation(
            ProviderId provider,
            Work w,
            Deque<Work> queue,
            ProviderClient client,
            ChatRequest first,
            String hash,
            ConversationTally tally,
            BudgetGuard.Reservation firstReservation,
            String ledgerProvider)
            throws InterruptedException {
        TrialCell cell = w.cell();
        List<String> turns = plan.turns(cell);
        ChatRequest request = first;
        BudgetGuard.Reservation reservation = firstReservation;
        BudgetedCalls.Attempt attempt;
        String cutShort = null;
        while (true) {
            attempt = calls.call(client, request, () -> stop == RunResult.Outcome.CANCELLED, this::emit);
            tally.timed(attempt.started(), attempt.finished());
            ChatResult answer = attempt.answer();
            guard.settle(reservation, answer == null ? null : tally.add(answer));
            if (answer == null) {
                cutShort = attempt.cancelled() ? "cancelled" : attempt.failure(provider);
                break;
            }
            callsMade.incrementAndGet();
            if (tally.answered() > turns.size()) {
                break;
            }
            request = request.withMessages(
                    Conversations.next(request.messages(), answer.text(), turns.get(tally.answered() - 1)));
            BigDecimal worst = runner.estimator.worstCase(plan, cell, request, factor(cell.modelId(), false));
            reservation = calls.reserve(
                    worst,
                    () -> stop != null,
                    why -> stopWith(RunResult.Outcome.BUDGET_REACHED, why.message("call", "budget"), why));
            if (reservation == null) {
                attempt = null;
                cutShort = "not sent, the run stopped: " + stopMessage;
                break;
            }
        }
        if (cutShort != null && tally.answered() == 0 && attempt.cancelled()) {
            remaining.decrementAndGet(); // nothing was spent: like a cancelled single call, not recorded
            emit();
            return;
        }
        long id = experimentId;
        Trial t = runner.store.addTrial(
                cutShort == null
                        ? tally.success(
                                id,
                                cell,
                                hash,
                                runner.estimator.cell(plan, cell, null).lowUsd(),
                                plan.requestedTier(cell))
                        : tally.failure(id, cell, hash, cutShort, plan.requestedTier(cell)),
                new NewLedgerEntry(
                        tally.finished(),
                        ledgerProvider,
                        cell.modelId(),
                        tally.spent(),
                        id,
                        null,
                        LedgerPurpose.TRIAL));
        tell(t);
        if (cutShort == null) {
            done.incrementAndGet();
            remaining.decrementAndGet();
        } else {
            if (attempt != null && !attempt.cancelled()) {
                callsMade.incrementAndGet();
            }
            failedAttempts.incrementAndGet();
            lastError = cell.modelId() + ": " + t.errorText();
            afterFailure(provider, w, queue, attempt);
        }
        emit();
    }

    /** A trial answered from an earlier identical request: its answer, usage and cost, marked as reused. */
    private NewTrial reused(TrialCell cell, String hash, Trial earlier, BigDecimal estimateUsd) {
        Instant now = Instant.now();
        return new NewTrial(
                experimentId,
                cell,
                hash,
                earlier.usage(),
                earlier.costUsd(),
                earlier.costComplete(),
                earlier.pricesJson(),
                estimateUsd,
                earlier.latencyMs(),
                earlier.ttftMs(),
                earlier.finishReason(),
                earlier.outputText(),
                null,
                true,
                now,
                now,
                plan.requestedTier(cell),
                earlier.servedTier());
    }

    /** The provider's client, made once; null (and the provider's cells dropped) when it cannot be had. */
    private ProviderClient client(ProviderId provider, Deque<Work> queue) {
        ProviderClient c = clients.get(provider);
        if (c != null) {
            return c;
        }
        synchronized (clients) {
            c = clients.get(provider);
            if (c != null || disabled.contains(provider)) {
                return c;
            }
            try {
                c = runner.clients.client(provider);
                clients.put(provider, c);
                return c;
            } catch (ProviderException | RuntimeException e) {
                lastError = provider.displayName() + ": " + e.getMessage();
                disable(provider, queue);
                return null;
            }
        }
    }

    private void disable(ProviderId provider, Deque<Work> queue) {
        disabled.add(provider);
        int dropped = 0;
        while (queue.pollFirst() != null) {
            dropped++;
        }
        remaining.addAndGet(-dropped);
    }

    private double factor(String model, boolean exact) {
        double base = exact ? 1.0 : Runner.ESTIMATED_INPUT_MARGIN;
        return Math.max(base, inputFactor.getOrDefault(model, 0.0));
    }

    /** Raises a model's input margin when its billed input came out above the estimate. */
    private void learn(String model, long estimatedInput, CanonicalUsage usage) {
        if (usage == null || estimatedInput <= 0) {
            return;
        }
        double ratio = (double) usage.totalInput() / estimatedInput;
        if (ratio > 1) {
            inputFactor.merge(model, ratio * 1.05, Math::max);
        }
    }

    private void stopWith(RunResult.Outcome outcome, String message) {
        stopWith(outcome, message, null);
    }

    private void stopWith(RunResult.Outcome outcome, String message, BudgetStop why) {
        synchronized (pauseLock) {
            if (stop == null) {
                stopMessage = message;
                budgetStop = why;
                stop = outcome;
            }
            pauseLock.notifyAll();
        }
        guard.wakeUp();
    }

    // ---- the end --------------------------------------------------------------------------------------------------

    private void finish() {
        RunResult r;
        try {
            r = conclude();
        } catch (RuntimeException e) {
            r = new RunResult(
                    experimentId,
                    RunResult.Outcome.FAILED,
                    ExperimentStatus.INTERRUPTED,
                    total,
                    done.get(),
                    total - done.get(),
                    callsMade.get(),
                    cached.get(),
                    failedAttempts.get(),
                    guard.spent(),
                    guard.spent().subtract(spentAtStart),
                    guard.cap(),
                    lastError,
                    "the run failed: " + e.getMessage(),
                    null);
        }
        try {
            onEnd.run();
            // The listener hears the end before await() returns, so that nothing it prints comes after the caller's.
            synchronized (emitLock) {
                listener.progress(snapshot(RunProgress.State.FINISHED));
            }
            listener.finished(r);
        } catch (RuntimeException ignored) {
            // a listener's failure does not concern the run
        } finally {
            result.complete(r);
        }
    }

    private RunResult conclude() {
        long missing = runner.store.missingTrials(experimentId).size();
        RunResult.Outcome outcome;
        if (missing == 0 && stop != RunResult.Outcome.FAILED) {
            outcome = RunResult.Outcome.COMPLETED;
        } else if (stop != null) {
            outcome = stop;
        } else {
            outcome = RunResult.Outcome.INCOMPLETE;
        }
        ExperimentStatus status;
        switch (outcome) {
            case COMPLETED:
                status = ExperimentStatus.DONE;
                break;
            case BUDGET_REACHED:
            case CANCELLED:
                status = ExperimentStatus.CANCELLED;
                break;
            default:
                status = ExperimentStatus.INTERRUPTED;
        }
        runner.store.setStatus(experimentId, status);
        BigDecimal spent = runner.store.spentOnExperiment(experimentId);
        String message;
        switch (outcome) {
            case COMPLETED:
                message = "all " + total + " trials done";
                break;
            case INCOMPLETE:
                message = missing + " of " + total + " trials failed or could not run"
                        + (lastError == null ? "" : " (last error: " + lastError + ")") + "; resume to retry them";
                break;
            default:
                message = stopMessage + "; " + missing + " of " + total + " trials left to resume";
        }
        return new RunResult(
                experimentId,
                outcome,
                status,
                total,
                total - missing,
                missing,
                callsMade.get(),
                cached.get(),
                failedAttempts.get(),
                spent,
                guard.spent().subtract(spentAtStart),
                guard.cap(),
                lastError,
                message,
                outcome == RunResult.Outcome.BUDGET_REACHED ? budgetStop : null);
    }

    private void tell(Trial t) {
        try {
            listener.trialRecorded(t);
        } catch (RuntimeException ignored) {
            // a listener's failure does not concern the run
        }
    }

    /** Serializes progress events so that a listener sees them in order (done never goes back). */
    private final Object emitLock = new Object();

    private void emit() {
        try {
            synchronized (emitLock) {
                listener.progress(progress());
            }
        } catch (RuntimeException ignored) {
            // a listener's failure does not concern the run
        }
    }

    private static ThreadFactory threads(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
