// SPDX-License-Identifier: Apache-2.0
package dev.costbench.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.ComboBoxBase;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Spinner;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextInputControl;
import javafx.stage.Stage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Every view, walked node by node: a button without text has accessible text (a screen reader says what it does),
 * and a text box has a label linked to it (labelFor) or accessible text.
 */
@FxTest
@Tag("ui")
class AccessibleNamesTest {

    @Test
    void everyButtonAndTextBoxInEveryViewHasANameForScreenReaders() throws Exception {
        FxRobot robot = new FxRobot();
        try (AppOnStage app = new AppOnStage()) {
            check(robot, app.start(robot));
        }
    }

    private static void check(FxRobot robot, Stage stage) {
        TabPane tabs = robot.lookup(".tab-pane").queryAs(TabPane.class);
        List<String> missing = new ArrayList<>();
        for (Tab t : List.copyOf(tabs.getTabs())) {
            robot.interact(() -> tabs.getSelectionModel().select(t));
            WaitForAsyncUtils.waitForFxEvents();
            robot.interact(() -> missing.addAll(unnamed(t.getText(), t.getContent())));
        }
        assertEquals(List.of(), missing, stage.getTitle());
    }

    /** The controls under {@code root} a screen reader could not name. */
    static List<String> unnamed(String view, Node root) {
        List<Node> all = new ArrayList<>();
        walk(root, all);
        Set<Node> labelled = new HashSet<>();
        for (Node n : all) {
            if (n instanceof Label l && l.getLabelFor() != null) {
                labelled.add(l.getLabelFor());
            }
        }
        List<String> out = new ArrayList<>();
        for (Node n : all) {
            if (n instanceof ButtonBase b && blank(b.getText()) && blank(b.getAccessibleText())) {
                out.add(view + ": " + describe(n) + " has no text and no accessible text");
            }
            if (n instanceof ButtonBase b && iconOnly(b) && (b.getTooltip() == null || blank(b.getAccessibleText()))) {
                out.add(view + ": " + describe(n) + " '" + b.getText() + "' is an icon without a tooltip and an "
                        + "accessible name");
            }
            if (n instanceof TextInputControl t
                    && blank(t.getAccessibleText())
                    && !labelled.contains(t)
                    && !insideNamedControl(t, labelled)) {
                out.add(view + ": " + describe(n) + " has no label (labelFor) and no accessible text");
            }
        }
        return out;
    }

    /** The text box of a combo box or spinner is named by it. */
    private static boolean insideNamedControl(Node n, Set<Node> labelled) {
        for (Parent p = n.getParent(); p != null; p = p.getParent()) {
            if (p instanceof ComboBoxBase<?> || p instanceof Spinner<?>) {
                return labelled.contains(p) || !blank(p.getAccessibleText());
            }
        }
        return false;
    }

    private static void walk(Node n, List<Node> out) {
        if (n == null || !n.isVisible()) {
            return;
        }
        out.add(n);
        if (n instanceof TabPane tp) {
            tp.getTabs().forEach(t -> walk(t.getContent(), out));
        } else if (n instanceof SplitPane s) {
            s.getItems().forEach(i -> walk(i, out));
        } else if (n instanceof ScrollPane sp) {
            walk(sp.getContent(), out);
        } else if (n instanceof Parent p) {
            p.getChildrenUnmodifiable().forEach(c -> walk(c, out));
        }
    }

    private static String describe(Node n) {
        String id = n.getId() == null ? "" : "#" + n.getId();
        String prompt =
                n instanceof TextInputControl t && !blank(t.getPromptText()) ? " '" + t.getPromptText() + "'" : "";
        String tip = n instanceof Control c && c.getTooltip() != null
                ? " (tooltip: " + c.getTooltip().getText() + ")"
                : "";
        return n.getClass().getSimpleName() + id + prompt + tip;
    }

    /** No letter or digit in its text (✕, ↑, ⟳, or none at all): a screen reader could not say what it does. */
    private static boolean iconOnly(ButtonBase b) {
        return b.getText() == null || b.getText().codePoints().noneMatch(Character::isLetterOrDigit);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
