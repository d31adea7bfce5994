// SPDX-License-Identifier: Apache-2.0
package dev.costbench.ui.prompt;

import dev.costbench.model.cost.Money;
import dev.costbench.model.tuning.CacheMode;
import dev.costbench.model.tuning.CachePlan;
import dev.costbench.model.tuning.CacheSettings;
import dev.costbench.model.tuning.CacheTtl;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.beans.Observable;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/**
 * The Tune tab's "Cache": the cache breakpoints marked in the editors, planned per provider — whether the prefix
 * reaches the model's minimum cacheable length, the write premium and read discount, the break-even, the month
 * with and without caching at a request rate, and warnings about per-request content before a breakpoint. State
 * and planning: {@link CacheViewModel}.
 */
public final class CachePane extends ScrollPane {

    private final CacheViewModel vm;
    private final GridPane grid = new GridPane();
    private final VBox warnings = new VBox(3);

    public CachePane(CacheViewModel vm) {
        this.vm = vm;
        setId("cache-pane");
        setFitToWidth(true);
        TextField rate = new TextField();
        rate.setId("cache-rate");
        rate.setAccessibleText("Requests per minute sharing this prefix");
        rate.setPrefColumnCount(6);
        rate.setTooltip(new Tooltip("Requests per minute sharing this prefix. Random (Poisson) arrivals at this rate "
                + "give the hit rate within the TTL; the month is 730 hours at this rate."));
        rate.textProperty().bindBidirectional(vm.rateProperty());
        ChoiceBox<CacheTtl> ttl = new ChoiceBox<>();
        ttl.getItems().setAll(CacheTtl.values());
        ttl.setId("cache-ttl");
        ttl.setConverter(new StringConverter<>() {
            @Override
            public String toString(CacheTtl t) {
                return t == null ? "" : t.label();
            }

            @Override
            public CacheTtl fromString(String s) {
                return null;
            }
        });
        ttl.setTooltip(new Tooltip("Anthropic: 5-minute writes cost 1.25× input, 1-hour writes 2×. Also sent with "
                + "the breakpoints (cache_control ttl) by Send to the API."));
        ttl.valueProperty().bindBidirectional(vm.ttlProperty());
        TextField storage = new TextField();
        storage.setPromptText("catalog");
        storage.setPrefColumnCount(7);
        storage.setId("cache-storage");
        storage.setAccessibleText("Gemini cache storage price, USD per million tokens per hour");
        storage.setTooltip(new Tooltip("Gemini explicit cache storage in USD per 1M tokens per hour. Empty: the "
                + "catalog's price (e.g. $4.50 for Gemini 2.5 Pro, $1.00 for 2.5 Flash); type a price to use yours."));
        storage.textProperty().bindBidirectional(vm.storageProperty());
        CheckBox geminiExplicit = new CheckBox("Gemini: explicit cache (cachedContents)");
        geminiExplicit.setId("cache-gemini-explicit");
        geminiExplicit.selectedProperty().bindBidirectional(vm.geminiExplicitProperty());
        Button clear = new Button("Remove all breakpoints");
        clear.setOnAction(e -> vm.marks().marks().clear());
        HBox r1 = new HBox(6, new Label("Requests / min"), rate, new Label("TTL"), ttl);
        HBox r2 = new HBox(6, geminiExplicit, new Label("storage $/1M/h"), storage);
        r1.setAlignment(Pos.CENTER_LEFT);
        r2.setAlignment(Pos.CENTER_LEFT);
        FlowPane controls = new FlowPane(12, 6, r1, r2, clear);
        Label points = new Label();
        points.setId("cache-points");
        points.setWrapText(true);
        points.textProperty().bind(vm.pointsProperty());
        grid.setId("cache-grid");
        grid.setHgap(12);
        grid.setVgap(8);
        warnings.setId("cache-warnings");
        Label error = new Label();
        error.setStyle("-fx-text-fill: #c0392b;");
        error.textProperty().bind(vm.errorProperty());
        Label how = new Label("Mark a breakpoint in any editor: right-click ▸ Cache up to here, or Ctrl+B at the "
                + "caret. The shaded text is the cached prefix.");
        how.getStyleClass().add("text-muted");
        how.setWrapText(true);
        VBox box = new VBox(8, controls, how, points, grid, warnings, error);
        box.setPadding(new Insets(8, 10, 8, 10));
        setContent(box);
        for (Observable ob : new Observable[] {
            vm.rateProperty(),
            vm.storageProperty(),
            vm.geminiExplicitProperty(),
            vm.ttlProperty(),
            vm.marks().marks()
        }) {
            ob.addListener(x -> {
                if (TunePane.shown(this)) {
                    vm.refresh();
                }
            });
        }
        vm.plans().addListener((ListChangeListener<CacheViewModel.Plan>) c -> showPlans());
        vm.warnings().addListener((ListChangeListener<String>) c -> showWarnings());
    }

