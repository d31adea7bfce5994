// SPDX-License-Identifier: Apache-2.0
package dev.costbench.ui.prompt;

import dev.costbench.model.lab.run.ClientSource;
import dev.costbench.model.prompt.Role;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.property.LongProperty;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextField;
import javafx.scene.control.TextFormatter;
import javafx.scene.control.Tooltip;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;

/**
 * The Prompt view: system prompt, few-shot turns and user message on the left; the live cost table over every
 * catalog model and the selected model's breakdown on the right.
 */
public final class PromptView extends BorderPane {

    private final PromptViewModel vm;
    private final PromptEditor system;
    private final PromptEditor user;
    private final VBox turnsBox = new VBox(6);
    private final CostTableView table;
    private final BreakdownPane breakdown = new BreakdownPane();
    private final Label status = new Label();
    private final CacheMarks cacheMarks;

    public PromptView(PromptViewModel vm) {
        this(vm, id -> {
            throw new dev.costbench.model.provider.ProviderException(id,
                    dev.costbench.model.provider.ProviderException.Kind.NO_KEY, 0,
                    "Provider access is not set up in this window", null, null, null);
        });
    }

    private RunPane run;
    private TunePane tune;
    private TokensPane tokens;
    private javafx.scene.control.Tab tokensTab;

    public TokensPane tokensPane() {
        return tokens;
    }

    /** Shows the "Tokens" tab. */
    public void showTokens() {
        lower.getSelectionModel().select(tokensTab);
    }

    public TunePane tunePane() {
        return tune;
    }

    /** Shows the "Tune" tab. */
    public void showTune() {
        lower.getSelectionModel().select(2);
    }
    private javafx.scene.control.TabPane lower;

