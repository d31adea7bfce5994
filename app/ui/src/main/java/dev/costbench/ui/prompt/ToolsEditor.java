// SPDX-License-Identifier: Apache-2.0
package dev.costbench.ui.prompt;

import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.VBox;

/**
 * The Tools section of the Prompt view's editor: the tools JSON (paste, Open…, Clear; the Prompt view takes a dropped
 * file into it), what is wrong with it and a one-line summary. The meter is in the Tools tab ({@link ToolsPane}).
 */
final class ToolsEditor extends VBox {

    private final ToolsViewModel vm;
    private final TextArea json = new TextArea();

    ToolsEditor(ToolsViewModel vm) {
        super(4);
        this.vm = vm;
        setId("tools-editor");
        json.setId("tools-json");
        json.getStyleClass().add("prompt-editor");
        json.setPromptText("Tools — paste a tools array (OpenAI, Anthropic or Gemini), or drop a .json file here");
        json.setPrefRowCount(4);
        json.setMinHeight(80);
        json.textProperty().bindBidirectional(vm.prompt().toolsJsonProperty());
        json.setAccessibleText("Tools JSON");

        Label error = new Label();
        error.setId("tools-error");
        error.getStyleClass().add("error-text");
        error.setWrapText(true);
        error.setMinHeight(Label.USE_PREF_SIZE);
        error.textProperty().bind(vm.errorProperty());
        error.visibleProperty().bind(vm.errorProperty().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());

        Label summary = new Label();
        summary.getStyleClass().add("text-muted");
        summary.setWrapText(true);
        summary.setMinHeight(Label.USE_PREF_SIZE);
        summary.textProperty().bind(vm.summaryProperty());
        summary.setTooltip(new Tooltip("Each tool's cost is in the Tools tab on the right"));
        getChildren().addAll(json, error, summary);
    }

    /** The box of the tools JSON (a dropped file goes there). */
    Node jsonBox() {
        return json;
    }

    /** Open… and Clear, for the section's header. */
    Node[] headerActions() {
        Button open = new Button("Open…");
        open.setId("tools-open");
        open.setTooltip(new Tooltip("Load a tools JSON file (or drop it on the box)"));
        open.setOnAction(e -> vm.open());
        Button clear = new Button("Clear");
        clear.setTooltip(new Tooltip("Send no tools"));
        clear.setOnAction(e -> vm.clear());
        return new Node[] {open, clear};
    }
}
