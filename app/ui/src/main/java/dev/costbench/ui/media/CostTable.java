// SPDX-License-Identifier: Apache-2.0
package dev.costbench.ui.media;

import dev.costbench.model.cost.Money;
import dev.costbench.ui.common.HeaderTips;
import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;

/** The cost table: tokens and cost of the original and the optimized version on every model, cheapest first. */
final class CostTable extends TableView<MediaCostRow> {

    CostTable() {
        HeaderTips.install(this); // full column titles on hover (narrow columns cut them)
        setId("media-table");
        setPlaceholder(new Label(
                "Open an image, audio or video file to see its tokens and cost on every model " + "that takes it."));
        setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        TableColumn<MediaCostRow, Long> ot = col("Tokens", 90, MediaCostRow::originalTokens);
        ot.setCellFactory(c -> tokenCell());
        TableColumn<MediaCostRow, BigDecimal> ou = moneyCol("Original $", MediaCostRow::originalUsd);
        TableColumn<MediaCostRow, Long> pt = col("Optimized tokens", 120, MediaCostRow::optimizedTokens);
        pt.setId("col-optimized-tokens");
        pt.setCellFactory(c -> tokenCell());
        TableColumn<MediaCostRow, BigDecimal> pu = moneyCol("Optimized $", MediaCostRow::optimizedUsd);
        TableColumn<MediaCostRow, Double> save = col("Saving", 80, MediaCostRow::savingPercent);
        save.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(Double v, boolean empty) {
                super.updateItem(v, empty);
                setText(empty || v == null ? null : String.format(Locale.ROOT, "%.0f %%", v));
            }
        });
        TableColumn<MediaCostRow, String> how = col(
                "How the optimized count is computed",
                420,
                r -> r.method() + (r.unconfirmed() ? "  [UNCONFIRMED / CONFLICT]" : ""));
        getColumns()
                .addAll(List.of(
                        col("Model", 210, MediaCostRow::name),
                        col("Provider", 90, MediaCostRow::provider),
                        ot,
                        ou,
                        pt,
                        pu,
                        save,
                        how));
        ou.setSortType(TableColumn.SortType.ASCENDING);
    }

    /** Token cells: "per minute" for transcription rows (-1), which are not billed in tokens. */
    private static TableCell<MediaCostRow, Long> tokenCell() {
        return new TableCell<>() {
            @Override
            protected void updateItem(Long v, boolean empty) {
                super.updateItem(v, empty);
                setText(empty || v == null ? null : v < 0 ? "per minute" : String.format(Locale.ROOT, "%,d", v));
            }
        };
    }

    private static <T> TableColumn<MediaCostRow, T> col(String title, double w, Function<MediaCostRow, T> f) {
        TableColumn<MediaCostRow, T> c = new TableColumn<>(title);
        c.setPrefWidth(w);
        c.setCellValueFactory(p -> new ReadOnlyObjectWrapper<>(f.apply(p.getValue())));
        return c;
    }

    private static TableColumn<MediaCostRow, BigDecimal> moneyCol(String title, Function<MediaCostRow, BigDecimal> f) {
        TableColumn<MediaCostRow, BigDecimal> c = col(title, 110, f);
        c.setComparator(Comparator.nullsLast(Comparator.naturalOrder()));
        c.setCellFactory(x -> new TableCell<>() {
            @Override
            protected void updateItem(BigDecimal v, boolean empty) {
                super.updateItem(v, empty);
                setText(empty ? null : Money.format(v));
            }
        });
        return c;
    }
}
