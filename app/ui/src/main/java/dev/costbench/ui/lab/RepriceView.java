// SPDX-License-Identifier: Apache-2.0
package dev.costbench.ui.lab;

import dev.costbench.model.catalog.Catalog;
import dev.costbench.model.cost.Money;
import dev.costbench.model.lab.Experiment;
import dev.costbench.model.lab.run.Repricing;
import dev.costbench.model.lab.stats.StatsFormat;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * "Re-price": a past run's trials priced again with the current catalog at the prices in force on a chosen day
 * (today at first), then vs now per variant × model and in total. Shows a {@link RepriceViewModel}; the stored
 * costs are never changed.
 */
public final class RepriceView extends VBox {

    /**
     * What to show: the run, its re-pricing and the catalog it was priced with; {@code atDate} re-prices the run at
     * another date (in the background).
     */
    public record Shown(
            Experiment experiment, Repricing repricing, Catalog catalog, Function<LocalDate, Repricing> atDate) {

        /** The dialog's headline. */
        public String headline() {
            return "#" + experiment.id() + " " + experiment.name() + " at the prices of the current catalog"
                    + (catalog.asOf() == null ? "" : " (as of " + catalog.asOf() + ")");
        }
    }

    public RepriceView(RepriceViewModel vm) {
        super(8);
        TableView<Repricing.Row> table = new TableView<>();
        table.setId("lab-reprice-table");
        table.getColumns().add(col("Variant", 150, Repricing.Row::variant));
        table.getColumns().add(col("Model", 170, Repricing.Row::model));
        table.getColumns().add(col("Calls", 60, x -> Integer.toString(x.trials())));
        table.getColumns().add(col("Then (stored)", 120, x -> Money.format(x.storedUsd())));
        table.getColumns().add(col("Now", 140, x -> x.inCatalog() ? Money.format(x.nowUsd()) : "not in the catalog"));
        table.getColumns()
                .add(col(
                        "$ / call then → now",
                        240,
                        x -> x.thenMeanUsd() == null
                                ? "—"
                                : Money.format(x.thenMeanUsd()) + " → "
                                        + (x.nowMeanUsd() == null ? "—" : Money.format(x.nowMeanUsd()))));
        table.getColumns()
                .add(col(
                        "Change",
                        80,
                        x -> x.changePercent() == null ? "—" : StatsFormat.signedPercent(x.changePercent())));
        table.getColumns().add(col("Unpriced then / now", 150, x -> x.unpricedThen() + " / " + x.unpricedNow()));
        table.setPrefSize(1060, 240);
        DatePicker at = new DatePicker();
        at.setId("lab-reprice-at");
        at.valueProperty().bindBidirectional(vm.atProperty());
        at.setTooltip(new Tooltip("The day whose catalog prices the \"now\" figures use: a promotion that ends or a "
                + "price change that starts on a later day shows here."));
        Label error = new Label();
        error.setId("lab-reprice-error");
        error.setStyle("-fx-text-fill: #b02a37;");
        error.textProperty().bind(vm.errorProperty());
        HBox date = new HBox(8, new Label("Prices as of"), at, error);
        date.setAlignment(Pos.CENTER_LEFT);
        Label total = new Label();
        total.setId("lab-reprice-total");
        total.setWrapText(true);
        total.setMinHeight(Region.USE_PREF_SIZE);
        total.setStyle("-fx-font-size: 13px; -fx-font-weight: bold;");
        Label missing = new Label();
        missing.setId("lab-reprice-missing");
        missing.setWrapText(true);
        Label note = new Label("Each call's stored usage is priced with the catalog's prices on the day chosen (same "
                + "batch and residency options, at the service tier the provider served). The costs stored with the "
                + "run, at the prices then in force, are not changed. Answers reused from the cache are left out: they "
                + "cost nothing.");
        note.setWrapText(true);
        note.setStyle("-fx-text-fill: #6c757d;");
        Runnable show = () -> {
            Repricing r = vm.repricingProperty().get();
            table.getItems().setAll(r.rows());
            total.setText(totalText(r));
            missing.setText(missingText(r));
        };
        show.run();
        vm.repricingProperty().addListener((o, was, r) -> show.run());
        getChildren().addAll(date, table, total, missing, note);
        setPadding(new Insets(8));
        setPrefWidth(1100);
    }

    /**
     * "Total of the calls priced then and now: $0.12 then → $0.10 today (−16.7 %)", or "… → $0.14 at the prices of
     * 2027-01-01 (+16.7 %)".
     */
    static String totalText(Repricing r) {
        boolean today = r.pricedAt().equals(LocalDate.now(ZoneOffset.UTC));
        return "Total of the calls priced then and now: " + Money.format(r.thenTotalUsd()) + " then → "
                + Money.format(r.nowTotalUsd()) + (today ? " today" : " at the prices of " + r.pricedAt())
                + (r.totalChangePercent() == null
                        ? ""
                        : " (" + StatsFormat.signedPercent(r.totalChangePercent()) + ")");
    }

    /** The models no longer in the catalog, or that every one is. */
    static String missingText(Repricing r) {
        return r.missingModels().isEmpty()
                ? "Every model of this run is in the catalog."
                : "No longer in the catalog, so not re-priced and left out of the total: "
                        + String.join(", ", r.missingModels()) + ".";
    }

    private static TableColumn<Repricing.Row, String> col(String name, double w, Function<Repricing.Row, String> f) {
        TableColumn<Repricing.Row, String> c = new TableColumn<>(name);
        c.setPrefWidth(w);
        c.setCellValueFactory(p -> new ReadOnlyObjectWrapper<>(f.apply(p.getValue())));
        return c;
    }
}
