// SPDX-License-Identifier: Apache-2.0
package dev.costbench.ui.common;

import javafx.scene.Node;
import javafx.scene.control.Control;
import javafx.scene.control.TableColumnBase;
import javafx.scene.control.Tooltip;
import javafx.scene.control.skin.TableColumnHeader;
import javafx.scene.input.MouseEvent;
import javafx.util.Duration;

/**
 * Column headers that say what they mean: hovering a table's header shows the column's full title (a narrow column
 * cuts it to "$ / re…") and, where set with {@link #explain}, what its figures are.
 */
public final class HeaderTips {

    private static final String KEY = "costbench.headerTip";

    private HeaderTips() {}

    /** Sets what the header's tooltip adds under the title of {@code column}. */
    public static <C extends TableColumnBase<?, ?>> C explain(C column, String explanation) {
        column.getProperties().put(KEY, explanation);
        return column;
    }

    /** Gives every column header of {@code table} (a TableView or a TreeTableView) its tooltip, made on first hover. */
    public static void install(Control table) {
        table.addEventFilter(MouseEvent.MOUSE_MOVED, e -> {
            Node n = e.getTarget() instanceof Node node ? node : null;
            while (n != null && n != table && !(n instanceof TableColumnHeader)) {
                n = n.getParent();
            }
            if (n instanceof TableColumnHeader h && !h.getProperties().containsKey(KEY)) {
                Tooltip tip = new Tooltip(text(h.getTableColumn()));
                tip.setWrapText(true);
                tip.setMaxWidth(420);
                tip.setShowDelay(Duration.millis(400));
                Tooltip.install(h, tip);
                h.getProperties().put(KEY, tip);
            }
        });
    }

    /** The title, then the explanation if any. */
    public static String text(TableColumnBase<?, ?> column) {
        if (column == null) {
            return "";
        }
        Object more = column.getProperties().get(KEY);
        String title = column.getText() == null ? "" : column.getText();
        return more == null ? title : title + "\n" + more;
    }
}
