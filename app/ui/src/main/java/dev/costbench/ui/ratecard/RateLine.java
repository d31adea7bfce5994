// SPDX-License-Identifier: Apache-2.0
package dev.costbench.ui.ratecard;

import dev.costbench.model.catalog.ServiceTier;
import dev.costbench.model.ratecard.RateAdjustment;
import dev.costbench.model.validation.NumberRules;
import java.math.BigDecimal;
import javafx.beans.Observable;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** One editable line of the rate-card editor, as typed: the text fields stay text until the card is saved. */
public final class RateLine {

    private final StringProperty label = new SimpleStringProperty(this, "label", "");
    private final StringProperty provider = new SimpleStringProperty(this, "provider", "");
    private final StringProperty models = new SimpleStringProperty(this, "models", "*");
    private final ObjectProperty<ServiceTier> tier = new SimpleObjectProperty<>(this, "tier");
    private final StringProperty percent = new SimpleStringProperty(this, "percent", "");

    /** A blank line. */
    public RateLine() {}

    /** A line showing {@code a}. */
    public RateLine(RateAdjustment a) {
        label.set(a.label());
        provider.set(a.provider() == null ? "" : a.provider());
        models.set(a.models());
        tier.set(a.serviceTier());
        percent.set(a.percent() == null ? "" : a.percent().stripTrailingZeros().toPlainString());
    }

    /** The line's name, e.g. "Azure OpenAI commitment". */
    public StringProperty labelProperty() {
        return label;
    }

    /** The catalog provider id it applies to; empty: every provider. */
    public StringProperty providerProperty() {
        return provider;
    }

    /** The model id pattern (glob). */
    public StringProperty modelsProperty() {
        return models;
    }

    /** The service tier it applies to; null: every tier. */
    public ObjectProperty<ServiceTier> tierProperty() {
        return tier;
    }

    /** The percentage as typed: −15 for a discount, 5 for a markup. */
    public StringProperty percentProperty() {
        return percent;
    }

    Observable[] observables() {
        return new Observable[] {label, provider, models, tier, percent};
    }

    /**
     * The adjustment this line stands for; its percent is null when the text is not a number (the card's problems
     * then say so).
     */
    RateAdjustment adjustment() {
        BigDecimal p;
        try {
            String t = percent.get().trim().replace('−', '-').replace("%", "").trim();
            p = t.isEmpty() ? null : NumberRules.parse("percent", t);
        } catch (IllegalArgumentException e) {
            p = null;
        }
        return new RateAdjustment(label.get(), provider.get(), models.get(), tier.get(), p);
    }
}
