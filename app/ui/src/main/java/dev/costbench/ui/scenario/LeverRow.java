// SPDX-License-Identifier: Apache-2.0
package dev.costbench.ui.scenario;

import dev.costbench.model.scenario.Component;
import dev.costbench.model.scenario.Lever;
import dev.costbench.model.scenario.LeverEntry;
import java.math.BigDecimal;
import java.util.Locale;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * One lever of the stack as the levers section shows it: on or off, its knob (the one number a slider moves, if any),
 * what it saves a month in the waterfall and why it saved less than its headline, and its validation error.
 */
public final class LeverRow {

    private final String id;
    private final String label;
    private final String tooltip;
    private final Knob knob;
    private final boolean showsNotes;
    private final BooleanProperty enabled = new SimpleBooleanProperty(this, "enabled");
    private final DoubleProperty value = new SimpleDoubleProperty(this, "value");
    private final ReadOnlyStringWrapper valueText = new ReadOnlyStringWrapper(this, "valueText", "");
    private final ReadOnlyStringWrapper saving = new ReadOnlyStringWrapper(this, "saving", "");
    private final ReadOnlyStringWrapper notes = new ReadOnlyStringWrapper(this, "notes", "");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final boolean caching;
    private final StringProperty ttlHours = new SimpleStringProperty(this, "ttlHours", "");
    private final StringProperty requestsPerHour = new SimpleStringProperty(this, "requestsPerHour", "");

    LeverRow(LeverEntry e) {
        this.id = e.id();
        this.label = e.label();
        this.tooltip = e.lever().kind() + " — acts on "
                + e.lever().component().toString().toLowerCase(Locale.ROOT).replace('_', ' ')
                + (e.note() == null || e.note().isBlank() ? "" : "\n" + e.note());
        this.knob = Knob.of(e.lever());
        this.caching = e.lever() instanceof Lever.PromptCaching;
        // levers whose notes say why they cannot apply to a kind of request type show them on the row
        this.showsNotes = e.lever() instanceof Lever.ServiceTierLever
                || caching
                || e.lever() instanceof Lever.Batch
                || e.lever().component() == Component.PROMPT_TOKENS;
        if (e.lever() instanceof Lever.PromptCaching c) {
            ttlHours.set(plain(c.ttlHours()));
            requestsPerHour.set(plain(c.requestsPerHour()));
        }
        enabled.set(e.enabled() == null || e.enabled());
        if (knob != null) {
            value.set(knob.clamped());
            valueText.set(knob.format(value.get()));
            value.addListener((o, a, b) -> valueText.set(knob.format(b.doubleValue())));
        }
    }

    private static String plain(BigDecimal v) {
        return v == null ? "" : v.stripTrailingZeros().toPlainString();
    }

    /**
     * True for prompt caching: it takes the explicit-cache settings (TTL, requests per hour) that models whose cache
     * is stored per token-hour (Gemini) bill, and shows its storage and break-even under it.
     */
    public boolean takesExplicitCache() {
        return caching;
    }

    /** The explicit cache's TTL in hours as typed; empty: 1 hour (Gemini's default). */
    public StringProperty ttlHoursProperty() {
        return ttlHours;
    }

    /** The requests per hour that read the explicit cache, as typed; empty: the request type's own rate. */
    public StringProperty requestsPerHourProperty() {
        return requestsPerHour;
    }

    /** The lever's id in the scenario (node ids only, never shown). */
    public String id() {
        return id;
    }

    public String label() {
        return label;
    }

    /** What kind of lever it is and what part of the bill it acts on. */
    public String tooltip() {
        return tooltip;
    }

    /**
     * True for the flex and priority levers: what they say (a model that does not offer the tier, calls already in
     * the batch API) is shown under them, not only in a tooltip.
     */
    public boolean showsNotes() {
        return showsNotes;
    }

    public boolean hasKnob() {
        return knob != null;
    }

    /** The knob's name ("hit rate"), or empty. */
    public String knobName() {
        return knob == null ? "" : knob.name();
    }

    public double knobMin() {
        return knob == null ? 0 : knob.min();
    }

    public double knobMax() {
        return knob == null ? 1 : knob.max();
    }

    public BooleanProperty enabledProperty() {
        return enabled;
    }

    /** The knob's position (a share from 0 to 1 for percentages). */
    public DoubleProperty valueProperty() {
        return value;
    }

    /** The knob's position in words: "60 %", "1,024". */
    public ReadOnlyStringProperty valueTextProperty() {
        return valueText.getReadOnlyProperty();
    }

    /** "saves $4,680.00/mo", "adds …", or "off". */
    public ReadOnlyStringProperty savingProperty() {
        return saving.getReadOnlyProperty();
    }

    /** Why the lever did less than its headline; empty when nothing to say. */
    public ReadOnlyStringProperty notesProperty() {
        return notes.getReadOnlyProperty();
    }

    /** What is wrong with the lever's settings; empty when nothing. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    void showStep(String savingText, String notesText) {
        saving.set(savingText);
        notes.set(notesText);
    }

    void showError(String message) {
        error.set(message == null ? "" : message);
    }
}
