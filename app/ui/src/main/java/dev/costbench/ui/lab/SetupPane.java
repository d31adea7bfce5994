// SPDX-License-Identifier: Apache-2.0
package dev.costbench.ui.lab;

import dev.costbench.model.catalog.Catalog;
import dev.costbench.model.catalog.ServiceTier;
import dev.costbench.model.lab.stats.QualitySettings;
import dev.costbench.ui.common.Checked;
import dev.costbench.ui.common.Converters;
import dev.costbench.ui.common.DisabledReason;
import dev.costbench.ui.common.View;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.controlsfx.control.CheckComboBox;

/**
 * Sets up an A/B experiment — baseline and optimized prompts with {{placeholders}}, test inputs, models,
 * repetitions, budget cap, pass/fail checks and verdict thresholds, an optional LLM judge — shows the estimated cost
 * with its range (the judge's apart) and a sample-size hint, and runs it ({@link RunBar}). The state is the
 * {@link SetupViewModel}'s.
 */
public final class SetupPane extends ScrollPane implements View<SetupViewModel> {

    private final SetupViewModel vm;
    private final CheckComboBox<String> models = new CheckComboBox<>();
    private final QualityEditor quality = new QualityEditor("setup");
    private final JudgeEditor judge;
    private boolean syncing;

    public SetupPane(SetupViewModel vm, Catalog catalog) {
        this.vm = vm;
        this.judge = new JudgeEditor(catalog, "setup-judge", true);
        vm.setQualitySource(() -> new QualitySettings(quality.checks(), quality.thresholds(), judge.spec()));
        setId("lab-setup");
        setFitToWidth(true);
        models.setConverter(new StringConverter<>() {
            @Override
            public String toString(String id) {
                return vm.modelLabel(id);
            }

            @Override
            public String fromString(String label) {
                return label;
            }
        });
        models.getItems().setAll(vm.models());
        models.setId("lab-models");
        models.setPrefWidth(420);
        syncChecks();
        vm.checkedModels().addListener((ListChangeListener<String>) c -> syncChecks());
        models.getCheckModel().getCheckedItems().addListener((ListChangeListener<String>) c -> {
            if (!syncing) {
                vm.checkedModels().setAll(Checked.items(models));
            }
        });
        SetupVariants v = vm.variants();
        VariantMediaBox baseMedia = new VariantMediaBox(
                "lab-base",
                v.baselineMedia(),
                vm::checkedEntries,
                () -> v.chooseMedia(v.baselineMedia()),
                f -> v.attach(v.baselineMedia(), f));
        VariantMediaBox optMedia = new VariantMediaBox(
                "lab-opt",
                v.optimizedMedia(),
                vm::checkedEntries,
                () -> v.chooseMedia(v.optimizedMedia()),
                f -> v.attach(v.optimizedMedia(), f));
        vm.checkedModels().addListener((ListChangeListener<String>) c -> {
            baseMedia.refresh();
            optMedia.refresh();
        });
        judge.onChange(vm::judgeChanged);
        showQuality(vm.shownQualityProperty().get());
        vm.shownQualityProperty().addListener((o, was, q) -> showQuality(q));
        VBox box = new VBox(
                8,
                new HBox(8, new Label("Name"), field(vm, "lab-name"), clearButton()),
                variants(baseMedia, optMedia),
                inputs(),
                params(),
                responseCache(),
                batchOption(),
                titled(
                        "Reasoning effort sweep and tools",
                        new SetupSweepPane(vm.sweep(), vm::openTools),
                        "setup-sweep"),
                titled("Quality: pass/fail checks and the verdict", quality, "setup-quality"),
                titled("LLM judge (optional)", judge, "setup-judge"),
                text("lab-estimate-text", vm.estimateProperty()),
                text("lab-judge-estimate", vm.judgeEstimateProperty()),
                text("lab-power", vm.powerProperty()),
                new RunBar(vm),
                errorLine());
        box.setPadding(new Insets(10));
        setContent(box);
    }

