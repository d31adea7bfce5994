// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.lab.judge;

import dev.costbench.model.catalog.ModelEntry;
import dev.costbench.model.cost.BillingOptions;
import dev.costbench.model.cost.CostEngine;
import dev.costbench.model.lab.JudgeScore;
import dev.costbench.model.lab.LedgerPurpose;
import dev.costbench.model.lab.NewLedgerEntry;
import dev.costbench.model.lab.run.Await;
import dev.costbench.model.lab.run.BudgetGuard;
import dev.costbench.model.lab.run.BudgetStop;
import dev.costbench.model.lab.run.BudgetedCalls;
import dev.costbench.model.lab.run.FirstCallGate;
import dev.costbench.model.lab.run.RunResult;
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
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One judging in progress, started by {@link Judge#start}. {@link #cancel()} aborts the calls in flight (they are
 * not recorded) and launches nothing more; the outputs left keep no score, so a later judging takes them.
 */
public final class JudgeRun {

    private record Work(Judge.Task task, int attempt) {}

    private final Judge judge;
    private final long experimentId;
    private final JudgeSpec spec;
    private final ModelEntry model;
    private final ProviderId provider;
    private final BudgetGuard guard;
    private final JudgeListener listener;
    private final Runnable onEnd;
    private final int total;
    private final BigDecimal spentAtStart;
    private final Deque<Work> queue = new ConcurrentLinkedDeque<>();
    /** Under a cap, the first judge call runs alone ({@link FirstCallGate}). */
    private final FirstCallGate gate;

    private final BudgetedCalls calls;
    private final CompletableFuture<JudgeResult> result = new CompletableFuture<>();
    private final AtomicInteger scored = new AtomicInteger();
    private final AtomicInteger failed = new AtomicInteger();
    private final Object emitLock = new Object();
    private volatile RunResult.Outcome stop;
    private volatile String stopMessage;
    private volatile BudgetStop budgetStop;
    private volatile String lastError;
    private volatile ProviderClient client;

    JudgeRun(
            Judge judge,
            long experimentId,
            JudgeSpec spec,
            ModelEntry model,
            ProviderId provider,
            List<Judge.Task> tasks,
            BudgetGuard guard,
            JudgeListener listener,
            Runnable onEnd) {
        this.judge = judge;
        this.experimentId = experimentId;
        this.spec = spec;
        this.model = model;
        this.provider = provider;
        this.guard = guard;
        this.calls = new BudgetedCalls(guard);
        this.listener = listener;
        this.onEnd = onEnd;
        this.total = tasks.size();
        this.spentAtStart = guard.spent();
        this.gate = new FirstCallGate(guard.cap() != null);
        tasks.forEach(t -> queue.add(new Work(t, 1)));
    }

    void launch() {
        Thread coordinator = new Thread(this::coordinate, "costbench-judge-" + experimentId);
        coordinator.setDaemon(true);
        coordinator.start();
    }

