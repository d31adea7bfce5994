// SPDX-License-Identifier: Apache-2.0
package dev.costbench.ui.workload;

import dev.costbench.model.catalog.Catalog;
import dev.costbench.model.catalog.ModelEntry;
import dev.costbench.ui.common.ViewModel;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * What the workload sub-tabs' view models share: the model choices, the results table, the summary line and the
 * notes. The figures are recomputed on every input change (pure and fast: no background work).
 */
public abstract class WorkloadViewModel implements ViewModel {

    private final ObservableList<ModelEntry> models = FXCollections.observableArrayList();
    private final WorkloadTable table = new WorkloadTable();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");

    protected WorkloadViewModel(Supplier<Catalog> catalog) {
        models.setAll(WorkloadInputs.chatModels(catalog.get()));
    }

    /** The catalog's models that price input and output, by provider and name. */
    public ObservableList<ModelEntry> models() {
        return models;
    }

    /** The results: one column per configuration, one row per figure. */
    public WorkloadTable table() {
        return table;
    }

    /** Notes and refusals, one a line ("" when none). */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** The headline figures after the levers, in one line ("" while an input is refused). */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    protected void show(String summaryLine, String notes) {
        summary.set(summaryLine);
        message.set(notes);
    }

    /** An input was refused: the table empties and the notes say what to change. */
    protected void refuse(String why) {
        table.clear();
        summary.set("");
        message.set(why);
    }
}
