// SPDX-License-Identifier: Apache-2.0
package dev.costbench.ui.prompt;

import dev.costbench.model.cost.CostRow;
import dev.costbench.model.prompt.Role;
import dev.costbench.ui.common.View;
import java.io.File;
import java.util.List;
import javafx.beans.property.StringProperty;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.Tooltip;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The Prompt view: system prompt, few-shot turns and user message on the left; the live cost table over every
 * catalog model and, for the selected model, the breakdown, "Send to the API", Tune and Tokens on the right.
 */
public final class PromptView extends BorderPane implements View<PromptFeature> {

    /** Makes a node take a dropped text file into a prompt part. */
    @FunctionalInterface
    interface Drops {
        void accept(Node target, StringProperty into);
    }

    private final PromptFeature feature;
    private final PromptViewModel vm;
    private final CostTableView table;
    private final BreakdownPane breakdown;
    private final TabPane lower;
    private final Tab runTab;
    private final Tab tuneTab;
    private final Tab tokensTab;
    private final Tab toolsTab;

    public PromptView(PromptFeature feature) {
        this.feature = feature;
        this.vm = feature.prompt();
        getStyleClass().add("prompt-view");
        table = new CostTableView(feature.table());
        breakdown = new BreakdownPane(vm.catalogProperty(), vm.tiersProperty());

        PromptEditor system = new PromptEditor(
                "system-prompt", "System prompt — type, paste, or drop a text file here", vm.systemTextProperty());
        system.setPrefHeight(150);
        PromptEditor user = new PromptEditor(
                "user-prompt", "User message — type, paste, or drop a text file here", vm.userTextProperty());
        user.setPrefHeight(220);
        acceptDroppedText(system, vm.systemTextProperty());
        acceptDroppedText(user, vm.userTextProperty());
        system.enableCacheMarks(feature.marks(), "system");
        user.enableCacheMarks(feature.marks(), "user");

        Button addTurn = new Button("+ Example");
        addTurn.setId("add-turn");
        addTurn.setTooltip(new Tooltip("Add a few-shot example: a user turn and the assistant's answer (Ctrl+E)"));
        addTurn.setOnAction(e -> {
            vm.addTurn(Role.USER, "");
            vm.addTurn(Role.ASSISTANT, "");
        });
        ToolsEditor tools = new ToolsEditor(feature.tools());
        acceptDroppedText(tools.jsonBox(), vm.toolsJsonProperty());
        VBox editor = new VBox(
                6,
                header("System prompt", open(vm.systemTextProperty())),
                system,
                header("Few-shot turns", addTurn),
                new TurnsBox(vm, feature.marks(), this::acceptDroppedText),
                header("User message", open(vm.userTextProperty())),
                user,
                header("Tools", tools.headerActions()),
                tools,
                new RequestOptions(vm));
        editor.setPadding(new Insets(10));
        VBox.setVgrow(user, Priority.ALWAYS);
        ScrollPane editorScroll = new ScrollPane(editor);
        editorScroll.setFitToWidth(true);
        editorScroll.setFitToHeight(true);
        editorScroll.setId("prompt-editor-area"); // View ▸ Focus mode enlarges it

        table.table().getSelectionModel().selectedItemProperty().addListener((o, a, b) -> selectionChanged());
        vm.selectedModelProperty().addListener((o, a, m) -> {
            if (m != null
                    && (table.selectedRow() == null
                            || !table.selectedRow().model().equals(m))) {
                table.select(m.id());
            }
        });
        table.wantSelection(() -> vm.selectedModelProperty().get() == null
                ? null
                : vm.selectedModelProperty().get().id());
        vm.generationProperty().addListener((o, a, b) -> {
            if (table.selectedRow() == null && vm.selectedModelProperty().get() != null) {
                table.select(vm.selectedModelProperty().get().id()); // a restored workspace's model
            }
            CostRow cheapest = feature.table().cheapestProperty().get();
            if (table.selectedRow() == null && cheapest != null) {
                table.select(cheapest.model().id()); // something useful in the breakdown from the start
            }
            breakdown.show(table.selectedRow());
        });
        RunPane run = new RunPane(feature.run());
        TunePane tune = new TunePane(feature.tune(), feature.cache(), feature.diff(), feature.tools());
        TokensPane tokens = new TokensPane(feature.tokens());
        Tab bdTab = new Tab("Breakdown", breakdown);
        ScrollPane runScroll = new ScrollPane(run);
        runScroll.setFitToWidth(true);
        runScroll.setFitToHeight(true);
        runTab = new Tab("Send to the API", runScroll);
        runTab.selectedProperty().addListener((o, was, now) -> {
            if (now) {
                feature.run().controls().refreshProviders(); // a key may have been added in the Providers tab
                feature.run().history().refresh();
            }
        });
        tuneTab = new Tab("Tune", tune);
        tuneTab.setTooltip(new Tooltip("Where the money goes, part by part, and cuts with their savings"));
        feature.tune().activeProperty().bind(tuneTab.selectedProperty());
        tokensTab = new Tab("Tokens", tokens);
        tokensTab.setId("tokens-tab");
        tokensTab.setTooltip(new Tooltip("The prompt cut into tokens, and the token tax of each tokenizer"));
        feature.tokens().activeProperty().bind(tokensTab.selectedProperty());
        toolsTab = new Tab("Tools", new ToolsPane(feature.tools()));
        toolsTab.setId("tools-tab");
        toolsTab.setTooltip(new Tooltip("What each tool definition costs per request and per month, and cuts"));
        for (Tab t : List.of(bdTab, runTab, tuneTab, tokensTab, toolsTab)) {
            t.setClosable(false);
        }
        lower = new TabPane(bdTab, runTab, tuneTab, tokensTab, toolsTab);
        lower.setId("prompt-lower-tabs");
        SplitPane right = new SplitPane(table, lower);
        right.setId("prompt-table-split");
        right.setOrientation(Orientation.VERTICAL);
        right.setDividerPositions(0.62);
        table.setPadding(new Insets(10, 10, 0, 10));

        SplitPane split = new SplitPane(editorScroll, right);
        split.setId("prompt-split"); // its dividers are remembered by this id
        split.setDividerPositions(0.31);
        setCenter(split);
        Label status = new Label();
        status.setId("status");
        status.textProperty().bind(vm.statusProperty());
        HBox bar = new HBox(status);
        bar.getStyleClass().add("status-bar");
        bar.setPadding(new Insets(4, 10, 4, 10));
        setBottom(bar);
    }

