// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.lab.judge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.costbench.model.catalog.Catalog;
import dev.costbench.model.catalog.CatalogBuilder;
import dev.costbench.model.catalog.ModelEntry;
import dev.costbench.model.cost.CanonicalUsage;
import dev.costbench.model.cost.Money;
import dev.costbench.model.lab.LedgerPurpose;
import dev.costbench.model.lab.run.BudgetGuard;
import dev.costbench.model.lab.run.BudgetLog;
import dev.costbench.model.lab.run.BudgetStop;
import dev.costbench.model.lab.run.RunResult;
import dev.costbench.model.provider.CancelToken;
import dev.costbench.model.provider.ChatRequest;
import dev.costbench.model.provider.ChatResult;
import dev.costbench.model.provider.ProviderClient;
import dev.costbench.model.provider.ProviderId;
import dev.costbench.model.provider.TokenCountResult;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The judge's budget cap against a provider that reports {@code factor} times the usage a request allows. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class JudgeBudgetTest {

    private static final Catalog CATALOG = CatalogBuilder.builtIn();
    private static final JudgeSpec SPEC = JudgeSpec.of("gpt-4o-mini", "5 = correct and complete, 1 = wrong");

    /** Answers a score after a few milliseconds, billing {@code factor} × the counted input and × the output cap. */
    static final class OverReporting implements ProviderClient {
        final long factor;
        final AtomicInteger calls = new AtomicInteger();
        final List<ChatRequest> requests = new CopyOnWriteArrayList<>();

        OverReporting(long factor) {
            this.factor = factor;
        }

        @Override
        public ProviderId id() {
            return ProviderId.OPENAI;
        }

        @Override
        public ChatResult complete(ChatRequest r, Consumer<String> onDelta, CancelToken token) {
            int n = calls.getAndIncrement();
            requests.add(r);
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            ModelEntry m = CATALOG.find(r.model()).orElseThrow();
            long in = Judge.inputTokens(m, r).inputTokens();
            return new ChatResult(
                    "{\"score\": 4, \"rationale\": \"fine\"}",
                    new CanonicalUsage(factor * in, 0, 0, 0, factor * r.maxOutputTokens(), 0),
                    Map.of(),
                    "stop",
                    r.model(),
                    "r" + n,
                    Duration.ofMillis(5),
                    null,
                    "{}",
                    null);
        }

        @Override
        public TokenCountResult countTokens(ChatRequest request) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<String> listModels() {
            return List.of();
        }
    }

    @ParameterizedTest(name = "usage × {0}, {1} in flight")
    @CsvSource({"2, 1", "2, 4", "10, 1", "10, 4", "1000, 1", "1000, 4"})
    void theJudgesCapPassesByAtMostTheCallsInFlightAtTheFirstOverrun(long factor, int concurrency) throws Exception {
        MemoryStore store = MemoryStore.withTrials(10, 2); // 40 outputs
        OverReporting fake = new OverReporting(factor);
        Judge judge = new Judge(store.labStore(), p -> fake, CATALOG::find, concurrency);
        BudgetLog log = new BudgetLog();
        judge.observeBudget(log);
        ModelEntry m = CATALOG.find("gpt-4o-mini").orElseThrow();
        Judge.Task task = judge.pending(1, SPEC).get(0);
        BigDecimal worst = Judge.worstCase(m, Judge.inputTokens(m, judge.request(SPEC, task)), SPEC.maxOutputTokens());
        BigDecimal cap = worst.multiply(new BigDecimal("12.5"));

        JudgeResult r = judge.run(1, SPEC.withBudget(cap), null, null);

        assertEquals(RunResult.Outcome.BUDGET_REACHED, r.outcome(), r.message());
        assertTrue(
                fake.requests.stream().allMatch(q -> q.maxOutputTokens() == SPEC.maxOutputTokens()),
                "every judge request carries the judge's output cap");
        BigDecimal spent = store.spentOnExperiment(1, LedgerPurpose.JUDGE);
        List<Long> first = log.inFlightAtFirstOverrun();
        assertEquals(List.of(1L), first, "under a cap the first judge call runs alone");
        assertTrue(
                spent.compareTo(cap.add(log.billedBy(first))) <= 0,
                "spent " + spent + " ≤ cap " + cap + " + what the calls in flight at the first overrun were billed");
        assertTrue(
                spent.compareTo(cap.add(log.overbilledBy(first))) <= 0,
                "every call over-billed by the same ratio: only those calls passed their reservations; spent " + spent);
        assertTrue(spent.compareTo(cap.add(log.overbilledBy(log.inFlightAtLastStart()))) <= 0, "the general bound");
        assertEquals(List.of(), log.violations(cap), "no call started that the budget left could not cover");
        assertEquals(fake.calls.get(), log.of(BudgetGuard.Event.Kind.GRANTED).size(), "one reservation per call");

        BudgetStop stop = r.budgetStop();
        assertNotNull(stop);
        assertTrue(
                stop.scale().compareTo(BigDecimal.valueOf(factor)) >= 0
                        && stop.scale().compareTo(BigDecimal.valueOf(factor).multiply(new BigDecimal("1.000001"))) < 0,
                "the worst ratio seen: " + stop.scale());
        assertTrue(
                r.message()
                        .startsWith("stopped: the next judge call could cost up to "
                                + Money.format(stop.nextCallUsd()) + " and "
                                + Money.format(stop.remainingUsd().max(BigDecimal.ZERO))
                                + " of the " + Money.format(cap) + " judge budget remains; "),
                r.message());
        assertTrue(r.message().endsWith(r.left() + " outputs left to judge"), r.message());
    }
}