    private void coordinate() {
        try {
            if (!queue.isEmpty()) {
                client = judge.clients.client(provider);
            }
        } catch (ProviderException | RuntimeException e) {
            lastError = provider.displayName() + ": " + e.getMessage();
            stopWith(RunResult.Outcome.FAILED, lastError);
        }
        emit();
        List<Thread> workers = new ArrayList<>();
        int n = stop != null ? 0 : Math.min(judge.concurrency, queue.size());
        for (int i = 0; i < n; i++) {
            Thread t = new Thread(this::work, "costbench-judge-" + experimentId + "-" + (i + 1));
            t.setDaemon(true);
            workers.add(t);
            t.start();
        }
        for (Thread t : workers) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                cancel();
            }
        }
        finish();
    }

    private void work() {
        try {
            BudgetedCalls.serve(gate, () -> stop == null, () -> stop != null, () -> {
                Work w = queue.pollFirst();
                if (w != null) {
                    judgeOne(w);
                }
                return w != null;
            });
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopWith(RunResult.Outcome.CANCELLED, "interrupted");
        } catch (RuntimeException e) {
            lastError = String.valueOf(e.getMessage());
            stopWith(RunResult.Outcome.FAILED, "the judging failed: " + e);
        }
    }

    private void judgeOne(Work w) throws InterruptedException {
        Judge.Task task = w.task();
        ChatRequest request = judge.request(spec, task);
        BigDecimal worst = Judge.worstCase(model, Judge.inputTokens(model, request), spec.maxOutputTokens());
        BudgetGuard.Reservation reservation = calls.reserve(
                worst,
                () -> stop != null,
                why -> stopWith(RunResult.Outcome.BUDGET_REACHED, why.message("judge call", "judge budget"), why));
        if (reservation == null) {
            queue.addFirst(w);
            return;
        }
        BudgetedCalls.Attempt attempt =
                calls.call(client, request, () -> stop == RunResult.Outcome.CANCELLED, this::emit);
        ChatResult answer = attempt.answer();
        Instant now = attempt.finished();
        long trialId = task.trial().id();
        if (answer != null) {
            BigDecimal billed = answer.usage() == null
                    ? null
                    : CostEngine.price(model, answer.usage(), BillingOptions.INTERACTIVE)
                            .total();
            NewLedgerEntry charge = charge(now, billed);
            try {
                JudgeAnswer parsed = JudgeAnswer.parse(answer.text(), spec.scale());
                if (parsed.ok()) {
                    JudgeScore s = judge.store.addJudgeScore(
                            trialId, spec.model(), spec.rubric(), parsed.score(), parsed.rationale(), charge);
                    scored.incrementAndGet();
                    tell(s);
                } else {
                    judge.store.addJudgeFailure(trialId, spec.model(), spec.rubric(), parsed.error(), charge);
                    failed.incrementAndGet();
                    lastError = "trial " + trialId + ": " + parsed.error();
                }
            } finally {
                guard.settle(reservation, billed);
            }
            emit();
            return;
        }
        guard.settle(reservation, null);
        if (attempt.cancelled()) {
            emit();
            return;
        }
        String message = attempt.failure(provider);
        lastError = spec.model() + ": " + message;
        if (attempt.retryable() && w.attempt() < 2) {
            queue.addLast(new Work(task, w.attempt() + 1));
        } else {
            judge.store.addJudgeFailure(trialId, spec.model(), spec.rubric(), message, charge(now, BigDecimal.ZERO));
            failed.incrementAndGet();
        }
        if (attempt.keyRefused()) {
            stopWith(RunResult.Outcome.FAILED, message);
        }
        emit();
    }

    private NewLedgerEntry charge(Instant when, BigDecimal cost) {
        return new NewLedgerEntry(when, model.provider(), spec.model(), cost, experimentId, null, LedgerPurpose.JUDGE);
    }

    private void stopWith(RunResult.Outcome outcome, String message) {
        stopWith(outcome, message, null);
    }

    private void stopWith(RunResult.Outcome outcome, String message, BudgetStop why) {
        synchronized (this) {
            if (stop == null) {
                stopMessage = message;
                budgetStop = why;
                stop = outcome;
            }
        }
        guard.wakeUp();
    }

    // ---- controls -------------------------------------------------------------------------------------------------

    /** Aborts the calls in flight and launches nothing more. */
    public void cancel() {
        stopWith(RunResult.Outcome.CANCELLED, "cancelled");
        calls.cancelAll();
        emit();
    }

    public long experimentId() {
        return experimentId;
    }

    public boolean isFinished() {
        return result.isDone();
    }

    /** Waits for the end. */
    public JudgeResult await() throws InterruptedException {
        return Await.get(result, "the judging");
    }

    /** Waits at most {@code timeout}; empty while it still runs. */
    public Optional<JudgeResult> await(Duration timeout) throws InterruptedException {
        return Await.get(result, timeout, "the judging");
    }

    /** The result as a future (completes on a judge thread). */
    public CompletableFuture<JudgeResult> result() {
        return result.thenApply(r -> r);
    }

    /** A snapshot now. */
    public JudgeProgress progress() {
        return new JudgeProgress(
                total,
                scored.get(),
                failed.get(),
                calls.inFlight(),
                guard.spent(),
                guard.cap(),
                lastError,
                result.isDone());
    }

    // ---- the end --------------------------------------------------------------------------------------------------

    private void finish() {
        JudgeResult r;
        try {
            int left = judge.pending(experimentId, spec).size();
            RunResult.Outcome outcome =
                    stop != null ? stop : left == 0 ? RunResult.Outcome.COMPLETED : RunResult.Outcome.INCOMPLETE;
            BigDecimal spent = judge.store.spentOnExperiment(experimentId, LedgerPurpose.JUDGE);
            String message = switch (outcome) {
                case COMPLETED ->
                    total == 0
                            ? "every output already has a score by " + spec.model()
                            : "scored " + scored.get() + " output" + (scored.get() == 1 ? "" : "s") + " with "
                                    + spec.model();
                case INCOMPLETE ->
                    "scored " + scored.get() + " of " + total + "; " + left + " without a score"
                            + (lastError == null ? "" : " (last error: " + lastError + ")") + "; judge again to retry";
                default -> stopMessage + "; " + left + " output" + (left == 1 ? "" : "s") + " left to judge";
            };
            r = new JudgeResult(
                    outcome,
                    total,
                    scored.get(),
                    failed.get(),
                    left,
                    guard.spent().subtract(spentAtStart),
                    spent,
                    message,
                    outcome == RunResult.Outcome.BUDGET_REACHED ? budgetStop : null);
        } catch (RuntimeException e) {
            r = new JudgeResult(
                    RunResult.Outcome.FAILED,
                    total,
                    scored.get(),
                    failed.get(),
                    total - scored.get(),
                    guard.spent().subtract(spentAtStart),
                    guard.spent(),
                    "the judging failed: " + e.getMessage(),
                    null);
        }
        try {
            onEnd.run();
            synchronized (emitLock) {
                listener.progress(new JudgeProgress(
                        total, scored.get(), failed.get(), 0, guard.spent(), guard.cap(), lastError, true));
            }
            listener.finished(r);
        } catch (RuntimeException ignored) {
            // a listener's failure does not concern the judging
        } finally {
            result.complete(r);
        }
    }

    private void tell(JudgeScore s) {
        try {
            listener.scored(s);
        } catch (RuntimeException ignored) {
            // a listener's failure does not concern the judging
        }
    }

    private void emit() {
        try {
            synchronized (emitLock) {
                listener.progress(progress());
            }
        } catch (RuntimeException ignored) {
            // a listener's failure does not concern the judging
        }
    }
}
