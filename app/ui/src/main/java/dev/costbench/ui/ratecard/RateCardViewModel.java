// SPDX-License-Identifier: Apache-2.0
package dev.costbench.ui.ratecard;

import dev.costbench.model.catalog.Catalog;
import dev.costbench.model.catalog.ModelEntry;
import dev.costbench.model.catalog.ProviderNames;
import dev.costbench.model.ratecard.RateAdjustment;
import dev.costbench.model.ratecard.RateCard;
import dev.costbench.model.ratecard.RateCardFile;
import dev.costbench.ui.common.Reasons;
import dev.costbench.ui.common.UiContext;
import dev.costbench.ui.common.ViewModel;
import dev.costbench.ui.common.Words;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.function.Supplier;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;

/**
 * The rate-card editor: the lines of {@code rate-card.json} as typed, checked as you type, saved to the file. The card
 * in force ({@link #savedProperty()}) is the one last loaded or saved; the Prompt, Media and Scenario views use it
 * when "Use my rates" is on.
 */
public final class RateCardViewModel implements ViewModel {

    private final UiContext ui;
    private final Path file;
    private final Supplier<Catalog> catalog;
    private final ObservableList<RateLine> lines = FXCollections.observableArrayList(RateLine::observables);
    private final ObservableList<String> problems = FXCollections.observableArrayList();
    private final ObservableList<String> problemsView = FXCollections.unmodifiableObservableList(problems);
    private final ReadOnlyObjectWrapper<RateCard> saved = new ReadOnlyObjectWrapper<>(this, "saved", RateCard.NONE);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ReadOnlyBooleanWrapper dirty = new ReadOnlyBooleanWrapper(this, "dirty");
    private boolean loading;

    /**
     * @param file    the rate card's file ({@code rate-card.json} in the data directory)
     * @param catalog the catalog in force (for the provider choices)
     */
    public RateCardViewModel(UiContext ui, Path file, Supplier<Catalog> catalog) {
        this.ui = ui;
        this.file = file;
        this.catalog = catalog;
        lines.addListener((ListChangeListener<RateLine>) c -> {
            check();
            if (!loading) {
                dirty.set(true);
            }
        });
    }

    /** Reads the file (in the background); a missing file is an empty card, a broken one is reported in the status. */
    public void load() {
        ui.tasks()
                .task("read the rate card", p -> RateCardFile.read(file))
                .onSuccess(card -> {
                    show(card);
                    saved.set(card);
                    status.set(
                            card.isEmpty()
                                    ? "No rate card yet: add a line, then save. It is kept in " + file + "."
                                    : Words.count(card.adjustments().size(), "line") + " from " + file + ".");
                })
                .onFailure(e -> {
                    show(RateCard.NONE);
                    saved.set(RateCard.NONE);
                    status.set(UiContext.describe(e) + " List prices are used until you save a valid card here.");
                })
                .start();
    }

    private void show(RateCard card) {
        loading = true;
        try {
            lines.setAll(card.adjustments().stream().map(RateLine::new).toList());
        } finally {
            loading = false;
        }
        dirty.set(false);
    }

    /** Adds a blank line at the end. */
    public RateLine addLine() {
        RateLine l = new RateLine();
        lines.add(l);
        return l;
    }

    public void remove(RateLine l) {
        lines.remove(l);
    }

    /** Moves {@code l} one place up (order matters: each line applies to what the lines before it left). */
    public void moveUp(RateLine l) {
        int i = lines.indexOf(l);
        if (i > 0) {
            lines.remove(i);
            lines.add(i - 1, l);
        }
    }

    /** The card as edited; its problems are in {@link #problems()}. */
    RateCard edited() {
        List<RateAdjustment> out = new ArrayList<>();
        lines.forEach(l -> out.add(l.adjustment()));
        return new RateCard(out);
    }

    private void check() {
        problems.setAll(edited().problems());
    }

    /** Saves the lines to the file when they are valid; otherwise the problems say what to fix. */
    public void save() {
        check();
        if (!problems.isEmpty()) {
            status.set("Not saved: fix " + Words.count(problems.size(), "problem") + " first.");
            return;
        }
        RateCard card = edited();
        ui.tasks()
                .task("save the rate card", p -> {
                    RateCardFile.write(file, card);
                    return card;
                })
                .onSuccess(c -> {
                    saved.set(c);
                    dirty.set(false);
                    status.set("Saved " + Words.count(c.adjustments().size(), "line") + " to " + file + ".");
                })
                .onFailure(e -> ui.dialogs()
                        .error(
                                "The rate card could not be saved",
                                UiContext.describe(e) + "\n\nYour lines are still here. Check that " + file.getParent()
                                        + " is writable and save again."))
                .start();
    }

    /** Puts back the lines last loaded or saved. */
    public void revert() {
        show(saved.get());
        check();
        status.set("Back to the saved card.");
    }

    /** The provider choices: every provider in the catalog, by id (shown by name, {@link #providerName}). */
    public List<String> providerIds() {
        Catalog c = catalog.get();
        TreeSet<String> ids = new TreeSet<>();
        if (c != null) {
            c.models().stream().map(ModelEntry::provider).forEach(ids::add);
        }
        List<String> out = new ArrayList<>();
        out.add("");
        out.addAll(ids);
        return out;
    }

    /** A provider id as shown: "OpenAI"; empty: "Every provider". */
    public static String providerName(String id) {
        return id == null || id.isEmpty() ? "Every provider" : ProviderNames.displayName(id);
    }

    public ObservableList<RateLine> lines() {
        return lines;
    }

    /** What is wrong with the lines as typed, "line 2 (reseller): …"; empty when the card can be saved. */
    public ObservableList<String> problems() {
        return problemsView;
    }

    /** The card in force: the last one loaded or saved. */
    public ReadOnlyObjectProperty<RateCard> savedProperty() {
        return saved.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** True when the lines differ from the card in force. */
    public ReadOnlyBooleanProperty dirtyProperty() {
        return dirty.getReadOnlyProperty();
    }

    /** Why Revert can do nothing now ("" when it can). */
    public StringBinding revertBlockedReason() {
        return Reasons.when(dirtyProperty().not(), "Nothing to revert: the rate card has no unsaved changes.");
    }
}
