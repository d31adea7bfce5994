// SPDX-License-Identifier: Apache-2.0
package dev.costbench.ui.prompt;

import dev.costbench.model.catalog.ModelEntry;
import dev.costbench.model.cost.BillingOptions;
import dev.costbench.model.cost.Money;
import dev.costbench.model.provider.Part;
import dev.costbench.model.tuning.CachePlan;
import dev.costbench.model.tuning.CachePlanner;
import dev.costbench.model.tuning.CacheSettings;
import dev.costbench.model.tuning.CacheTtl;
import dev.costbench.model.tuning.CacheWarning;
import dev.costbench.model.tuning.PromptCachePlan;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/**
 * The cache breakpoints marked in the editors, planned per provider with {@link CachePlanner}: whether the prefix
 * reaches the model's minimum cacheable length, the write premium and read discount, the break-even, the month
 * with and without caching at a request rate, and warnings about per-request content before a breakpoint.
 */
public final class CachePane extends ScrollPane {

    /** One model per provider is planned besides the selected one (the first found in the catalog). */
    static final List<List<String>> PROVIDER_MODELS = List.of(List.of("gpt-5", "gpt-4.1", "gpt-4o"),
            List.of("claude-sonnet-4-5", "claude-haiku-4-5"), List.of("gemini-2.5-flash", "gemini-2.5-pro"));

    private final PromptViewModel vm;
    private final CacheMarks marks;
    private final Supplier<ModelEntry> selected;
    private final TextField rate = new TextField("2");
    private final ChoiceBox<CacheTtl> ttl = new ChoiceBox<>();
    private final CheckBox geminiExplicit = new CheckBox("Gemini: explicit cache (cachedContents)");
    private final TextField storage = new TextField();
    private final Label points = new Label();
    private final GridPane grid = new GridPane();
    private final VBox warnings = new VBox(3);
    private final Label error = new Label();

