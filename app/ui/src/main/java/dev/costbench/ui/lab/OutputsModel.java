// SPDX-License-Identifier: Apache-2.0
package dev.costbench.ui.lab;

import dev.costbench.model.lab.JudgeFailure;
import dev.costbench.model.lab.JudgeScore;
import dev.costbench.model.lab.Trial;
import dev.costbench.model.lab.Variant;
import dev.costbench.model.lab.judge.JudgeSpec;
import dev.costbench.model.lab.stats.ExperimentData;
import dev.costbench.model.lab.stats.WordDiff;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The outputs side by side: per input × model × repetition the baseline's and the first optimized variant's output
 * with a word-level diff, each side's cost, judge score and the media its variant sent.
 */
public final class OutputsModel {

    /** One side: its title ("verbose (baseline) · $0.0012 · judge 4/5"), media caption, judge tooltip and output. */
    public record Side(String title, String media, String tooltip) {}

    /** What the outputs tab shows for the cell picked. */
    public record Shown(Side left, Side right, List<WordDiff.Segment> diff) {}

    private final ObservableList<String> cells = FXCollections.observableArrayList();
    private final StringProperty selected = new SimpleStringProperty(this, "selected");
    private final ReadOnlyObjectWrapper<Shown> shown = new ReadOnlyObjectWrapper<>(this, "shown");
    private Map<String, Trial[]> pairs = Map.of();
    private Variant base;
    private Variant opt;
    private Map<Long, JudgeScore> scores = Map.of();
    private Map<Long, JudgeFailure> failures = Map.of();
    private JudgeSpec judge;

    OutputsModel() {
        selected.addListener((o, a, b) -> showSelected());
    }

    /** Takes the trials of {@code data} (failed ones left out) and picks the first cell. */
    void set(ExperimentData data, JudgeSpec judge, Map<Long, JudgeScore> scores, Map<Long, JudgeFailure> failures) {
        this.judge = judge;
        this.scores = scores;
        this.failures = failures;
        base = data.baseline();
        opt = data.variants().stream().filter(v -> !v.baseline()).findFirst().orElse(null);
        Map<String, Trial[]> m = new TreeMap<>();
        for (Trial t : data.trials()) {
            if (t.errorText() != null) {
                continue;
            }
            String key = "input " + t.cell().inputId() + " · " + t.cell().modelId() + " · rep "
                    + t.cell().repetition();
            Trial[] pair = m.computeIfAbsent(key, k -> new Trial[2]);
            if (base != null && t.cell().variantId() == base.id()) {
                pair[0] = t;
            } else if (opt != null && t.cell().variantId() == opt.id()) {
                pair[1] = t;
            }
        }
        pairs = m;
        cells.setAll(new ArrayList<>(m.keySet()));
        String keep = selected.get();
        if (keep != null && m.containsKey(keep)) {
            showSelected(); // the same cell, its trials as stored now
        } else if (m.isEmpty()) {
            selected.set(null);
            showSelected();
        } else {
            selected.set(cells.get(0));
        }
    }

    private void showSelected() {
        Trial[] p = cellTrials();
        if (p == null) {
            shown.set(new Shown(side(base, null, true), side(opt, null, false), List.of()));
            return;
        }
        String a = p[0] == null || p[0].outputText() == null ? "" : p[0].outputText();
        String b = p[1] == null || p[1].outputText() == null ? "" : p[1].outputText();
        shown.set(new Shown(side(base, p[0], true), side(opt, p[1], false), WordDiff.diff(a, b)));
    }

    private Side side(Variant v, Trial t, boolean baseline) {
        String title = v == null ? "" : v.name() + (baseline ? " (baseline)" : "");
        if (t != null) {
            title += " · " + ResultsText.money(t.costUsd()) + judgeLabel(t);
        }
        return new Side(title, VariantMediaBox.caption(v), tooltip(t));
    }

    /** " · judge 4/5", " · judge: no score", or "". */
    private String judgeLabel(Trial t) {
        JudgeScore j = scores.get(t.id());
        if (j != null) {
            return " · judge " + ResultsText.score(j.score()) + "/" + (judge == null ? "?" : judge.scale());
        }
        return failures.containsKey(t.id()) ? " · judge: no score" : "";
    }

    private String tooltip(Trial t) {
        JudgeScore j = t == null ? null : scores.get(t.id());
        if (j != null) {
            return "Judge " + j.judgeModel() + ": " + ResultsText.score(j.score()) + "\n"
                    + (j.rationale() == null || j.rationale().isBlank() ? "(no rationale)" : j.rationale());
        }
        JudgeFailure f = t == null ? null : failures.get(t.id());
        return f == null ? null : "The judge gave no score: " + f.error() + "\nJudge again to retry.";
    }

    /** The baseline's and the optimized variant's trial of the cell shown (either may be null), or null. */
    public Trial[] cellTrials() {
        return selected.get() == null ? null : pairs.get(selected.get());
    }

    /** The cells: "input 3 · gpt-4o-mini · rep 2". */
    public ObservableList<String> cells() {
        return cells;
    }

    /** The cell shown; the view's picker is bound to it. */
    public StringProperty selectedProperty() {
        return selected;
    }

    public ReadOnlyObjectProperty<Shown> shownProperty() {
        return shown.getReadOnlyProperty();
    }
}
