// SPDX-License-Identifier: Apache-2.0
package dev.costbench.ui.common;

import dev.costbench.ui.common.DialogService.Review;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.control.ButtonBar.ButtonData;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.control.cell.CheckBoxTableCell;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/** The table behind {@link DialogService#review}: a check box per row, the marked rows tinted. */
final class FxReviewDialog {

    private static final ButtonType ACCEPT_ALL = new ButtonType("Accept all", ButtonData.OTHER);
    private static final ButtonType ACCEPT_SELECTED = new ButtonType("Accept selected", ButtonData.OK_DONE);

    /** One row: its cells and whether it is ticked. */
    private record Line(int index, List<String> cells, BooleanProperty accepted, boolean marked) {}

    private FxReviewDialog() {}

    static Optional<Set<Integer>> show(Window owner, Review review) {
        ObservableList<Line> lines = FXCollections.observableArrayList();
        for (int i = 0; i < review.rows().size(); i++) {
            boolean marked = review.marked().contains(i);
            lines.add(new Line(i, review.rows().get(i), new SimpleBooleanProperty(!marked), marked));
        }
        TableView<Line> table = new TableView<>(lines);
        table.setId("review-table");
        table.setEditable(true);
        TableColumn<Line, Boolean> tick = new TableColumn<>("Accept");
        tick.setCellValueFactory(c -> c.getValue().accepted());
        tick.setCellFactory(CheckBoxTableCell.forTableColumn(tick));
        tick.setEditable(true);
        tick.setPrefWidth(64);
        tick.setMinWidth(64);
        table.getColumns().add(tick);
        for (int c = 0; c < review.columns().size(); c++) {
            int col = c;
            TableColumn<Line, String> column =
                    new TableColumn<>(review.columns().get(c));
            column.setCellValueFactory(x -> cell(x.getValue(), col));
            column.setCellFactory(x -> new TableCell<>() {
                @Override
                protected void updateItem(String item, boolean empty) {
                    super.updateItem(item, empty);
                    setText(empty ? null : item);
                    setTooltip(empty || item == null || item.isEmpty() ? null : new Tooltip(item));
                }
            });
            column.setPrefWidth(width(review, col));
            column.setEditable(false);
            table.getColumns().add(column);
        }
        table.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(Line item, boolean empty) {
                super.updateItem(item, empty);
                setStyle(!empty && item != null && item.marked() ? "-fx-background-color: #fff1c2;" : "");
            }
        });
        table.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        table.setPrefSize(1160, 400);
        Label hint = new Label(
                review.marked().isEmpty()
                        ? review.rows().size() + " changes. Untick the ones you do not want."
                        : review.rows().size() + " changes; the "
                                + review.marked().size()
                                + " marked CONFLICT (tinted) are not ticked: sources disagree, check them before you accept.");
        hint.setWrapText(true);
        VBox box = new VBox(8, hint, table);
        Dialog<Set<Integer>> d = new Dialog<>();
        d.initOwner(owner);
        d.setTitle(review.title());
        d.setHeaderText(review.headline());
        d.setResizable(true);
        d.getDialogPane().setId("review-dialog");
        d.getDialogPane().setContent(box);
        d.getDialogPane().getButtonTypes().addAll(ACCEPT_ALL, ACCEPT_SELECTED, ButtonType.CANCEL);
        d.setResultConverter(b -> {
            if (b == ACCEPT_ALL) {
                Set<Integer> all = new LinkedHashSet<>();
                lines.forEach(l -> all.add(l.index()));
                return all;
            }
            if (b == ACCEPT_SELECTED) {
                Set<Integer> chosen = new LinkedHashSet<>();
                new ArrayList<>(lines).stream().filter(l -> l.accepted().get()).forEach(l -> chosen.add(l.index()));
                return chosen;
            }
            return null;
        });
        return d.showAndWait();
    }

    /** Wide enough for the column's longest cell, within 80 to 260 pixels (the tooltip shows the rest). */
    private static double width(Review review, int col) {
        int chars = review.columns().get(col).length();
        for (List<String> row : review.rows()) {
            chars = Math.max(chars, col < row.size() ? row.get(col).length() : 0);
        }
        return Math.max(80, Math.min(260, chars * 7 + 16));
    }

    private static ObservableValue<String> cell(Line l, int col) {
        return new ReadOnlyStringWrapper(col < l.cells().size() ? l.cells().get(col) : "");
    }
}