    /** Replans for the current prompt, breakpoints and settings. */
    public void refresh() {
        vm.refresh();
    }

    private void showWarnings() {
        warnings.getChildren().clear();
        for (String w : vm.warnings()) {
            Label l = new Label("⚠ " + w);
            l.setWrapText(true);
            l.getStyleClass().add("warning-text");
            warnings.getChildren().add(l);
        }
    }

    private void showPlans() {
        grid.getChildren().clear();
        CacheSettings s = vm.settingsProperty().get();
        BigDecimal store = vm.storagePrice();
        int row = 0;
        for (CacheViewModel.Plan plan : vm.plans()) {
            var m = plan.model();
            CachePlan p = plan.plan().plan();
            String min = p.minCacheTokens() == null
                    ? "no minimum listed"
                    : (p.cacheable() ? "≥ " : "< ") + "minimum " + fmt(p.minCacheTokens());
            String storageNote = "";
            if (p.mode() == CacheMode.EXPLICIT_STORED) {
                storageNote = CacheText.storageNote(store, plan.storage());
            }
            Label name = DiffPane.title(m.name() + " — " + p.mode().label() + storageNote);
            name.setTooltip(new Tooltip(m.id() + " · " + m.providerName()));
            Label figures = new Label((p.cacheable() ? "✓ " : "✗ ") + "prefix " + fmt(p.prefixTokens()) + " tokens "
                    + min + " · write "
                    + (p.writePremium() == null ? "—" : "×" + p.writePremium().toPlainString())
                    + " · read "
                    + (p.readDiscount() == null
                            ? "—"
                            : String.format(
                                    Locale.ROOT, "−%.0f %%", p.readDiscount().doubleValue() * 100)));
            figures.setWrapText(true);
            Label be = new Label(
                    "unpriced".equals(p.breakEven())
                            ? "unpriced: the catalog lacks the input, cache-read or cache-write price this needs"
                            : p.breakEven());
            be.setId("cache-breakeven-" + m.id());
            be.getStyleClass().add("cache-breakeven");
            be.setStyle("-fx-font-weight: bold;");
            String month = p.monthlyWithout() == null
                    ? "unpriced".equals(p.breakEven()) ? "" : "unpriced"
                    : "a month " + Money.format(p.monthlyWithout())
                            + " → " + Money.format(p.monthlyWith())
                            + (p.monthlySaving().signum() >= 0 ? " (saves " : " (costs ")
                            + Money.format(p.monthlySaving().abs()) + ")";
            Label mo = new Label(month);
            List<String> notes = new ArrayList<>(p.notes());
            notes.add(
                    0,
                    String.format(
                            Locale.ROOT,
                            "%,d requests a month at %s/min; hit rate %.0f %% within %s. "
                                    + "Write = cache-write price ÷ input price (1 = no write fee); read = how much less a cache "
                                    + "read costs than uncached input.",
                            s.monthlyRequests(),
                            vm.rateProperty().get().trim(),
                            s.hitRate() * 100,
                            s.ttl().label()));
            if (plan.storage() != null) {
                notes.add(CacheText.storageHow(plan.storage()));
            }
            Tooltip tip = new Tooltip(String.join("\n", notes));
            tip.setWrapText(true);
            tip.setMaxWidth(520);
            for (Label l : List.of(name, figures, be, mo)) {
                l.setTooltip(tip);
            }
            VBox cell = new VBox(1, name, figures, new HBox(12, be, mo));
            if (plan.storage() != null) {
                Label st = new Label(CacheText.storageFigures(plan.storage()));
                st.setId("cache-storage-" + m.id());
                st.setWrapText(true);
                st.setTooltip(tip);
                cell.getChildren().add(st);
            }
            grid.add(cell, 0, row++);
        }
    }

    private static String fmt(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }
}
