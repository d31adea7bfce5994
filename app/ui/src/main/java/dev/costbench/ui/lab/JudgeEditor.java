// SPDX-License-Identifier: Apache-2.0
package dev.costbench.ui.lab;

import dev.costbench.model.catalog.Catalog;
import dev.costbench.model.catalog.ModelEntry;
import dev.costbench.model.cost.Money;
import dev.costbench.model.lab.judge.JudgeProgress;
import dev.costbench.model.lab.judge.JudgeSpec;
import dev.costbench.model.lab.run.BudgetGuarantee;
import java.math.BigDecimal;
import java.util.Locale;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * Sets up an LLM-as-judge: the judge model (from the catalog, which prices its calls), the rubric (a sensible default
 * to edit), the scale, whether the judge sees the baseline's output as a reference, and a cap on the judge's
 * spending. Optional in the setup ({@link #enabled}); always on in the Judge dialog.
 */
final class JudgeEditor extends VBox {

    private final CheckBox enabled = new CheckBox("Score every output with an LLM judge (its cost is counted apart)");
    private final ComboBox<String> model = new ComboBox<>();
    private final TextArea rubric = new TextArea(JudgeSpec.DEFAULT_RUBRIC);
    private final Spinner<Integer> scale = new Spinner<>(2, 10, 5);
    private final CheckBox reference = new CheckBox("Show the judge the baseline's output as a reference");
    private final TextField budget = new TextField("0.50");
    private final GridPane form = new GridPane();

    /**
     * @param idPrefix node id prefix ("setup-judge", "dialog-judge")
     * @param optional true: a check box switches the judge on (off at first)
     */
    JudgeEditor(Catalog catalog, String idPrefix, boolean optional) {
        super(6);
        enabled.setId(idPrefix + "-on");
        model.setId(idPrefix + "-model");
        rubric.setId(idPrefix + "-rubric");
        scale.setId(idPrefix + "-scale");
        budget.setId(idPrefix + "-budget");
        model.getItems()
                .setAll(catalog.models().stream().map(ModelEntry::id).sorted().toList());
        model.setValue(
                model.getItems().contains("gpt-4o-mini")
                        ? "gpt-4o-mini"
                        : model.getItems().isEmpty() ? null : model.getItems().get(0));
        model.setTooltip(new Tooltip("The judge model; a small, cheap model is usually enough for a clear rubric"));
        rubric.setWrapText(true);
        rubric.setPrefRowCount(5);
        rubric.setTooltip(new Tooltip("What a good answer is. The judge answers {\"score\": n, \"rationale\": …}; an "
                + "answer without a score in the scale is recorded as a failure, never guessed"));
        scale.setEditable(true);
        scale.setPrefWidth(80);
        budget.setPrefColumnCount(6);
        Tooltip guarantee = new Tooltip("The most all judge calls of this experiment may spend, in USD; empty for no "
                + "cap.\n\n" + BudgetGuarantee.TEXT);
        guarantee.setWrapText(true);
        guarantee.setMaxWidth(520);
        budget.setTooltip(guarantee);
        form.setHgap(8);
        form.setVgap(4);
        model.setPrefWidth(240);
        form.addRow(0, label("Judge model"), model, label("Scale 1 –"), scale, label("Judge cap (USD)"), budget);
        VBox body = new VBox(4, form, rubric, reference);
        if (optional) {
            body.disableProperty().bind(enabled.selectedProperty().not());
            getChildren().add(enabled);
        } else {
            enabled.setSelected(true);
        }
        getChildren().add(body);
    }

    private static Label label(String text) {
        Label l = new Label(text);
        l.setMinWidth(Region.USE_PREF_SIZE);
        return l;
    }

    /** "3 of 18 scored · 1 failed · judge spent $0.0004" for a progress line. */
    static String progressText(JudgeProgress p) {
        return String.format(
                Locale.ROOT,
                "%d of %d scored%s · judge spent %s",
                p.scored(),
                p.total(),
                p.failed() == 0 ? "" : " · " + p.failed() + " failed",
                Money.format(p.spentUsd()));
    }

    /** "$0.50": a cap as every amount is shown ({@link Money#format}). */
    static String cap(BigDecimal usd) {
        return Money.format(usd);
    }

    /** The judge as set up, or null when it is switched off; a clear message for what is wrong. */
    JudgeSpec spec() {
        if (!enabled.isSelected()) {
            return null;
        }
        if (model.getValue() == null) {
            throw new IllegalArgumentException("Pick a judge model.");
        }
        BigDecimal cap;
        try {
            cap = budget.getText() == null || budget.getText().isBlank()
                    ? null
                    : new BigDecimal(budget.getText().trim().replace("$", ""));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("The judge cap must be an amount in USD, e.g. 0.50.");
        }
        if (cap != null && cap.signum() <= 0) {
            throw new IllegalArgumentException("The judge cap must be positive (or empty for no cap).");
        }
        return new JudgeSpec(
                model.getValue(),
                rubric.getText(),
                scale.getValue(),
                reference.isSelected(),
                JudgeSpec.DEFAULT_MAX_OUTPUT_TOKENS,
                cap);
    }

    /** Shows {@code s} (switched on), or switches the judge off for null. */
    void set(JudgeSpec s) {
        enabled.setSelected(s != null);
        if (s != null) {
            if (!model.getItems().contains(s.model())) {
                model.getItems().add(s.model());
            }
            model.setValue(s.model());
            rubric.setText(s.rubric());
            scale.getValueFactory().setValue(Math.min(10, s.scale()));
            reference.setSelected(s.reference());
            budget.setText(s.budgetUsd() == null ? "" : s.budgetUsd().toPlainString());
        }
    }

    CheckBox enabledBox() {
        return enabled;
    }

    /** Runs {@code r} whenever a setting changes (to refresh an estimate). */
    void onChange(Runnable r) {
        enabled.selectedProperty().addListener((o, a, b) -> r.run());
        model.valueProperty().addListener((o, a, b) -> r.run());
        scale.valueProperty().addListener((o, a, b) -> r.run());
        reference.selectedProperty().addListener((o, a, b) -> r.run());
    }
}
