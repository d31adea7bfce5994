// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.lab.batch;

import dev.costbench.model.catalog.ModelEntry;
import dev.costbench.model.lab.BatchRepository;
import dev.costbench.model.lab.ExperimentStatus;
import dev.costbench.model.lab.LabStore;
import dev.costbench.model.lab.NewBatch;
import dev.costbench.model.lab.StoredBatch;
import dev.costbench.model.lab.TrialCell;
import dev.costbench.model.lab.run.Estimator;
import dev.costbench.model.lab.run.ExperimentSpec;
import dev.costbench.model.lab.run.Planner;
import dev.costbench.model.lab.run.RunPlan;
import dev.costbench.model.lab.run.SpecException;
import dev.costbench.model.provider.ChatRequest;
import dev.costbench.model.provider.ProviderException;
import dev.costbench.model.provider.ProviderId;
import dev.costbench.model.provider.batch.BatchApi;
import dev.costbench.model.provider.batch.BatchLimits;
import dev.costbench.model.provider.batch.BatchSource;
import dev.costbench.model.provider.batch.BatchStatus;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Runs A/B experiments through the providers' batch APIs: the same cells as a live run ({@link Planner}), submitted
 * in batches ({@link BatchSplitter}), each batch kept in the {@link BatchRepository} as soon as the provider accepted
 * it, polled by {@link #refresh}, and its outcomes collected as trials at batch prices when it ends
 * ({@link BatchCollector}). Nothing waits here: the caller polls again later, after a restart too.
 *
 * <pre>{@code
 * BatchRunner runner = new BatchRunner(store, store.batches(), batchSource, catalog::find);
 * BatchEstimate e = runner.estimate(spec);           // live vs batch, per provider
 * long id = runner.create(spec).experimentId();
 * List<StoredBatch> sent = runner.submit(id);        // kept before it returns
 * BatchRefresh r = runner.refresh(id);               // later, or after a restart: poll, collect the finished
 * }</pre>
 *
 * <p>Conversation scripts cannot go through a batch (each turn needs the answer to the previous one): an experiment
 * with one is refused before anything is sent, with a message saying to run it live.
 */
public final class BatchRunner {

    /** How often {@code --wait} and the workbench poll unless told otherwise. */
    public static final Duration DEFAULT_POLL = Duration.ofSeconds(30);

    private final LabStore store;
    private final BatchRepository batches;
    private final BatchSource source;
    private final Function<String, Optional<ModelEntry>> catalog;
    private final Estimator estimator;
    private final BatchCollector collector;
    private final Clock clock;

    public BatchRunner(
            LabStore store,
            BatchRepository batches,
            BatchSource source,
            Function<String, Optional<ModelEntry>> catalog) {
        this(store, batches, source, catalog, Clock.systemUTC());
    }

    public BatchRunner(
            LabStore store,
            BatchRepository batches,
            BatchSource source,
            Function<String, Optional<ModelEntry>> catalog,
            Clock clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.batches = Objects.requireNonNull(batches, "batches");
        this.source = Objects.requireNonNull(source, "source");
        this.catalog = Objects.requireNonNull(catalog, "catalog");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.estimator = new Estimator(catalog);
        this.collector = new BatchCollector(batches, catalog, estimator, clock);
    }

    /** Live vs batch for a spec not stored yet (every cell). */
    public BatchEstimate estimate(ExperimentSpec spec) {
        return estimate(spec, source, catalog);
    }

    /** Live vs batch for a spec not stored yet (every cell), without a store. */
    public static BatchEstimate estimate(
            ExperimentSpec spec, BatchSource source, Function<String, Optional<ModelEntry>> catalog) {
        RunPlan plan = RunPlan.of(spec);
        Planner.validate(plan);
        return BatchEstimate.of(
                new Estimator(catalog),
                plan,
                plan.cells(),
                plan.providers(catalog),
                p -> hasBatchApi(source, p),
                Map.of(),
                BigDecimal.ZERO);
    }

    /** True when the provider has a batch API (even when it cannot be used now, e.g. no key yet). */
    public boolean hasBatchApi(ProviderId provider) {
        return hasBatchApi(source, provider);
    }

    /** True when {@code source} has a batch API for the provider (even one that cannot be used now: no key yet). */
    public static boolean hasBatchApi(BatchSource source, ProviderId provider) {
        try {
            return source.batch(provider).isPresent();
        } catch (ProviderException e) {
            return true;
        }
    }

    /**
     * Stores a new experiment (DRAFT) after the checks of a live run and the batch's own: no conversation script,
     * every provider with a batch API that can be used now (a key). Nothing is stored when a check fails.
     *
     * @throws SpecException  naming what is wrong and what to do
     * @throws BatchException when a provider's batch API cannot be used now (no key)
     */
    public RunPlan create(ExperimentSpec spec) {
        RunPlan draft = RunPlan.of(spec);
        for (ProviderId p : new LinkedHashSet<>(check(draft).values())) {
            api(p, "submit the batch");
        }
        return RunPlan.create(store, spec);
    }

    /**
     * Submits the experiment's missing cells (those not already in an open batch) and keeps each batch before
     * returning; empty when there is nothing to submit.
     *
     * @throws SpecException  when the experiment cannot go through batches (conversations, a provider without one)
     * @throws BatchException when a provider refused a submission (no key, 401, …); the batches submitted before it
     *                        are kept
     */
    public List<StoredBatch> submit(long experimentId) {
        RunPlan plan = RunPlan.load(store, experimentId);
        Map<String, ProviderId> providers = check(plan);
        Set<TrialCell> open = batches.cellsInOpenBatches(experimentId);
        List<TrialCell> cells = new ArrayList<>();
        for (TrialCell c : store.missingTrials(experimentId)) {
            if (!open.contains(c)) {
                cells.add(c);
            }
        }
        if (cells.isEmpty()) {
            return List.of();
        }
        Map<ProviderId, BatchApi> apis = new EnumMap<>(ProviderId.class);
        Map<ProviderId, BatchLimits> limits = new EnumMap<>(ProviderId.class);
        for (ProviderId p : new LinkedHashSet<>(providers.values())) {
            BatchApi api = api(p, "submit the batch");
            apis.put(p, api);
            limits.put(p, api.limits());
        }
        List<BatchSplitter.Chunk> chunks =
                BatchSplitter.split(plan, cells, providers, limits, c -> batchRequest(plan, c, providers));
        List<StoredBatch> kept = new ArrayList<>();
        for (int i = 0; i < chunks.size(); i++) {
            BatchSplitter.Chunk chunk = chunks.get(i);
            String name = "CostBench: " + plan.spec().name() + ", experiment " + experimentId
                    + (chunks.size() == 1 ? "" : ", batch " + (i + 1) + " of " + chunks.size());
            BatchStatus status;
            try {
                status = apis.get(chunk.provider()).submit(chunk.items(), name);
            } catch (ProviderException e) {
                throw new BatchException(
                        chunk.provider().displayName() + " refused the batch: " + e.getMessage()
                                + (kept.isEmpty()
                                        ? ""
                                        : " (" + kept.size() + " batch" + (kept.size() == 1 ? " was" : "es were")
                                                + " submitted before it and kept)")
                                + ". " + whatToDo(e),
                        e);
            }
            kept.add(batches.saveBatch(new NewBatch(experimentId, status, chunk.cells(), clock.instant())));
        }
        return kept;
    }

    /** The request a cell sends through the batch API: the live request, not streamed, with no service tier. */
    static ChatRequest batchRequest(RunPlan plan, TrialCell cell, Map<String, ProviderId> providers) {
        return plan.request(cell, providers.get(cell.modelId()))
                .withStream(false)
                .withServiceTier(null);
    }

    /** Polls the experiment's open batches and collects the finished ones. */
    public BatchRefresh refresh(long experimentId) {
        return refresh(batches.batches(experimentId));
    }

    /** Polls every open batch of every experiment and collects the finished ones (on start, {@code ab resume}). */
    public BatchRefresh refreshAll() {
        return refresh(batches.batches());
    }

    private BatchRefresh refresh(List<StoredBatch> list) {
        List<String> problems = new ArrayList<>();
        Set<Long> touched = new LinkedHashSet<>();
        Duration retryAfter = null;
        int collected = 0;
        for (StoredBatch b : list) {
            if (!b.open()) {
                continue;
            }
            try {
                BatchApi api = api(b.status().provider(), "poll the batch");
                BatchStatus now = api.poll(b.batchId());
                batches.updateBatch(now);
                if (now.state().terminal()) {
                    StoredBatch fresh = batches.findBatch(b.batchId()).orElseThrow();
                    collected += collector.collect(RunPlan.load(store, b.experimentId()), fresh, api, now.provider());
                    touched.add(b.experimentId());
                }
            } catch (ProviderException e) {
                if (e.retryAfter() != null) {
                    retryAfter = retryAfter == null || e.retryAfter().compareTo(retryAfter) > 0
                            ? e.retryAfter()
                            : retryAfter;
                }
                problems.add(b.status().provider().displayName() + " batch " + b.batchId() + ": " + e.getMessage()
                        + ". " + whatToDo(e));
            } catch (BatchException | SpecException e) {
                problems.add(e.getMessage());
            }
        }
        touched.forEach(this::conclude);
        List<StoredBatch> after = new ArrayList<>();
        for (StoredBatch b : list) {
            after.add(batches.findBatch(b.batchId()).orElse(b));
        }
        return new BatchRefresh(after, collected, problems, retryAfter);
    }

    /** Once an experiment has no open batch: DONE when every cell succeeded, INTERRUPTED (resumable) otherwise. */
    private void conclude(long experimentId) {
        if (batches.batches(experimentId).stream().noneMatch(StoredBatch::open)) {
            store.setStatus(
                    experimentId,
                    store.missingTrials(experimentId).isEmpty() ? ExperimentStatus.DONE : ExperimentStatus.INTERRUPTED);
        }
    }

    /**
     * Asks the provider to cancel a batch and records its answer; the requests that finished before the cancel are
     * collected when the batch reaches CANCELLED ({@link #refresh}).
     *
     * @throws NoSuchElementException when no batch has this id
     * @throws BatchException                   when the provider refused
     */
    public StoredBatch cancel(String batchId) {
        StoredBatch b = batches.findBatch(batchId)
                .orElseThrow(
                        () -> new NoSuchElementException("no batch " + batchId + " (costbench ab batches lists them)"));
        if (!b.open() || b.status().state().terminal()) {
            return b;
        }
        ProviderId p = b.status().provider();
        try {
            batches.updateBatch(api(p, "cancel the batch").cancel(batchId));
        } catch (ProviderException e) {
            throw new BatchException(
                    p.displayName() + " could not cancel batch " + batchId + ": " + e.getMessage() + ". " + whatToDo(e),
                    e);
        }
        return batches.findBatch(batchId).orElseThrow();
    }

    /** The checks before a batch run; returns each model's provider. */
    private Map<String, ProviderId> check(RunPlan plan) {
        Planner.validate(plan);
        Map<String, ProviderId> providers = plan.providers(catalog);
        plan.requireEffortSupport(providers);
        plan.requireMediaSupport(catalog);
        for (RunPlan.PlannedInput in : plan.inputs()) {
            if (!in.turns().isEmpty()) {
                throw new SpecException(in.describe() + " is a conversation script: a batch cannot run it, since each "
                        + "turn needs the answer to the one before. Run this experiment live, or leave the "
                        + "conversation inputs out.");
            }
        }
        List<String> without = new ArrayList<>();
        for (ProviderId p : new LinkedHashSet<>(providers.values())) {
            if (!hasBatchApi(p)) {
                without.add(p.displayName());
            }
        }
        if (!without.isEmpty()) {
            throw new SpecException(String.join(", ", without) + " has no batch API: run this experiment live, or "
                    + "leave those models out of the batch run.");
        }
        return providers;
    }

    private BatchApi api(ProviderId p, String what) throws BatchException {
        try {
            return source.batch(p)
                    .orElseThrow(() -> new SpecException(
                            p.displayName() + " has no batch API: run this experiment live instead."));
        } catch (ProviderException e) {
            throw new BatchException("Cannot " + what + " at " + p.displayName() + ": " + e.getMessage(), e);
        }
    }

    /** What the user can do about a provider's failure. */
    static String whatToDo(ProviderException e) {
        return switch (e.kind()) {
            case NO_KEY ->
                "Set the " + e.provider().displayName() + " API key ("
                        + e.provider().keyVariable() + ", or the Providers tab), then try again";
            case AUTH ->
                "Check the " + e.provider().displayName() + " API key ("
                        + e.provider().keyVariable() + " or the Providers tab); it was refused";
            default ->
                e.kind().retryable()
                        ? "Try again later; the batches kept so far are safe"
                        : "Check the message above, then try again";
        };
    }
}
