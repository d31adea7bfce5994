// SPDX-License-Identifier: Apache-2.0
package dev.costbench.ui.lab;

import static dev.costbench.ui.lab.SetupVariants.text;

import dev.costbench.model.catalog.ServiceTier;
import dev.costbench.model.lab.run.BudgetGuarantee;
import dev.costbench.model.lab.run.ExperimentSpec;
import java.math.BigDecimal;
import java.util.List;
import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The setup's run parameters: repetitions, max output tokens, temperature, budget cap, answer reuse and the service
 * tier asked for.
 */
public final class SetupParams {

    /** The parameters as the fields say, checked. */
    record Parsed(int repetitions, BigDecimal budget, boolean responseCache, ExperimentSpec.Params params) {}

    private final ObjectProperty<Integer> repetitions = new SimpleObjectProperty<>(this, "repetitions", 3);
    private final StringProperty maxTokens = new SimpleStringProperty(this, "maxTokens", "300");
    private final StringProperty temperature = new SimpleStringProperty(this, "temperature", "");
    private final StringProperty budget = new SimpleStringProperty(this, "budget", "1.00");
    private final BooleanProperty responseCache = new SimpleBooleanProperty(this, "responseCache");
    private final ObjectProperty<ServiceTier> serviceTier =
            new SimpleObjectProperty<>(this, "serviceTier", ServiceTier.STANDARD);

    /** The tiers a run can ask for. */
    public static final List<ServiceTier> TIERS = List.of(ServiceTier.STANDARD, ServiceTier.FLEX, ServiceTier.PRIORITY);

    /** Back to the values a new setup starts with. */
    void reset() {
        repetitions.set(3);
        maxTokens.set("300");
        temperature.set("");
        budget.set("1.00");
        responseCache.set(false);
        serviceTier.set(ServiceTier.STANDARD);
    }

    /** Every field, for a listener that keeps a draft. */
    Observable[] fields() {
        return new Observable[] {repetitions, maxTokens, temperature, budget, responseCache, serviceTier};
    }

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
        ServiceTier tier =
                serviceTier.get() == null || serviceTier.get() == ServiceTier.STANDARD ? null : serviceTier.get();
        return new Parsed(reps, cap, responseCache.get(), new ExperimentSpec.Params(temp, max, null, null, null, tier));
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

    /** The service tier asked for (Standard by default); trials are priced at the tier the provider serves. */
    public ObjectProperty<ServiceTier> serviceTierProperty() {
        return serviceTier;
    }

    /** The tier field's tooltip. */
    public String serviceTierTooltip() {
        return "The service tier every call asks for: Standard (the default), Flex (OpenAI: cheaper, slower, may be "
                + "refused when busy) or Priority (OpenAI; Anthropic Priority Tier where your organization has it). "
                + "Each trial is priced at the tier the provider says it served, and the results flag a change.";
    }
}
