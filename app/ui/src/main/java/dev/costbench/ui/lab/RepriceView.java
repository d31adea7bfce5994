// SPDX-License-Identifier: Apache-2.0
package dev.costbench.ui.lab;

import dev.costbench.model.catalog.Catalog;
import dev.costbench.model.cost.Money;
import dev.costbench.model.lab.Experiment;
import dev.costbench.model.lab.run.Repricing;
import dev.costbench.model.lab.stats.StatsFormat;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * "Re-price at today's prices": a past run's trials priced again with the current catalog, then vs now per variant
 * × model and in total. Shows a {@link Repricing}; the stored costs are never changed.
 */
public final class RepriceView extends VBox {

    /** What to show: the run, its re-pricing and the catalog it was priced with. */
    public record Shown(Experiment experiment, Repricing repricing, Catalog catalog) {

        /** The dialog's headline. */
        public String headline() {
            return "#" + experiment.id() + " " + experiment.name() + " at the prices of the current catalog"
                    + (catalog.asOf() == null ? "" : " (as of " + catalog.asOf() + ")");
        }
    }

    public RepriceView(Repricing r) {
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
        table.getItems().setAll(r.rows());
        table.setPrefSize(1060, 240);
        Label total = new Label(totalText(r));
        total.setId("lab-reprice-total");
        total.setWrapText(true);
        total.setMinHeight(Region.USE_PREF_SIZE);
        total.setStyle("-fx-font-size: 13px; -fx-font-weight: bold;");
        Label missing = new Label(missingText(r));
        missing.setId("lab-reprice-missing");
        missing.setWrapText(true);
        Label note = new Label("Each call's stored usage is priced with today's catalog (same batch and residency "
                + "options). The costs stored with the run, at the prices then in force, are not changed. Answers "
                + "reused from the cache are left out: they cost nothing.");
        note.setWrapText(true);
        note.setStyle("-fx-text-fill: #6c757d;");
        getChildren().addAll(table, total, missing, note);
        setPadding(new Insets(8));
        setPrefWidth(1100);
    }

    /** "Total of the calls priced then and now: $0.12 then → $0.10 today (−16.7 %)". */
    static String totalText(Repricing r) {
        return "Total of the calls priced then and now: " + Money.format(r.thenTotalUsd()) + " then → "
                + Money.format(r.nowTotalUsd()) + " today"
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
