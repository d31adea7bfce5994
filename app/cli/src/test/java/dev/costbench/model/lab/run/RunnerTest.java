// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.lab.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.costbench.model.cost.Money;
import dev.costbench.model.lab.ExperimentStatus;
import dev.costbench.model.lab.LedgerEntry;
import dev.costbench.model.lab.Trial;
import dev.costbench.model.lab.TrialCell;
import dev.costbench.model.provider.ProviderException;
import dev.costbench.model.provider.ProviderId;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The runner against scripted providers and the real H2 store in a temporary directory. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class RunnerTest extends StoreWithFakes {

    /** 2 variants × 2 inputs × {gpt-4o-mini, claude-haiku-4-5} × reps ({@link TicketSpecs#tickets}). */
    static ExperimentSpec spec(int reps, BigDecimal budget, boolean cache) {
        return TicketSpecs.tickets(reps, budget, cache);
    }

    Runner runner(FakeClient.Script openai, FakeClient.Script anthropic) {
        return runner(openai, anthropic, Runner.DEFAULT_CONCURRENCY);
    }

    Runner runner(FakeClient.Script openai, FakeClient.Script anthropic, int concurrency) {
        fakes.put(ProviderId.OPENAI, new FakeClient(ProviderId.OPENAI, openai));
        fakes.put(ProviderId.ANTHROPIC, new FakeClient(ProviderId.ANTHROPIC, anthropic));
        return new Runner(store, id -> client(id), FakeClient.CATALOG::find, concurrency, Runner.DEFAULT_ATTEMPTS);
    }

    /** Records every event; checks as they come that the spending never passes the cap. */
    static final class Recorder implements RunListener {
        final List<RunProgress> progress = new CopyOnWriteArrayList<>();
        final List<Trial> trials = new CopyOnWriteArrayList<>();
        final List<RunResult> finished = new CopyOnWriteArrayList<>();
        final List<String> violations = new CopyOnWriteArrayList<>();

        @Override
        public void progress(RunProgress p) {
            progress.add(p);
            if (p.budgetUsd() != null && p.spentUsd().compareTo(p.budgetUsd()) > 0) {
                violations.add("spent " + p.spentUsd() + " > cap " + p.budgetUsd());
            }
            if (p.budgetUsd() != null && p.spentUsd().add(p.reservedUsd()).compareTo(p.budgetUsd()) > 0) {
                violations.add("spent + reserved " + p.spentUsd().add(p.reservedUsd()) + " > cap " + p.budgetUsd());
            }
        }

        @Override
        public void trialRecorded(Trial t) {
            trials.add(t);
        }

        @Override
        public void finished(RunResult r) {
            finished.add(r);
        }
    }

    @Test
    void runsEveryCellConcurrentlyPerProviderAndKeepsEveryTrialWithItsLedgerEntry() throws Exception {
        Runner r = runner((req, n) -> FakeClient.Reply.after(20), (req, n) -> FakeClient.Reply.after(20));
        RunEstimate estimate = r.estimate(spec(3, null, false));
        assertEquals(24, estimate.calls());
        RunPlan plan = r.create(spec(3, null, false));
        assertEquals(
                ExperimentStatus.DRAFT,
                store.loadExperiment(plan.experimentId()).status());

        Recorder rec = new Recorder();
        RunResult res = r.run(plan.experimentId(), null, rec);

        assertEquals(RunResult.Outcome.COMPLETED, res.outcome(), res.message());
        assertEquals(
                ExperimentStatus.DONE, store.loadExperiment(plan.experimentId()).status());
        assertEquals(24, res.calls());
        assertEquals(12, fakes.get(ProviderId.OPENAI).calls.get());
        assertEquals(12, fakes.get(ProviderId.ANTHROPIC).calls.get());
        int max = fakes.get(ProviderId.OPENAI).maxInFlight.get();
        assertTrue(max > 1 && max <= Runner.DEFAULT_CONCURRENCY, "calls in flight per provider: " + max);

        List<Trial> trials = store.trials(plan.experimentId());
        assertEquals(24, trials.size());
        assertEquals(24, trials.stream().map(Trial::cell).distinct().count());
        assertTrue(trials.stream()
                .allMatch(t -> t.succeeded()
                        && !t.fromCache()
                        && t.costUsd() != null
                        && t.estimatedCostUsd() != null
                        && t.requestHash().matches("[0-9a-f]{64}")));
        assertTrue(store.missingTrials(plan.experimentId()).isEmpty());

        BigDecimal sum = trials.stream().map(Trial::costUsd).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertEquals(0, sum.compareTo(store.spentOnExperiment(plan.experimentId())), "one ledger entry per trial");
        assertEquals(0, sum.compareTo(res.spentUsd()));
        List<LedgerEntry> ledger = store.ledger(Instant.EPOCH, Instant.now().plusSeconds(5));
        assertEquals(24, ledger.size());
        assertEquals(
                trials.stream().map(Trial::id).collect(Collectors.toSet()),
                ledger.stream().map(LedgerEntry::trialId).collect(Collectors.toSet()));

        assertEquals(24, rec.trials.size());
        assertEquals(List.of(res), rec.finished);
        RunProgress last = rec.progress.get(rec.progress.size() - 1);
        assertEquals(RunProgress.State.FINISHED, last.state());
        assertEquals(24, last.done());
        assertEquals(24, last.total());
        long prev = -1;
        for (RunProgress p : rec.progress) {
            assertTrue(p.done() >= prev, "done never goes back");
            prev = p.done();
        }
        // the variant's text was filled per input
        assertTrue(fakes.get(ProviderId.OPENAI).requests.stream()
                .anyMatch(q -> FakeClient.userText(q).equals("Ticket 2: I cannot log in")));
    }

    @Test
    void aFailedCellIsRetriedAndOneThatKeepsFailingIsLeftForResume() throws Exception {
        // OpenAI: the first call of another ticket is rate limited (retried later in the run); the "I cannot log in"
        // ticket with the verbose prompt answers 500 every time. (Calls run concurrently, so "the very first call"
        // could be that ticket's, which made this test flaky: its 429 then took the place of one 500.)
        AtomicBoolean limited = new AtomicBoolean();
        FakeClient.Script openai = (req, n) -> {
            if (FakeClient.userText(req).equals("Ticket 2: I cannot log in")) {
                throw FakeClient.error(ProviderId.OPENAI, ProviderException.Kind.SERVER, 500);
            }
            if (limited.compareAndSet(false, true)) {
                throw FakeClient.error(ProviderId.OPENAI, ProviderException.Kind.RATE_LIMIT, 429);
            }
            return FakeClient.Reply.ok();
        };
        Runner r = runner(openai, (req, n) -> FakeClient.Reply.ok());
        long id = r.create(spec(1, null, false)).experimentId();
        RunResult res = r.run(id, null, RunListener.NONE);

        assertEquals(RunResult.Outcome.INCOMPLETE, res.outcome());
        assertEquals(ExperimentStatus.INTERRUPTED, store.loadExperiment(id).status());
        assertEquals(1, res.missing());
        assertTrue(res.lastError().contains("(500, SERVER)"), res.lastError());
        List<TrialCell> missing = store.missingTrials(id);
        assertEquals(1, missing.size());
        assertEquals("gpt-4o-mini", missing.get(0).modelId());
        List<Trial> failed =
                store.trials(id).stream().filter(t -> !t.succeeded()).toList();
        assertEquals(3, failed.size(), "the 429 once, the 500 twice (first call and one retry)");
        assertEquals(
                2, failed.stream().filter(t -> t.cell().equals(missing.get(0))).count());
        assertEquals(
                6 + 4,
                fakes.get(ProviderId.OPENAI).calls.get()
                        + fakes.get(ProviderId.ANTHROPIC).calls.get());
        assertEquals(7, store.progress(id).succeeded());

        // resume with a provider that works again: exactly the missing cell is called
        Runner again = runner((req, n) -> FakeClient.Reply.ok(), (req, n) -> FakeClient.Reply.ok());
        RunResult res2 = again.run(id, null, RunListener.NONE);
        assertEquals(RunResult.Outcome.COMPLETED, res2.outcome());
        assertEquals(1, fakes.get(ProviderId.OPENAI).calls.get());
        assertEquals(0, fakes.get(ProviderId.ANTHROPIC).calls.get());
        assertEquals(ExperimentStatus.DONE, store.loadExperiment(id).status());
    }

    @Test
    void aRefusedKeyStopsThatProviderOnlyAndAMissingKeyCallsNothing() throws Exception {
        Runner r = runner((req, n) -> FakeClient.Reply.ok(), (req, n) -> {
            throw FakeClient.error(ProviderId.ANTHROPIC, ProviderException.Kind.AUTH, 401);
        });
        long id = r.create(spec(2, null, false)).experimentId();
        RunResult res = r.run(id, null, RunListener.NONE);
        assertEquals(RunResult.Outcome.INCOMPLETE, res.outcome());
        assertEquals(8, fakes.get(ProviderId.OPENAI).calls.get());
        assertTrue(
                fakes.get(ProviderId.ANTHROPIC).calls.get() <= Runner.DEFAULT_CONCURRENCY,
                "no more calls once the key is refused: "
                        + fakes.get(ProviderId.ANTHROPIC).calls.get());
        assertEquals(8, store.missingTrials(id).size());

        fakes.clear(); // no client at all: NO_KEY from the source
        Runner none = new Runner(store, this::client, FakeClient.CATALOG::find);
        RunResult res2 = none.run(id, null, RunListener.NONE);
        assertEquals(RunResult.Outcome.INCOMPLETE, res2.outcome());
        assertEquals(0, res2.calls());
        assertTrue(res2.lastError().contains("NO_KEY"), res2.lastError());
    }

    @Test
    void cancelAbortsTheCallsInFlightAndRecordsNothingMore() throws Exception {
        CountDownLatch started = new CountDownLatch(4);
        FakeClient.Script slow = (req, n) -> {
            if (n < 2) {
                return FakeClient.Reply.ok();
            }
            started.countDown();
            return FakeClient.Reply.hang();
        };
        Runner r = runner(slow, slow, 2);
        long id = r.create(spec(3, null, false)).experimentId();
        Recorder rec = new Recorder();
        Run run = r.start(id, null, rec);
        assertTrue(started.await(20, TimeUnit.SECONDS));
        int recordedBefore = store.trials(id).size();
        run.cancel();
        RunResult res = run.await();

        assertEquals(RunResult.Outcome.CANCELLED, res.outcome());
        assertEquals(ExperimentStatus.CANCELLED, store.loadExperiment(id).status());
        assertEquals(4, recordedBefore, "the two quick calls of each provider");
        assertEquals(4, store.trials(id).size(), "cancelled calls are not recorded");
        int aborted = fakes.get(ProviderId.OPENAI).cancelled.get()
                + fakes.get(ProviderId.ANTHROPIC).cancelled.get();
        assertEquals(4, aborted, "each provider's two calls in flight were aborted");
        assertEquals(24 - 4, store.missingTrials(id).size());
        assertFalse(r.isRunning(id));
        assertTrue(res.message().startsWith("cancelled"), res.message());

        // and it resumes from there
        Runner again = runner((req, n) -> FakeClient.Reply.ok(), (req, n) -> FakeClient.Reply.ok());
        assertEquals(
                RunResult.Outcome.COMPLETED,
                again.run(id, null, RunListener.NONE).outcome());
        assertEquals(
                20,
                fakes.get(ProviderId.OPENAI).calls.get()
                        + fakes.get(ProviderId.ANTHROPIC).calls.get());
    }

    @Test
    void pauseLaunchesNothingUntilResumed() throws Exception {
        Runner r = runner((req, n) -> FakeClient.Reply.after(30), (req, n) -> FakeClient.Reply.after(30), 1);
        long id = r.create(spec(2, null, false)).experimentId();
        Recorder rec = new Recorder();
        Run run = r.start(id, null, rec);
        while (rec.trials.size() < 2) {
            Thread.sleep(5);
        }
        run.pause();
        assertTrue(run.isPaused());
        Thread.sleep(150); // the calls in flight when paused finish
        int calls = fakes.get(ProviderId.OPENAI).calls.get()
                + fakes.get(ProviderId.ANTHROPIC).calls.get();
        int trials = store.trials(id).size();
        assertEquals(calls, trials, "what was in flight is recorded");
        Thread.sleep(300);
        assertEquals(
                calls,
                fakes.get(ProviderId.OPENAI).calls.get()
                        + fakes.get(ProviderId.ANTHROPIC).calls.get(),
                "no call launched while paused");
        assertEquals(RunProgress.State.PAUSED, run.progress().state());
        assertTrue(calls < 16);
        run.resume();
        RunResult res = run.await();
        assertEquals(RunResult.Outcome.COMPLETED, res.outcome());
        assertEquals(16, store.trials(id).size());
    }

    @Test
    void theBudgetCapIsReachedExactlyAndNeverPassed() throws Exception {
        // one request repeated: every call's worst case is the same, and the fake bills exactly that
        ExperimentSpec s = new ExperimentSpec(
                "cap",
                null,
                List.of(ExperimentSpec.VariantSpec.of("v", true, "Answer briefly.", "What is 2 + 2?")),
                null,
                List.of(ExperimentSpec.ModelSpec.of("gpt-4o-mini")),
                10,
                null,
                false,
                new ExperimentSpec.Params(null, 500, null, null, null),
                false,
                null);
        Runner r = runner((req, n) -> FakeClient.Reply.atTheCap(), (req, n) -> FakeClient.Reply.ok());
        RunPlan plan = r.create(s);
        BigDecimal worst = new Estimator(FakeClient.CATALOG::find)
                .worstCase(plan, plan.cells().get(0), 1.0);
        assertTrue(worst.signum() > 0);
        BigDecimal cap = worst.multiply(BigDecimal.valueOf(5));
        Recorder rec = new Recorder();
        RunResult res = r.run(plan.experimentId(), cap, rec);

        assertEquals(RunResult.Outcome.BUDGET_REACHED, res.outcome(), res.message());
        assertEquals(
                ExperimentStatus.CANCELLED,
                store.loadExperiment(plan.experimentId()).status());
        assertEquals(5, fakes.get(ProviderId.OPENAI).calls.get());
        BigDecimal spent = store.spentOnExperiment(plan.experimentId());
        assertEquals(0, cap.compareTo(spent), "spent " + spent + " = cap " + cap);
        assertEquals(List.of(), rec.violations);
        assertEquals(5, res.missing());
        assertTrue(
                res.message()
                        .startsWith(
                                "stopped: the next call could cost up to " + Money.format(worst) + " and $0.00 of the "
                                        + Money.format(cap) + " budget remains; 5 of 10 trials left to resume"),
                res.message());
        assertEquals(0, res.budgetStop().scale().compareTo(BigDecimal.ONE), "billed within the reservations");

        // resuming under the same cap launches nothing; a higher cap finishes the run
        Recorder rec2 = new Recorder();
        RunResult same = r.run(plan.experimentId(), cap, rec2);
        assertEquals(RunResult.Outcome.BUDGET_REACHED, same.outcome());
        assertEquals(5, fakes.get(ProviderId.OPENAI).calls.get());
        RunResult more = r.run(plan.experimentId(), cap.add(cap), rec2);
        assertEquals(RunResult.Outcome.COMPLETED, more.outcome());
        assertEquals(0, cap.add(cap).compareTo(store.spentOnExperiment(plan.experimentId())));
        assertEquals(List.of(), rec2.violations);
    }

    @Test
    void withCheaperRealCallsTheCapIsUsedMoreFullyButStillNeverPassed() throws Exception {
        Runner r = runner(
                (req, n) -> new FakeClient.Reply(n % 3 * 5, null, 150L, false),
                (req, n) -> new FakeClient.Reply(n % 2 * 5, 40L, 190L, false));
        RunPlan plan = r.create(spec(10, null, false));
        BigDecimal cap = new BigDecimal("0.0100");
        Recorder rec = new Recorder();
        RunResult res = r.run(plan.experimentId(), cap, rec);
        assertEquals(RunResult.Outcome.BUDGET_REACHED, res.outcome());
        BigDecimal spent = store.spentOnExperiment(plan.experimentId());
        assertTrue(spent.compareTo(cap) <= 0, spent + " ≤ " + cap);
        assertEquals(List.of(), rec.violations);
        assertTrue(res.calls() > 0 && res.missing() > 0);
        assertEquals(0, res.spentUsd().compareTo(spent));
    }

    @Test
    void theResponseCacheAnswersOnlyTheFirstRepetitionAndMarksIt() throws Exception {
        Runner r = runner((req, n) -> FakeClient.Reply.ok(), (req, n) -> FakeClient.Reply.ok());
        long first = r.create(spec(2, null, true)).experimentId();
        RunResult firstRun = r.run(first, null, RunListener.NONE);
        assertEquals(RunResult.Outcome.COMPLETED, firstRun.outcome());
        assertEquals(
                16,
                fakes.get(ProviderId.OPENAI).calls.get()
                        + fakes.get(ProviderId.ANTHROPIC).calls.get(),
                "within one run every repetition is a real call, although repetition 2 repeats repetition 1");

        Runner r2 = runner((req, n) -> FakeClient.Reply.ok(), (req, n) -> FakeClient.Reply.ok());
        long second = r2.create(spec(2, null, true)).experimentId();
        RunResult res = r2.run(second, null, RunListener.NONE);
        assertEquals(RunResult.Outcome.COMPLETED, res.outcome());
        assertEquals(8, res.cached());
        assertEquals(8, res.calls());
        List<Trial> trials = store.trials(second);
        assertTrue(
                trials.stream().filter(Trial::fromCache).allMatch(t -> t.cell().repetition() == 1));
        assertTrue(trials.stream().filter(t -> t.cell().repetition() == 2).noneMatch(Trial::fromCache));
        BigDecimal real = trials.stream()
                .filter(t -> !t.fromCache())
                .map(Trial::costUsd)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        assertEquals(0, real.compareTo(store.spentOnExperiment(second)), "reused answers cost nothing");

        Runner r3 = runner((req, n) -> FakeClient.Reply.ok(), (req, n) -> FakeClient.Reply.ok());
        long third = r3.create(spec(2, null, false)).experimentId();
        assertEquals(0, r3.run(third, null, RunListener.NONE).cached(), "off unless asked for");
    }

    @Test
    void anExperimentRunsOnceAtATimeAndItsPlanIsReadBackFromTheStore() throws Exception {
        Runner r = runner((req, n) -> FakeClient.Reply.hang(), (req, n) -> FakeClient.Reply.hang());
        ExperimentSpec s = spec(1, new BigDecimal("1.5"), true).withDefaultProvider(ProviderId.OPENAI);
        RunPlan created = r.create(s);
        RunPlan loaded = RunPlan.load(store, created.experimentId());
        assertEquals(created.cells(), loaded.cells());
        assertEquals(created.spec().withBudget(null), loaded.spec().withBudget(null));
        assertEquals(0, created.spec().budgetUsd().compareTo(loaded.spec().budgetUsd()));
        assertEquals(Set.copyOf(created.cells()), Set.copyOf(store.missingTrials(created.experimentId())));
        for (TrialCell c : created.cells()) {
            assertEquals(created.request(c), loaded.request(c));
        }
        Run run = r.start(created.experimentId(), null, RunListener.NONE);
        assertThrows(IllegalStateException.class, () -> r.start(created.experimentId(), null, RunListener.NONE));
        run.cancel();
        run.await(Duration.ofSeconds(20)).orElseThrow();
        assertFalse(r.isRunning(created.experimentId()));
    }

    @Test
    void nothingIsStoredWhenATemplateCannotBeFilled() {
        Runner r = runner((req, n) -> FakeClient.Reply.ok(), (req, n) -> FakeClient.Reply.ok());
        ExperimentSpec bad = new ExperimentSpec(
                "bad",
                null,
                List.of(ExperimentSpec.VariantSpec.of("v", true, null, "{{ticket}}")),
                List.of(new ExperimentSpec.InputSpec("T", Map.of("body", "x"))),
                List.of(ExperimentSpec.ModelSpec.of("gpt-4o-mini")),
                1,
                null,
                false,
                null,
                false,
                null);
        SpecException e = assertThrows(SpecException.class, () -> r.create(bad));
        assertTrue(e.getMessage().contains("no value for {{ticket}}"), e.getMessage());
        assertEquals(List.of(), store.listExperiments());
        ExperimentSpec unknown = spec(1, null, false);
        unknown = new ExperimentSpec(
                "u",
                null,
                unknown.variants(),
                unknown.inputs(),
                List.of(ExperimentSpec.ModelSpec.of("no-such-model")),
                1,
                null,
                false,
                null,
                false,
                null);
        ExperimentSpec u = unknown;
        assertThrows(SpecException.class, () -> r.create(u));
        assertEquals(List.of(), store.listExperiments());
        assertNotNull(Collections.emptyList());
    }
}