    public CachePane(PromptViewModel vm, CacheMarks marks, Supplier<ModelEntry> selected) {
        this.vm = vm;
        this.marks = marks;
        this.selected = selected;
        setId("cache-pane");
        setFitToWidth(true);
        rate.setId("cache-rate");
        rate.setPrefColumnCount(6);
        rate.setTooltip(new Tooltip("Requests per minute sharing this prefix. Random (Poisson) arrivals at this rate "
                + "give the hit rate within the TTL; the month is 730 hours at this rate."));
        ttl.getItems().setAll(CacheTtl.values());
        ttl.setValue(CacheTtl.FIVE_MINUTES);
        ttl.setId("cache-ttl");
        ttl.setConverter(new javafx.util.StringConverter<>() {
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
        ttl.valueProperty().addListener((o, a, b) -> {
            marks.ttlProperty().set(b == CacheTtl.ONE_HOUR ? Part.CacheTtl.ONE_HOUR : Part.CacheTtl.FIVE_MINUTES);
            refresh();
        });
        storage.setPromptText("not modelled");
        storage.setPrefColumnCount(7);
        storage.setId("cache-storage");
        storage.setTooltip(new Tooltip("Gemini explicit cache storage in USD per 1M tokens per hour. The catalog "
                + "only has it in notes ($1.00 Flash, $4.50 Pro — UNCONFIRMED), so it is left out unless given here."));
        geminiExplicit.setId("cache-gemini-explicit");
        for (javafx.beans.Observable ob : new javafx.beans.Observable[] {rate.textProperty(),
            storage.textProperty(), geminiExplicit.selectedProperty()}) {
            ob.addListener(x -> refresh());
        }
        Button clear = new Button("Remove all breakpoints");
        clear.setOnAction(e -> marks.marks().clear());
        HBox r1 = new HBox(6, new Label("Requests / min"), rate, new Label("TTL"), ttl);
        HBox r2 = new HBox(6, geminiExplicit, new Label("storage $/1M/h"), storage);
        r1.setAlignment(Pos.CENTER_LEFT);
        r2.setAlignment(Pos.CENTER_LEFT);
        javafx.scene.layout.FlowPane controls = new javafx.scene.layout.FlowPane(12, 6, r1, r2, clear);
        points.setId("cache-points");
        points.setWrapText(true);
        grid.setId("cache-grid");
        grid.setHgap(12);
        grid.setVgap(8);
        warnings.setId("cache-warnings");
        error.setStyle("-fx-text-fill: #c0392b;");
        Label how = new Label("Mark a breakpoint in any editor: right-click ▸ Cache up to here, or Ctrl+B at the "
                + "caret. The shaded text is the cached prefix.");
        how.getStyleClass().add("text-muted");
        how.setWrapText(true);
        VBox box = new VBox(8, controls, how, points, grid, warnings, error);
        box.setPadding(new Insets(8, 10, 8, 10));
        setContent(box);
        marks.marks().addListener((javafx.collections.ListChangeListener<CacheMarks.Mark>) c -> {
            if (TunePane.shown(this)) {
                refresh();
            }
        });
    }

    /** The models planned: the selected one, then one per provider. */
    List<ModelEntry> models() {
        Map<String, ModelEntry> out = new LinkedHashMap<>();
        ModelEntry sel = selected.get();
        if (sel != null) {
            out.put(sel.id(), sel);
        }
        var catalog = vm.catalogProperty().get();
        if (catalog != null) {
            for (List<String> ids : PROVIDER_MODELS) {
                ids.stream().map(catalog::find).flatMap(java.util.Optional::stream)
                        .filter(m -> sel == null || !m.provider().equals(sel.provider())).findFirst()
                        .ifPresent(m -> out.putIfAbsent(m.id(), m));
            }
        }
        return new ArrayList<>(out.values());
    }

    /** Replans for the current prompt, breakpoints and settings. */
    public void refresh() {
        grid.getChildren().clear();
        warnings.getChildren().clear();
        error.setText("");
        CacheMarks.Placed placed = marks.place(PromptSnapshot.of(vm));
        if (placed.offsets().isEmpty()) {
            points.setText("No cache breakpoint marked. Without one, Anthropic caches nothing; OpenAI and Gemini "
                    + "still cache a long enough common prefix automatically.");
        } else {
            points.setText(placed.offsets().size() + " breakpoint(s): " + String.join("; ", placed.labels()) + ".");
        }
        double perMin;
        BigDecimal store = null;
        try {
            perMin = Double.parseDouble(rate.getText().trim().replace(',', '.'));
            if (perMin < 0 || Double.isNaN(perMin)) {
                throw new NumberFormatException();
            }
            if (!storage.getText().isBlank()) {
                store = new BigDecimal(storage.getText().trim());
            }
        } catch (NumberFormatException e) {
            error.setText("Requests per minute and the storage price must be numbers ≥ 0, e.g. 2 or 0.5.");
            return;
        }
        CacheSettings base = CacheSettings.atRate(perMin, ttl.getValue());
        CacheSettings s = new CacheSettings(base.monthlyRequests(), base.hitRate(), ttl.getValue(),
                vm.outputTokensProperty().get(), new BillingOptions(vm.batchProperty().get(),
                vm.residencyProperty().get()), geminiExplicit.isSelected(), store);
        int row = 0;
        List<CacheWarning> warn = List.of();
        for (ModelEntry m : models()) {
            PromptCachePlan pp = CachePlanner.plan(m, placed.prompt(), placed.offsets(), s);
            warn = pp.warnings();
            CachePlan p = pp.plan();
            String min = p.minCacheTokens() == null ? "no minimum listed" : (p.cacheable() ? "≥ " : "< ") + "minimum "
                    + fmt(p.minCacheTokens());
            String storageNote = "";
            if (p.mode() == dev.costbench.model.tuning.CacheMode.EXPLICIT_STORED) {
                storageNote = store == null ? " · storage per hour not modelled" : " · storage modelled at $"
                        + store.toPlainString() + "/1M/h";
            }
            Label name = DiffPane.title(m.id() + " — " + p.mode().label() + storageNote);
            Label figures = new Label((p.cacheable() ? "✓ " : "✗ ") + "prefix " + fmt(p.prefixTokens()) + " tokens "
                    + min + " · write " + (p.writePremium() == null ? "—" : "×" + p.writePremium().toPlainString())
                    + " · read " + (p.readDiscount() == null ? "—" : String.format(Locale.ROOT, "−%.0f %%",
                    p.readDiscount().doubleValue() * 100)));
            figures.setWrapText(true);
            Label be = new Label(p.breakEven());
            be.setId("cache-breakeven-" + m.id());
            be.getStyleClass().add("cache-breakeven");
            be.setStyle("-fx-font-weight: bold;");
            String month = p.monthlyWithout() == null ? "unpriced" : "a month " + Money.format(p.monthlyWithout())
                    + " → " + Money.format(p.monthlyWith()) + (p.monthlySaving().signum() >= 0 ? " (saves " : " (costs ")
                    + Money.format(p.monthlySaving().abs()) + ")";
            Label mo = new Label(month);
            List<String> notes = new ArrayList<>(p.notes());
            notes.add(0, String.format(Locale.ROOT, "%,d requests a month at %s/min; hit rate %.0f %% within %s. "
                    + "Write = cache-write price ÷ input price (1 = no write fee); read = how much less a cache "
                    + "read costs than uncached input.", s.monthlyRequests(), rate.getText().trim(),
                    s.hitRate() * 100, s.ttl().label()));
            if (p.mode() == dev.costbench.model.tuning.CacheMode.EXPLICIT_STORED) {
                notes.add(store == null ? "Storage per hour: not modelled (no price given)."
                        : "Storage per hour: modelled at $" + store.toPlainString() + " per 1M tokens per hour.");
            }
            Tooltip tip = new Tooltip(String.join("\n", notes));
            tip.setWrapText(true);
            tip.setMaxWidth(520);
            for (Label l : List.of(name, figures, be, mo)) {
                l.setTooltip(tip);
            }
            HBox line2 = new HBox(12, be, mo);
            VBox block = new VBox(1, name, figures, line2);
            grid.add(block, 0, row++);
        }
        for (CacheWarning w : warn) {
            Label l = new Label("⚠ " + w.message());
            l.setWrapText(true);
            l.getStyleClass().add("warning-text");
            warnings.getChildren().add(l);
        }
    }

    /** The break-even text shown for {@code modelId} (tests). */
    public String breakEven(String modelId) {
        javafx.scene.Node n = grid.lookup("#cache-breakeven-" + modelId);
        return n == null ? null : ((Label) n).getText();
    }

    public int warningCount() {
        return warnings.getChildren().size();
    }

    private static String fmt(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }
}
