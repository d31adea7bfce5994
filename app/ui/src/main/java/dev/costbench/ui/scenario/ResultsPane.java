// SPDX-License-Identifier: Apache-2.0
package dev.costbench.ui.scenario;

import java.time.YearMonth;
import java.time.format.TextStyle;
import java.util.Locale;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/**
 * The figures: totals and price-change warnings over the waterfall (and the compared scenario's beside it), the
 * twelve months and the tornado below, the status line.
 */
final class ResultsPane extends VBox {

    ResultsPane(ScenarioViewModel vm) {
        super(6);
        ScenarioResults results = vm.results();
        Label totals = new Label();
        totals.setId("scenario-totals");
        totals.setWrapText(true);
        totals.setStyle("-fx-font-size: 13px;");
        totals.setMinHeight(Region.USE_PREF_SIZE);
        totals.textProperty().bind(results.totalsProperty());
        WaterfallChart chart = new WaterfallChart();
        chart.setId("waterfall");
        chart.show(results.waterfallProperty().get());
        results.waterfallProperty().addListener((o, a, b) -> chart.show(b));
        Label priceChanges = new Label();
        priceChanges.setId("scenario-price-changes");
        priceChanges.setWrapText(true);
        priceChanges.getStyleClass().add("warning");
        priceChanges.setStyle("-fx-text-fill: -color-warning-fg;");
        priceChanges.setMinHeight(Region.USE_PREF_SIZE);
        priceChanges.textProperty().bind(results.priceChangesProperty());
        priceChanges.managedProperty().bind(results.priceChangesProperty().isNotEmpty());
        priceChanges.visibleProperty().bind(results.priceChangesProperty().isNotEmpty());
        VBox main = new VBox(4, totals, priceChanges, chart);
        VBox.setVgrow(chart, Priority.ALWAYS);

        Label compareTotals = new Label();
        compareTotals.setWrapText(true);
        compareTotals.setMinHeight(Region.USE_PREF_SIZE);
        compareTotals.textProperty().bind(results.compareTotalsProperty());
        WaterfallChart compareChart = new WaterfallChart();
        compareChart.setId("compare-waterfall");
        results.compareWaterfallProperty().addListener((o, a, b) -> compareChart.show(b));
        VBox compareBox = new VBox(4, compareTotals, compareChart);
        VBox.setVgrow(compareChart, Priority.ALWAYS);
        SplitPane charts = new SplitPane(main);
        results.comparingProperty().addListener((o, a, on) -> {
            if (on && !charts.getItems().contains(compareBox)) {
                charts.getItems().add(compareBox);
            } else if (!on) {
                charts.getItems().remove(compareBox);
            }
        });

        TornadoChart tornado = new TornadoChart();
        tornado.setId("tornado");
        tornado.setMinHeight(150);
        tornado.show(results.tornadoProperty().get());
        results.tornadoProperty().addListener((o, a, b) -> tornado.show(b));
        SplitPane split = new SplitPane(charts, bottomTabs(vm, tornado));
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.56);
        Label status = new Label();
        status.setId("scenario-status");
        status.setWrapText(true);
        status.textProperty().bind(results.statusProperty());
        getChildren().addAll(split, status);
        VBox.setVgrow(split, Priority.ALWAYS);
        setPadding(new Insets(6, 10, 10, 0));
    }

    /** "Month by month" (the start month and the twelve months' line chart) and the tornado, as tabs. */
    private static TabPane bottomTabs(ScenarioViewModel vm, TornadoChart tornado) {
        MonthlyChart monthly = new MonthlyChart();
        monthly.setId("monthly-chart");
        monthly.setMinHeight(90);
        monthly.show(vm.results().waterfallProperty().get());
        vm.results().waterfallProperty().addListener((o, a, b) -> monthly.show(b));
        ComboBox<YearMonth> start = new ComboBox<>();
        start.setId("scenario-start-month");
        start.getItems().setAll(vm.startMonthChoices());
        start.setConverter(new StringConverter<>() {
            @Override
            public String toString(YearMonth m) {
                return m == null ? "" : m.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH) + " " + m.getYear();
            }

            @Override
            public YearMonth fromString(String s) {
                return null;
            }
        });
        start.setOnShowing(e -> start.getItems().setAll(vm.startMonthChoices()));
        start.valueProperty().bindBidirectional(vm.startMonthProperty());
        Label caption = new Label("First month");
        caption.setTooltip(new Tooltip("Each of the twelve months is priced at the catalog prices of its first day"));
        HBox bar = new HBox(6, caption, start);
        bar.setAlignment(Pos.CENTER_LEFT);
        VBox months = new VBox(4, bar, monthly);
        VBox.setVgrow(monthly, Priority.ALWAYS);
        months.setPadding(new Insets(4, 0, 0, 0));
        months.setMinHeight(0);
        Tab byMonth = new Tab("Month by month", months);
        Label varied = new Label();
        varied.setId("tornado-inputs");
        varied.setWrapText(true);
        varied.setStyle("-fx-font-size: 11px;");
        varied.textProperty().bind(vm.results().tornadoInputsProperty());
        VBox whatMoves = new VBox(4, tornado, varied);
        VBox.setVgrow(tornado, Priority.ALWAYS);
        Tab uncertain = new Tab("What moves the bill", whatMoves);
        Tab bill = new Tab("Monthly bill", new BillLinesList(vm.results()));
        Tab outlook = new Tab("Users and budget", new OutlookPane(vm));
        TabPane tabs = new TabPane(byMonth, uncertain, bill, outlook);
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.setMinHeight(150);
        return tabs;
    }
}
