// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.lab.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.costbench.model.catalog.Catalog;
import dev.costbench.model.catalog.CatalogBuilder;
import dev.costbench.model.cost.BillingOptions;
import dev.costbench.model.cost.CostEngine;
import dev.costbench.model.lab.BatchRepository;
import dev.costbench.model.lab.BatchRepository.Outcome;
import dev.costbench.model.lab.ExperimentProgress;
import dev.costbench.model.lab.ExperimentStatus;
import dev.costbench.model.lab.NewTrial;
import dev.costbench.model.lab.StoredBatch;
import dev.costbench.model.lab.Trial;
import dev.costbench.model.lab.TrialCell;
import dev.costbench.model.lab.run.ExperimentSpec;
import dev.costbench.model.lab.run.RunPlan;
import dev.costbench.model.lab.run.SpecException;
import dev.costbench.model.lab.run.TicketSpecs;
import dev.costbench.model.provider.ProviderId;
import dev.costbench.model.provider.batch.BatchItem;
import dev.costbench.model.provider.batch.BatchOutcome;
import dev.costbench.model.provider.batch.BatchSource;
import dev.costbench.model.provider.batch.BatchState;
import dev.costbench.store.H2LabStore;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Batch runs against an in-memory batch API per provider and the real H2 store in a temporary directory. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class BatchRunnerTest {

    static final Catalog CATALOG = CatalogBuilder.builtIn();

    @TempDir
    Path dir;

    @TempDir
    Path otherDir;

    final Map<ProviderId, FakeBatchApi> apis = new EnumMap<>(ProviderId.class);
    H2LabStore store;

    @AfterEach
    void close() {
        if (store != null) {
            store.close();
        }
    }

    /** 2 variants × 2 inputs × {gpt-4o-mini, claude-haiku-4-5} × reps. */
    static ExperimentSpec spec(int reps) {
        return TicketSpecs.tickets(reps, null, false);
    }

    /** Both providers with a batch API: OpenAI one model per batch, Anthropic several. */
    void bothProviders(int openAiMax, int anthropicMax, long anthropicBytes) {
        apis.put(
                ProviderId.OPENAI,
                new FakeBatchApi(ProviderId.OPENAI, FakeBatchApi.limits(openAiMax, 200L << 20, true)));
        apis.put(
                ProviderId.ANTHROPIC,
                new FakeBatchApi(ProviderId.ANTHROPIC, FakeBatchApi.limits(anthropicMax, anthropicBytes, false)));
    }

    BatchSource source() {
        return FakeBatchApi.source(apis);
    }

    BatchRunner runner(Path at) {
        if (store != null) {
            store.close();
        }
        store = H2LabStore.open(at);
        return new BatchRunner(store, store.batches(), source(), CATALOG::find);
    }

    /** Creates the experiment of {@code spec(reps)} and submits it; returns its id. */
    static long submitted(BatchRunner r, int reps) {
        long id = r.create(spec(reps)).experimentId();
        r.submit(id);
        return id;
    }

    /** Polls until no batch of the experiment is open. */
    static BatchRefresh untilDone(BatchRunner r, long id) {
        BatchRefresh last = r.refresh(id);
        for (int i = 0; i < 20 && last.anyOpen(); i++) {
            last = r.refresh(id);
        }
        assertFalse(last.anyOpen(), "still open: " + last);
        return last;
    }

    @Test
    void splitsPerProviderModelAndLimitsAndMapsEveryCustomIdBackToItsCell() {
        long oneRequest = BatchSplitter.bytes(BatchRunner.batchRequest(
                RunPlan.of(spec(1)),
                new TrialCell(0, 0, "claude-haiku-4-5", 1),
                Map.of("claude-haiku-4-5", ProviderId.ANTHROPIC)));
        bothProviders(5, 100, oneRequest * 7 + 10);
        BatchRunner r = runner(dir);
        long id = r.create(spec(3)).experimentId();

        List<StoredBatch> sent = r.submit(id);

        // OpenAI: 12 cells of one model in batches of at most 5; Anthropic: 12 cells, at most ~7 requests' bytes
        FakeBatchApi openai = apis.get(ProviderId.OPENAI);
        FakeBatchApi anthropic = apis.get(ProviderId.ANTHROPIC);
        assertEquals(
                List.of(5, 5, 2),
                openai.submitted.values().stream().map(List::size).toList());
        assertEquals(2, anthropic.submitted.size());
        assertTrue(anthropic.submitted.values().stream().allMatch(l -> l.size() <= 7));
        assertEquals(5, sent.size());
        assertEquals(5, store.batches().batches().size(), "every batch kept before submit returned");

        RunPlan plan = RunPlan.load(store, id);
        Set<TrialCell> all = new HashSet<>();
        for (StoredBatch b : sent) {
            Map<String, TrialCell> items = store.batches().batchItems(b.batchId());
            assertEquals(b.status().total(), items.size());
            items.forEach((customId, cell) -> {
                assertEquals(BatchSplitter.customId(plan, cell), customId);
                assertTrue(customId.matches("[A-Za-z0-9_-]{1,64}"));
            });
            all.addAll(items.values());
            List<BatchItem> submitted =
                    (openai.submitted.containsKey(b.batchId()) ? openai : anthropic).submitted.get(b.batchId());
            assertEquals(
                    List.copyOf(items.keySet()),
                    submitted.stream().map(BatchItem::customId).toList());
            assertTrue(submitted.stream().noneMatch(i -> i.request().stream()));
        }
        assertEquals(Set.copyOf(plan.cells()), all);
        assertTrue(r.submit(id).isEmpty(), "cells in open batches are not submitted twice");
    }

    @Test
    void collectsEveryAnswerAsATrialAtTheBatchPrice() {
        bothProviders(50_000, 100_000, 256L << 20);
        BatchRunner r = runner(dir);
        long id = submitted(r, 2);
        assertEquals(BatchState.RUNNING, r.refresh(id).batches().get(0).status().state());
        assertTrue(store.trials(id).isEmpty());

        BatchRefresh done = untilDone(r, id);

        assertEquals(16, done.collected());
        List<Trial> trials = store.trials(id);
        assertEquals(16, trials.size());
        BigDecimal sum = BigDecimal.ZERO;
        for (Trial t : trials) {
            var model = CATALOG.find(t.cell().modelId()).orElseThrow();
            BigDecimal atBatch =
                    CostEngine.price(model, t.usage(), BillingOptions.BATCH).total();
            BigDecimal live = CostEngine.price(model, t.usage(), BillingOptions.INTERACTIVE)
                    .total();
            assertEquals(0, atBatch.compareTo(t.costUsd()), t.cell() + " priced at the batch tier");
            assertTrue(t.costUsd().compareTo(live) < 0, "cheaper than live");
            assertEquals("batch", t.servedTier());
            assertFalse(t.tierChanged());
            sum = sum.add(t.costUsd());
        }
        assertEquals(0, sum.compareTo(store.spentOnExperiment(id)), "one ledger entry per trial");
        assertEquals(ExperimentStatus.DONE, store.loadExperiment(id).status());
        assertTrue(store.missingTrials(id).isEmpty());
        assertEquals(0, r.refresh(id).collected(), "a collected batch is not collected again");
    }

    @Test
    void perRequestErrorsBecomeFailedTrialsWithTheProvidersMessage() {
        bothProviders(50_000, 100_000, 256L << 20);
        apis.get(ProviderId.ANTHROPIC).answer = item -> item.customId().endsWith("-r1")
                ? BatchOutcome.error(item.customId(), "invalid_request_error", "max_tokens: too large")
                : FakeBatchApi.ok(item, 100, 20);
        BatchRunner r = runner(dir);
        long id = submitted(r, 2);
        untilDone(r, id);

        List<Trial> failed =
                store.trials(id).stream().filter(t -> !t.succeeded()).toList();
        assertEquals(4, failed.size());
        assertTrue(failed.stream()
                .allMatch(t -> t.errorText()
                        .equals("Anthropic refused this request in the batch "
                                + "(invalid_request_error): max_tokens: too large")));
        assertEquals(4, store.missingTrials(id).size());
        assertEquals(ExperimentStatus.INTERRUPTED, store.loadExperiment(id).status());
        assertEquals(4, r.submit(id).stream().mapToInt(b -> b.status().total()).sum(), "resubmits the failed");
    }

    @Test
    void anExpiredBatchKeepsItsAnswersAndMarksTheRestExpired() {
        bothProviders(50_000, 100_000, 256L << 20);
        FakeBatchApi openai = apis.get(ProviderId.OPENAI);
        openai.script = List.of(BatchState.RUNNING, BatchState.EXPIRED);
        openai.answeredBefore = 3;
        BatchRunner r = runner(dir);
        long id = submitted(r, 2);
        untilDone(r, id);

        List<Trial> gpt = store.trials(id).stream()
                .filter(t -> t.cell().modelId().equals("gpt-4o-mini"))
                .toList();
        assertEquals(8, gpt.size());
        assertEquals(3, gpt.stream().filter(Trial::succeeded).count());
        assertTrue(gpt.stream()
                .filter(t -> !t.succeeded())
                .allMatch(t -> t.errorText().startsWith(BatchCollector.EXPIRED + ": the 24 h window ended")));
        StoredBatch b = store.batches().batches(id).stream()
                .filter(x -> x.status().provider() == ProviderId.OPENAI)
                .findFirst()
                .orElseThrow();
        assertEquals(BatchState.EXPIRED, b.status().state());
        assertEquals(8, b.collected());
    }

    @Test
    void cancelWindsTheBatchDownAndCollectsWhatFinished() {
        bothProviders(50_000, 100_000, 256L << 20);
        apis.get(ProviderId.ANTHROPIC).answeredBefore = 2;
        BatchRunner r = runner(dir);
        long id = r.create(spec(2)).experimentId();
        List<StoredBatch> sent = r.submit(id);
        String anthropic = sent.stream()
                .filter(b -> b.status().provider() == ProviderId.ANTHROPIC)
                .findFirst()
                .orElseThrow()
                .batchId();

        assertEquals(BatchState.CANCELLING, r.cancel(anthropic).status().state());
        untilDone(r, id);

        assertEquals(
                BatchState.CANCELLED,
                store.batches().findBatch(anthropic).orElseThrow().status().state());
        List<Trial> claude = store.trials(id).stream()
                .filter(t -> t.cell().modelId().equals("claude-haiku-4-5"))
                .toList();
        assertEquals(2, claude.stream().filter(Trial::succeeded).count());
        assertEquals(
                6,
                claude.stream()
                        .filter(t -> !t.succeeded() && t.errorText().startsWith(BatchCollector.CANCELLED))
                        .count());
    }

    @Test
    void aRestartInTheMiddleEndsWithTheSameTrialsAndFiguresAsAnUninterruptedRun() {
        bothProviders(3, 100_000, 256L << 20);
        // uninterrupted, in another directory
        BatchRunner straight = runner(otherDir);
        long first = submitted(straight, 2);
        untilDone(straight, first);
        Map<String, String> expected = fingerprint(first);
        ExperimentProgress expectedProgress = store.progress(first);

        bothProviders(3, 100_000, 256L << 20);
        BatchRunner before = runner(dir);
        long id = submitted(before, 2);
        before.refresh(id); // running
        BatchRunner after = runner(dir); // the app closed and started again on the same file
        assertTrue(after.refreshAll().anyOpen() || !store.trials(id).isEmpty());
        untilDone(after, id);

        assertEquals(expected, fingerprint(id));
        ExperimentProgress p = store.progress(id);
        assertEquals(expectedProgress.succeeded(), p.succeeded());
        assertEquals(expectedProgress.failed(), p.failed());
        assertEquals(0, expectedProgress.spentUsd().compareTo(p.spentUsd()));
        assertEquals(ExperimentStatus.DONE, store.loadExperiment(id).status());
    }

    @Test
    void aCrashWhileCollectingNeverCountsATrialTwice() {
        bothProviders(50_000, 100_000, 256L << 20);
        FakeBatchApi openai = apis.get(ProviderId.OPENAI);
        BatchRunner r = runner(dir);
        long id = submitted(r, 2);
        r.refresh(id);
        openai.failResultsAfter = 3;

        BatchRefresh broken = r.refresh(id);

        assertEquals(1, broken.problems().size(), broken.problems().toString());
        assertTrue(broken.problems().get(0).contains("connection reset"));
        assertEquals(3 + 8, store.trials(id).size(), "3 OpenAI outcomes and every Anthropic one");
        r = runner(dir); // and a restart on top
        untilDone(r, id);
        untilDone(r, id);
        List<Trial> trials = store.trials(id);
        assertEquals(16, trials.size());
        assertEquals(16, trials.stream().map(Trial::cell).distinct().count());
        assertEquals(
                16, store.ledger(Instant.EPOCH, Instant.now().plusSeconds(5)).size());
    }

    @Test
    void outcomesAreRecordedInWholeGroupsSoACrashInTheMiddleOfOneLosesAndRepeatsNothing() {
        bothProviders(50_000, 100_000, 256L << 20);
        store = H2LabStore.open(dir);
        BatchRunner r = new BatchRunner(store, crashingOnTheSecondGroup(store.batches()), source(), CATALOG::find);
        long id = submitted(r, 70); // 560 cells: one batch of 280 per provider, 250 + 30 outcomes in groups
        r.refresh(id);

        assertThrows(IllegalArgumentException.class, () -> r.refresh(id), "the app dies writing the second group");

        assertEquals(BatchCollector.GROUP, store.trials(id).size(), "the first group whole, nothing of the second one");
        assertEquals(
                BatchCollector.GROUP,
                store.ledger(Instant.EPOCH, Instant.now().plusSeconds(5)).size());
        BatchRunner restarted = runner(dir);
        untilDone(restarted, id);
        List<Trial> trials = store.trials(id);
        assertEquals(560, trials.size());
        assertEquals(560, trials.stream().map(Trial::cell).distinct().count(), "no trial twice");
        assertEquals(
                560, store.ledger(Instant.EPOCH, Instant.now().plusSeconds(5)).size());
        assertEquals(ExperimentStatus.DONE, store.loadExperiment(id).status());
    }

    /**
     * The store's batches, except that the second group of outcomes fails halfway through its transaction (an
     * outcome for a cell the experiment does not have, in the middle of it), as if the app died while writing it.
     */
    static BatchRepository crashingOnTheSecondGroup(BatchRepository store) {
        AtomicInteger groups = new AtomicInteger();
        return (BatchRepository) Proxy.newProxyInstance(
                BatchRepository.class.getClassLoader(), new Class<?>[] {BatchRepository.class}, (proxy, m, args) -> {
                    if (m.getName().equals("collectAll") && groups.incrementAndGet() == 2) {
                        @SuppressWarnings("unchecked")
                        List<Outcome> outcomes = new ArrayList<>((List<Outcome>) args[1]);
                        Outcome middle = outcomes.get(outcomes.size() / 2);
                        NewTrial t = middle.trial();
                        TrialCell nowhere =
                                new TrialCell(t.cell().variantId(), t.cell().inputId(), "no-such-model", 1);
                        outcomes.add(
                                outcomes.size() / 2,
                                new Outcome(
                                        middle.customId(),
                                        NewTrial.failure(
                                                t.experimentId(), nowhere, "x", "x", t.started(), t.finished()),
                                        null));
                        args = new Object[] {args[0], outcomes};
                    }
                    try {
                        return m.invoke(store, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    @Test
    void conversationsAndProvidersWithoutABatchApiAreRefusedBeforeAnythingIsStored() {
        bothProviders(50_000, 100_000, 256L << 20);
        BatchRunner r = runner(dir);
        ExperimentSpec base = spec(1);
        ExperimentSpec conversation = new ExperimentSpec(
                base.name(),
                null,
                base.variants(),
                List.of(new ExperimentSpec.InputSpec("chat", Map.of("id", "1", "text", "hi"), List.of("and then?"))),
                base.models(),
                1,
                null,
                false,
                base.parameters(),
                false,
                null);
        SpecException e = assertThrows(SpecException.class, () -> r.create(conversation));
        assertTrue(e.getMessage().contains("input \"chat\" is a conversation script"), e.getMessage());
        assertTrue(e.getMessage().contains("Run this experiment live"), e.getMessage());

        ExperimentSpec local = new ExperimentSpec(
                base.name(),
                null,
                base.variants(),
                base.inputs(),
                List.of(new ExperimentSpec.ModelSpec("llama3", ProviderId.COMPATIBLE, null)),
                1,
                null,
                false,
                base.parameters(),
                false,
                null);
        SpecException none = assertThrows(SpecException.class, () -> r.create(local));
        assertTrue(none.getMessage().startsWith("OpenAI-compatible"), none.getMessage());
        assertTrue(store.listExperiments().isEmpty());
    }

    @Test
    void theEstimatePutsLiveAndBatchSideBySide() {
        bothProviders(50_000, 100_000, 256L << 20);
        BatchRunner r = runner(dir);
        BatchEstimate e = r.estimate(spec(2));
        assertEquals(16, e.live().calls());
        assertEquals(2, e.lines().size());
        assertTrue(e.batchPossible());
        for (BatchEstimate.Line l : e.lines()) {
            assertEquals(8, l.calls());
            assertTrue(l.batchLow().compareTo(l.liveLow()) < 0, l.toString());
            assertTrue(l.batchHigh().compareTo(l.liveHigh()) < 0, l.toString());
        }
        assertEquals(
                0,
                e.live()
                        .lowUsd()
                        .compareTo(e.lines().stream()
                                .map(BatchEstimate.Line::liveLow)
                                .reduce(BigDecimal.ZERO, BigDecimal::add)));
    }

    @Test
    void noKeyIsReportedBeforeAnythingIsStored() {
        apis.put(ProviderId.OPENAI, new FakeBatchApi(ProviderId.OPENAI, FakeBatchApi.limits(10, 1L << 20, true)));
        BatchRunner r = runner(dir);
        BatchException e = assertThrows(BatchException.class, () -> r.create(spec(1)));
        assertEquals(
                "Cannot submit the batch at Anthropic: No Anthropic API key for its batch API: set ANTHROPIC_API_KEY",
                e.getMessage());
        assertTrue(store.listExperiments().isEmpty());
        assertTrue(store.batches().batches().isEmpty());
    }

    /** Each trial's cell → its outcome and cost, for comparing two runs. */
    private Map<String, String> fingerprint(long id) {
        RunPlan plan = RunPlan.load(store, id);
        Map<String, String> out = new TreeMap<>();
        for (Trial t : store.trials(id)) {
            TrialCell c = t.cell();
            String key = plan.variant(c.variantId()).name() + "/"
                    + plan.input(c.inputId()).label() + "/" + c.modelId() + "/" + c.repetition();
            out.put(key, t.succeeded() + " " + t.costUsd().stripTrailingZeros().toPlainString() + " " + t.usage());
        }
        return out.entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, TreeMap::new));
    }
}
