// SPDX-License-Identifier: Apache-2.0
package dev.costbench.ui.lab;

import dev.costbench.model.lab.stats.WordDiff;
import dev.costbench.ui.common.Icons;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;

/**
 * The outputs side by side with a word-level diff, Good / Bad ratings for the optimized output, and the
 * "Delete trial ▾" menu.
 */
final class OutputsPane extends VBox {

    private final TextFlow left = new TextFlow();
    private final TextFlow right = new TextFlow();
    private final Label leftTitle = new Label();
    private final Label rightTitle = new Label();
    private final Label leftMedia = new Label();
    private final Label rightMedia = new Label();

    OutputsPane(ResultsViewModel vm) {
        super(6);
        OutputsModel m = vm.outputs();
        ComboBox<String> cell = new ComboBox<>(m.cells());
        cell.setId("lab-cell");
        cell.setPromptText("Pick an input, model and repetition");
        cell.valueProperty().bindBidirectional(m.selectedProperty());
        Button up = new Button("Good", Icons.thumbUp());
        Button down = new Button("Bad", Icons.thumbDown());
        up.setId("lab-rate-good");
        down.setId("lab-rate-bad");
        up.setTooltip(new Tooltip("Rate the optimized output as good (its rating becomes 1)"));
        down.setTooltip(new Tooltip("Rate the optimized output as bad (its rating becomes 0)"));
        up.setOnAction(e -> vm.trials().rate(1));
        down.setOnAction(e -> vm.trials().rate(0));
        leftMedia.setId("lab-left-media");
        rightMedia.setId("lab-right-media");
        ScrollPane lp = scroll(left);
        ScrollPane rp = scroll(right);
        SplitPane outputs =
                new SplitPane(new VBox(4, leftTitle, leftMedia, lp), new VBox(4, rightTitle, rightMedia, rp));
        VBox.setVgrow(lp, Priority.ALWAYS);
        VBox.setVgrow(rp, Priority.ALWAYS);
        HBox bar = new HBox(8, new Label("Outputs side by side"), cell, up, down, TrialDeletion.button(vm));
        bar.setAlignment(Pos.CENTER_LEFT);
        getChildren().addAll(bar, outputs);
        VBox.setVgrow(outputs, Priority.ALWAYS);
        m.shownProperty().addListener((o, a, s) -> show(s));
        show(m.shownProperty().get());
    }

    private static ScrollPane scroll(TextFlow f) {
        f.setPadding(new Insets(6));
        ScrollPane p = new ScrollPane(f);
        p.setFitToWidth(true);
        return p;
    }

    private void show(OutputsModel.Shown s) {
        left.getChildren().clear();
        right.getChildren().clear();
        if (s == null) {
            return;
        }
        side(s.left(), leftTitle, leftMedia);
        side(s.right(), rightTitle, rightMedia);
        for (WordDiff.Segment seg : s.diff()) {
            switch (seg.op()) {
                case EQUAL -> {
                    left.getChildren().add(new Text(seg.left()));
                    right.getChildren().add(new Text(seg.right()));
                }
                case DELETE -> left.getChildren().add(colored(seg.left(), Color.web("#b02a37"), true));
                default -> right.getChildren().add(colored(seg.right(), Color.web("#1e7e34"), false));
            }
        }
    }

    private static void side(OutputsModel.Side s, Label title, Label media) {
        title.setText(s.title());
        title.setTooltip(s.tooltip() == null ? null : new Tooltip(s.tooltip()));
        media.setText(s.media());
    }

    private static Text colored(String s, Color c, boolean strike) {
        Text t = new Text(s);
        t.setFill(c);
        t.setStrikethrough(strike);
        t.setUnderline(!strike);
        return t;
    }
}
