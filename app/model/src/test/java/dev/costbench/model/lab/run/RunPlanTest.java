// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.lab.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.costbench.model.catalog.Catalog;
import dev.costbench.model.catalog.CatalogBuilder;
import dev.costbench.model.cost.CanonicalUsage;
import dev.costbench.model.lab.Experiment;
import dev.costbench.model.lab.ExperimentSettings;
import dev.costbench.model.lab.ExperimentStatus;
import dev.costbench.model.lab.Trial;
import dev.costbench.model.lab.TrialCell;
import dev.costbench.model.lab.Variant;
import dev.costbench.model.prompt.Role;
import dev.costbench.model.provider.ChatRequest;
import dev.costbench.model.provider.Part;
import dev.costbench.model.provider.ProviderId;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Templates, the planner, request building, the request hash, the estimate and the plain summary. */
class RunPlanTest {

    private static final Catalog CATALOG = CatalogBuilder.builtIn();

    static ExperimentSpec spec(int reps, List<String> models, int maxTokens) {
        return new ExperimentSpec(
                "t",
                null,
                List.of(
                        new ExperimentSpec.VariantSpec(
                                "verbose",
                                true,
                                "You are an expert in {{domain}}.",
                                List.of(new ExperimentSpec.MessageSpec(Role.USER, "Ticket {{id}}: {{text}}")),
                                ExperimentSpec.Params.NONE),
                        new ExperimentSpec.VariantSpec(
                                "short",
                                false,
                                "Return JSON.",
                                List.of(new ExperimentSpec.MessageSpec(Role.USER, "{{text}}")),
                                new ExperimentSpec.Params(0.0, null, null, null, 20L))),
                List.of(
                        new ExperimentSpec.InputSpec("T-1", Map.of("domain", "support", "id", "1", "text", "refund")),
                        new ExperimentSpec.InputSpec("T-2", Map.of("domain", "support", "id", "2", "text", "login"))),
                models.stream().map(ExperimentSpec.ModelSpec::of).toList(),
                reps,
                null,
                false,
                new ExperimentSpec.Params(0.7, maxTokens, null, null, null),
                false,
                null);
    }

    @Test
    void templatesFillAndNameWhatIsMissing() {
        assertEquals(
                "Hi Ann, $5 {{not a name}}",
                Template.fill("Hi {{ name }}, {{price}} {{not a name}}", Map.of("name", "Ann", "price", "$5"), "x"));
        assertEquals("{{b}}", Template.fill("{{a}}", Map.of("a", "{{b}}", "b", "no"), "x"), "values are not re-filled");
        SpecException e = assertThrows(
                SpecException.class,
                () -> Template.fill(
                        "{{a}} {{b}} {{c}} {{b}}", Map.of("a", "1"), "variant \"v\", message 1, with input \"T\""));
        assertEquals(
                "variant \"v\", message 1, with input \"T\": no value for {{b}}, {{c}} (the input has: a)",
                e.getMessage());
    }

    @Test
    void aMissingVariableIsReportedBeforeAnythingRuns() {
        ExperimentSpec s = new ExperimentSpec(
                "t",
                null,
                List.of(ExperimentSpec.VariantSpec.of("v", true, null, "{{ticket}}")),
                List.of(new ExperimentSpec.InputSpec("", Map.of("tiket", "x"))),
                List.of(ExperimentSpec.ModelSpec.of("gpt-4o-mini")),
                1,
                null,
                false,
                null,
                true,
                null);
        SpecException e = assertThrows(SpecException.class, () -> Planner.validate(RunPlan.of(s)));
        assertEquals(
                "variant \"v\", message 1, with input 1: no value for {{ticket}} (the input has: tiket)",
                e.getMessage());
    }

    @Test
    void cellsAreEveryVariantInputModelAndRepetitionInRounds() {
        RunPlan p = RunPlan.of(spec(3, List.of("gpt-4o-mini", "claude-haiku-4-5"), 300));
        List<TrialCell> cells = p.cells();
        assertEquals(2 * 2 * 2 * 3, cells.size());
        assertEquals(new TrialCell(0, 0, "gpt-4o-mini", 1), cells.get(0));
        assertEquals(new TrialCell(1, 0, "gpt-4o-mini", 1), cells.get(1));
        assertEquals(new TrialCell(0, 0, "claude-haiku-4-5", 1), cells.get(2));
        assertEquals(new TrialCell(0, 1, "gpt-4o-mini", 1), cells.get(4));
        assertEquals(new TrialCell(0, 0, "gpt-4o-mini", 2), cells.get(8));
        assertEquals(cells.size(), cells.stream().distinct().count());
    }

