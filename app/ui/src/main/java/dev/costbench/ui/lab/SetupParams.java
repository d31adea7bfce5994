// SPDX-License-Identifier: Apache-2.0
package dev.costbench.ui.lab;

import static dev.costbench.ui.lab.SetupVariants.text;

import dev.costbench.model.lab.run.BudgetGuarantee;
import dev.costbench.model.lab.run.ExperimentSpec;
import java.math.BigDecimal;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** The setup's run parameters: repetitions, max output tokens, temperature, budget cap and answer reuse. */
public final class SetupParams {

    /** The parameters as the fields say, checked. */
    record Parsed(int repetitions, BigDecimal budget, boolean responseCache, ExperimentSpec.Params params) {}

    private final ObjectProperty<Integer> repetitions = new SimpleObjectProperty<>(this, "repetitions", 3);
    private final StringProperty maxTokens = new SimpleStringProperty(this, "maxTokens", "300");
    private final StringProperty temperature = new SimpleStringProperty(this, "temperature", "");
    private final StringProperty budget = new SimpleStringProperty(this, "budget", "1.00");
    private final BooleanProperty responseCache = new SimpleBooleanProperty(this, "responseCache");

    /** The fields, checked; a clear message for a value that is not a number or not positive. */
    Parsed parse() {
        int max;
        BigDecimal cap;
        Double temp;
        try {
            max = Integer.parseInt(text(maxTokens).trim());
            cap = text(budget).isBlank() ? null : new BigDecimal(text(budget).trim());
            temp = text(temperature).isBlank()
                    ? null
                    : Double.valueOf(text(temperature).trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Max output tokens, temperature and budget must be numbers.");
        }
        if (max <= 0 || (cap != null && cap.signum() <= 0)) {
            throw new IllegalArgumentException("Max output tokens and the budget must be positive.");
        }
        int reps = repetitions.get() == null ? 1 : repetitions.get();
        return new Parsed(reps, cap, responseCache.get(), new ExperimentSpec.Params(temp, max, null, null, null));
    }

    /**
     * The budget field's tooltip: what the cap guarantees. The one place this text comes from (a model-level
     * sentence describing the guarantee may replace it).
     */
    public String budgetTooltip() {
        return "The most the trials of this run may spend, in USD; empty for no cap.\n\n" + BudgetGuarantee.TEXT;
    }

    public ObjectProperty<Integer> repetitionsProperty() {
        return repetitions;
    }

    public StringProperty maxTokensProperty() {
        return maxTokens;
    }

    public StringProperty temperatureProperty() {
        return temperature;
    }

    public StringProperty budgetProperty() {
        return budget;
    }

    public BooleanProperty responseCacheProperty() {
        return responseCache;
    }
}
