// SPDX-License-Identifier: Apache-2.0
package dev.costbench.ui.lab;

import dev.costbench.model.lab.stats.Check;
import dev.costbench.model.lab.stats.QualityMeasure;
import dev.costbench.model.lab.stats.VerdictThresholds;
import java.util.List;
import java.util.Locale;
import javafx.collections.FXCollections;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/**
 * Edits the pass/fail checks run on every output (contains, does not contain, regex, valid JSON, max characters, max
 * tokens) and the verdict thresholds (minimum saving, quality tolerance, the quality measure watched). A check that
 * cannot work — an empty text, a regex that does not compile, a limit that is not a number — is refused inline.
 */
final class QualityEditor extends VBox {

    private final ListView<Check> checks = new ListView<>();
    private final ComboBox<Check.Kind> kind = new ComboBox<>(FXCollections.observableArrayList(Check.Kind.values()));
    private final TextField argument = new TextField();
    private final CheckBox anyCase = new CheckBox("any case");
    private final Label checkError = new Label();
    private final TextField minSaving = new TextField();
    private final TextField tolerance = new TextField();
    private final ComboBox<QualityMeasure> measure =
            new ComboBox<>(FXCollections.observableArrayList(QualityMeasure.values()));
    private final CheckBox significance = new CheckBox("the saving must be significant (p < 0.05)");

