// SPDX-License-Identifier: Apache-2.0
package dev.costbench.ui.lab;

import dev.costbench.model.catalog.Catalog;
import dev.costbench.model.catalog.ModelEntry;
import dev.costbench.model.lab.BatchRepository;
import dev.costbench.model.lab.Experiment;
import dev.costbench.model.lab.LabStore;
import dev.costbench.model.lab.StoredBatch;
import dev.costbench.model.lab.batch.BatchEstimate;
import dev.costbench.model.lab.batch.BatchRefresh;
import dev.costbench.model.lab.batch.BatchRunner;
import dev.costbench.model.lab.run.ExperimentSpec;
import dev.costbench.model.lab.run.RunPlan;
import dev.costbench.model.provider.ProviderId;
import dev.costbench.model.provider.batch.BatchSource;
import dev.costbench.model.provider.batch.BatchStatus;
import dev.costbench.ui.common.Job;
import dev.costbench.ui.common.UiContext;
import dev.costbench.ui.common.ViewModel;
import dev.costbench.ui.common.Words;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Batch runs in the workbench ({@link BatchRunner}): submitting an experiment through the providers' batch APIs, the
 * batches of the experiment shown (provider, state in words, requests done and pending, expiry) with Refresh and
 * Cancel, and polling every open batch in the background until it ends (started when the store opens, so batches
 * submitted before a restart are collected), with a notification when results land.
 */
public final class BatchRunsViewModel implements ViewModel {

    /** One batch as the results page lists it. */
    public record Row(
            String provider, String batchId, String state, int done, int pending, String expires, boolean cancellable) {

        /** "OpenAI · running · 12 done, 38 pending · expires 2 Dec 10:00". */
        public String text() {
            return provider + " · " + state + " · " + done + " done, " + pending + " pending"
                    + (expires.isEmpty() ? "" : " · expires " + expires);
        }
    }

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM HH:mm", Locale.ENGLISH);

    private final UiContext ui;
    private final Supplier<LabStore> store;
    private final Supplier<BatchRepository> batches;
    private final Supplier<Catalog> catalog;
    private final BatchSource source;
    private final Duration interval;
    private final ZoneId zone;
    private final ObservableList<Row> rows = FXCollections.observableArrayList();
    private final ReadOnlyLongWrapper shown = new ReadOnlyLongWrapper(this, "shown", 0);
    private Runnable onLanded = () -> {};
    private Job<Void> polling;

    /**
     * @param batches  the store's batches (null while the store is not open)
     * @param source   the providers' batch APIs
     * @param interval the wait between two polls of the open batches
     */
    public BatchRunsViewModel(
            UiContext ui,
            Supplier<LabStore> store,
            Supplier<BatchRepository> batches,
            Supplier<Catalog> catalog,
            BatchSource source,
            Duration interval,
            ZoneId zone) {
        this.ui = ui;
        this.store = store;
        this.batches = batches;
        this.catalog = catalog;
        this.source = source;
        this.interval = interval;
        this.zone = zone;
    }

    /** Called on the UI thread when results of a batch landed in the store (the lab re-reads its history). */
    public void setOnLanded(Runnable r) {
        this.onLanded = r == null ? () -> {} : r;
    }

    private BatchRunner runner() {
        LabStore s = store.get();
        BatchRepository b = batches.get();
        if (s == null || b == null) {
            throw new IllegalStateException("The local store is not open (another CostBench may be running). Close "
                    + "the other CostBench and start this one again.");
        }
        Catalog c = catalog.get();
        return new BatchRunner(s, b, source, c::find);
    }

    /**
     * Why an experiment on these models cannot go through the batch APIs ("OpenAI-compatible server has no batch
     * API"), or "" when every model's provider has one.
     */
    public String unavailableReason(List<String> modelIds) {
        Set<String> without = new LinkedHashSet<>();
        Catalog c = catalog.get();
        for (String id : modelIds) {
            Optional<ModelEntry> m = c.find(id);
            if (m.isPresent()) {
                ProviderId p = RunPlan.providerOf(m.get());
                if (!BatchRunner.hasBatchApi(source, p)) {
                    without.add(p.displayName());
                }
            }
        }
        return without.isEmpty()
                ? ""
                : String.join(", ", without) + " has no batch API: run live, or leave "
                        + (without.size() == 1 ? "its" : "their") + " models out";
    }

    /** Live vs batch, one line per provider ("OpenAI: live $0.10 – $0.40, batch $0.05 – $0.20"). */
    public String estimateText(ExperimentSpec spec) {
        BatchEstimate e = BatchRunner.estimate(spec, source, catalog.get()::find);
        List<String> lines = new ArrayList<>();
        for (BatchEstimate.Line l : e.lines()) {
            lines.add(l.provider().displayName() + ": live " + l.liveText() + ", batch " + l.batchText());
        }
        return String.join("\n", lines);
    }

    /**
     * Creates the experiment and submits it through the batch APIs in the background; {@code onSubmitted} gets its id
     * (on the UI thread) once every batch is kept, and polling starts.
     */
    public void submit(ExperimentSpec spec, Consumer<Long> onSubmitted) {
        ui.tasks()
                .task("A/B batch submit", p -> {
                    BatchRunner r = runner();
                    long id = r.create(spec).experimentId();
                    return Map.entry(id, r.submit(id).size());
                })
                .onSuccess(sent -> {
                    ui.dialogs()
                            .notify("Submitted " + Words.count(sent.getValue(), "batch", "batches") + " for “"
                                    + spec.name() + "”: results within 24 h");
                    show(sent.getKey());
                    onSubmitted.accept(sent.getKey());
                    startPolling();
                })
                .onFailure(e -> ui.dialogs()
                        .error("Cannot submit “" + spec.name() + "” through the Batch API", UiContext.describe(e)))
                .start();
    }

