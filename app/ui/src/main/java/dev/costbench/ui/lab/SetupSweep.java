// SPDX-License-Identifier: Apache-2.0
package dev.costbench.ui.lab;

import dev.costbench.model.lab.run.EffortSweep;
import dev.costbench.model.lab.run.ExperimentSpec;
import dev.costbench.model.lab.run.SpecJsonV2;
import dev.costbench.model.provider.ReasoningEffort;
import dev.costbench.model.provider.ToolSpec;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The setup's reasoning-effort sweep of the optimized variant (each level checked becomes an arm of its own,
 * "Optimized · effort high", with its own row and chart point) and the function tools offered to the model with every
 * request (a JSON array in OpenAI's, Anthropic's, Gemini's or the neutral shape).
 */
public final class SetupSweep {

    /** The levels the setup can sweep, in order. */
    public static final List<ReasoningEffort> LEVELS =
            List.of(ReasoningEffort.LOW, ReasoningEffort.MEDIUM, ReasoningEffort.HIGH);

    private final Map<ReasoningEffort, BooleanProperty> levels = LEVELS.stream()
            .collect(Collectors.toMap(
                    e -> e,
                    e -> new SimpleBooleanProperty(this, "effort" + e.label()),
                    (a, b) -> a,
                    () -> new EnumMap<>(ReasoningEffort.class)));
    private final StringProperty tools = new SimpleStringProperty(this, "tools", "");

    /** Checked: the optimized variant runs at this effort level (an arm of its own). */
    public BooleanProperty levelProperty(ReasoningEffort e) {
        return levels.get(e);
    }

    /** The tools as typed (JSON); empty for none. */
    public StringProperty toolsProperty() {
        return tools;
    }

    /** The levels checked, in order. */
    public List<ReasoningEffort> checked() {
        return LEVELS.stream().filter(e -> levels.get(e).get()).toList();
    }

    /** Every field, for a listener that keeps a draft or an estimate. */
    Observable[] fields() {
        List<Observable> out = new ArrayList<>(levels.values());
        out.add(tools);
        return out.toArray(Observable[]::new);
    }

    /** Back to no sweep and no tools. */
    void reset() {
        levels.values().forEach(p -> p.set(false));
        tools.set("");
    }

    /**
     * {@code variants} with the tools on each and the optimized (not baseline) variants swept over the checked
     * levels.
     *
     * @throws IllegalArgumentException for tools that do not read, saying what is wrong
     */
    List<ExperimentSpec.VariantSpec> apply(List<ExperimentSpec.VariantSpec> variants) {
        List<ToolSpec> ts;
        try {
            ts = SpecJsonV2.readTools(tools.get(), "Tools");
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(e.getMessage() + ". Paste a JSON array of tools, e.g. [{\"name\": "
                    + "\"get_weather\", \"description\": \"…\", \"parameters\": {\"type\": \"object\"}}], or clear "
                    + "the box.");
        }
        List<ReasoningEffort> sweep = checked();
        List<ExperimentSpec.VariantSpec> out = new ArrayList<>();
        for (ExperimentSpec.VariantSpec v : variants) {
            ExperimentSpec.VariantSpec withTools = ts.isEmpty() ? v : v.withTools(ts);
            out.addAll(v.baseline() || sweep.isEmpty() ? List.of(withTools) : EffortSweep.arms(withTools, sweep));
        }
        return out;
    }

    /** What the sweep makes, for the setup page: "3 arms: Optimized · effort low, … high", or "". */
    public String describe(String optimizedName) {
        List<ReasoningEffort> sweep = checked();
        if (sweep.isEmpty()) {
            return "";
        }
        return sweep.size() + (sweep.size() == 1 ? " arm: " : " arms: ")
                + sweep.stream().map(e -> EffortSweep.name(optimizedName, e)).collect(Collectors.joining(", "))
                + " — each its own row and point on the cost–quality chart; models that do not reason are refused "
                + "before the run.";
    }
}
