// SPDX-License-Identifier: Apache-2.0
package dev.costbench.ui.prompt;

import dev.costbench.model.catalog.Catalog;
import dev.costbench.model.catalog.ModelEntry;
import dev.costbench.model.catalog.Price;
import dev.costbench.model.catalog.PriceKind;
import dev.costbench.model.catalog.PriceStatus;
import dev.costbench.model.catalog.SourceNames;
import dev.costbench.model.cost.Money;
import dev.costbench.ui.common.ViewModel;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;

/**
 * The data of the breakdown's price-history chart: the selected model's input and output prices over time, one step
 * per dated price ({@code validFrom} / {@code validUntil}), with today marked.
 */
public final class BreakdownHistoryViewModel implements ViewModel {

    /** Days shown before the first and after the last date, so that open-ended steps are visible. */
    static final int MARGIN_DAYS = 60;

    /**
     * One price's period. {@code from} / {@code until} are the drawn bounds (an open end is the chart's edge);
     * {@code openStart} / {@code openEnd} say the period has no such date.
     */
    public record Step(
            BigDecimal perMTok, LocalDate from, LocalDate until, boolean openStart, boolean openEnd, String tooltip) {}

    /** The steps of one price kind ("Input", "Output"), oldest first. */
    public record Series(String kind, List<Step> steps) {}

    /**
     * What the chart shows.
     *
     * @param series  input then output (a kind without a price is left out)
     * @param start   the chart's first day
     * @param end     the chart's last day
     * @param today   the day marked
     * @param message "No price changes recorded …" when no kind has more than one price; empty when there is a chart
     */
    public record History(List<Series> series, LocalDate start, LocalDate end, LocalDate today, String message) {

        public boolean changes() {
            return message.isEmpty();
        }
    }

    private final Clock clock;
    private final ObjectProperty<ModelEntry> model = new SimpleObjectProperty<>(this, "model");
    private final ObjectProperty<Catalog> catalog = new SimpleObjectProperty<>(this, "catalog");
    private final ReadOnlyObjectWrapper<History> history = new ReadOnlyObjectWrapper<>(this, "history");

    /** @param clock what "today" is */
    public BreakdownHistoryViewModel(Clock clock) {
        this.clock = clock;
        model.addListener(x -> update());
        catalog.addListener(x -> update());
    }

    private void update() {
        ModelEntry m = model.get();
        history.set(m == null ? null : of(m, catalog.get(), LocalDate.now(clock)));
    }

    /** The selected model; null: nothing shown. */
    public ObjectProperty<ModelEntry> modelProperty() {
        return model;
    }

    /** The catalog in force (for the sources' names). */
    public ObjectProperty<Catalog> catalogProperty() {
        return catalog;
    }

    /** The chart's data for the selected model; null when none is selected. */
    public ReadOnlyObjectProperty<History> historyProperty() {
        return history.getReadOnlyProperty();
    }

    static History of(ModelEntry m, Catalog catalog, LocalDate today) {
        List<List<Price>> raw = new ArrayList<>();
        List<String> kinds = new ArrayList<>();
        boolean changes = false;
        for (PriceKind k : List.of(PriceKind.INPUT, PriceKind.OUTPUT)) {
            List<Price> ps = m.schedule().get(k);
            if (ps == null) {
                Price p = m.prices().get(k);
                ps = p == null ? List.of() : List.of(p);
            }
            if (!ps.isEmpty()) {
                raw.add(ps);
                kinds.add(k == PriceKind.INPUT ? "Input" : "Output");
                changes |= ps.size() > 1;
            }
        }
        LocalDate first = today;
        LocalDate last = today;
        for (List<Price> ps : raw) {
            for (Price p : ps) {
                for (LocalDate d : new LocalDate[] {p.validFrom(), p.validUntil()}) {
                    if (d != null) {
                        first = d.isBefore(first) ? d : first;
                        last = d.isAfter(last) ? d : last;
                    }
                }
            }
        }
        LocalDate start = first.minusDays(MARGIN_DAYS);
        LocalDate end = last.plusDays(MARGIN_DAYS);
        List<Series> series = new ArrayList<>();
        for (int i = 0; i < raw.size(); i++) {
            List<Step> steps = new ArrayList<>();
            for (Price p : raw.get(i)) {
                steps.add(new Step(
                        p.perMTok(),
                        p.validFrom() == null ? start : p.validFrom(),
                        p.validUntil() == null ? end : p.validUntil(),
                        p.validFrom() == null,
                        p.validUntil() == null,
                        tooltip(kinds.get(i), p, catalog)));
            }
            series.add(new Series(kinds.get(i), List.copyOf(steps)));
        }
        String message = changes
                ? ""
                : raw.isEmpty()
                        ? "No price changes recorded: no input or output price is listed."
                        : "No price changes recorded: one price per kind ("
                                + String.join(
                                        ", ",
                                        series.stream()
                                                .map(s -> s.kind().toLowerCase(Locale.ROOT) + " "
                                                        + Money.perMTok(
                                                                s.steps().get(0).perMTok()))
                                                .toList())
                                + " per 1M tokens).";
        return new History(List.copyOf(series), start, end, today, message);
    }

    /** "Input $0.75 per 1M tokens · until 2026-12-31 · introductory price · Google (read 2026-09-20)". */
    static String tooltip(String kind, Price p, Catalog catalog) {
        String period = p.validFrom() == null && p.validUntil() == null
                ? "no dates recorded"
                : p.validFrom() == null
                        ? "until " + p.validUntil()
                        : p.validUntil() == null ? "from " + p.validFrom() : p.validFrom() + " to " + p.validUntil();
        StringBuilder b = new StringBuilder(kind + " " + Money.perMTok(p.perMTok()) + " per 1M tokens · " + period);
        if (p.status() != PriceStatus.LISTED) {
            b.append(" · ").append(p.status().name());
        }
        if (!p.note().isEmpty()) {
            b.append(" · ").append(p.note());
        }
        if (!p.source().isEmpty()) {
            b.append("\nSource: ").append(SourceNames.name(catalog, p.source()));
            if (!p.asOf().isEmpty()) {
                b.append(" (read ").append(p.asOf()).append(')');
            }
        }
        return b.toString();
    }
}
