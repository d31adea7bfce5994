// SPDX-License-Identifier: Apache-2.0
package dev.costbench.ui.prompt;

import dev.costbench.model.catalog.Tier;
import dev.costbench.model.cost.CostRow;
import dev.costbench.model.cost.Money;
import dev.costbench.ui.common.ViewModel;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import javafx.beans.InvalidationListener;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableSet;
import javafx.collections.SetChangeListener;

/**
 * The cost table's filters and what they leave: the providers and tiers checked (none checked: all), the search
 * text (model id or name), grouping by tier, the user's "My models" set (remembered; shown first, or alone), the
 * rows shown, the cheapest fully priced one, the summary line and a removable chip per active filter.
 */
public final class CostTableViewModel implements ViewModel {

    private final ObservableList<CostRow> rows;
    private final ObservableList<String> providers = FXCollections.observableArrayList();
    private final ObservableList<String> checkedProviders = FXCollections.observableArrayList();
    private final ObservableList<Tier> checkedTiers = FXCollections.observableArrayList();
    private final StringProperty search = new SimpleStringProperty(this, "search", "");
    private final BooleanProperty grouped = new SimpleBooleanProperty(this, "grouped", true);
    private final ObservableSet<String> mine = FXCollections.observableSet();
    private final BooleanProperty onlyMine = new SimpleBooleanProperty(this, "onlyMine");
    private final ObservableList<FilterChip> chips = FXCollections.observableArrayList();
    private final ObservableList<FilterChip> chipsView = FXCollections.unmodifiableObservableList(chips);
    private MyModels myModels = MyModels.inMemory();
    private final ObservableList<CostRow> shown = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<CostRow> cheapest = new ReadOnlyObjectWrapper<>(this, "cheapest");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "");
    private final ObservableList<String> providersView = FXCollections.unmodifiableObservableList(providers);
    private final ObservableList<CostRow> shownView = FXCollections.unmodifiableObservableList(shown);
    private boolean filtering;

    /** @param rows the cost of the prompt on every catalog model (the Prompt view's rows) */
    public CostTableViewModel(ObservableList<CostRow> rows) {
        this.rows = rows;
        InvalidationListener refilter = o -> filter();
        rows.addListener(refilter);
        checkedProviders.addListener(refilter);
        checkedTiers.addListener(refilter);
        search.addListener(refilter);
        grouped.addListener(refilter);
        onlyMine.addListener(refilter);
        mine.addListener((SetChangeListener<String>) c -> filter());
        filter();
    }

    /** Reads the "My models" set from {@code store} and keeps it there from now on. */
    public void useMyModels(MyModels store) {
        this.myModels = store;
        mine.clear();
        mine.addAll(store.load());
    }

    private void filter() {
        if (filtering) {
            return;
        }
        filtering = true;
        try {
            TreeSet<String> known = new TreeSet<>();
            rows.forEach(r -> known.add(r.model().providerName()));
            if (!known.equals(new TreeSet<>(providers))) {
                providers.setAll(known);
                checkedProviders.retainAll(known);
            }
            String q = search.get() == null ? "" : search.get().trim().toLowerCase(Locale.ROOT);
            List<CostRow> out = rows.stream()
                    .filter(r -> checkedProviders.isEmpty()
                            || checkedProviders.contains(r.model().providerName()))
                    .filter(r -> checkedTiers.isEmpty()
                            || checkedTiers.contains(r.model().tier()))
                    .filter(r -> q.isEmpty()
                            || r.model().id().toLowerCase(Locale.ROOT).contains(q)
                            || r.model().name().toLowerCase(Locale.ROOT).contains(q))
                    .filter(r -> !onlyMine.get() || mine.contains(r.model().id()))
                    .toList();
            CostRow c = out.stream()
                    .filter(r -> r.complete() && r.perRequest().signum() > 0)
                    .min(Comparator.comparing(CostRow::perRequest))
                    .orElse(null);
            cheapest.set(c);
            long mineShown = out.stream().filter(this::isMine).count();
            summary.set(out.size() + " of " + rows.size() + " models"
                    + (mineShown == 0 ? "" : " (" + mineShown + " of my models)")
                    + (c == null ? "" : " · cheapest: " + c.model().name() + " " + Money.format(c.perRequest())));
            shown.setAll(out);
            chips.setAll(activeChips());
        } finally {
            filtering = false;
        }
    }

    private List<FilterChip> activeChips() {
        List<FilterChip> out = new ArrayList<>();
        String q = search.get() == null ? "" : search.get().trim();
        if (!q.isEmpty()) {
            out.add(new FilterChip("Search: " + q, () -> search.set("")));
        }
        for (String p : List.copyOf(checkedProviders)) {
            out.add(new FilterChip("Provider: " + p, () -> checkedProviders.remove(p)));
        }
        for (Tier t : List.copyOf(checkedTiers)) {
            out.add(new FilterChip("Tier: " + t.label(), () -> checkedTiers.remove(t)));
        }
        if (onlyMine.get()) {
            out.add(new FilterChip("Only my models", () -> onlyMine.set(false)));
        }
        return out;
    }

    /** Turns every filter off (search, providers, tiers, only my models); the grouping stays. */
    public void clearFilters() {
        search.set("");
        checkedProviders.clear();
        checkedTiers.clear();
        onlyMine.set(false);
    }

    /** One chip per active filter, each able to remove itself; empty when every model is shown. */
    public ObservableList<FilterChip> chips() {
        return chipsView;
    }

    /** The ids of the user's models, remembered between sessions. */
    public ObservableSet<String> myModels() {
        return FXCollections.unmodifiableObservableSet(mine);
    }

    public boolean isMine(CostRow r) {
        return r != null && mine.contains(r.model().id());
    }

    /** Adds the row's model to "My models", or takes it out; the set is saved at once. */
    public void toggleMine(CostRow r) {
        if (r == null) {
            return;
        }
        String id = r.model().id();
        if (!mine.remove(id)) {
            mine.add(id);
        }
        myModels.save(new TreeSet<>(mine));
    }

    /** Shows only "My models". */
    public BooleanProperty onlyMineProperty() {
        return onlyMine;
    }

    /** The providers of the rows by name ("OpenAI", "Google"), sorted: the choices of the provider filter. */
    public ObservableList<String> providers() {
        return providersView;
    }

    /** The provider names checked in the filter; none: every provider. */
    public ObservableList<String> checkedProviders() {
        return checkedProviders;
    }

    /** The tiers checked in the filter; none: every tier. */
    public ObservableList<Tier> checkedTiers() {
        return checkedTiers;
    }

    /** Part of a model's id or name (any case); blank: every model. */
    public StringProperty searchProperty() {
        return search;
    }

    /** Rows grouped under their tier (on by default). */
    public BooleanProperty groupedProperty() {
        return grouped;
    }

    /** The rows the filters leave, in the order of the Prompt view's rows. */
    public ObservableList<CostRow> shown() {
        return shownView;
    }

    /** The cheapest fully priced model among the rows shown (free models aside), or null. */
    public ReadOnlyObjectProperty<CostRow> cheapestProperty() {
        return cheapest.getReadOnlyProperty();
    }

    /** "12 of 80 models · cheapest: GPT-4o mini $0.0004". */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }
}
