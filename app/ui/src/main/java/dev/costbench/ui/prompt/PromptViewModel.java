// SPDX-License-Identifier: Apache-2.0
package dev.costbench.ui.prompt;

import dev.costbench.model.catalog.Catalog;
import dev.costbench.model.catalog.ModelEntry;
import dev.costbench.model.cost.CostRow;
import dev.costbench.model.cost.PromptCostTable;
import dev.costbench.model.cost.PromptOptions;
import dev.costbench.model.prompt.IncrementalPromptCounter;
import dev.costbench.model.prompt.Role;
import dev.costbench.model.prompt.TextStats;
import dev.costbench.ui.common.LatestOnlyWorker;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * State of the Prompt view: the prompt, the request options and the resulting cost table. Every change schedules
 * a recount on a background thread (incremental, latest request wins); results arrive on the FX thread.
 * All properties are FX-thread only.
 */
public final class PromptViewModel implements AutoCloseable {

    private final StringProperty systemText = new SimpleStringProperty(this, "system", "");
    private final ObservableList<Turn> turns =
            FXCollections.observableArrayList(t -> new Observable[] {t.roleProperty(), t.textProperty()});
    private final StringProperty userText = new SimpleStringProperty(this, "user", "");
    private final LongProperty outputTokens = new SimpleLongProperty(this, "outputTokens", 500);
    private final LongProperty reasoningTokens = new SimpleLongProperty(this, "reasoningTokens", 0);
    private final LongProperty monthlyRequests = new SimpleLongProperty(this, "monthlyRequests", 100_000);
    private final BooleanProperty cachedPrefix = new SimpleBooleanProperty(this, "cachedPrefix", false);
    private final BooleanProperty batch = new SimpleBooleanProperty(this, "batch", false);
    private final BooleanProperty residency = new SimpleBooleanProperty(this, "residency", false);
    private final ObjectProperty<Catalog> catalog = new SimpleObjectProperty<>(this, "catalog");

    private final ObservableList<CostRow> rows = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ReadOnlyLongWrapper promptTokens = new ReadOnlyLongWrapper(this, "promptTokens");
    private final ReadOnlyLongWrapper generation = new ReadOnlyLongWrapper(this, "generation");

    private final LatestOnlyWorker worker;
    /** Confined to the worker thread. */
    private final IncrementalPromptCounter counter = new IncrementalPromptCounter();

    public PromptViewModel(Catalog initial) {
        this.worker = new LatestOnlyWorker("CostBench prompt counter",
                e -> status.set("Counting failed: " + e + " — your text is unchanged; edit again to retry."));
        catalog.set(initial);
        Observable[] inputs = {systemText, turns, userText, outputTokens, reasoningTokens, monthlyRequests,
            cachedPrefix, batch, residency, catalog};
        for (Observable o : inputs) {
            o.addListener(x -> recompute());
        }
        recompute();
    }

    /** Schedules a recount of the current prompt; called on every change. */
    public void recompute() {
        List<String> keys = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        keys.add("system");
        texts.add(systemText.get());
        for (Turn t : turns) {
            keys.add(t.key());
            texts.add(t.textProperty().get());
        }
        keys.add("user");
        texts.add(userText.get());
        int prefix = 1 + turns.size();
        PromptOptions options;
        try {
            options = new PromptOptions(outputTokens.get(), reasoningTokens.get(), cachedPrefix.get(), batch.get(),
                    residency.get(), monthlyRequests.get());
        } catch (IllegalArgumentException e) {
            status.set(e.getMessage());
            return;
        }
        List<ModelEntry> models = catalog.get() == null ? List.of() : catalog.get().models();
        long started = System.nanoTime();
        worker.submit(() -> {
            List<TextStats> stats = counter.update(keys, texts);
            // Empty messages are not sent, so they add no chat-format overhead.
            List<TextStats> sent = new ArrayList<>();
            int sentPrefix = 0;
            for (int i = 0; i < stats.size(); i++) {
                if (!texts.get(i).isEmpty()) {
                    sent.add(stats.get(i));
                    if (i < prefix) {
                        sentPrefix++;
                    }
                }
            }
            long o200k = stats.stream().mapToLong(TextStats::o200k).sum();
            return new Result(PromptCostTable.compute(models, sent, sentPrefix, options), o200k,
                    texts.stream().mapToLong(String::length).sum());
        }, r -> {
            rows.setAll(r.rows);
            promptTokens.set(r.o200k);
            long ms = (System.nanoTime() - started) / 1_000_000;
            status.set(String.format("%,d characters · %,d tokens (o200k_base) · %d models · updated in %d ms",
                    r.chars, r.o200k, r.rows.size(), ms));
            generation.set(generation.get() + 1);
        });
    }

    private record Result(List<CostRow> rows, long o200k, long chars) {
    }

    public Turn addTurn(Role role, String text) {
        Turn t = new Turn(role, text);
        turns.add(t);
        return t;
    }

    public void removeTurn(Turn t) {
        turns.remove(t);
    }

    public void moveTurn(Turn t, int delta) {
        int i = turns.indexOf(t);
        int j = i + delta;
        if (i < 0 || j < 0 || j >= turns.size()) {
            return;
        }
        turns.remove(i);
        turns.add(j, t);
    }

    public StringProperty systemTextProperty() {
        return systemText;
    }

    public ObservableList<Turn> turns() {
        return turns;
    }

    public StringProperty userTextProperty() {
        return userText;
    }

    public LongProperty outputTokensProperty() {
        return outputTokens;
    }

    public LongProperty reasoningTokensProperty() {
        return reasoningTokens;
    }

    public LongProperty monthlyRequestsProperty() {
        return monthlyRequests;
    }

    public BooleanProperty cachedPrefixProperty() {
        return cachedPrefix;
    }

    public BooleanProperty batchProperty() {
        return batch;
    }

    public BooleanProperty residencyProperty() {
        return residency;
    }

    public ObjectProperty<Catalog> catalogProperty() {
        return catalog;
    }

    public ObservableList<CostRow> rows() {
        return rows;
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyLongProperty promptTokensProperty() {
        return promptTokens.getReadOnlyProperty();
    }

    /** Increments each time a new table arrives (tests wait on it). */
    public ReadOnlyLongProperty generationProperty() {
        return generation.getReadOnlyProperty();
    }

    @Override
    public void close() {
        worker.close();
    }
}
