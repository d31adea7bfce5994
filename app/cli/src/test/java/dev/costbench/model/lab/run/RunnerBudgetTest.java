// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.lab.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.costbench.model.cost.Money;
import dev.costbench.model.lab.Trial;
import dev.costbench.model.provider.ChatRequest;
import dev.costbench.model.provider.ProviderId;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The budget cap against providers that bill more than a request's limits allow: usage over-reported 2, 10 and
 * 1,000 times, one call in flight or several.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class RunnerBudgetTest extends StoreWithFakes {

    /** Bills {@code factor} times the input the runner counts and {@code factor} times the output cap. */
    private static FakeClient.Script overReporting(long factor) {
        return (req, n) -> new FakeClient.Reply(
                15, factor * FakeClient.estimatedInput(req.model(), req), factor * req.maxOutputTokens(), false);
    }

    /** One question repeated 40 times on gpt-4o-mini (an exact tokenizer): every call has the same worst case. */
    private static ExperimentSpec oneQuestion(List<ExperimentSpec.ModelSpec> models) {
        return new ExperimentSpec(
                "over-reported",
                null,
                List.of(ExperimentSpec.VariantSpec.of("v", true, "Answer briefly.", "What is 2 + 2?")),
                null,
                models,
                40,
                null,
                false,
                new ExperimentSpec.Params(null, 500, null, null, null),
                false,
                null);
    }

    @ParameterizedTest(name = "usage × {0}, {1} in flight")
    @CsvSource({"2, 1", "2, 4", "10, 1", "10, 4", "1000, 1", "1000, 4"})
    void anOverReportingProviderPassesTheCapByAtMostTheCallsInFlightAtTheFirstOverrun(long factor, int concurrency)
            throws Exception {
        fakes.put(ProviderId.OPENAI, new FakeClient(ProviderId.OPENAI, overReporting(factor)));
        Runner r = new Runner(store, this::client, FakeClient.CATALOG::find, concurrency, Runner.DEFAULT_ATTEMPTS);
        BudgetLog log = new BudgetLog();
        r.observeBudget(log);
        RunPlan plan = r.create(oneQuestion(List.of(ExperimentSpec.ModelSpec.of("gpt-4o-mini"))));
        BigDecimal worst = new Estimator(FakeClient.CATALOG::find)
                .worstCase(plan, plan.cells().get(0), 1.0);
        BigDecimal cap = worst.multiply(new BigDecimal("12.5"));

        RunResult res = r.run(plan.experimentId(), cap, RunListener.NONE);

        FakeClient fake = fakes.get(ProviderId.OPENAI);
        assertEquals(RunResult.Outcome.BUDGET_REACHED, res.outcome(), res.message());
        assertTrue(fake.requests.stream().allMatch(q -> q.maxOutputTokens() == 500), "every request carries the cap");
        BigDecimal spent = store.spentOnExperiment(plan.experimentId());
        assertEquals(0, spent.compareTo(res.spentUsd()));

        // every call billed factor × its worst case: the first one to settle is the first overrun
        log.assertFirstOverrunBound(spent, cap);
        BigDecimal eachBill = worst.multiply(BigDecimal.valueOf(factor));
        assertTrue(
                spent.compareTo(cap.add(eachBill.multiply(BigDecimal.valueOf(concurrency)))) <= 0,
                "at most " + concurrency + " calls in flight, each billed " + eachBill + "; spent " + spent);
        log.assertSoundDecisions(cap, fake.calls.get());
        assertEquals(fake.calls.get(), res.calls());

        BudgetStop stop = res.budgetStop();
        assertNotNull(stop);
        assertTrue(stop.nextCallUsd().compareTo(stop.remainingUsd()) > 0, stop.toString());
        assertEquals(0, stop.scale().compareTo(BigDecimal.valueOf(factor)), "the worst ratio seen: " + stop.scale());
        assertTrue(
                res.message()
                        .startsWith("stopped: the next call could cost up to "
                                + Money.format(stop.nextCallUsd()) + " and "
                                + Money.format(stop.remainingUsd().max(BigDecimal.ZERO)) + " of the "
                                + Money.format(cap)
                                + " budget remains; "),
                res.message());
        assertTrue(res.message().endsWith(res.missing() + " of 40 trials left to resume"), res.message());
        if (spent.compareTo(cap) > 0) {
            assertTrue(res.message().contains(Money.format(spent.subtract(cap)) + " over the budget"), res.message());
        }
    }

    @ParameterizedTest(name = "usage × {0}")
    @CsvSource({"2", "10", "1000"})
    void twoProvidersAtOnceKeepTheGeneralBound(long factor) throws Exception {
        fakes.put(ProviderId.OPENAI, new FakeClient(ProviderId.OPENAI, overReporting(factor)));
        fakes.put(
                ProviderId.ANTHROPIC,
                new FakeClient(
                        ProviderId.ANTHROPIC,
                        (req, n) -> new FakeClient.Reply(
                                n % 3 * 7, 40 * factor, (long) req.maxOutputTokens() * factor / 2, false)));
        Runner r = new Runner(store, this::client, FakeClient.CATALOG::find);
        BudgetLog log = new BudgetLog();
        r.observeBudget(log);
        RunPlan plan = r.create(oneQuestion(
                List.of(ExperimentSpec.ModelSpec.of("gpt-4o-mini"), ExperimentSpec.ModelSpec.of("claude-haiku-4-5"))));
        BigDecimal cap = new BigDecimal("0.05");

        RunResult res = r.run(plan.experimentId(), cap, RunListener.NONE);

        assertEquals(RunResult.Outcome.BUDGET_REACHED, res.outcome(), res.message());
        BigDecimal spent = store.spentOnExperiment(plan.experimentId());
        assertTrue(
                log.inFlightAtFirstOverrun().size() <= 2,
                "each provider's first call runs alone: " + log.inFlightAtFirstOverrun());
        List<Long> last = log.inFlightAtLastStart();
        assertTrue(
                spent.compareTo(cap.add(log.overbilledBy(last))) <= 0,
                "spent " + spent + " ≤ cap " + cap
                        + " + what the calls in flight at the last start were billed beyond their reservations");
        assertEquals(List.of(), log.violations(cap));
        for (FakeClient f : fakes.values()) {
            assertTrue(f.requests.stream().map(ChatRequest::maxOutputTokens).allMatch(m -> m == 500));
        }
        assertEquals(res.calls(), log.of(BudgetGuard.Event.Kind.GRANTED).size());
        List<Trial> trials = store.trials(plan.experimentId());
        assertEquals(res.calls(), trials.size());
    }

    @Test
    void underACapTheFirstCallRunsAloneAndCancelStillEndsTheRun() throws Exception {
        CountDownLatch firstStarted = new CountDownLatch(1);
        fakes.put(ProviderId.OPENAI, new FakeClient(ProviderId.OPENAI, (req, n) -> {
            firstStarted.countDown();
            return FakeClient.Reply.hang();
        }));
        Runner r = new Runner(store, this::client, FakeClient.CATALOG::find, 4, Runner.DEFAULT_ATTEMPTS);
        RunPlan plan = r.create(oneQuestion(List.of(ExperimentSpec.ModelSpec.of("gpt-4o-mini"))));
        Run run = r.start(plan.experimentId(), BigDecimal.ONE, RunListener.NONE);
        assertTrue(firstStarted.await(20, TimeUnit.SECONDS));
        Thread.sleep(200); // time enough for the other three workers to start calls, were they not held
        FakeClient fake = fakes.get(ProviderId.OPENAI);
        assertEquals(1, fake.calls.get(), "the others wait for the first call to come back");
        assertEquals(RunProgress.State.RUNNING, run.progress().state());
        run.cancel();
        RunResult res = run.await(Duration.ofSeconds(20)).orElseThrow();
        assertEquals(RunResult.Outcome.CANCELLED, res.outcome());
        assertEquals(1, fake.calls.get());

        // without a cap, calls start together
        Runner free = new Runner(store, this::client, FakeClient.CATALOG::find, 4, Runner.DEFAULT_ATTEMPTS);
        fakes.put(ProviderId.OPENAI, new FakeClient(ProviderId.OPENAI, (req, n) -> FakeClient.Reply.after(50)));
        RunResult all = free.run(plan.experimentId(), null, RunListener.NONE);
        assertEquals(RunResult.Outcome.COMPLETED, all.outcome(), all.message());
        assertTrue(fakes.get(ProviderId.OPENAI).maxInFlight.get() > 1);
    }
}
