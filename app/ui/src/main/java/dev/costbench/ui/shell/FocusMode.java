// SPDX-License-Identifier: Apache-2.0
package dev.costbench.ui.shell;

import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.SplitPane;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Region;

/**
 * Focus mode: the prompt editor (the node with id {@value #EDITOR_ID}) takes the whole window below the menu bar;
 * Esc, F11, Ctrl+Shift+F or View ▸ Focus mode again put it back where it was, with the dividers as they were.
 * FX thread only.
 */
final class FocusMode {

    /** The id of the node focus mode enlarges (the Prompt view's editor column). */
    static final String EDITOR_ID = "prompt-editor-area";

    private final BooleanProperty active = new SimpleBooleanProperty(this, "active");
    private final BorderPane root;
    private final Node normal;
    private final Supplier<Node> showEditorTab;
    private final SplitMemory memory;
    private final Region placeholder = new Region();

    private Node editor;
    private SplitPane home;
    private int index;
    private double[] dividers;
    private boolean switching;

    /**
     * @param root          the window's root; its center is replaced while focus mode is on
     * @param showEditorTab selects the tab holding the editor (building it the first time) and gives its content
     */
    FocusMode(BorderPane root, Supplier<Node> showEditorTab, SplitMemory memory) {
        this.root = root;
        this.normal = root.getCenter();
        this.showEditorTab = showEditorTab;
        this.memory = memory;
        active.addListener((o, was, on) -> {
            if (!switching) {
                apply(on);
            }
        });
        root.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (active.get() && e.getCode() == KeyCode.ESCAPE) {
                active.set(false);
                e.consume();
            }
        });
    }

    /** On while the editor takes the window (View ▸ Focus mode is ticked). */
    BooleanProperty activeProperty() {
        return active;
    }

    void toggle() {
        active.set(!active.get());
    }

    private void apply(boolean on) {
        if (on ? !enter() : !leave()) {
            switching = true;
            active.set(!on); // nothing to enlarge: the menu's tick follows
            switching = false;
        }
    }

    private boolean enter() {
        Node content = showEditorTab.get();
        Node n = content == null ? null : content.lookup("#" + EDITOR_ID);
        SplitPane s = n == null ? null : splitHolding(n);
        if (s == null) {
            return false;
        }
        editor = n;
        home = s;
        index = s.getItems().indexOf(n);
        dividers = s.getDividerPositions();
        memory.paused(true);
        s.getItems().set(index, placeholder);
        root.setCenter(n);
        n.requestFocus();
        return true;
    }

    private boolean leave() {
        if (editor == null) {
            return true;
        }
        root.setCenter(normal);
        home.getItems().set(index, editor);
        home.setDividerPositions(dividers);
        memory.paused(false);
        editor.requestFocus();
        editor = null;
        return true;
    }

    /** The split pane that has {@code n} as one of its items (its parent is the pane's skin, not the pane). */
    private static SplitPane splitHolding(Node n) {
        for (Parent p = n.getParent(); p != null; p = p.getParent()) {
            if (p instanceof SplitPane s && s.getItems().contains(n)) {
                return s;
            }
        }
        return null;
    }
}
