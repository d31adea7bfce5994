// SPDX-License-Identifier: Apache-2.0
package dev.costbench.ui.workload;

import java.util.List;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;

/**
 * A results table with one column per configuration (as typed, each lever, each plan) and one row per figure, so that
 * a few wide columns of money fit the window. The view model fills {@link #columns()} and {@link #rows()}.
 */
public final class WorkloadTable {

    /** One figure: its name and its value in each column, already formatted. */
    public record Row(String figure, List<String> values) {

        public Row {
            values = List.copyOf(values);
        }
    }

    /** Width of the figure names' column. */
    private static final double FIRST = 240;

    private final ObservableList<String> columns = FXCollections.observableArrayList();
    private final ObservableList<Row> rows = FXCollections.observableArrayList();

    /** The configurations' names, in column order. */
    public ObservableList<String> columns() {
        return columns;
    }

    public ObservableList<Row> rows() {
        return rows;
    }

    /** Replaces both columns and rows. */
    public void show(List<String> columnNames, List<Row> figures) {
        columns.setAll(columnNames);
        rows.setAll(figures);
    }

    /** Empties the table (an input was refused). */
    public void clear() {
        columns.clear();
        rows.clear();
    }

    /** The value of {@code figure} in column {@code column}, or null. */
    public String value(String figure, String column) {
        int c = columns.indexOf(column);
        return rows.stream()
                .filter(r -> r.figure().equals(figure))
                .map(r -> c < 0 || c >= r.values().size() ? null : r.values().get(c))
                .findFirst()
                .orElse(null);
    }

    /** A table view of {@code table}, its columns following the configurations. */
    public static TableView<Row> view(String id, WorkloadTable table) {
        TableView<Row> t = new TableView<>(table.rows());
        t.setId(id);
        Runnable build = () -> {
            t.getColumns().clear();
            TableColumn<Row, String> first = new TableColumn<>("");
            first.setCellValueFactory(
                    d -> new ReadOnlyObjectWrapper<>(d.getValue().figure()));
            first.setSortable(false);
            first.setPrefWidth(FIRST);
            t.getColumns().add(first);
            int n = Math.max(1, table.columns().size());
            for (int i = 0; i < table.columns().size(); i++) {
                int index = i;
                TableColumn<Row, String> c = new TableColumn<>(table.columns().get(i));
                c.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(
                        index < d.getValue().values().size()
                                ? d.getValue().values().get(index)
                                : ""));
                c.setSortable(false);
                // the configurations share what the figure names leave, whatever their number
                c.prefWidthProperty()
                        .bind(t.widthProperty().subtract(FIRST + 20).divide(n));
                t.getColumns().add(c);
            }
        };
        table.columns().addListener((ListChangeListener<String>) c -> build.run());
        build.run();
        return t;
    }
}