    private void selectionChanged() {
        CostRow r = table.selectedRow();
        breakdown.show(r);
        if (r != null) {
            vm.selectedModelProperty().set(r.model());
        }
    }

    @Override
    public Parent root() {
        return this;
    }

    @Override
    public PromptFeature viewModel() {
        return feature;
    }

    public CostTableView table() {
        return table;
    }

    /** Shows the "Send to the API" tab. */
    public void showRun() {
        lower.getSelectionModel().select(runTab);
    }

    /** Shows the "Tune" tab. */
    public void showTune() {
        lower.getSelectionModel().select(tuneTab);
    }

    /** Shows the "Tokens" tab. */
    public void showTokens() {
        lower.getSelectionModel().select(tokensTab);
    }

    /** Shows the "Tools" tab. */
    public void showTools() {
        lower.getSelectionModel().select(toolsTab);
    }

    /** Opens a file into the user message (File ▸ Open). */
    public void openUserMessage() {
        vm.openInto(vm.userTextProperty());
    }

    private static HBox header(String title, Node... actions) {
        Label l = new Label(title);
        l.getStyleClass().add("section-title");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox h = new HBox(6, l, spacer);
        h.getChildren().addAll(actions);
        h.setAlignment(Pos.CENTER_LEFT);
        return h;
    }

    private Button open(StringProperty target) {
        Button b = new Button("Open…");
        b.setTooltip(new Tooltip("Load a UTF-8 text file into this field (or drop the file on it)"));
        b.setOnAction(e -> vm.openInto(target));
        return b;
    }

    private void acceptDroppedText(Node target, StringProperty into) {
        target.setOnDragOver(e -> {
            if (e.getDragboard().hasFiles() && e.getDragboard().getFiles().size() == 1) {
                e.acceptTransferModes(TransferMode.COPY);
            }
            e.consume();
        });
        target.setOnDragDropped(e -> {
            List<File> files = e.getDragboard().getFiles();
            boolean ok = files != null && files.size() == 1;
            if (ok) {
                vm.load(files.get(0).toPath(), into);
            }
            e.setDropCompleted(ok);
            e.consume();
        });
    }
}
