// SPDX-License-Identifier: Apache-2.0
package dev.costbench.ui.lab;

import dev.costbench.model.lab.run.Repricing;
import dev.costbench.ui.common.UiContext;
import dev.costbench.ui.common.ViewModel;
import java.time.LocalDate;
import java.util.Objects;
import java.util.function.Function;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;

/**
 * The re-pricing dialog's state: the "prices as of" date (today at first) and the run re-priced at that date's
 * catalog prices, computed again in the background whenever the date changes (a newer date supersedes an older
 * computation), next to what was billed.
 */
public final class RepriceViewModel implements ViewModel {

    private final ObjectProperty<LocalDate> at;
    private final ReadOnlyObjectWrapper<Repricing> repricing;
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private long requested;

    /**
     * @param first   the run re-priced at the first date shown
     * @param atDate  re-prices the run at a date (runs in the background)
     */
    public RepriceViewModel(UiContext ui, Repricing first, Function<LocalDate, Repricing> atDate) {
        Objects.requireNonNull(atDate);
        this.repricing = new ReadOnlyObjectWrapper<>(this, "repricing", first);
        this.at = new SimpleObjectProperty<>(this, "at", first.pricedAt());
        at.addListener((o, was, date) -> {
            long req = ++requested;
            if (date == null) {
                error.set("Pick the day whose prices to use (YYYY-MM-DD).");
                return;
            }
            ui.tasks()
                    .task("A/B re-price at a date", p -> atDate.apply(date))
                    .onSuccess(r -> {
                        if (req == requested) { // a newer date supersedes this one
                            error.set("");
                            repricing.set(r);
                        }
                    })
                    .onFailure(x -> error.set(
                            "Cannot re-price at " + date + ": " + UiContext.describe(x) + ". Pick another date."))
                    .start();
        });
    }

    /** The day whose catalog prices the "now" figures are. */
    public ObjectProperty<LocalDate> atProperty() {
        return at;
    }

    public ReadOnlyObjectProperty<Repricing> repricingProperty() {
        return repricing.getReadOnlyProperty();
    }

    /** Why the last date could not be priced, or empty. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    @Override
    public void close() {
        requested++; // a computation still running shows nothing
    }
}
