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
import dev.costbench.model.lab.run.BudgetLog;
import dev.costbench.model.lab.run.BudgetStop;
import dev.costbench.model.lab.run.RunResult;
import java.math.BigDecimal;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The judge's budget cap against a provider that reports {@code factor} times the usage a request allows. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class JudgeBudgetTest {

    private static final Catalog CATALOG = CatalogBuilder.builtIn();
    private static final JudgeSpec SPEC = JudgeSpec.of("gpt-4o-mini", "5 = correct and complete, 1 = wrong");

    /** Answers a score after a few milliseconds, billing {@code factor} × the counted input and × the output cap. */
    private static FakeJudgeClient overReporting(long factor) {
        return new FakeJudgeClient(
                (r, n, t) -> {
                    try {
                        Thread.sleep(10);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return "{\"score\": 4, \"rationale\": \"fine\"}";
                },
                r -> {
                    ModelEntry m = CATALOG.find(r.model()).orElseThrow();
                    long in = Judge.inputTokens(m, r).inputTokens();
                    return new CanonicalUsage(factor * in, 0, 0, 0, factor * r.maxOutputTokens(), 0);
                });
    }

    @ParameterizedTest(name = "usage × {0}, {1} in flight")
    @CsvSource({"2, 1", "2, 4", "10, 1", "10, 4", "1000, 1", "1000, 4"})
    void theJudgesCapPassesByAtMostTheCallsInFlightAtTheFirstOverrun(long factor, int concurrency) throws Exception {
        MemoryStore store = MemoryStore.withTrials(10, 2); // 40 outputs
        FakeJudgeClient fake = overReporting(factor);
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
        log.assertFirstOverrunBound(spent, cap);
        assertTrue(spent.compareTo(cap.add(log.overbilledBy(log.inFlightAtLastStart()))) <= 0, "the general bound");
        log.assertSoundDecisions(cap, fake.calls.get());

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
