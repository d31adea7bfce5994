// SPDX-License-Identifier: Apache-2.0
package dev.costbench.ui.scenario;

import dev.costbench.model.catalog.ModelEntry;
import dev.costbench.model.scenario.RequestType;
import dev.costbench.model.scenario.TextTokens;
import dev.costbench.model.scenario.Volume;
import dev.costbench.model.scenario.Workload;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The workload section: the request types of the open scenario, the one selected and its form. Every edit in the
 * form is read back into the request type and recomputed; a field that is not a number is marked, not applied.
 */
public final class RequestTypesModel {

    private final ScenarioViewModel vm;
    private final ObservableList<RequestType> types = FXCollections.observableArrayList();
    private final ObservableList<RequestType> typesView = FXCollections.unmodifiableObservableList(types);
    private final ReadOnlyIntegerWrapper selected = new ReadOnlyIntegerWrapper(this, "selected", -1);
    private final RequestForm form = new RequestForm();
    private final ReadOnlyStringWrapper media = new ReadOnlyStringWrapper(this, "media", "");
    private final ObservableList<String> models = FXCollections.observableArrayList();
    private boolean filling;

    RequestTypesModel(ScenarioViewModel vm) {
        this.vm = vm;
        RequestForm.FIELDS.keySet().forEach(k -> form.field(k).addListener((o, a, b) -> edited()));
        form.modelProperty().addListener((o, a, b) -> edited());
        form.perProperty().addListener((o, a, b) -> edited());
        form.agentProperty().addListener((o, a, b) -> edited());
        form.conversationProperty().addListener((o, a, b) -> edited());
        form.retrievalProperty().addListener((o, a, b) -> edited());
    }

    /** The request types, in the scenario's order (read-only for the view). */
    public ObservableList<RequestType> types() {
        return typesView; // one wrapper: listeners on it stay
    }

    /** The index of the request type in the form, or -1. */
    public ReadOnlyIntegerProperty selectedProperty() {
        return selected.getReadOnlyProperty();
    }

    RequestForm form() {
        return form;
    }

    /** The selected request type's media, in words (edited in the scenario file, not here). */
    public ReadOnlyStringProperty mediaProperty() {
        return media.getReadOnlyProperty();
    }

    /**
     * How a model id is shown in the workload list and the model box: "GPT-5 · OpenAI (gpt-5)"; an id the catalog
     * does not know is shown as it is.
     */
    public String modelLabel(String id) {
        if (id == null || id.isBlank()) {
            return "no model";
        }
        ModelEntry m = vm.catalog() == null ? null : vm.catalog().find(id).orElse(null);
        return m == null ? id : m.name() + " · " + m.providerName() + " (" + m.id() + ")";
    }

    /** How the model box shows a model once chosen: "GPT-5 · OpenAI"; an id the catalog does not know as it is. */
    public String modelName(String id) {
        ModelEntry m = id == null || vm.catalog() == null
                ? null
                : vm.catalog().find(id).orElse(null);
        return m == null ? (id == null ? "" : id) : m.name() + " · " + m.providerName();
    }

    /** The model id for what was typed or shown in the model box: a catalog id, a shown name, or a custom id. */
    public String modelId(String text) {
        if (text == null || text.isBlank() || vm.catalog() == null) {
            return text == null ? null : text.trim();
        }
        String t = text.trim();
        return vm.catalog().models().stream()
                .filter(m -> m.id().equals(t) || (m.name() + " · " + m.providerName()).equals(t))
                .map(ModelEntry::id)
                .findFirst()
                .orElse(t);
    }

    /** A request type in the workload list: "Support chat · GPT-5 · OpenAI (gpt-5)". */
    public String typeLabel(RequestType t) {
        return t.name() + " · " + modelLabel(t.model());
    }

    /** The catalog's model ids, for the form's model box. */
    public ObservableList<String> models() {
        return models;
    }

    /** Shows request type {@code i} in the form. */
    public void select(int i) {
        List<RequestType> list = vm.scenario().workload().requestTypes();
        if (i < 0 || i >= list.size() || i == selected.get()) {
            return;
        }
        selected.set(i);
        fill(list.get(i));
        vm.recompute(); // its fields' errors are marked
    }

    /** Adds a text request type with round starting figures. */
    public void addNew() {
        add(RequestType.text(
                "type-" + (types.size() + 1), Volume.monthly(100_000), "gpt-5-mini", TextTokens.of(500, 300, 300)));
    }

    void add(RequestType t) {
        List<RequestType> list = new ArrayList<>(vm.scenario().workload().requestTypes());
        list.add(t);
        vm.set(vm.scenario().withWorkload(with(vm.scenario().workload(), list)));
        reload(list.size() - 1);
        vm.recompute();
    }

    /** Removes the selected request type; the last one stays. */
    public void removeSelected() {
        int i = selected.get();
        if (i < 0 || types.size() <= 1) {
            vm.results().status("A workload needs at least one request type: add another before removing this one.");
            return;
        }
        List<RequestType> list = new ArrayList<>(types);
        list.remove(i);
        vm.set(vm.scenario().withWorkload(with(vm.scenario().workload(), list)));
        reload(0);
        vm.recompute();
    }

    /** Shows the open scenario's request types and selects {@code index} (or none when there are none). */
    void reload(int index) {
        List<RequestType> list = vm.scenario().workload().requestTypes();
        models.setAll(
                vm.catalog().models().stream().map(ModelEntry::id).sorted().toList());
        types.setAll(list);
        selected.set(-1);
        if (!list.isEmpty()) {
            selected.set(Math.min(index, list.size() - 1));
            fill(list.get(selected.get()));
        }
    }

    private void fill(RequestType t) {
        filling = true;
        try {
            form.fill(t);
            media.set(MediaSummary.of(t));
        } finally {
            filling = false;
        }
    }

    private void edited() {
        if (!filling) {
            apply();
        }
    }

    private void apply() {
        int i = selected.get();
        if (i < 0) {
            return;
        }
        RequestForm.Reading r;
        try {
            r = form.read(vm.scenario().workload().requestTypes().get(i));
        } catch (IllegalArgumentException e) {
            vm.results().showErrors(FieldErrors.agentTask(e.getMessage()));
            return;
        }
        if (r.type() == null) {
            vm.results().showErrors(FieldErrors.notNumbers(r.notNumbers()));
            return;
        }
        List<RequestType> list = new ArrayList<>(types);
        list.set(i, r.type());
        types.set(i, r.type());
        media.set(MediaSummary.of(r.type()));
        vm.edit(s -> s.withWorkload(with(s.workload(), list)));
    }

    private static Workload with(Workload w, List<RequestType> types) {
        return w.withRequestTypes(types);
    }
}