    public PromptView(PromptViewModel vm, ClientSource clients) {
        this.vm = vm;
        getStyleClass().add("prompt-view");
        table = new CostTableView(vm.rows());
        breakdown.setCatalog(vm.catalogProperty().get());
        vm.catalogProperty().addListener((o, a, c) -> breakdown.setCatalog(c));

        system = new PromptEditor("system-prompt", "System prompt — type, paste, or drop a text file here",
                vm.systemTextProperty());
        system.setPrefHeight(150);
        user = new PromptEditor("user-prompt", "User message — type, paste, or drop a text file here",
                vm.userTextProperty());
        user.setPrefHeight(220);
        acceptDroppedText(system, system::setText);
        acceptDroppedText(user, user::setText);
        cacheMarks = new CacheMarks(vm);
        system.enableCacheMarks(cacheMarks, "system");
        user.enableCacheMarks(cacheMarks, "user");

        Button addTurn = new Button("+ Example");
        addTurn.setId("add-turn");
        addTurn.setTooltip(new Tooltip("Add a few-shot example: a user turn and the assistant's answer (Ctrl+E)"));
        addTurn.setOnAction(e -> {
            vm.addTurn(Role.USER, "");
            vm.addTurn(Role.ASSISTANT, "");
        });
        vm.turns().addListener((ListChangeListener<Turn>) c -> {
            while (c.next()) {
                if (!c.wasUpdated()) { // typing in a turn is an update: rebuilding would take the editor away
                    rebuildTurns();
                    return;
                }
            }
        });
        rebuildTurns();

        VBox editor = new VBox(6,
                header("System prompt", open(system)), system,
                header("Few-shot turns", addTurn), turnsBox,
                header("User message", open(user)), user,
                options());
        editor.setPadding(new Insets(10));
        VBox.setVgrow(user, Priority.ALWAYS);
        ScrollPane editorScroll = new ScrollPane(editor);
        editorScroll.setFitToWidth(true);
        editorScroll.setFitToHeight(true);

        table.table().getSelectionModel().selectedItemProperty().addListener((o, a, b) -> breakdown.show(
                table.selectedRow()));
        vm.generationProperty().addListener((o, a, b) -> {
            if (table.selectedRow() == null && table.cheapest() != null) {
                table.select(table.cheapest().model().id()); // something useful in the breakdown from the start
            }
            breakdown.show(table.selectedRow());
        });
        run = new RunPane(() -> table.selectedRow() == null ? null : table.selectedRow().model(), this::currentRequest,
                clients);
        table.table().getSelectionModel().selectedItemProperty().addListener((o, a, b) -> run.refreshTitle());
        javafx.scene.control.Tab bdTab = new javafx.scene.control.Tab("Breakdown", breakdown);
        javafx.scene.control.Tab runTab = new javafx.scene.control.Tab("Send to the API", run);
        tune = new TunePane(vm, () -> table.selectedRow() == null ? null : table.selectedRow().model(), cacheMarks);
        tune.setClients(clients);
        javafx.scene.control.Tab tuneTab = new javafx.scene.control.Tab("Tune", tune);
        tuneTab.setTooltip(new Tooltip("Where the money goes, part by part, and cuts with their savings"));
        tuneTab.selectedProperty().addListener((o, a, on) -> {
            if (on) {
                tune.refresh();
            }
        });
        table.table().getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (tuneTab.isSelected()) {
                tune.refresh();
            }
        });
        bdTab.setClosable(false);
        runTab.setClosable(false);
        tuneTab.setClosable(false);
        tokens = new TokensPane(vm, () -> table.selectedRow() == null ? null : table.selectedRow().model(),
                this::currentRequest, clients);
        tokensTab = new javafx.scene.control.Tab("Tokens", tokens);
        tokensTab.setId("tokens-tab");
        tokensTab.setClosable(false);
        tokensTab.setTooltip(new Tooltip("The prompt cut into tokens, and the token tax of each tokenizer"));
        tokensTab.selectedProperty().addListener((o, a, on) -> tokens.setActive(on));
        lower = new javafx.scene.control.TabPane(bdTab, runTab, tuneTab, tokensTab);
        lower.setId("prompt-lower-tabs");
        SplitPane right = new SplitPane(table, lower);
        right.setOrientation(Orientation.VERTICAL);
        right.setDividerPositions(0.62);
        table.setPadding(new Insets(10, 10, 0, 10));

        SplitPane split = new SplitPane(editorScroll, right);
        split.setDividerPositions(0.31);
        setCenter(split);
        status.setId("status");
        status.textProperty().bind(vm.statusProperty());
        HBox bar = new HBox(status);
        bar.getStyleClass().add("status-bar");
        bar.setPadding(new Insets(4, 10, 4, 10));
        setBottom(bar);
    }

    public CostTableView table() {
        return table;
    }

    public RunPane runPane() {
        return run;
    }

    /** Shows the "Send to the API" tab. */
    public void showRun() {
        lower.getSelectionModel().select(1);
    }

    /** The prompt as a provider-neutral request: system, few-shot turns in order, then the user message. */
    public dev.costbench.model.provider.ChatRequest currentRequest() {
        java.util.List<dev.costbench.model.provider.ChatMessage> msgs = new java.util.ArrayList<>();
        for (Turn t : vm.turns()) {
            String text = t.textProperty().get();
            if (text != null && !text.isEmpty() && t.roleProperty().get() != Role.SYSTEM) {
                msgs.add(new dev.costbench.model.provider.ChatMessage(t.roleProperty().get(),
                        cacheMarks.parts(t.key(), text)));
            }
        }
        String user = vm.userTextProperty().get();
        msgs.add(new dev.costbench.model.provider.ChatMessage(Role.USER, cacheMarks.parts("user",
                user == null || user.isEmpty() ? "(empty)" : user)));
        String sys = vm.systemTextProperty().get();
        int cap = (int) Math.max(1, Math.min(Integer.MAX_VALUE, vm.outputTokensProperty().get()));
        return new dev.costbench.model.provider.ChatRequest("selected", sys == null || sys.isEmpty() ? null : sys,
                sys == null || sys.isEmpty() ? null : cacheMarks.systemCache(), msgs, cap, null, null, null, null, null,
                true, null);
    }

    public PromptEditor userEditor() {
        return user;
    }

    public PromptEditor systemEditor() {
        return system;
    }

    /** The cache breakpoints marked in the editors. */
    public CacheMarks cacheMarks() {
        return cacheMarks;
    }

    private static HBox header(String title, javafx.scene.Node... actions) {
        Label l = new Label(title);
        l.getStyleClass().add("section-title");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox h = new HBox(6, l, spacer);
        h.getChildren().addAll(actions);
        h.setAlignment(Pos.CENTER_LEFT);
        return h;
    }

    private Button open(PromptEditor target) {
        Button b = new Button("Open…");
        b.setTooltip(new Tooltip("Load a UTF-8 text file into this field (or drop the file on it)"));
        b.setOnAction(e -> openInto(target));
        return b;
    }

    /** Asks for a text file and loads it into {@code target}. */
    public void openInto(PromptEditor target) {
        FileChooser fc = new FileChooser();
        fc.setTitle("Open prompt text");
        fc.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("Text", "*.txt", "*.md", "*.json",
                "*.jsonl", "*.csv", "*.xml", "*.html", "*.py", "*.java", "*.js", "*.ts"),
                new FileChooser.ExtensionFilter("All files", "*"));
        File f = fc.showOpenDialog(getScene() == null ? null : getScene().getWindow());
        if (f != null) {
            load(f.toPath(), target::setText);
        }
    }

    /** Opens a file into the user message (File ▸ Open). */
    public void openUserMessage() {
        openInto(user);
    }

    private void load(Path p, Consumer<String> into) {
        try {
            into.accept(TextFiles.read(p));
        } catch (IOException ex) {
            Alert a = new Alert(Alert.AlertType.ERROR, ex.getMessage());
            a.setHeaderText("Could not open " + p.getFileName());
            a.initOwner(getScene() == null ? null : getScene().getWindow());
            a.show();
        }
    }

    private void acceptDroppedText(javafx.scene.Node target, Consumer<String> into) {
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
                load(files.get(0).toPath(), into);
            }
            e.setDropCompleted(ok);
            e.consume();
        });
    }

    private void rebuildTurns() {
        turnsBox.getChildren().clear();
        if (vm.turns().isEmpty()) {
            Label none = new Label("No examples. Few-shot examples are sent with every request and often cost "
                    + "more than the question itself.");
            none.setWrapText(true);
            none.getStyleClass().add("text-muted");
            turnsBox.getChildren().add(none);
            return;
        }
        for (Turn t : vm.turns()) {
            ComboBox<Role> role = new ComboBox<>();
            role.getItems().setAll(Role.USER, Role.ASSISTANT);
            role.valueProperty().bindBidirectional(t.roleProperty());
            PromptEditor text = new PromptEditor("turn-" + vm.turns().indexOf(t),
                    t.roleProperty().get() == Role.USER ? "Example question" : "Example answer", t.textProperty());
            text.setPrefHeight(80);
            text.getStyleClass().add("turn-text");
            text.enableCacheMarks(cacheMarks, t.key());
            acceptDroppedText(text, text::setText);
            Button up = small("↑", "Move up", () -> vm.moveTurn(t, -1));
            Button down = small("↓", "Move down", () -> vm.moveTurn(t, +1));
            Button remove = small("✕", "Remove this turn", () -> vm.removeTurn(t));
            VBox side = new VBox(4, role, new HBox(4, up, down, remove));
            HBox row = new HBox(6, side, text);
            HBox.setHgrow(text, Priority.ALWAYS);
            turnsBox.getChildren().add(row);
        }
    }

    private static Button small(String text, String tip, Runnable action) {
        Button b = new Button(text);
        b.setTooltip(new Tooltip(tip));
        b.setOnAction(e -> action.run());
        b.getStyleClass().add("small");
        return b;
    }

    private GridPane options() {
        GridPane g = new GridPane();
        g.setHgap(8);
        g.setVgap(6);
        g.setPadding(new Insets(8, 0, 0, 0));
        g.add(sectionLabel("Request"), 0, 0, 2, 1);
        g.addRow(1, new Label("Expected output tokens"), longField(vm.outputTokensProperty(), "output-tokens",
                "Visible answer length you expect, in tokens. Billed at the output price."));
        g.addRow(2, new Label("Reasoning tokens"), longField(vm.reasoningTokensProperty(), "reasoning-tokens",
                "Hidden reasoning / thinking tokens. Every provider bills them as output."));
        g.addRow(3, new Label("Requests per month"), longField(vm.monthlyRequestsProperty(), "monthly-requests",
                "Monthly volume for the $ / month column."));
        CheckBox cached = new CheckBox("System prompt + examples served from the prompt cache");
        cached.setId("cached-prefix");
        cached.selectedProperty().bindBidirectional(vm.cachedPrefixProperty());
        cached.setTooltip(new Tooltip("Steady state: the prefix is a cache hit (OpenAI/Gemini: cached-input price;"
                + " Anthropic: cache-read price). Prompts below a model's minimum cacheable length are not cached."));
        CheckBox batch = new CheckBox("Batch API (results within 24 h)");
        batch.setId("batch");
        batch.selectedProperty().bindBidirectional(vm.batchProperty());
        batch.setTooltip(new Tooltip("OpenAI, Anthropic and Gemini batch APIs bill every token at 50 %."));
        CheckBox geo = new CheckBox("Data residency / regional processing");
        geo.selectedProperty().bindBidirectional(vm.residencyProperty());
        geo.setTooltip(new Tooltip("Anthropic inference_geo=\"us\" and OpenAI regional processing cost ×1.1 "
                + "on the models that list it."));
        g.add(cached, 0, 4, 2, 1);
        g.add(batch, 0, 5, 2, 1);
        g.add(geo, 0, 6, 2, 1);
        return g;
    }

    private static Label sectionLabel(String s) {
        Label l = new Label(s);
        l.getStyleClass().add("section-title");
        return l;
    }

    private static TextField longField(LongProperty p, String id, String tip) {
        TextField f = new TextField();
        f.setId(id);
        f.setPrefColumnCount(9);
        f.setTooltip(new Tooltip(tip));
        TextFormatter<String> fmt = new TextFormatter<>(c -> c.getControlNewText().matches("[0-9,_ ]{0,15}") ? c : null);
        f.setTextFormatter(fmt);
        f.setText(String.format("%,d", p.get()));
        f.textProperty().addListener((o, a, b) -> {
            String digits = b.replaceAll("[^0-9]", "");
            long v = digits.isEmpty() ? 0 : Long.parseLong(digits);
            if (v != p.get()) {
                p.set(v);
            }
        });
        p.addListener((o, a, b) -> {
            String digits = f.getText().replaceAll("[^0-9]", "");
            long cur = digits.isEmpty() ? 0 : Long.parseLong(digits);
            if (cur != b.longValue()) {
                f.setText(String.format("%,d", b.longValue()));
            }
        });
        return f;
    }
}