    private void showQuality(QualitySettings q) {
        if (q != null) {
            quality.set(q.checks(), q.thresholds());
            judge.set(q.judge());
        }
    }

    private Button clearButton() {
        Button clear = new Button("Clear setup");
        clear.setId("lab-clear-setup");
        clear.setTooltip(new Tooltip("Start over from the example: every field of this page back to its default."));
        clear.setOnAction(e -> vm.clearSetup());
        return clear;
    }

    private void syncChecks() {
        if (Checked.items(models).equals(vm.checkedModels())) {
            return;
        }
        syncing = true;
        try {
            models.getCheckModel().clearChecks();
            vm.checkedModels().forEach(models.getCheckModel()::check);
        } finally {
            syncing = false;
        }
    }

    private static TextField field(SetupViewModel vm, String id) {
        TextField name = new TextField();
        name.setId(id);
        name.textProperty().bindBidirectional(vm.nameProperty());
        HBox.setHgrow(name, Priority.ALWAYS);
        return name;
    }

    private GridPane variants(VariantMediaBox baseMedia, VariantMediaBox optMedia) {
        SetupVariants v = vm.variants();
        Button fromPromptBase = new Button("From the Prompt view");
        fromPromptBase.setTooltip(new Tooltip("Copy the Prompt view's system prompt and user message"));
        fromPromptBase.setOnAction(e -> v.fromPromptView(true));
        Button fromPromptOpt = new Button("From the Prompt view");
        fromPromptOpt.setOnAction(e -> v.fromPromptView(false));
        Button fromMedia = new Button("Images from the Media view");
        fromMedia.setId("lab-from-media");
        fromMedia.setTooltip(new Tooltip("The Media view's original image goes to the baseline, its resized / "
                + "recompressed version to the optimized variant: does the cheaper image answer as well?"));
        fromMedia.setOnAction(e -> v.fromMediaView());
        GridPane g = new GridPane();
        g.setHgap(10);
        g.setVgap(4);
        g.add(new HBox(8, title("Baseline"), fromPromptBase), 0, 0);
        g.add(new HBox(8, title("Optimized"), fromPromptOpt), 1, 0);
        g.add(
                labelled(
                        "System prompt",
                        area("lab-base-system", "System prompt of the baseline", v.baseSystemProperty())),
                0,
                1);
        g.add(
                labelled(
                        "System prompt",
                        area("lab-opt-system", "System prompt of the optimized variant", v.optSystemProperty())),
                1,
                1);
        g.add(
                labelled(
                        "User message — {{placeholders}} are filled from the test inputs",
                        area(
                                "lab-base-user",
                                "User message of the baseline — {{placeholders}} are filled from the inputs",
                                v.baseUserProperty())),
                0,
                2);
        g.add(
                labelled(
                        "User message",
                        area("lab-opt-user", "User message of the optimized variant", v.optUserProperty())),
                1,
                2);
        Label mediaNote = new Label("Images sent with each request (optional)");
        mediaNote.setStyle("-fx-text-fill: -color-fg-muted;");
        HBox mediaBar = new HBox(8, mediaNote, fromMedia);
        mediaBar.setAlignment(Pos.CENTER_LEFT);
        g.add(mediaBar, 0, 3, 2, 1);
        g.add(baseMedia, 0, 4);
        g.add(optMedia, 1, 4);
        ColumnConstraints half = new ColumnConstraints();
        half.setPercentWidth(50);
        g.getColumnConstraints().addAll(half, half);
        return g;
    }

    private VBox inputs() {
        Button load = new Button("Load CSV / JSONL…");
        load.setOnAction(e -> vm.loadInputs());
        return new VBox(
                8,
                new HBox(8, title("Test inputs"), load),
                area(
                        "lab-inputs",
                        "Test inputs: JSONL ({\"ticket\": \"…\"} per line; \"turns\": [\"…\"] makes it a conversation) "
                                + "or CSV with a header row",
                        vm.inputsProperty()));
    }