    @Test
    void aRequestIsTheVariantFilledWithItsParameters() {
        RunPlan p = RunPlan.of(spec(1, List.of("gpt-4o-mini"), 300));
        ChatRequest verbose = p.request(new TrialCell(0, 1, "gpt-4o-mini", 1));
        assertEquals("gpt-4o-mini", verbose.model());
        assertEquals("You are an expert in support.", verbose.system());
        assertEquals(
                "Ticket 2: login",
                ((Part.Text) verbose.messages().get(0).parts().get(0)).text());
        assertEquals(300, verbose.maxOutputTokens());
        assertEquals(0.7, verbose.temperature());
        assertFalse(verbose.stream());
        ChatRequest shortOne = p.request(new TrialCell(1, 0, "gpt-4o-mini", 1));
        assertEquals(0.0, shortOne.temperature(), "the variant's own parameter wins");
        assertEquals(ProviderId.OPENAI, p.provider("gpt-4o-mini", CATALOG::find));
    }

    @Test
    void modelsOutsideTheCatalogNeedAProvider() {
        ExperimentSpec s = spec(1, List.of("my-local-model"), 100);
        SpecException e = assertThrows(SpecException.class, () -> RunPlan.of(s).providers(CATALOG::find));
        assertTrue(e.getMessage().contains("\"my-local-model\" is not in the catalog"), e.getMessage());
        assertEquals(
                ProviderId.COMPATIBLE,
                RunPlan.of(s.withDefaultProvider(ProviderId.COMPATIBLE)).provider("my-local-model", CATALOG::find));
        assertEquals(
                ProviderId.COMPATIBLE,
                RunPlan.of(spec(1, List.of("groq/llama-3.1-8b-instant"), 100))
                        .provider("groq/llama-3.1-8b-instant", CATALOG::find),
                "other hosts go through the compatible client");
    }

    @Test
    void theRequestHashCoversWhatDecidesTheAnswerAndNothingElse() {
        RunPlan p = RunPlan.of(spec(2, List.of("gpt-4o-mini"), 300));
        ChatRequest a = p.request(new TrialCell(0, 0, "gpt-4o-mini", 1));
        String h = RequestHash.of(ProviderId.OPENAI, a);
        assertTrue(h.matches("[0-9a-f]{64}"));
        assertEquals(
                h,
                RequestHash.of(ProviderId.OPENAI, p.request(new TrialCell(0, 0, "gpt-4o-mini", 2))),
                "repetitions send the same request (the runner, not the hash, keeps them real calls)");
        assertEquals(h, RequestHash.of(ProviderId.OPENAI, a.withStream(true)), "streaming does not change the answer");
        assertNotEquals(h, RequestHash.of(ProviderId.OPENAI, a.withMaxOutputTokens(301)));
        assertNotEquals(h, RequestHash.of(ProviderId.COMPATIBLE, a));
        assertNotEquals(h, RequestHash.of(ProviderId.OPENAI, p.request(new TrialCell(0, 1, "gpt-4o-mini", 1))));
        assertFalse(
                RequestHash.canonicalJson(ProviderId.OPENAI, a).toLowerCase().contains("key"));
    }

