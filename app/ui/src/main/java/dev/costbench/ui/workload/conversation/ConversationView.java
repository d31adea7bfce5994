// SPDX-License-Identifier: Apache-2.0
package dev.costbench.ui.workload.conversation;

import dev.costbench.model.catalog.ModelEntry;
import dev.costbench.model.tuning.CacheTtl;
import dev.costbench.ui.common.Converters;
import dev.costbench.ui.common.View;
import java.util.function.Function;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Spinner;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * Workloads ▸ Conversation: the conversation's source and shape on the left (spinners), the strategies table and the
 * cumulative-cost chart on the right. Lays out and binds only.
 */
public final class ConversationView implements View<ConversationViewModel> {

    private final ConversationViewModel vm;
    private final BorderPane root = new BorderPane();
    private final CumulativeCostChart chart = new CumulativeCostChart();

    public ConversationView(ConversationViewModel vm) {
        this.vm = vm;
        ComboBox<String> samples = new ComboBox<>();
        samples.getItems().setAll(vm.samples());
        samples.setConverter(Converters.showing(ConversationViewModel::sampleName));
        samples.setPromptText("Pick a sample");
        samples.setPrefWidth(340);
        // the picker names the sample shown, and is empty again when a file or the prompt is shown
        samples.setValue(vm.sampleProperty().get());
        vm.sampleProperty().addListener((o, a, b) -> samples.setValue(b));
        samples.setOnAction(e -> {
            String key = samples.getValue();
            if (key != null && !key.equals(vm.sampleProperty().get())) {
                vm.openSample(key);
            }
        });
        Button open = new Button("Open…");
        open.setOnAction(e -> vm.open());
        open.setTooltip(new Tooltip("Open a conversation file (costbench-conversation JSON)"));
        Button fromPrompt = new Button("From the prompt");
        fromPrompt.setOnAction(e -> vm.fromPrompt());
        fromPrompt.setTooltip(new Tooltip("The system prompt, turns and user message being edited in the Prompt view"));
        Label source = new Label();
        source.textProperty().bind(vm.sourceProperty());
        source.getStyleClass().add("text-bold");
        HBox top = new HBox(8, new Label("Conversation:"), samples, open, fromPrompt, source);
        top.setAlignment(Pos.CENTER_LEFT);
        top.setPadding(new Insets(8));

        ScrollPane form = new ScrollPane(form());
        form.setFitToWidth(true);
        form.setMinWidth(360);

        TableView<ConversationResults.Row> table = new TableView<>(vm.rows());
        table.getColumns().add(column("Strategy", ConversationResults.Row::strategy, 190));
        table.getColumns().add(column("Per conversation", ConversationResults.Row::perConversation, 160));
        table.getColumns().add(column("Saving vs full history", ConversationResults.Row::saving, 160));
        table.getColumns().add(column("Pays off", ConversationResults.Row::payoff, 110));
        table.getColumns().add(column("History at the end", ConversationResults.Row::history, 140));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setFixedCellSize(28);
        table.setPrefHeight(28 * 4 + 48);
        table.setMinHeight(28 * 4 + 48);
        table.setPlaceholder(new Label("Pick a sample, open a conversation file, or take the prompt"));
        vm.lines().addListener((ListChangeListener<ConversationResults.Line>) c -> chart.show(vm.lines()));
        chart.show(vm.lines());
        Label status = new Label();
        status.textProperty().bind(vm.statusProperty());
        Label notes = new Label();
        notes.textProperty().bind(vm.notesProperty());
        notes.setWrapText(true);
        notes.getStyleClass().add("text-muted");
        notes.setMinHeight(Region.USE_PREF_SIZE);
        VBox results = new VBox(6, table, chart, status, notes);
        VBox.setVgrow(chart, Priority.ALWAYS);
        results.setPadding(new Insets(0, 8, 8, 8));
        SplitPane split = new SplitPane(form, results);
        split.setOrientation(Orientation.HORIZONTAL);
        split.setDividerPositions(0.3);
        SplitPane.setResizableWithParent(form, false);
        root.setTop(top);
        root.setCenter(split);
    }

