// SPDX-License-Identifier: Apache-2.0
package dev.costbench.ui.lab;

import static dev.costbench.ui.lab.ResultsText.ci;
import static dev.costbench.ui.lab.ResultsText.n;

import dev.costbench.model.cost.Money;
import dev.costbench.model.lab.stats.VariantModelSummary;
import dev.costbench.ui.common.HeaderTips;
import java.util.Locale;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;

/** The results' table: per variant × model the trials, $ per call with its 95 % interval, quality, tokens, latency. */
final class ResultsTable extends TableView<VariantModelSummary> {

    ResultsTable(ResultsViewModel vm) {
        HeaderTips.install(this); // full column titles on hover (narrow columns cut them)
        setId("lab-table");
        Label placeholder = new Label();
        placeholder.textProperty().bind(vm.placeholderProperty());
        setPlaceholder(placeholder);
        setItems(vm.rows());
        getColumns().add(col("Variant", 150, r -> r.variantName() + (r.baseline() ? " (baseline)" : "")));
        getColumns().add(col("Model", 190, vm::modelCell));
        getColumns()
                .add(col(
                        "Trials ok / failed / cached",
                        150,
                        r -> r.succeeded() + " / " + r.failed() + " / " + r.cached()));
        getColumns()
                .add(col(
                        "$ / call, list price (mean, 95 % CI)",
                        220,
                        r -> r.meanCostUsd() == null
                                ? "unpriced"
                                : Money.format(r.meanCostUsd()) + "  "
                                        + ci(r.costPerCall().meanCi())));
        TableColumn<VariantModelSummary, String> judge = col("Judge (mean, 95 % CI)", 190, vm::judgeCell);
        judge.setId("lab-judge-col");
        getColumns().add(judge);
        getColumns().add(col("Checks passed", 100, vm::checksCell));
        getColumns()
                .add(col(
                        "Median $ / call, list price",
                        100,
                        r -> r.medianCostUsd() == null ? "" : Money.format(r.medianCostUsd())));
        getColumns()
                .add(col(
                        "Tokens in / cached / out / reasoning",
                        230,
                        r -> String.format(
                                Locale.ROOT,
                                "%s / %s / %s / %s",
                                n(r.inputTokens().mean()),
                                n(r.cachedInputTokens().mean()),
                                n(r.outputTokens().mean()),
                                n(r.reasoningTokens().mean()))));
        getColumns()
                .add(col(
                        "Latency p50 / p95",
                        140,
                        r -> n(r.latencyMs().median()) + " / " + n(r.latencyMs().p95()) + " ms"));
        getColumns()
                .add(col(
                        "TTFT p50",
                        90,
                        r -> Double.isNaN(r.ttftMs().median())
                                ? ""
                                : n(r.ttftMs().median()) + " ms"));
        getColumns()
                .add(col(
                        "estimate → billed",
                        190,
                        r -> r.estimate() == null || r.estimate().n() == 0
                                ? ""
                                : Money.format(r.estimate().estimatedUsd()) + " → "
                                        + Money.format(r.estimate().billedUsd())));
        getColumns().add(col("spent", 100, r -> Money.format(r.billedTotalUsd())));
        setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
    }

    private static <T> TableColumn<VariantModelSummary, T> col(
            String name, double w, Function<VariantModelSummary, T> f) {
        TableColumn<VariantModelSummary, T> c = new TableColumn<>(name);
        c.setPrefWidth(w);
        c.setCellValueFactory(p -> new ReadOnlyObjectWrapper<>(f.apply(p.getValue())));
        return c;
    }
}