    /** Shows the batches of experiment {@code experimentId} (none for a live experiment). */
    public void show(long experimentId) {
        shown.set(experimentId);
        BatchRepository b = batches.get();
        rows.setAll(b == null ? List.of() : rows(b.batches(experimentId)));
    }

    /** Polls the shown experiment's batches now and collects the finished ones. */
    public void refresh() {
        long id = shown.get();
        if (id <= 0) {
            return;
        }
        ui.tasks()
                .task("A/B batch refresh", p -> runner().refresh(id))
                .onSuccess(r -> {
                    rows.setAll(rows(r.batches()));
                    problems(r);
                    if (r.collected() > 0) {
                        ui.dialogs().notify("Batch results landed: " + Words.count(r.collected(), "trial"));
                        onLanded.run();
                    }
                })
                .onFailure(e -> ui.dialogs().error("Cannot refresh the batches", UiContext.describe(e)))
                .start();
    }

    /** Asks to cancel {@code row}'s batch; what finished before is collected when it ends. */
    public void cancel(Row row) {
        if (row == null || !row.cancellable()) {
            return;
        }
        if (!ui.dialogs()
                .confirm(
                        "Cancel the " + row.provider() + " batch?",
                        "Its " + Words.count(row.pending(), "pending request") + " will not run (nothing is "
                                + "charged for them); the answers that finished before the cancel still land as trials.",
                        "Cancel batch")) {
            return;
        }
        long id = shown.get();
        ui.tasks()
                .task("A/B batch cancel", p -> runner().cancel(row.batchId()))
                .onSuccess(b -> {
                    show(id);
                    startPolling();
                })
                .onFailure(e ->
                        ui.dialogs().error("Cannot cancel the " + row.provider() + " batch", UiContext.describe(e)))
                .start();
    }

    /**
     * Polls every open batch in the background until none is open (on start: batches submitted before a restart),
     * collecting the results of those that end and telling the user; nothing when polling already runs.
     */
    public void startPolling() {
        if (polling != null && polling.isRunning()) {
            return;
        }
        polling = ui.tasks().<Void>task("A/B batch polling", p -> {
            while (!p.isCancelled()) {
                BatchRepository b = batches.get();
                if (b == null) {
                    return null;
                }
                Set<String> open = new LinkedHashSet<>();
                b.batches().stream().filter(StoredBatch::open).forEach(x -> open.add(x.batchId()));
                if (open.isEmpty()) {
                    return null;
                }
                BatchRefresh r = runner().refreshAll();
                Map<Long, Integer> landed = new LinkedHashMap<>();
                for (StoredBatch x : r.batches()) {
                    if (open.contains(x.batchId()) && !x.open()) {
                        landed.merge(x.experimentId(), x.collected(), Integer::sum);
                    }
                }
                p.onUi(() -> landed(landed, r));
                if (!r.anyOpen()) {
                    return null;
                }
                Thread.sleep(r.nextPoll(interval).toMillis());
            }
            return null;
        });
        polling.onFailure(e -> ui.dialogs()
                        .warning(
                                "Batch results are not being collected",
                                UiContext.describe(e) + " Use Refresh on the experiment's batches to try again."))
                .start();
    }

    private void landed(Map<Long, Integer> landed, BatchRefresh r) {
        problems(r);
        if (shown.get() > 0) {
            BatchRepository b = batches.get();
            if (b != null) {
                rows.setAll(rows(b.batches(shown.get())));
            }
        }
        landed.forEach((id, n) -> ui.dialogs()
                .notify("Batch results landed in “"
                        + store.get().findExperiment(id).map(Experiment::name).orElse("an " + "experiment") + "”: "
                        + Words.count(n, "trial")));
        if (!landed.isEmpty()) {
            onLanded.run();
        }
    }

    private void problems(BatchRefresh r) {
        if (!r.problems().isEmpty()) {
            ui.dialogs().warning("Some batches could not be polled", String.join("\n", r.problems()));
        }
    }

    private List<Row> rows(List<StoredBatch> list) {
        List<Row> out = new ArrayList<>();
        for (StoredBatch b : list) {
            BatchStatus s = b.status();
            boolean collecting = b.open() && s.state().terminal();
            out.add(new Row(
                    s.provider().displayName(),
                    b.batchId(),
                    s.state().words() + (collecting ? " (results to collect)" : ""),
                    s.succeeded() + s.failed(),
                    s.pending(),
                    s.expiresAt() == null || !b.open()
                            ? ""
                            : WHEN.format(s.expiresAt().atZone(zone)),
                    b.open() && !s.state().terminal()));
        }
        return out;
    }

    /** True while the experiment has a batch whose results have not all landed. */
    public boolean hasOpenBatches(long experimentId) {
        BatchRepository b = batches.get();
        return b != null && b.batches(experimentId).stream().anyMatch(StoredBatch::open);
    }

    /** The shown experiment's batches, newest first. */
    public ObservableList<Row> rows() {
        return rows;
    }

    /** The experiment whose batches {@link #rows()} lists (0: none). */
    public ReadOnlyLongProperty shownProperty() {
        return shown.getReadOnlyProperty();
    }

    @Override
    public void close() {
        if (polling != null) {
            polling.cancel();
        }
    }
}