    /** @param idPrefix prefix of the node ids (tests look them up), e.g. "setup" or "results" */
    QualityEditor(String idPrefix) {
        super(6);
        checks.setId(idPrefix + "-checks");
        checks.setPrefHeight(96);
        checks.setMinHeight(72);
        checks.setPlaceholder(new Label("No checks: every output passes."));
        checks.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(Check c, boolean empty) {
                super.updateItem(c, empty);
                setText(empty || c == null ? null : c.label());
            }
        });
        kind.setId(idPrefix + "-check-kind");
        kind.getSelectionModel().select(Check.Kind.CONTAINS);
        kind.setConverter(new StringConverter<>() {
            @Override
            public String toString(Check.Kind k) {
                return k == null ? "" : k.code().replace('_', ' ');
            }

            @Override
            public Check.Kind fromString(String s) {
                return null;
            }
        });
        kind.valueProperty().addListener((o, a, k) -> updateArgument());
        argument.setId(idPrefix + "-check-arg");
        argument.textProperty().addListener((o, a, b) -> checkError.setText(""));
        Button add = new Button("Add check");
        add.setId(idPrefix + "-check-add");
        add.setOnAction(e -> addCheck());
        argument.setOnAction(e -> addCheck());
        Button remove = new Button("Remove");
        remove.setId(idPrefix + "-check-remove");
        remove.setOnAction(e -> {
            Check c = checks.getSelectionModel().getSelectedItem();
            if (c != null) {
                checks.getItems().remove(c);
            }
        });
        remove.disableProperty()
                .bind(checks.getSelectionModel().selectedItemProperty().isNull());
        checkError.setId(idPrefix + "-check-error");
        checkError.setStyle("-fx-text-fill: #c0392b;");
        checkError.setWrapText(true);
        HBox.setHgrow(argument, Priority.ALWAYS);
        HBox addBar = new HBox(6, kind, argument, anyCase, add, remove);
        addBar.setAlignment(Pos.CENTER_LEFT);

        minSaving.setId(idPrefix + "-min-saving");
        tolerance.setId(idPrefix + "-tolerance");
        measure.setId(idPrefix + "-measure");
        minSaving.setPrefColumnCount(4);
        tolerance.setPrefColumnCount(4);
        minSaving.setTooltip(new Tooltip("Adopt the optimized prompt only when it saves at least this much per call"));
        tolerance.setTooltip(new Tooltip("…and its quality drops by at most this much, relative to the baseline's"));
        measure.setConverter(new StringConverter<>() {
            @Override
            public String toString(QualityMeasure m) {
                return m == null ? "" : m.label();
            }

            @Override
            public QualityMeasure fromString(String s) {
                return null;
            }
        });
        measure.setTooltip(new Tooltip("similarity: ROUGE-L to the baseline's outputs; judge score: the LLM judge's "
                + "mean; checks passed: the share of outputs passing every check; rating: your Good / Bad ratings"));
        GridPane th = new GridPane();
        th.setHgap(6);
        th.setVgap(4);
        th.addRow(0, new Label("Adopt when the saving is at least"), minSaving, new Label("%"));
        th.addRow(1, new Label("with quality within"), tolerance, new Label("%  measured as"), measure);
        th.add(significance, 0, 2, 4, 1);
        getChildren()
                .addAll(
                        new Label("Pass/fail checks on every output"),
                        checks,
                        addBar,
                        checkError,
                        new Label("Verdict"),
                        th);
        set(List.of(), VerdictThresholds.defaults());
        updateArgument();
    }

    private void updateArgument() {
        Check.Kind k = kind.getValue();
        boolean text = k == Check.Kind.CONTAINS || k == Check.Kind.NOT_CONTAINS || k == Check.Kind.REGEX;
        boolean limit = k == Check.Kind.MAX_CHARS || k == Check.Kind.MAX_TOKENS;
        argument.setDisable(!text && !limit);
        anyCase.setDisable(!text);
        argument.setPromptText(
                k == Check.Kind.REGEX
                        ? "a Java regex, e.g. ^\\{.*\\}$"
                        : text
                                ? "text to look for"
                                : limit
                                        ? (k == Check.Kind.MAX_CHARS
                                                ? "most characters, e.g. 600"
                                                : "most output tokens, e.g. 200")
                                        : "");
        checkError.setText("");
    }

    /** Adds the check the inputs describe, or says why it cannot be added. */
    boolean addCheck() {
        Check.Kind k = kind.getValue();
        String a = argument.getText() == null ? "" : argument.getText();
        try {
            Check c = switch (k) {
                case MAX_CHARS, MAX_TOKENS -> {
                    int n;
                    try {
                        n = Integer.parseInt(a.trim());
                    } catch (NumberFormatException e) {
                        throw new IllegalArgumentException(
                                k.code().replace('_', ' ') + " needs a whole number, e.g. " + "600");
                    }
                    yield new Check(k, null, n, false);
                }
                case VALID_JSON -> Check.validJson();
                default -> new Check(k, a, 0, anyCase.isSelected());
            };
            if (checks.getItems().contains(c)) {
                throw new IllegalArgumentException("that check is already in the list");
            }
            checks.getItems().add(c);
            argument.clear();
            checkError.setText("");
            return true;
        } catch (IllegalArgumentException e) {
            checkError.setText("Not added: " + e.getMessage());
            return false;
        }
    }

    /** Shows {@code cs} and {@code t}. */
    void set(List<Check> cs, VerdictThresholds t) {
        checks.getItems().setAll(cs);
        minSaving.setText(number(t.minSavingPercent()));
        tolerance.setText(number(t.maxQualityDropPercent()));
        measure.setValue(t.qualityMeasure());
        significance.setSelected(t.requireSignificance());
    }

    List<Check> checks() {
        return List.copyOf(checks.getItems());
    }

    /** The thresholds as typed; an {@link IllegalArgumentException} that says what is wrong. */
    VerdictThresholds thresholds() {
        double s;
        double q;
        try {
            s = Double.parseDouble(minSaving.getText().trim().replace("%", ""));
            q = Double.parseDouble(tolerance.getText().trim().replace("%", ""));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("The verdict's saving and quality tolerance must be numbers (percent).");
        }
        if (q < 0) {
            throw new IllegalArgumentException("The quality tolerance must be 0 % or more.");
        }
        return new VerdictThresholds(s, q, measure.getValue(), significance.isSelected());
    }

    private static String number(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : String.format(Locale.ROOT, "%s", d);
    }
}
