// SPDX-License-Identifier: Apache-2.0
package dev.costbench.ui.lab;

import dev.costbench.model.lab.stats.RunComparison;
import dev.costbench.ui.common.View;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.Parent;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * Two runs side by side: per variant × model the change from the earlier to the later run in cost per call, tokens,
 * latency p50 and quality, each with its 95 % interval (unpaired: Welch t, bootstrap for the median), and a chart of
 * the mean cost per call in both runs. The state is the {@link CompareViewModel}'s.
 */
public final class CompareView extends VBox implements View<CompareViewModel> {

    private final CompareViewModel vm;
    private TableView<RunComparison.Row> table = newTable();
    private final SplitPane body;
    private final BarChart<String, Number> chart = new BarChart<>(new CategoryAxis(), new NumberAxis());

    public CompareView(CompareViewModel vm) {
        this.vm = vm;
        setId("lab-compare");
        setSpacing(8);
        setPadding(new Insets(8));
        Label title = new Label();
        title.getStyleClass().add("section-title");
        title.setWrapText(true);
        title.textProperty().bind(vm.titleProperty());
        Label status = new Label();
        status.setId("lab-compare-status");
        status.setWrapText(true);
        status.textProperty().bind(vm.statusProperty());
        chart.setId("lab-compare-chart");
        chart.setTitle("Mean $ per call: earlier vs later run");
        chart.setAnimated(false);
        chart.getYAxis()
                .labelProperty()
                .bind(Bindings.concat("$ per call (", vm.rates().basisProperty(), ")"));
        body = new SplitPane(table, chart);
        body.setOrientation(Orientation.VERTICAL);
        body.setDividerPositions(0.5);
        VBox.setVgrow(body, Priority.ALWAYS);
        Label legend = new Label("Change = later − earlier (negative: cheaper, fewer tokens, faster). In brackets "
                + "the 95 % interval; * when it excludes no change. The runs are independent, so the test is "
                + "unpaired: Welch t for means, a bootstrap of medians for latency.");
        legend.setWrapText(true);
        legend.setStyle("-fx-text-fill: #6c757d;");
        legend.setMinHeight(Region.USE_PREF_SIZE);
        CheckBox rates = new CheckBox("Use my rates");
        rates.setId("lab-compare-use-my-rates");
        rates.selectedProperty().bindBidirectional(vm.rates().useMyRatesProperty());
        rates.setTooltip(new Tooltip("Both runs' costs recomputed from their token usage with your rate card (Rates "
                + "tab); off: list price. The same setting as on the results page."));
        getChildren().addAll(title, rates, status, legend, body);
        vm.shownProperty().addListener((o, a, s) -> render(s));
    }

    private static TableView<RunComparison.Row> newTable() {
        TableView<RunComparison.Row> t = new TableView<>();
        t.setId("lab-compare-table");
        t.setPlaceholder(new Label("No variant × model in either run."));
        t.getColumns()
                .add(text(
                        "Variant · model",
                        220,
                        r -> r.variant() + " · " + r.model()
                                + (!r.inEarlier() ? "  (new)" : !r.inLater() ? "  (gone)" : "")));
        for (RunComparison.Metric m : RunComparison.Metric.values()) {
            t.getColumns().add(metric(m));
        }
        t.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        t.setFixedCellSize(44); // two lines a cell; the theme's rows are one line high (2.8em)
        return t;
    }

    private void render(CompareViewModel.Shown s) {
        chart.getData().clear();
        // A new table for each result: in the workbench, a table whose items were set while it showed its
        // placeholder kept showing the placeholder until the window was resized.
        table = newTable();
        double[] dividers = body.getDividerPositions();
        body.getItems().set(0, table);
        body.setDividerPositions(dividers);
        if (s == null) {
            return;
        }
        RunComparison c = s.comparison();
        table.getItems().setAll(c.rows());
        XYChart.Series<String, Number> s1 = new XYChart.Series<>();
        s1.setName("#" + s.earlier().id() + " (earlier)");
        XYChart.Series<String, Number> s2 = new XYChart.Series<>();
        s2.setName("#" + s.later().id() + " (later)");
        for (RunComparison.Row r : c.rows()) {
            RunComparison.Change ch = r.change(RunComparison.Metric.COST_PER_CALL);
            String k = r.variant() + "\n" + r.model();
            if (!Double.isNaN(ch.earlier())) {
                s1.getData().add(new XYChart.Data<>(k, ch.earlier()));
            }
            if (!Double.isNaN(ch.later())) {
                s2.getData().add(new XYChart.Data<>(k, ch.later()));
            }
        }
        chart.getData().add(s1);
        chart.getData().add(s2);
    }

    private static TableColumn<RunComparison.Row, String> text(
            String name, double w, Function<RunComparison.Row, String> f) {
        TableColumn<RunComparison.Row, String> c = new TableColumn<>(name);
        c.setPrefWidth(w);
        c.setCellValueFactory(p -> new ReadOnlyObjectWrapper<>(f.apply(p.getValue())));
        return c;
    }

    private static TableColumn<RunComparison.Row, RunComparison.Change> metric(RunComparison.Metric m) {
        TableColumn<RunComparison.Row, RunComparison.Change> c = new TableColumn<>(m.label());
        c.setPrefWidth(235);
        c.setCellValueFactory(p -> new ReadOnlyObjectWrapper<>(p.getValue().change(m)));
        c.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(RunComparison.Change ch, boolean empty) {
                super.updateItem(ch, empty);
                if (empty || ch == null) {
                    setText(null);
                    setTooltip(null);
                    return;
                }
                setText(RunComparison.value(m, ch.earlier()) + " → " + RunComparison.value(m, ch.later()) + "\n"
                        + ch.changeText());
                setStyle(ch.significant() ? "-fx-font-weight: bold;" : "");
                setTooltip(new Tooltip(ch.nEarlier() + " observations earlier, " + ch.nLater() + " later; "
                        + ch.method()
                        + (ch.changeCi() == null
                                ? ""
                                : "; change " + RunComparison.value(m, ch.change()) + " (95 % CI "
                                        + RunComparison.value(m, ch.changeCi().low()) + " to "
                                        + RunComparison.value(m, ch.changeCi().high()) + ")")));
            }
        });
        return c;
    }

    @Override
    public Parent root() {
        return this;
    }

    @Override
    public CompareViewModel viewModel() {
        return vm;
    }
}
