// SPDX-License-Identifier: Apache-2.0
package dev.costbench.ui.lab;

import dev.costbench.model.provider.ReasoningEffort;
import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/**
 * The setup's effort sweep of the optimized variant (Low / Medium / High, each an arm of its own) and the tools
 * offered with every request. Lays out and binds only ({@link SetupSweep} holds the state).
 */
final class SetupSweepPane extends VBox {

    /** @param openTools the tools box's Open… ({@link SetupViewModel#openTools}) */
    SetupSweepPane(SetupSweep sweep, Runnable openTools) {
        super(6);
        HBox levels = new HBox(10);
        levels.setAlignment(Pos.CENTER_LEFT);
        levels.getChildren().add(new Label("Sweep the optimized variant's reasoning effort:"));
        for (ReasoningEffort e : SetupSweep.LEVELS) {
            CheckBox c = new CheckBox(e.label());
            c.setId("lab-effort-" + e.code());
            c.selectedProperty().bindBidirectional(sweep.levelProperty(e));
            c.setTooltip(new Tooltip("Run the optimized variant at " + e.label().toLowerCase(Locale.ROOT)
                    + " effort as an arm of its own (OpenAI reasoning effort; Anthropic and Gemini thinking budget)"));
            levels.getChildren().add(c);
        }
        Label arms = new Label();
        arms.setId("lab-effort-arms");
        arms.setWrapText(true);
        arms.getStyleClass().add("text-muted");
        arms.textProperty().bind(Bindings.createStringBinding(() -> sweep.describe("optimized"), sweep.fields()));
        TextArea tools = new TextArea();
        tools.setId("lab-tools");
        tools.setPrefRowCount(3);
        tools.setWrapText(true);
        tools.setPromptText("[{\"name\": \"get_weather\", \"description\": \"…\", \"parameters\": {\"type\": "
                + "\"object\", \"properties\": {…}}}] — OpenAI, Anthropic or Gemini tools arrays work too");
        tools.textProperty().bindBidirectional(sweep.toolsProperty());
        String toolsLabel = "Tools sent with every request (JSON, optional)";
        Label l = new Label(toolsLabel);
        l.getStyleClass().add("text-muted");
        l.setLabelFor(tools);
        tools.setAccessibleText(toolsLabel);
        Button open = HistoryTools.button(
                "Open…",
                "lab-tools-open",
                "Read the tools from a .json file (an OpenAI, Anthropic or Gemini tools array)",
                openTools);
        HBox header = new HBox(8, l, open);
        header.setAlignment(Pos.CENTER_LEFT);
        getChildren().addAll(levels, arms, header, tools);
    }
}
