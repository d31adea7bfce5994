// SPDX-License-Identifier: Apache-2.0
package dev.costbench.ui.common;

import javafx.scene.Node;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.layout.Region;
import javafx.stage.Window;

/**
 * A non-modal window with a feature's own content and a Close button (a table of numbers to read, say), for views:
 * the {@link DialogService} covers messages, questions and choosers; this covers "show this node in a dialog".
 */
public final class ContentDialog {

    private ContentDialog() {}

    /**
     * Shows {@code content} under {@code headline} and returns the dialog (already showing).
     *
     * @param id the dialog pane's node id (tests and style sheets find it by it)
     */
    public static Dialog<Void> show(Window owner, String title, String headline, Node content, String id) {
        Dialog<Void> d = new Dialog<>();
        if (owner != null) {
            d.initOwner(owner);
        }
        d.setTitle(title);
        d.setHeaderText(headline);
        d.getDialogPane().setContent(content);
        d.getDialogPane().getButtonTypes().add(ButtonType.CLOSE);
        d.getDialogPane().setId(id);
        d.getDialogPane().setMinWidth(Region.USE_PREF_SIZE);
        d.setResizable(true);
        d.show();
        return d;
    }
}
