// SPDX-License-Identifier: Apache-2.0
package dev.costbench.ui.lab;

import dev.costbench.model.catalog.Catalog;
import dev.costbench.ui.common.DisabledReason;
import dev.costbench.ui.common.View;
import java.util.function.Supplier;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TitledPane;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * An experiment's results: the status of the last run, the verdict lines, a table per variant × model with
 * confidence intervals (judge scores and checks included), cost vs quality and latency charts, and the outputs side
 * by side. The checks and verdict thresholds can be edited after the run, and "Judge…" (Ctrl+J) scores the outputs
 * with an LLM judge whose cost is shown apart. The state is the {@link ResultsViewModel}'s.
 */
public final class ResultsPane extends VBox implements View<ResultsViewModel> {

    private final ResultsViewModel vm;
    private final VBox verdicts = new VBox(4);
    private final QualityEditor quality = new QualityEditor("results");
    private final Button judgeButton = new Button("Judge…");

    /** @param catalog the judge models for "Judge…" (null: no judging) */
    public ResultsPane(ResultsViewModel vm, Supplier<Catalog> catalog) {
        this.vm = vm;
        setId("lab-results");
        setSpacing(8);
        setPadding(new Insets(8));
        Label title = new Label();
        title.getStyleClass().add("section-title");
        title.textProperty().bind(vm.titleProperty());
        Label status = new Label();
        status.setId("lab-results-status");
        status.setWrapText(true);
        status.setMinHeight(Region.USE_PREF_SIZE); // every line of it: what to do comes last
        status.setStyle("-fx-text-fill: #b02a37;");
        status.textProperty().bind(vm.statusProperty());
        status.visibleProperty().bind(vm.statusProperty().isNotEmpty());
        status.managedProperty().bind(status.visibleProperty());
        verdicts.setId("lab-verdicts");
        vm.verdicts().addListener((ListChangeListener<ResultsViewModel.VerdictLine>) c -> verdictLines());
        TabPane tabs = new TabPane(
                new Tab("Charts", new ResultsChartsPane(vm.charts(), vm.rates().basisProperty())),
                new Tab("Outputs side by side", new OutputsPane(vm)));
        tabs.getTabs().forEach(t -> t.setClosable(false));
        SplitPane body = new SplitPane(new ResultsTable(vm), tabs);
        body.setOrientation(Orientation.VERTICAL);
        body.setDividerPositions(0.34);
        VBox.setVgrow(body, Priority.ALWAYS);
        Label tiers = new Label();
        tiers.setId("lab-results-tiers");
        tiers.setWrapText(true);
        tiers.setMinHeight(Region.USE_PREF_SIZE);
        tiers.getStyleClass().add("warning-text");
        tiers.setStyle("-fx-text-fill: #9a6700;");
        tiers.setTooltip(new Tooltip(
                "Each trial is priced at the service tier the provider says it served, " + "not the one asked for."));
        tiers.textProperty().bind(vm.tiersProperty());
        tiers.visibleProperty().bind(vm.tiersProperty().isNotEmpty());
        tiers.managedProperty().bind(tiers.visibleProperty());
        Label success = new Label();
        success.setId("lab-results-success");
        success.setWrapText(true);
        success.setMinHeight(Region.USE_PREF_SIZE);
        success.setStyle("-fx-font-weight: bold;");
        success.setTooltip(new Tooltip("All a variant spent — failed trials, retries and judge calls included — "
                + "divided by its trials that succeeded (answered, passed every check, judged at least 80 % of the "
                + "scale when judged)."));
        success.textProperty().bind(vm.successProperty());
        success.visibleProperty().bind(vm.successProperty().isNotEmpty());
        success.managedProperty().bind(success.visibleProperty());
        getChildren().addAll(title, status, tiers, success, tools(), verdicts, qualityPane(), body);
        vm.quality().settingsProperty().addListener((o, a, q) -> {
            if (q != null) {
                quality.set(q.checks(), q.thresholds());
            }
        });
        vm.judgingProperty().addListener((o, a, j) -> {
            if (j != null && catalog != null) {
                new JudgeDialog(getScene() == null ? null : getScene().getWindow(), catalog.get(), j).show();
            }
        });
        setOnKeyPressed(k -> {
            if (k.isShortcutDown() && k.getCode() == KeyCode.J && vm.canJudge()) {
                vm.openJudge();
                k.consume();
            }
        });
    }

