// SPDX-License-Identifier: Apache-2.0
package dev.costbench.ui.shell;

import java.nio.file.Path;
import javafx.beans.property.BooleanProperty;
import javafx.collections.ListChangeListener;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.input.KeyCombination;

/** The menu bar: File, Edit, View, Help, with their shortcuts and mnemonics (Alt+F opens File, then a letter). */
final class Menus {

    private Menus() {}

    static MenuBar build(WorkbenchViewModel vm, MenuActions a, Runnable quit, BooleanProperty focusMode) {
        Menu file = new Menu(
                "_File",
                null,
                item("_New prompt", "Shortcut+N", a.workspace().newPrompt()),
                item("_Open prompt…", "Shortcut+O", a.workspace().open()),
                recent(a.workspace()),
                item("_Save", "Shortcut+S", a.workspace().save()),
                item("Save _as…", "Shortcut+Shift+S", a.workspace().saveAs()),
                new SeparatorMenuItem(),
                item("Open _text into user message…", "Shortcut+Shift+O", a.openUserMessage()),
                item("Open _image, audio or video…", "Shortcut+I", a.openMedia()),
                new SeparatorMenuItem(),
                item("Reload _catalog", "F5", vm::reloadCatalog),
                new SeparatorMenuItem(),
                item("_Quit", "Shortcut+Q", quit));
        Menu edit = new Menu(
                "_Edit",
                null,
                item("Add few-shot _example", "Shortcut+E", a.addFewShotExample()),
                item("_Filter models", "Shortcut+F", a.filterModels()),
                new SeparatorMenuItem(),
                item("Sen_d prompt to the selected model", "Shortcut+Enter", a.sendPrompt()),
                item("Check _quality of the tuned prompt in the A/B lab", "Shortcut+Shift+L", a.checkQuality()),
                item("Use this prompt in the sce_nario planner", null, a.promptToScenario()),
                item("_Providers and API keys…", "Shortcut+Comma", a.showProviders()));
        CheckMenuItem dark = new CheckMenuItem("_Dark theme");
        dark.setAccelerator(KeyCombination.keyCombination("Shortcut+Shift+D"));
        dark.selectedProperty().bindBidirectional(vm.darkThemeProperty());
        CheckMenuItem focus = new CheckMenuItem("_Focus mode (the editor takes the window; Esc returns)");
        focus.setAccelerator(KeyCombination.keyCombination("F11"));
        focus.selectedProperty().bindBidirectional(focusMode);
        Menu view = new Menu("_View", null, dark, focus, item("_Tokens of the prompt", "Shortcut+T", a.showTokens()));
        Menu help = new Menu(
                "_Help",
                null,
                item("_Catalog problems…", null, vm::showProblemList),
                item("_Restore a backup of the results store…", null, a.restoreBackup()),
                item("Third-party _licences…", null, vm::licences),
                item("_About CostBench", null, vm::about));
        Menu catalog = new Menu(
                "_Catalog",
                null,
                item("_Import prices…", null, vm.priceImport()::importPrices),
                item("_Load tokenizer.json…", null, vm.tokenizerLoad()::load));
        MenuBar bar = new MenuBar(file, edit, view, catalog, help);
        bar.setUseSystemMenuBar(true);
        return bar;
    }

    /** Open recent ▸ the last workspaces, kept in step with the list; disabled while it is empty. */
    private static Menu recent(MenuActions.Workspace w) {
        Menu m = new Menu("Open _recent");
        Runnable fill = () -> {
            m.getItems().clear();
            for (Path p : w.recent()) {
                MenuItem i = new MenuItem(p.getFileName() + "  —  " + p.getParent());
                i.setMnemonicParsing(false);
                i.setOnAction(e -> w.openRecent().accept(p));
                m.getItems().add(i);
            }
            m.setDisable(m.getItems().isEmpty());
        };
        w.recent().addListener((ListChangeListener<Path>) c -> fill.run());
        fill.run();
        return m;
    }

    private static MenuItem item(String text, String accelerator, Runnable action) {
        MenuItem m = new MenuItem(text);
        if (accelerator != null) {
            m.setAccelerator(KeyCombination.keyCombination(accelerator));
        }
        m.setOnAction(e -> action.run());
        return m;
    }
}
