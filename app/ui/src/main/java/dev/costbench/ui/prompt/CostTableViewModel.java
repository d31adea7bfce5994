// SPDX-License-Identifier: Apache-2.0
package dev.costbench.ui.prompt;

import dev.costbench.model.catalog.Tier;
import dev.costbench.model.cost.CostRow;
import dev.costbench.model.cost.Money;
import dev.costbench.ui.common.ViewModel;
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

/**
 * The cost table's filters and what they leave: the providers and tiers checked (none checked: all), the search
 * text (model id or name), grouping by tier, the rows shown, the cheapest fully priced one and the summary line.
 */
public final class CostTableViewModel implements ViewModel {

    private final ObservableList<CostRow> rows;
    private final ObservableList<String> providers = FXCollections.observableArrayList();
    private final ObservableList<String> checkedProviders = FXCollections.observableArrayList();
    private final ObservableList<Tier> checkedTiers = FXCollections.observableArrayList();
    private final StringProperty search = new SimpleStringProperty(this, "search", "");
    private final BooleanProperty grouped = new SimpleBooleanProperty(this, "grouped", true);
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
        filter();
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
                    .toList();
            CostRow c = out.stream()
                    .filter(r -> r.complete() && r.perRequest().signum() > 0)
                    .min(Comparator.comparing(CostRow::perRequest))
                    .orElse(null);
            cheapest.set(c);
            summary.set(out.size() + " of " + rows.size() + " models"
                    + (c == null ? "" : " · cheapest: " + c.model().name() + " " + Money.format(c.perRequest())));
            shown.setAll(out);
        } finally {
            filtering = false;
        }
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
