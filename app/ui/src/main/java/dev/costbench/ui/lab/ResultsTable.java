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
        TableColumn<VariantModelSummary, String> mean = col(
                "$ / call, list price (mean, 95 % CI)",
                220,
                r -> r.meanCostUsd() == null
                        ? "unpriced"
                        : Money.format(r.meanCostUsd()) + "  "
                                + ci(r.costPerCall().meanCi()));
        mean.textProperty().bind(vm.rates().basisProperty().map(b -> "$ / call, " + b + " (mean, 95 % CI)"));
        getColumns().add(mean);
        TableColumn<VariantModelSummary, String> judge = col("Judge (mean, 95 % CI)", 190, vm::judgeCell);
        judge.setId("lab-judge-col");
        getColumns().add(judge);
        getColumns().add(col("Checks passed", 100, vm::checksCell));
        TableColumn<VariantModelSummary, String> median = col(
                "Median $ / call, list price",
                100,
                r -> r.medianCostUsd() == null ? "" : Money.format(r.medianCostUsd()));
        median.textProperty().bind(vm.rates().basisProperty().map(b -> "Median $ / call, " + b));
        getColumns().add(median);
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
        TableColumn<VariantModelSummary, String> spent = col("spent", 100, r -> Money.format(r.billedTotalUsd()));
        spent.textProperty().bind(vm.rates().basisProperty().map(b -> "spent, " + b));
        getColumns().add(spent);
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
