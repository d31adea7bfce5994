// SPDX-License-Identifier: Apache-2.0
package dev.costbench.ui.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.costbench.model.catalog.Catalog;
import dev.costbench.model.catalog.CatalogBuilder;
import dev.costbench.ui.FxTest;
import dev.costbench.ui.common.DirectTaskExecutor;
import dev.costbench.ui.common.RecordingDialogService;
import dev.costbench.ui.common.UiContext;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.prefs.Preferences;
import javafx.collections.FXCollections;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The window remembers its split panes' dividers across a restart (the window built twice on one test preferences
 * node, never the user's) and focus mode gives the editor the window and puts it back.
 */
@FxTest
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class MainWindowLayoutTest {

    private final Preferences prefs = Preferences.userRoot().node("dev/costbench/test/window-" + UUID.randomUUID());

    @AfterEach
    void dropPrefs() throws Exception {
        prefs.removeNode();
    }

    /** A window with a Prompt tab (an editor beside a table) and an Other tab (two panes one above the other). */
    private record Built(MainWindow window, SplitPane prompt, Node editor, AtomicReference<SplitPane> other) {}

    private Built build(FxRobot robot) {
        AtomicReference<Built> out = new AtomicReference<>();
        robot.interact(() -> {
            ScrollPane editor = new ScrollPane(new Label("Be brief."));
            editor.setId("prompt-editor-area");
            editor.setFitToWidth(true);
            SplitPane prompt = new SplitPane(editor, new StackPane(new Label("table")));
            prompt.setId("prompt-split");
            AtomicReference<SplitPane> other = new AtomicReference<>();
            List<Feature> features =
                    List.of(Feature.of("Prompt", null, () -> new BorderPane(prompt)), Feature.of("Other", null, () -> {
                        SplitPane s =
                                new SplitPane(new StackPane(new Label("top")), new StackPane(new Label("bottom")));
                        s.setOrientation(Orientation.VERTICAL);
                        other.set(s);
                        return s;
                    }));
            Stage stage = new Stage();
            MainWindow w = new MainWindow(stage, workbench(), features, actions(), stage::close, prefs);
            w.show();
            out.set(new Built(w, prompt, editor, other));
        });
        return out.get();
    }

    @Test
    void dividersComeBackAfterARestartKeptInsideThePane(FxRobot robot) {
        Built first = build(robot);
        robot.interact(() -> {
            first.prompt().setDividerPositions(0.45);
            first.window().select("Other");
            first.other().get().setDividerPositions(0.999);
        });
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> first.window().stage().close());

        Built again = build(robot);
        assertEquals(0.45, again.prompt().getDividerPositions()[0], 0.01);
        robot.interact(() -> again.window().select("Other"));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(0.95, again.other().get().getDividerPositions()[0], 0.01, "no side disappears");
        robot.interact(() -> again.window().stage().close());
    }

    @Test
    void focusModeGivesTheEditorTheWindowAndEscPutsItBack(FxRobot robot) {
        Built b = build(robot);
        robot.interact(() -> b.prompt().setDividerPositions(0.3));
        BorderPane root = (BorderPane) b.window().stage().getScene().getRoot();
        Node tabs = root.getCenter();

        robot.interact(() -> b.window().focusModeProperty().set(true));
        assertSame(b.editor(), root.getCenter());
        assertFalse(b.prompt().getItems().contains(b.editor()));
        robot.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(b.window().focusModeProperty().get());
        assertSame(tabs, root.getCenter());
        assertSame(b.editor(), b.prompt().getItems().get(0));
        assertEquals(0.3, b.prompt().getDividerPositions()[0], 0.01, "the dividers are as they were");

        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.F).release(KeyCode.F, KeyCode.SHIFT, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(b.window().focusModeProperty().get(), "Ctrl+Shift+F turns it on");
        assertSame(b.editor(), root.getCenter());
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.F).release(KeyCode.F, KeyCode.SHIFT, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(b.window().focusModeProperty().get(), "and off again");
        assertSame(tabs, root.getCenter());
        assertEquals(0.3, b.prompt().getDividerPositions()[0], 0.01);
        robot.interact(() -> b.window().stage().close());
    }

    private static WorkbenchViewModel workbench() {
        WorkbenchViewModel.CatalogSource source = new WorkbenchViewModel.CatalogSource() {
            @Override
            public Catalog load() {
                return CatalogBuilder.builtIn();
            }

            @Override
            public Path userCatalog() {
                return Path.of("no-user-catalog.json");
            }

            @Override
            public Catalog builtIn() {
                return CatalogBuilder.builtIn();
            }
        };
        return new WorkbenchViewModel(
                new UiContext(new DirectTaskExecutor(), new RecordingDialogService()),
                source,
                source.load(),
                () -> "About",
                () -> "Licences");
    }

    private static MenuActions actions() {
        Runnable none = () -> {};
        return new MenuActions(
                none,
                none,
                none,
                none,
                none,
                none,
                none,
                none,
                none,
                none,
                new MenuActions.Workspace(none, none, none, none, FXCollections.observableArrayList(), p -> {}));
    }
}