    @Test
    void theEstimateRangesFromShortAnswersToEveryCallAtItsCap() {
        ExperimentSpec s = spec(3, List.of("gpt-4o-mini", "claude-haiku-4-5"), 300);
        RunPlan p = RunPlan.of(s);
        Estimator est = new Estimator(CATALOG::find);
        TrialCell cell = new TrialCell(1, 0, "gpt-4o-mini", 1);
        Estimator.CellEstimate e = est.cell(p, cell, null);
        long in = e.inputTokens();
        assertTrue(e.inputExact());
        assertTrue(in > 0);
        // gpt-4o-mini: $0.15 / 1M input, $0.60 / 1M output; low = the variant's 20 expected tokens, high = 300
        assertEquals(
                0,
                new BigDecimal(in)
                        .multiply(new BigDecimal("0.15"))
                        .add(new BigDecimal(20 * 0.6 + ""))
                        .movePointLeft(6)
                        .compareTo(e.lowUsd()),
                e.lowUsd().toPlainString());
        assertEquals(
                0,
                new BigDecimal(in)
                        .multiply(new BigDecimal("0.15"))
                        .add(new BigDecimal("180"))
                        .movePointLeft(6)
                        .compareTo(e.highUsd()));
        assertEquals(0, e.highUsd().compareTo(est.worstCase(p, cell, 1.0)), "exact counts need no margin");
        assertEquals(
                30,
                est.cell(p, new TrialCell(0, 0, "gpt-4o-mini", 1), null).lowOutputTokens(),
                "a tenth of the cap by default");
        assertEquals(123, est.cell(p, cell, 123.4).lowOutputTokens(), "observed lengths win");

        Estimator.CellEstimate claude = est.cell(p, new TrialCell(0, 0, "claude-haiku-4-5", 1), null);
        assertFalse(claude.inputExact());
        assertTrue(
                est.worstCase(p, new TrialCell(0, 0, "claude-haiku-4-5", 1), 1.25)
                                .compareTo(claude.highUsd())
                        > 0,
                "estimated input carries a margin in the worst case");

        RunEstimate run = est.estimate(p, p.cells(), Map.of(), BigDecimal.ZERO);
        assertEquals(24, run.calls());
        assertEquals(4, run.lines().size());
        assertEquals(6, run.lines().get(0).calls());
        assertTrue(run.lowUsd().compareTo(run.highUsd()) < 0);
        BigDecimal sumHigh =
                run.lines().stream().map(RunEstimate.Line::highUsd).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertEquals(0, sumHigh.compareTo(run.highUsd()));
        assertFalse(run.mayHitBudget());
        RunEstimate capped = est.estimate(RunPlan.of(s.withBudget(run.lowUsd())), p.cells(), Map.of(), BigDecimal.ZERO);
        assertTrue(capped.mayHitBudget());
        assertFalse(capped.likelyHitsBudget());
    }

    @Test
    void unpricedModelsAreListedAndCountAsNothing() {
        ExperimentSpec s = spec(1, List.of("my-local"), 100).withDefaultProvider(ProviderId.COMPATIBLE);
        RunPlan p = RunPlan.of(s);
        RunEstimate e = new Estimator(CATALOG::find).estimate(p, p.cells(), Map.of(), BigDecimal.ZERO);
        assertEquals(List.of("my-local"), e.unpricedModels());
        assertEquals(0, e.highUsd().signum());
        assertNull(e.lines().get(0).highUsd());
        assertEquals(
                0,
                new Estimator(CATALOG::find).worstCase(p, p.cells().get(0), 1).signum());
    }

    @Test
    void theWorstCaseCountsAnUnaskedCacheWriteWhereTheApiMayBillOne() {
        // long enough to be cacheable (above the model's minimum cacheable prompt)
        ExperimentSpec s = new ExperimentSpec(
                "t",
                null,
                List.of(ExperimentSpec.VariantSpec.of("v", true, "Answer carefully. ".repeat(800), "hi")),
                null,
                List.of(ExperimentSpec.ModelSpec.of("gpt-5.6")),
                1,
                null,
                false,
                new ExperimentSpec.Params(null, 100, null, null, null),
                true,
                null);
        RunPlan p = RunPlan.of(s);
        Estimator est = new Estimator(CATALOG::find);
        TrialCell c = p.cells().get(0);
        assertTrue(
                est.worstCase(p, c, 1).compareTo(est.cell(p, c, null).highUsd()) > 0,
                "gpt-5.6 bills cache writes above the input price");
    }

