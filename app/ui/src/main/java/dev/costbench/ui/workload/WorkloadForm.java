// SPDX-License-Identifier: Apache-2.0
package dev.costbench.ui.workload;

import dev.costbench.model.catalog.ModelEntry;
import dev.costbench.model.cost.Money;
import dev.costbench.ui.common.Converters;
import java.math.BigDecimal;
import javafx.beans.property.ObjectProperty;
import javafx.collections.ObservableList;
import javafx.scene.Node;
import javafx.scene.chart.NumberAxis;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Region;

/** The nodes the workload views share: spinners and model boxes bound to view-model inputs, tables, money axes. */
public final class WorkloadForm {

    private final GridPane grid = new GridPane();
    private int row;

    public WorkloadForm() {
        grid.setHgap(8);
        grid.setVgap(4);
    }

    public GridPane grid() {
        return grid;
    }

    /** A section heading across both columns. */
    public void heading(String text) {
        Label l = new Label(text);
        l.setStyle("-fx-font-weight: bold; -fx-padding: 6 0 0 0;");
        grid.add(l, 0, row++, 2, 1);
    }

    /** A labelled node with a tooltip on both. */
    public <N extends Node> N add(String label, N node, String tip) {
        Label l = new Label(label);
        l.setMinWidth(Region.USE_PREF_SIZE);
        Tooltip t = new Tooltip(tip);
        l.setTooltip(t);
        if (node instanceof Control c) {
            c.setTooltip(t);
        }
        l.setLabelFor(node);
        grid.addRow(row++, l, node);
        return node;
    }

    /** An editable whole-number spinner bound to {@code p}. */
    public Spinner<Integer> spinner(
            String id, String label, ObjectProperty<Integer> p, int min, int max, int step, String tip) {
        Spinner<Integer> s = new Spinner<>(min, max, p.get(), step);
        s.setEditable(true);
        s.setPrefWidth(130);
        s.setId(id);
        s.getValueFactory().valueProperty().bindBidirectional(p);
        return add(label, s, tip);
    }

    /** An editable decimal spinner bound to {@code p}. */
    public Spinner<Double> decimal(
            String id, String label, ObjectProperty<Double> p, double max, double step, String tip) {
        Spinner<Double> s = new Spinner<>(0, max, p.get(), step);
        s.setEditable(true);
        s.setPrefWidth(130);
        s.setId(id);
        s.getValueFactory().valueProperty().bindBidirectional(p);
        return add(label, s, tip);
    }

    /** A check box bound to {@code on}, for a lever. */
    public CheckBox lever(String id, String text, ObjectProperty<Boolean> on, String tip) {
        CheckBox c = new CheckBox(text);
        c.setId(id);
        c.setSelected(on.get());
        c.selectedProperty().addListener((o, a, b) -> on.set(b));
        on.addListener((o, a, b) -> c.setSelected(b));
        c.setTooltip(new Tooltip(tip));
        grid.add(c, 0, row++, 2, 1);
        return c;
    }

    /** A model box showing display names ("GPT-5 mini (OpenAI)"), bound to {@code p}. */
    public ComboBox<ModelEntry> model(
            String id, String label, ObservableList<ModelEntry> models, ObjectProperty<ModelEntry> p, String tip) {
        ComboBox<ModelEntry> box = new ComboBox<>(models);
        box.setId(id);
        box.setPrefWidth(230);
        box.setConverter(Converters.showing(WorkloadInputs::display));
        box.valueProperty().bindBidirectional(p);
        return add(label, box, tip);
    }

    /** A value axis whose ticks are money, shown by the app's one money formatter. */
    public static NumberAxis moneyAxis(String label) {
        NumberAxis a = new NumberAxis();
        a.setLabel(label);
        a.setTickLabelFormatter(Converters.showing(n -> Money.format(new BigDecimal(n.toString()))));
        return a;
    }
}