    private HBox tools() {
        judgeButton.setId("lab-judge");
        judgeButton.setTooltip(new Tooltip("Score every output with an LLM judge and a rubric (Ctrl+J); its cost is "
                + "counted apart from the trials"));
        StringProperty judgeWhy = new SimpleStringProperty(vm.judgeReason());
        vm.titleProperty().addListener((o, a, b) -> judgeWhy.set(vm.judgeReason()));
        DisabledReason.bind(judgeButton, judgeWhy); // disabled with its reason while it cannot judge
        judgeButton.setOnAction(e -> vm.openJudge());
        Label spend = new Label();
        spend.setId("lab-spend");
        spend.setTooltip(new Tooltip("What the experiment cost: the trials, and the judge's calls counted apart"));
        spend.textProperty().bind(vm.spendProperty());
        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setPrefSize(16, 16);
        spinner.setMaxSize(16, 16);
        Label pendingText = new Label();
        pendingText.setStyle("-fx-text-fill: #6c757d;");
        pendingText.textProperty().bind(vm.pendingProperty());
        HBox pending = new HBox(6, spinner, pendingText);
        pending.setId("lab-quality-pending");
        pending.setAlignment(Pos.CENTER_LEFT);
        pending.visibleProperty().bind(vm.pendingProperty().isNotEmpty());
        pending.managedProperty().bind(pending.visibleProperty());
        Tooltip.install(
                pending,
                new Tooltip("The cost table and t intervals are shown; the quality scores, "
                        + "bootstrap intervals and verdicts follow when computed"));
        CheckBox rates = new CheckBox("Use my rates");
        rates.setId("lab-use-my-rates");
        rates.selectedProperty().bindBidirectional(vm.rates().useMyRatesProperty());
        rates.setTooltip(
                new Tooltip("Every cost figure recomputed from the trials' token usage at the prices of the day "
                        + "they ran, then your rate card (Rates tab); off: list price. Nothing stored changes."));
        HBox tools = new HBox(12, judgeButton, rates, spend, pending);
        tools.setAlignment(Pos.CENTER_LEFT);
        return tools;
    }

    private TitledPane qualityPane() {
        Button apply = new Button("Apply and recompute");
        apply.setId("results-apply");
        apply.setOnAction(e -> {
            try {
                vm.quality().apply(quality.checks(), quality.thresholds());
            } catch (IllegalArgumentException ex) {
                vm.quality().invalid(ex.getMessage());
            }
        });
        Label error = new Label();
        error.setId("results-quality-error");
        error.setStyle("-fx-text-fill: #c0392b;");
        error.textProperty().bind(vm.quality().errorProperty());
        TitledPane edit =
                new TitledPane("Checks and verdict thresholds", new VBox(6, quality, new HBox(8, apply, error)));
        edit.setId("results-quality");
        edit.setExpanded(false);
        return edit;
    }

    private void verdictLines() {
        verdicts.getChildren().clear();
        for (ResultsViewModel.VerdictLine v : vm.verdicts()) {
            Label l = new Label(v.text());
            l.setWrapText(true);
            l.setStyle("-fx-font-size: 13px; -fx-text-fill: " + v.color() + ";");
            if (!v.tooltip().isEmpty()) {
                l.setTooltip(new Tooltip(v.tooltip()));
            }
            l.getStyleClass().add("lab-verdict");
            if (v.pending()) {
                l.getStyleClass().add("lab-verdict-pending");
            }
            verdicts.getChildren().add(l);
        }
    }

    @Override
    public Parent root() {
        return this;
    }

    @Override
    public ResultsViewModel viewModel() {
        return vm;
    }
}
