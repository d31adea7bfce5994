// SPDX-License-Identifier: Apache-2.0
package dev.costbench.ui.prompt;

import dev.costbench.model.tokens.EncodedText;
import dev.costbench.model.tokens.Encoding;
import dev.costbench.model.tokens.TokenDisplay;
import dev.costbench.model.tokens.TokenPiece;
import dev.costbench.ui.common.DisabledReason;
import dev.costbench.ui.common.View;
import java.util.List;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.util.Duration;

/**
 * The Tokens tab: the prompt as the chosen tokenizer cuts it (pieces in alternating pastel colours, whitespace
 * visible, ids and spans on hover, ids under the text on request), and the token tax: the same prompt under every
 * tokenizer the catalog uses. State and tokenizing: {@link TokensViewModel}; the list builds only the rows in view,
 * so a megabyte prompt stays responsive.
 */
public final class TokensPane extends BorderPane implements View<TokensViewModel> {

    private static final int COLOURS = 5;

    private final TokensViewModel vm;
    private final CheckBox showIds = new CheckBox("Show _ids");
    private final ListView<TokenRows.Row> list = new ListView<>();
    private final TokenTaxView tax;

    public TokensPane(TokensViewModel vm) {
        this.vm = vm;
        setId("tokens-pane");
        tax = new TokenTaxView(vm);
        ComboBox<Encoding> encoding = new ComboBox<>();
        encoding.getItems().setAll(Encoding.O200K_BASE, Encoding.CL100K_BASE);
        encoding.valueProperty().bindBidirectional(vm.encodingProperty());
        encoding.setId("tokens-encoding");
        encoding.setTooltip(new Tooltip("o200k_base: GPT-4o, GPT-4.1, GPT-5, o-series, gpt-oss · "
                + "cl100k_base: GPT-4, GPT-3.5 (exact, as tiktoken)"));
        showIds.setId("tokens-show-ids");
        showIds.setTooltip(new Tooltip("Show each token's id under its text (Alt+I)"));
        ToggleButton piecesButton = new ToggleButton("Pieces");
        ToggleButton taxButton = new ToggleButton("Token tax");
        ToggleGroup mode = new ToggleGroup();
        piecesButton.setToggleGroup(mode);
        taxButton.setToggleGroup(mode);
        piecesButton.setSelected(!vm.taxModeProperty().get());
        taxButton.setSelected(vm.taxModeProperty().get());
        piecesButton.setId("tokens-mode-pieces");
        taxButton.setId("tokens-mode-tax");
        piecesButton.setTooltip(new Tooltip("The prompt cut into tokens by the chosen tokenizer"));
        taxButton.setTooltip(new Tooltip(
                "The same prompt under every tokenizer, by content kind, with the input " + "cost per model family"));
        mode.selectedToggleProperty().addListener((o, a, b) -> {
            if (b == null) {
                a.setSelected(true); // one mode is always chosen
                return;
            }
            vm.taxModeProperty().set(b == taxButton);
        });
        vm.taxModeProperty().addListener((o, a, on) -> {
            (on ? taxButton : piecesButton).setSelected(true);
            setCenter(on ? tax : list);
        });
        DisabledReason.bind(encoding, vm.tokenizerBlockedReason());
        DisabledReason.bind(showIds, vm.tokenizerBlockedReason());
        Label summary = new Label();
        summary.setId("tokens-summary");
        summary.getStyleClass().add("text-muted");
        summary.textProperty().bind(vm.summaryProperty());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Label encodingLabel = new Label("Tokenizer");
        for (Region r : new Region[] {piecesButton, taxButton, encodingLabel, encoding, showIds}) {
            r.setMinWidth(Region.USE_PREF_SIZE); // the summary gives way when the pane is narrow, not the controls
        }
        summary.setMinWidth(0);
        HBox bar = new HBox(8, piecesButton, taxButton, encodingLabel, encoding, showIds, spacer, summary);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(6, 10, 6, 10));
        setTop(bar);

        list.setId("tokens-list");
        list.getStyleClass().add("token-list");
        list.setPlaceholder(new Label("Type a prompt on the left to see its tokens."));
        list.setCellFactory(v -> new PieceCell());
        setCenter(vm.taxModeProperty().get() ? tax : list);
        vm.piecesProperty().addListener((o, a, r) -> list.getItems().setAll(r == null ? List.of() : r.rows()));
        showIds.selectedProperty().addListener((o, a, b) -> list.refresh());
    }

    @Override
    public Parent root() {
        return this;
    }

    @Override
    public TokensViewModel viewModel() {
        return vm;
    }

    /** A row of pieces: a wrapping flow of coloured labels, built only while the row is in view. */
    private final class PieceCell extends ListCell<TokenRows.Row> {

        PieceCell() {
            setPrefWidth(0); // let the flow wrap to the list's width instead of widening the cell
            getStyleClass().add("token-row");
        }

        /** The flow's height at the list's width: ListView would otherwise ask for it at an unknown width. */
        @Override
        protected double computePrefHeight(double width) {
            if (getGraphic() instanceof FlowPane f) {
                return f.prefHeight(Math.max(60, list.getWidth() - 40)) + snappedTopInset() + snappedBottomInset();
            }
            return super.computePrefHeight(width);
        }

        @Override
        protected void updateItem(TokenRows.Row row, boolean empty) {
            super.updateItem(row, empty);
            setText(null);
            if (empty || row == null) {
                setGraphic(null);
                return;
            }
            if (row.isHeader()) {
                Label h = new Label(row.header());
                h.getStyleClass().addAll("section-title", "token-header");
                setGraphic(h);
                return;
            }
            FlowPane flow = new FlowPane();
            flow.getStyleClass().add("token-flow");
            flow.setVgap(2);
            flow.prefWrapLengthProperty().bind(list.widthProperty().subtract(40));
            flow.maxWidthProperty().bind(list.widthProperty().subtract(40));
            EncodedText t = row.text();
            int[] f = row.fragments();
            for (int i = 0; i < f.length; i += 3) {
                flow.getChildren().add(piece(t, f[i], f[i + 1], f[i + 2]));
            }
            setGraphic(flow);
        }

        private Label piece(EncodedText t, int index, int from, int to) {
            TokenPiece p = t.piece(index);
            Label l = new Label(TokenDisplay.visible(t.text().substring(from, to)));
            l.getStyleClass().addAll("token-piece", "token-c" + (index % COLOURS));
            if (p.splitsCharacter()) {
                l.getStyleClass().add("token-split");
            }
            boolean first = from == p.charStart();
            l.setUserData(first ? p : null); // counted once, even when a newline inside it wraps it to two rows
            if (showIds.isSelected() && first) {
                Label ids = new Label(TokenDisplay.ids(t, p));
                ids.getStyleClass().add("token-id");
                l.setGraphic(ids);
                l.setContentDisplay(ContentDisplay.BOTTOM);
            }
            Tooltip tip = new Tooltip(TokenDisplay.describe(t, p));
            tip.setShowDelay(Duration.millis(150));
            tip.getStyleClass().add("token-tooltip");
            l.setTooltip(tip);
            return l;
        }
    }
}