    private GridPane params() {
        Spinner<Integer> reps = new Spinner<>(1, 100, 3);
        reps.setId("lab-reps");
        reps.setEditable(true);
        reps.getValueFactory().valueProperty().bindBidirectional(vm.params().repetitionsProperty());
        TextField maxTokens = bound("lab-max-tokens", vm.params().maxTokensProperty());
        TextField temperature = bound("lab-temperature", vm.params().temperatureProperty());
        temperature.setPromptText("provider default");
        TextField budget = bound("lab-budget", vm.params().budgetProperty());
        Tooltip guarantee = new Tooltip(vm.params().budgetTooltip());
        guarantee.setWrapText(true);
        guarantee.setMaxWidth(520);
        budget.setTooltip(guarantee);
        GridPane params = new GridPane();
        params.setHgap(8);
        params.setVgap(6);
        params.addRow(0, new Label("Models"), models);
        params.addRow(1, new Label("Repetitions"), reps);
        params.addRow(2, new Label("Max output tokens"), maxTokens);
        params.addRow(3, new Label("Temperature"), temperature);
        params.addRow(4, new Label("Budget cap (USD)"), budget);
        params.addRow(5, new Label("Service tier"), serviceTier());
        return params;
    }

    private ComboBox<ServiceTier> serviceTier() {
        ComboBox<ServiceTier> tier = new ComboBox<>(FXCollections.observableArrayList(SetupParams.TIERS));
        tier.setId("lab-service-tier");
        tier.setConverter(Converters.showing(ServiceTier::label));
        tier.valueProperty().bindBidirectional(vm.params().serviceTierProperty());
        Tooltip tip = new Tooltip(vm.params().serviceTierTooltip());
        tip.setWrapText(true);
        tip.setMaxWidth(520);
        tier.setTooltip(tip);
        return tier;
    }

    private CheckBox responseCache() {
        CheckBox c = new CheckBox("Reuse stored answers for identical requests (never for repetitions)");
        c.selectedProperty().bindBidirectional(vm.params().responseCacheProperty());
        return c;
    }

    /** "Through the Batch API": disabled, with the reason as its tooltip, unless every model's provider has one. */
    private CheckBox batchOption() {
        CheckBox c = new CheckBox(SetupBatch.LABEL);
        c.setId("lab-batch");
        c.selectedProperty().bindBidirectional(vm.batch().selectedProperty());
        DisabledReason.bind(c, vm.batch().reasonProperty());
        return c;
    }

    private static TitledPane titled(String title, Node content, String id) {
        TitledPane p = new TitledPane(title, content);
        p.setId(id);
        p.setExpanded(false);
        return p;
    }

    private static Label text(String id, ObservableValue<String> value) {
        Label l = new Label();
        l.setId(id);
        l.setWrapText(true);
        l.textProperty().bind(value);
        return l;
    }

    private Label errorLine() {
        Label error = text("lab-error", vm.errorProperty());
        error.setStyle("-fx-text-fill: #c0392b;");
        return error;
    }

    private static TextField bound(String id, StringProperty p) {
        TextField f = new TextField();
        f.setId(id);
        f.textProperty().bindBidirectional(p);
        return f;
    }

    private static Label title(String s) {
        Label l = new Label(s);
        l.getStyleClass().add("section-title");
        return l;
    }

    /** A variant's text box under a small label saying what it holds (and named so for screen readers). */
    private static VBox labelled(String label, TextArea area) {
        Label l = new Label(label);
        l.getStyleClass().add("text-muted");
        l.setLabelFor(area);
        area.setAccessibleText(label);
        return new VBox(2, l, area);
    }

    private static TextArea area(String id, String prompt, StringProperty p) {
        TextArea a = new TextArea();
        a.setId(id);
        a.setPromptText(prompt);
        a.setWrapText(true);
        a.setPrefRowCount(3);
        a.textProperty().bindBidirectional(p);
        return a;
    }

    @Override
    public Parent root() {
        return this;
    }

    @Override
    public SetupViewModel viewModel() {
        return vm;
    }
}