    private GridPane form() {
        GridPane g = new GridPane();
        g.setHgap(8);
        g.setVgap(6);
        g.setPadding(new Insets(8));
        ColumnConstraints labels = new ColumnConstraints();
        labels.setMinWidth(Region.USE_PREF_SIZE);
        g.getColumnConstraints().add(labels);
        ComboBox<ModelEntry> model = models(vm.modelProperty());
        int r = 0;
        g.add(new Label("Model"), 0, r++);
        g.add(model, 0, r++, 2, 1);
        labelled(g, r++, "Turns", spinner(vm.turnsProperty(), 1, 10_000, 1));
        labelled(g, r++, "System prompt tokens", spinner(vm.systemTokensProperty(), 0, 10_000_000, 50));
        labelled(g, r++, "Tools tokens", spinner(vm.toolsTokensProperty(), 0, 10_000_000, 50));
        labelled(g, r++, "User tokens per turn", spinner(vm.userTokensProperty(), 0, 10_000_000, 10));
        labelled(g, r++, "Assistant tokens per turn", spinner(vm.assistantTokensProperty(), 0, 10_000_000, 10));
        Label sizes = new Label("Each turn keeps its size from the file (the spinners show the average); edit them "
                + "to make every turn the same size.");
        sizes.setWrapText(true);
        sizes.getStyleClass().add("text-muted");
        sizes.visibleProperty().bind(vm.sizesFromFileProperty());
        sizes.managedProperty().bind(vm.sizesFromFileProperty());
        g.add(sizes, 0, r++, 2, 1);
        labelled(g, r++, "Seconds between turns", spinner(vm.turnGapProperty(), 0, 86_400, 15));

        Label strategies = new Label("Strategies (full history is always shown)");
        strategies.getStyleClass().add("text-bold");
        g.add(strategies, 0, r++, 2, 1);
        CheckBox cache = new CheckBox("Prompt caching, cache lives");
        cache.selectedProperty().bindBidirectional(vm.cacheProperty());
        ComboBox<CacheTtl> ttl = new ComboBox<>();
        ttl.getItems().setAll(CacheTtl.values());
        ttl.setConverter(Converters.showing(CacheTtl::label));
        ttl.valueProperty().bindBidirectional(vm.ttlProperty());
        ttl.setAccessibleText("Cache lifetime");
        g.addRow(r++, cache, ttl);
        CheckBox summarize = new CheckBox("Summarize every N turns");
        summarize.selectedProperty().bindBidirectional(vm.summarizeProperty());
        g.addRow(
                r++,
                summarize,
                named(spinner(vm.summarizeEveryProperty(), 1, 10_000, 1), "Summarize every N turns: N"));
        labelled(g, r++, "Summary tokens", spinner(vm.summaryTokensProperty(), 0, 1_000_000, 50));
        g.add(new Label("Summarizer"), 0, r++);
        g.add(models(vm.summarizerProperty()), 0, r++, 2, 1);
        CheckBox window = new CheckBox("Keep only the last N turns");
        window.selectedProperty().bindBidirectional(vm.windowProperty());
        g.addRow(r++, window, named(spinner(vm.windowTurnsProperty(), 1, 10_000, 1), "Keep only the last N turns: N"));
        return g;
    }

    /** A row of a label and the spinner it names (labelFor: screen readers say the label). */
    private static void labelled(GridPane g, int row, String text, Spinner<Integer> s) {
        Label l = new Label(text);
        l.setLabelFor(s);
        g.addRow(row, l, s);
    }

    private static Spinner<Integer> named(Spinner<Integer> s, String name) {
        s.setAccessibleText(name);
        return s;
    }

    private ComboBox<ModelEntry> models(ObjectProperty<ModelEntry> p) {
        ComboBox<ModelEntry> box = new ComboBox<>(vm.models());
        box.setConverter(Converters.showing(ConversationViewModel::modelName));
        box.valueProperty().bindBidirectional(p);
        box.setVisibleRowCount(16);
        box.setMaxWidth(Double.MAX_VALUE);
        return box;
    }

    private static Spinner<Integer> spinner(IntegerProperty p, int min, int max, int step) {
        Spinner<Integer> s = new Spinner<>(min, max, Math.max(min, p.get()), step);
        s.setEditable(true);
        s.setPrefWidth(110);
        ObjectProperty<Integer> value = p.asObject();
        s.getProperties().put("value", value); // a bidirectional binding holds its ends weakly
        s.getValueFactory().valueProperty().bindBidirectional(value);
        s.focusedProperty().addListener((o, was, now) -> {
            if (!now) {
                s.increment(0); // commits what was typed when the field loses focus
            }
        });
        return s;
    }

    private static TableColumn<ConversationResults.Row, String> column(
            String title, Function<ConversationResults.Row, String> cell, double width) {
        TableColumn<ConversationResults.Row, String> c = new TableColumn<>(title);
        c.setCellValueFactory(d -> new ReadOnlyStringWrapper(cell.apply(d.getValue())));
        c.setPrefWidth(width);
        return c;
    }

    @Override
    public Parent root() {
        return root;
    }

    @Override
    public ConversationViewModel viewModel() {
        return vm;
    }
}
