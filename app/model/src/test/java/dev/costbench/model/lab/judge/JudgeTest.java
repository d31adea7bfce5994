// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.lab.judge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.costbench.model.catalog.Catalog;
import dev.costbench.model.catalog.CatalogBuilder;
import dev.costbench.model.cost.CanonicalUsage;
import dev.costbench.model.lab.LedgerEntry;
import dev.costbench.model.lab.LedgerPurpose;
import dev.costbench.model.lab.run.RunResult;
import dev.costbench.model.lab.run.SpecException;
import dev.costbench.model.provider.ChatRequest;
import dev.costbench.model.provider.Part;
import dev.costbench.model.provider.ProviderException;
import dev.costbench.model.provider.ProviderId;
import java.math.BigDecimal;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The judge against scripted fake providers over an in-memory store. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class JudgeTest {

    private static final Catalog CATALOG = CatalogBuilder.builtIn();
    private static final JudgeSpec SPEC = JudgeSpec.of("gpt-4o-mini", "5 = correct and complete, 1 = wrong");

    /** A fake judge that bills 500 input and 30 output tokens per call. */
    private static FakeJudgeClient fake(FakeJudgeClient.Script script) {
        return new FakeJudgeClient(script, r -> new CanonicalUsage(500, 0, 0, 0, 30, 0));
    }

    private static Judge judge(MemoryStore store, FakeJudgeClient fake, int concurrency) {
        return new Judge(store.labStore(), p -> fake, CATALOG::find, concurrency);
    }

    private static String scoreFor(ChatRequest r) {
        String user = text(r);
        return user.contains("short answer")
                ? "{\"score\": 3, \"rationale\": \"terse\"}"
                : "```json\n{\"score\": 5, \"rationale\": \"complete\"}\n```";
    }

    @Test
    void judgesEveryOutputConcurrentlyAndBooksTheCostApart() throws Exception {
        MemoryStore store = MemoryStore.withTrials(3, 2); // 12 outputs
        FakeJudgeClient fake = fake((r, n, t) -> {
            sleep(20);
            return scoreFor(r);
        });
        Judge judge = judge(store, fake, 3);
        JudgeEstimate e = judge.estimate(1, SPEC);
        assertEquals(12, e.calls());
        assertTrue(e.lowUsd().signum() > 0 && e.lowUsd().compareTo(e.highUsd()) < 0, e.toString());

        List<JudgeProgress> seen = new CopyOnWriteArrayList<>();
        JudgeResult r = judge.run(1, SPEC, null, new JudgeListener() {
            @Override
            public void progress(JudgeProgress p) {
                seen.add(p);
            }
        });
        assertEquals(RunResult.Outcome.COMPLETED, r.outcome(), r.message());
        assertEquals(12, r.scored());
        assertEquals(12, store.scores.size());
        assertEquals(
                List.of(3.0, 5.0),
                store.scores.stream().map(s -> s.score()).distinct().sorted().toList());
        assertTrue(fake.maxInFlight.get() <= 3 && fake.maxInFlight.get() >= 2, "in flight: " + fake.maxInFlight);
        assertTrue(seen.get(seen.size() - 1).finished());
        // 12 ledger entries, all JUDGE, each priced by the catalog: 500 in + 30 out at $0.15/$0.60 per 1M
        assertEquals(12, store.ledger.size());
        assertTrue(store.ledger.stream().allMatch(l -> l.purpose() == LedgerPurpose.JUDGE && l.trialId() != null));
        assertEquals(
                0,
                new BigDecimal("0.000093")
                        .multiply(BigDecimal.valueOf(12))
                        .compareTo(store.spentOnExperiment(1, LedgerPurpose.JUDGE)));
        assertEquals(0, r.judgeSpentUsd().compareTo(store.spentOnExperiment(1, LedgerPurpose.JUDGE)));
        ChatRequest first = fake.requests.get(0);
        assertTrue(first.system().contains("5 = correct and complete")
                && first.system().contains("\"score\""));
        assertTrue(text(first).contains("ticket: ticket number"), "the test input is shown");
        // judging again finds nothing left: resumable, no second charge
        JudgeResult again = judge.run(1, SPEC, null, null);
        assertEquals(0, again.total());
        assertEquals(12, fake.calls.get());
    }

    @Test
    void withAReferenceTheJudgeSeesTheBaselineOutputOfTheSameCell() throws Exception {
        MemoryStore store = MemoryStore.withTrials(1, 2);
        FakeJudgeClient fake = fake((r, n, t) -> scoreFor(r));
        JudgeSpec withRef = new JudgeSpec("gpt-4o-mini", "rubric", 5, true, 200, null);
        judge(store, fake, 1).run(1, withRef, null, null);
        assertEquals(4, fake.requests.size());
        for (ChatRequest r : fake.requests) {
            String user = text(r);
            assertTrue(user.contains("<reference>"), user);
            if (user.contains("<answer>\nshort answer to T-0 rep 2")) {
                assertTrue(user.contains("<reference>\nverbose answer to T-0 rep 2"), user);
            }
            if (user.contains("<answer>\nverbose answer to T-0 rep 1")) {
                assertTrue(user.contains("<reference>\nverbose answer to T-0 rep 2"), "another repetition: " + user);
            }
            assertEquals(200, r.maxOutputTokens());
        }
    }

    @Test
    void unreadableAndFailedCallsAreRecordedFailuresAndAResumeRetriesThem() throws Exception {
        MemoryStore store = MemoryStore.withTrials(2, 1); // 4 outputs
        AtomicInteger rateLimited = new AtomicInteger();
        FakeJudgeClient bad = fake((r, n, t) -> {
            String user = text(r);
            if (user.contains("verbose answer to T-0")) {
                return "{\"score\": 9, \"rationale\": \"excellent\"}"; // out of the 1-5 scale
            }
            if (user.contains("short answer to T-0")) {
                return "I would rate it quite well.";
            }
            if (user.contains("verbose answer to T-1")) {
                rateLimited.incrementAndGet();
                throw new ProviderException(
                        ProviderId.OPENAI,
                        ProviderException.Kind.RATE_LIMIT,
                        429,
                        "OpenAI rate limit (429)",
                        null,
                        null,
                        null);
            }
            return scoreFor(r);
        });
        JudgeResult r = judge(store, bad, 2).run(1, SPEC, null, null);
        assertEquals(RunResult.Outcome.INCOMPLETE, r.outcome(), r.message());
        assertEquals(1, r.scored());
        assertEquals(3, r.failed());
        assertEquals(3, r.left());
        assertEquals(2, rateLimited.get(), "a rate limit is retried once");
        assertEquals(3, store.failures.size());
        assertTrue(store.failures.stream()
                .anyMatch(f -> f.error().equals("the judge's score 9 is outside the scale " + "1–5")));
        assertTrue(store.failures.stream().anyMatch(f -> f.error().startsWith("no score in the judge's answer")));
        assertTrue(store.failures.stream().anyMatch(f -> f.error().contains("rate limit")));
        assertEquals(1, store.scores.size(), "no made-up score");
        // the unreadable answers were billed: 3 priced judge calls (2 answers + 1 score), failures of the API at $0
        List<LedgerEntry> priced =
                store.ledger.stream().filter(l -> l.costUsd().signum() > 0).toList();
        assertEquals(3, priced.size());

        FakeJudgeClient good = fake((req, n, t) -> scoreFor(req));
        JudgeResult resumed = judge(store, good, 2).run(1, SPEC, null, null);
        assertEquals(RunResult.Outcome.COMPLETED, resumed.outcome());
        assertEquals(3, good.calls.get(), "only the outputs without a score");
        assertEquals(4, store.scores.size());
    }

    @Test
    void cancelAbortsTheCallsInFlightAndRecordsNothingForThem() throws Exception {
        MemoryStore store = MemoryStore.withTrials(3, 2);
        FakeJudgeClient hanging = fake((r, n, t) -> {
            if (n < 2) {
                return scoreFor(r);
            }
            while (!t.isCancelled()) {
                sleep(5);
            }
            throw new ProviderException(
                    ProviderId.OPENAI, ProviderException.Kind.CANCELLED, 0, "cancelled", null, null, null);
        });
        Judge judge = judge(store, hanging, 1);
        JudgeRun run = judge.start(1, SPEC, null, null);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (hanging.calls.get() < 3 && System.nanoTime() < deadline) {
            sleep(5);
        }
        assertThrows(IllegalStateException.class, () -> judge.start(1, SPEC, null, null), "one judging at a time");
        run.cancel();
        JudgeResult r = run.await();
        assertEquals(RunResult.Outcome.CANCELLED, r.outcome());
        assertEquals(2, r.scored());
        assertEquals(10, r.left());
        assertEquals(0, store.failures.size(), "a cancelled call is not a failure");
        assertEquals(2, store.ledger.size());
        assertEquals(10, judge.pending(1, SPEC).size());
    }

    @Test
    void theCapIsNeverPassedAndCountsEarlierJudgeSpending() throws Exception {
        MemoryStore store = MemoryStore.withTrials(5, 2); // 20 outputs
        FakeJudgeClient fake = fake((r, n, t) -> scoreFor(r));
        // one call's worst case: ~input at $0.15/1M + 300 output tokens at $0.60/1M ≈ $0.00021
        BigDecimal cap = new BigDecimal("0.0012");
        JudgeResult r = judge(store, fake, 2).run(1, SPEC.withBudget(cap), null, null);
        assertEquals(RunResult.Outcome.BUDGET_REACHED, r.outcome(), r.message());
        assertTrue(r.message().startsWith("stopped: the next judge call could cost up to $"), r.message());
        assertTrue(r.message().contains(" of the $0.0012 judge budget remains; "), r.message());
        assertEquals(0, r.budgetStop().budgetUsd().compareTo(cap));
        BigDecimal spent = store.spentOnExperiment(1, LedgerPurpose.JUDGE);
        assertTrue(spent.compareTo(cap) <= 0, "spent " + spent);
        int first = fake.calls.get();
        assertTrue(first >= 5 && first < 20, "calls " + first);
        // the same cap again: earlier judge spending counts, so little or nothing more runs
        JudgeResult again = judge(store, fake, 2).run(1, SPEC.withBudget(cap), null, null);
        assertTrue(store.spentOnExperiment(1, LedgerPurpose.JUDGE).compareTo(cap) <= 0);
        assertEquals(RunResult.Outcome.BUDGET_REACHED, again.outcome());
        // a larger cap given for this judging finishes it
        JudgeResult done = judge(store, fake, 2).run(1, SPEC.withBudget(cap), BigDecimal.ONE, null);
        assertEquals(RunResult.Outcome.COMPLETED, done.outcome(), done.message());
        assertEquals(20, store.scores.size());
    }

    @Test
    void aJudgeModelOutsideTheCatalogIsRefusedBeforeAnyCall() {
        MemoryStore store = MemoryStore.withTrials(1, 1);
        FakeJudgeClient fake = fake((r, n, t) -> scoreFor(r));
        SpecException e = assertThrows(
                SpecException.class, () -> judge(store, fake, 1).start(1, SPEC.withModel("my-llama"), null, null));
        assertTrue(e.getMessage().contains("judge model \"my-llama\" is not in the catalog"), e.getMessage());
        assertEquals(0, fake.calls.get());
    }

    private static String text(ChatRequest r) {
        return ((Part.Text) r.messages().get(0).parts().get(0)).text();
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
