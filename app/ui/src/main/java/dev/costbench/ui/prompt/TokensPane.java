// SPDX-License-Identifier: Apache-2.0
package dev.costbench.ui.prompt;

import dev.costbench.model.lab.run.ClientSource;
import dev.costbench.model.catalog.Catalog;
import dev.costbench.model.catalog.ModelEntry;
import dev.costbench.model.cost.BillingOptions;
import dev.costbench.model.prompt.Role;
import dev.costbench.model.provider.ChatRequest;
import dev.costbench.model.tokens.EncodedText;
import dev.costbench.model.tokens.Encoding;
import dev.costbench.model.tokens.TokenDisplay;
import dev.costbench.model.tokens.TokenPiece;
import dev.costbench.model.tuning.TokenTax;
import dev.costbench.ui.common.LatestOnlyWorker;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import javafx.beans.InvalidationListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
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
 * tokenizer the catalog uses. Tokenizing runs on a worker thread, only while the tab is showing; the list builds
 * only the rows in view, so a megabyte prompt stays responsive.
 */
public final class TokensPane extends BorderPane {

    private static final int COLOURS = 5;

    private final PromptViewModel vm;
    private final ComboBox<Encoding> encoding = new ComboBox<>();
    private final CheckBox showIds = new CheckBox("Show _ids");
    private final ToggleButton piecesButton = new ToggleButton("Pieces");
    private final ToggleButton taxButton = new ToggleButton("Token tax");
    private final Label summary = new Label();
    private final ListView<TokenRows.Row> list = new ListView<>();
    private final TokenTaxView tax;
    private final LatestOnlyWorker worker;
    private boolean active;
    private boolean dirty = true;
    private long generation;
    private TokenRows.Result shown;

    public TokensPane(PromptViewModel vm, Supplier<ModelEntry> selected, Supplier<ChatRequest> request,
                      ClientSource clients) {
        this.vm = vm;
        setId("tokens-pane");
        worker = new LatestOnlyWorker("CostBench token view", e -> summary.setText("Tokenizing failed: " + e));
        tax = new TokenTaxView(selected, request, clients);

        encoding.getItems().setAll(Encoding.O200K_BASE, Encoding.CL100K_BASE);
        encoding.setValue(Encoding.O200K_BASE);
        encoding.setId("tokens-encoding");
        encoding.setTooltip(new Tooltip("o200k_base: GPT-4o, GPT-4.1, GPT-5, o-series, gpt-oss · "
                + "cl100k_base: GPT-4, GPT-3.5 (exact, as tiktoken)"));
        showIds.setId("tokens-show-ids");
        showIds.setTooltip(new Tooltip("Show each token's id under its text (Alt+I)"));
        ToggleGroup mode = new ToggleGroup();
        piecesButton.setToggleGroup(mode);
        taxButton.setToggleGroup(mode);
        piecesButton.setSelected(true);
        piecesButton.setId("tokens-mode-pieces");
        taxButton.setId("tokens-mode-tax");
        piecesButton.setTooltip(new Tooltip("The prompt cut into tokens by the chosen tokenizer"));
        taxButton.setTooltip(new Tooltip("The same prompt under every tokenizer, by content kind, with the input "
                + "cost per model family"));
        mode.selectedToggleProperty().addListener((o, a, b) -> {
            if (b == null) {
                a.setSelected(true); // one mode is always chosen
                return;
            }
            boolean pieces = b == piecesButton;
            setCenter(pieces ? list : tax);
            encoding.setDisable(!pieces);
            showIds.setDisable(!pieces);
            dirty = true;
            refreshIfActive();
        });
        summary.setId("tokens-summary");
        summary.getStyleClass().add("text-muted");
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
        setCenter(list);

        encoding.valueProperty().addListener((o, a, b) -> {
            dirty = true;
            refreshIfActive();
        });
        showIds.selectedProperty().addListener((o, a, b) -> list.refresh());
        InvalidationListener changed = x -> {
            dirty = true;
            refreshIfActive();
        };
        vm.systemTextProperty().addListener(changed);
        vm.turns().addListener(changed);
        vm.userTextProperty().addListener(changed);
        vm.catalogProperty().addListener(changed);
        vm.batchProperty().addListener(changed);
    }

    /** Called when the tab is shown or hidden: the prompt is tokenized only while it shows. */
    public void setActive(boolean on) {
        active = on;
        refreshIfActive();
    }

    private void refreshIfActive() {
        if (active && dirty) {
            dirty = false;
            refresh();
        }
    }

    /** Tokenizes the current prompt for the visible mode (on the worker thread). */
    public void refresh() {
        List<TokenRows.Message> messages = messages();
        if (taxButton.isSelected()) {
            Catalog c = vm.catalogProperty().get();
            List<ModelEntry> models = c == null ? List.of() : c.models();
            List<String> texts = messages.stream().map(TokenRows.Message::text).toList();
            BillingOptions billing = vm.batchProperty().get() ? BillingOptions.BATCH : BillingOptions.INTERACTIVE;
            summary.setText("Counting under every tokenizer…");
            worker.submit(() -> models.isEmpty() ? null : TokenTax.of(texts, models, billing), t -> {
                tax.show(t);
                summary.setText(t == null ? "No catalog loaded" : String.format("%,d chars · %d tokenizers",
                        t.whole().chars(), t.families().size()));
                generation++;
            });
            return;
        }
        Encoding enc = encoding.getValue();
        summary.setText("Tokenizing…");
        worker.submit(() -> TokenRows.build(enc, messages), r -> {
            shown = r;
            list.getItems().setAll(r.rows());
            summary.setText(String.format("%s · %,d tokens · %,d chars · %d message%s%s", r.encoding().id(),
                    r.tokens(), r.chars(), r.messages(), r.messages() == 1 ? "" : "s",
                    r.splitCharacters() == 0 ? "" : String.format(" · %,d split characters (merged, all ids on "
                            + "hover)", r.splitCharacters())));
            generation++;
        });
    }

    private List<TokenRows.Message> messages() {
        List<TokenRows.Message> out = new ArrayList<>();
        out.add(new TokenRows.Message("System prompt", vm.systemTextProperty().get()));
        int k = 0;
        for (Turn t : vm.turns()) {
            k++;
            out.add(new TokenRows.Message("Example turn " + k + " · " + (t.roleProperty().get() == Role.ASSISTANT
                    ? "assistant" : "user"), t.textProperty().get()));
        }
        out.add(new TokenRows.Message("User message", vm.userTextProperty().get()));
        return out;
    }

    /** Increases each time a result arrives (tests wait on it). FX thread. */
    public long generation() {
        return generation;
    }

    /** The last token view shown: total tokens of all messages under the chosen encoding, or -1. */
    public long shownTokens() {
        return shown == null ? -1 : shown.tokens();
    }

    public ComboBox<Encoding> encodingBox() {
        return encoding;
    }

    public CheckBox showIdsBox() {
        return showIds;
    }

    public TokenTaxView taxView() {
        return tax;
    }

    /** Shows the token tax instead of the pieces. */
    public void showTax() {
        taxButton.setSelected(true);
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
