// SPDX-License-Identifier: Apache-2.0
package dev.costbench.ui.shell;

import dev.costbench.ui.common.UserPrefs;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.prefs.Preferences;
import javafx.animation.AnimationTimer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Rectangle2D;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;
import javafx.stage.Screen;
import javafx.stage.Stage;

/**
 * The workbench window: menus, the catalog banner and one tab per feature. Remembers the theme, its size, position
 * and maximized state ({@link WindowPlace}) and the dividers of its split panes ({@link SplitMemory}); has a focus
 * mode for the prompt editor ({@link FocusMode}).
 */
public final class MainWindow {

    /** The node earlier versions used. */
    private final Stage stage;

    private final TabPane tabs = new TabPane();
    private final Map<String, Tab> byTitle = new LinkedHashMap<>();
    private final CompletableFuture<Void> firstFrame = new CompletableFuture<>();
    private final Scene scene;
    private final ObservableValue<String> selectedTitle;
    private final SplitMemory splits;
    private final FocusMode focus;

    public MainWindow(Stage stage, WorkbenchViewModel vm, List<Feature> features, MenuActions actions, Runnable quit) {
        this(stage, vm, features, actions, quit, UserPrefs.root());
    }

    /** @param prefs where the theme, the window's place and the dividers are remembered */
    public MainWindow(
            Stage stage,
            WorkbenchViewModel vm,
            List<Feature> features,
            MenuActions actions,
            Runnable quit,
            Preferences prefs) {
        this.stage = stage;
        this.splits = new SplitMemory(prefs.node("splits"));
        for (Feature f : features) {
            Tab t = new Tab(f.title());
            t.setClosable(false);
            if (f.tooltip() != null) {
                t.setTooltip(new Tooltip(f.tooltip()));
            }
            t.selectedProperty().addListener((o, was, on) -> {
                if (!on) {
                    return;
                }
                if (t.getContent() == null) {
                    t.setContent(f.content().get());
                } else {
                    f.onShown().run();
                }
                splits.attach(f.title(), t.getContent());
            });
            byTitle.put(f.title(), t);
            tabs.getTabs().add(t);
        }
        // The first tab is selected before its listener exists: fill it now.
        Tab first = tabs.getTabs().get(0);
        if (first.getContent() == null) {
            first.setContent(features.get(0).content().get());
        }
        splits.attach(first.getText(), first.getContent());

        selectedTitle = tabs.getSelectionModel().selectedItemProperty().map(Tab::getText);
        BorderPane root = new BorderPane(tabs);
        focus = new FocusMode(root, this::editorTab, splits);
        root.setTop(new VBox(Menus.build(vm, actions, quit, focus.activeProperty()), new CatalogBanner(vm)));
        // Fits the screen it opens on (a 1280×720 laptop, or a desktop without a window manager that maximizes).
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        scene = new Scene(
                root,
                Math.min(WindowPlace.DEFAULT_WIDTH, screen.getWidth()),
                Math.min(WindowPlace.DEFAULT_HEIGHT, screen.getHeight()));
        // the menu's F11 has a second key: Ctrl+Shift+F (⌘⇧F on macOS)
        scene.getAccelerators().put(KeyCombination.keyCombination("Shortcut+Shift+F"), focus::toggle);
        // Ctrl+1 … Ctrl+5 (⌘ on macOS) show the tabs in order; their tooltips say so.
        List<Tab> ordered = List.copyOf(byTitle.values());
        for (int i = 0; i < ordered.size() && i < 9; i++) {
            Tab t = ordered.get(i);
            KeyCombination key = KeyCombination.keyCombination("Shortcut+" + (i + 1));
            scene.getAccelerators().put(key, () -> tabs.getSelectionModel().select(t));
            String shortcut = key.getDisplayText();
            t.setTooltip(new Tooltip(
                    t.getTooltip() == null ? shortcut : t.getTooltip().getText() + " (" + shortcut + ")"));
        }
        scene.getStylesheets().add(Theme.stylesheet());
        vm.darkThemeProperty().set(prefs.getBoolean("darkTheme", false));
        Theme.apply(scene, vm.darkThemeProperty().get());
        vm.darkThemeProperty().addListener((o, a, dark) -> {
            prefs.putBoolean("darkTheme", dark);
            Theme.apply(scene, dark);
        });
        stage.setTitle("CostBench — LLM cost workbench");
        stage.setScene(scene);
        stage.setMinWidth(Math.min(900, screen.getWidth()));
        stage.setMinHeight(Math.min(600, screen.getHeight()));
        WindowPlace.restoreAndFollow(stage, prefs);
    }

    /** Focus mode's target: the tab whose content holds the editor (the first tab when none is built yet). */
    private Node editorTab() {
        for (Tab t : tabs.getTabs()) {
            if (t.getContent() != null && t.getContent().lookup("#" + FocusMode.EDITOR_ID) != null) {
                tabs.getSelectionModel().select(t);
                return t.getContent();
            }
        }
        Tab first = tabs.getTabs().get(0);
        tabs.getSelectionModel().select(first);
        return first.getContent();
    }

    /** View ▸ Focus mode: on while the prompt editor takes the window. */
    public BooleanProperty focusModeProperty() {
        return focus.activeProperty();
    }

    /** Shows the window; {@link #firstFrame()} completes once the first frame has been drawn. */
    public void show() {
        stage.show();
        new AnimationTimer() {
            private int pulses;

            @Override
            public void handle(long now) {
                if (++pulses == 2) { // the first pulse after show() has rendered the window
                    firstFrame.complete(null);
                    stop();
                }
            }
        }.start();
    }

    /** Completes when the first frame is on screen: start-up work that would compete with it waits for this. */
    public CompletableFuture<Void> firstFrame() {
        return firstFrame;
    }

    /** Selects the tab titled {@code title} (building its content if it is the first time). */
    public void select(String title) {
        Tab t = byTitle.get(title);
        if (t != null) {
            tabs.getSelectionModel().select(t);
        }
    }

    /** The title of the tab showing ("Prompt", "Scenarios", …). */
    public ObservableValue<String> selectedTitle() {
        return selectedTitle;
    }

    public Stage stage() {
        return stage;
    }
}