    @Test
    @Timeout(10)
    void theBudgetGuardNeverLetsReservationsPassTheCap() throws Exception {
        BudgetGuard g = new BudgetGuard(new BigDecimal("1.00"), new BigDecimal("0.20"));
        BudgetGuard.Reservation half = g.tryReserve(new BigDecimal("0.50"));
        assertNotNull(half);
        assertNull(g.tryReserve(new BigDecimal("0.31")), "0.20 + 0.50 + 0.31 > 1.00");
        BudgetGuard.Reservation rest = g.tryReserve(new BigDecimal("0.30"));
        assertNotNull(rest, "exactly the cap fits");
        g.settle(half, new BigDecimal("0.10"));
        assertEquals(0, new BigDecimal("0.30").compareTo(g.spent()));
        assertEquals(0, new BigDecimal("0.40").compareTo(g.remaining()));
        // waiting: a reservation that does not fit yet succeeds once another call settles below its worst case
        Thread settler = new Thread(() -> {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                return;
            }
            g.settle(rest, new BigDecimal("0.05"));
        });
        settler.start();
        BudgetGuard.Reservation big = g.reserveOrWait(new BigDecimal("0.60"), () -> false);
        assertNotNull(big);
        settler.join();
        assertEquals(0, new BigDecimal("0.35").compareTo(g.spent()));
        g.settle(big, new BigDecimal("0.60"));
        BudgetGuard.Reservation last = g.reserveOrWait(new BigDecimal("0.05"), () -> false);
        assertNotNull(last, "exactly up to the cap");
        g.settle(last, new BigDecimal("0.05"));
        assertNull(g.reserveOrWait(new BigDecimal("0.01"), () -> false), "1.00 + 0.01 > 1.00, nothing to wait for");
        assertNull(g.reserveOrWait(BigDecimal.ZERO, () -> false), "after a final refusal nothing starts");
        assertNotNull(new BudgetGuard(null, BigDecimal.TEN).tryReserve(new BigDecimal("1000")), "no cap");
        assertEquals(0, BigDecimal.ONE.compareTo(g.scale()), "nothing was billed above its reservation");
        assertEquals(0, g.overruns());
    }

    @Test
    void theSimpleSummaryGivesMeansTotalsMediansAndTheSaving() {
        Experiment e = new Experiment(
                7,
                "x",
                Instant.EPOCH,
                ExperimentStatus.DONE,
                null,
                2,
                ExperimentSettings.defaults(),
                List.of("gpt-4o-mini"));
        List<Variant> vs = List.of(
                new Variant(1, 7, 0, "base", true, "{}", List.of()),
                new Variant(2, 7, 1, "opt", false, "{}", List.of()));
        List<Trial> ts = new ArrayList<>();
        ts.add(trial(1, "0.0010", 100L, false, null));
        ts.add(trial(1, "0.0030", 300L, false, null));
        ts.add(trial(1, null, 50L, false, "boom"));
        ts.add(trial(2, "0.0010", 40L, false, null));
        ts.add(trial(2, "0.0010", 60L, true, null));
        ts.add(trial(2, "0.0010", 90L, false, null));
        RunSummary s = SimpleSummary.INSTANCE.summarize(e, vs, List.of(), ts);
        RunSummary.Row base = s.rows().get(0);
        assertEquals(2, base.trials());
        assertEquals(1, base.failed());
        assertEquals(0, new BigDecimal("0.002").compareTo(base.meanCostUsd()));
        assertEquals(0, new BigDecimal("0.004").compareTo(base.totalCostUsd()));
        assertEquals(200L, base.p50LatencyMs());
        RunSummary.Row opt = s.rows().get(1);
        assertEquals(3, opt.trials());
        assertEquals(1, opt.cached());
        assertEquals(0, new BigDecimal("0.002").compareTo(opt.totalCostUsd()), "a reused answer costs nothing");
        assertEquals(65L, opt.p50LatencyMs(), "the reused answer's latency is not this run's");
        RunSummary.Comparison c = s.comparisons().get(0);
        assertEquals(50.0, c.savingPct(), 1e-9);
        assertNull(c.savingPctInterval());
        assertNull(c.significant());
        assertEquals(3L, SimpleSummary.median(List.of(5L, 1L, 3L)));
    }

    private static Trial trial(long variant, String cost, Long latency, boolean cached, String error) {
        return new Trial(
                0,
                7,
                new TrialCell(variant, 1, "gpt-4o-mini", 1),
                "h",
                error == null ? new CanonicalUsage(10, 0, 0, 0, 5, 0) : null,
                cost == null ? null : new BigDecimal(cost),
                true,
                null,
                null,
                latency,
                null,
                "stop",
                "out",
                error,
                cached,
                Instant.EPOCH,
                Instant.EPOCH,
                null,
                null);
    }
}
