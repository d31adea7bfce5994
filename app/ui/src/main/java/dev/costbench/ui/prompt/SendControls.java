// SPDX-License-Identifier: Apache-2.0
package dev.costbench.ui.prompt;

import dev.costbench.model.catalog.Catalog;
import dev.costbench.model.catalog.ModelEntry;
import dev.costbench.model.catalog.ServiceTier;
import dev.costbench.model.lab.SentRequest;
import dev.costbench.model.provider.ProviderId;
import dev.costbench.model.provider.ReasoningEffort;
import dev.costbench.model.provider.SendOptions;
import dev.costbench.model.provider.SendTraits;
import dev.costbench.model.provider.ServiceTierWords;
import dev.costbench.model.ratecard.RateCard;
import dev.costbench.ui.common.UiContext;
import dev.costbench.ui.common.ViewModel;
import java.math.BigDecimal;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The controls of "Send to the API": the model (any catalog model; one whose provider cannot be called is listed
 * but disabled with the reason), temperature, max output tokens, reasoning effort and streaming. The model follows
 * the cost table's selection and the output cap the prompt's expected output tokens, until the user changes them.
 */
public final class SendControls implements ViewModel {

    /** A model in the picker: its provider's name for grouping, and why it cannot be sent to (null: it can). */
    public record Choice(ModelEntry model, String provider, String unavailable) {
        /** "GPT-5 mini", or "GPT-5 mini — add a key in the Providers tab". */
        public String label() {
            return model.name() + (unavailable == null ? "" : " — add a key in the Providers tab");
        }

        /** The same model is the same choice, whether its provider can be called or not (the picker keeps it). */
        @Override
        public boolean equals(Object o) {
            return o instanceof Choice c && c.model.id().equals(model.id());
        }

        @Override
        public int hashCode() {
            return model.id().hashCode();
        }
    }

    private static final double MAX_TEMPERATURE = 2.0;

    private final UiContext ui;
    private final PromptViewModel prompt;
    private final SendPorts.Readiness readiness;
    private final ObservableList<Choice> choices = FXCollections.observableArrayList();
    private final Map<ProviderId, String> problems = new EnumMap<>(ProviderId.class);
    private final ObjectProperty<ModelEntry> model = new SimpleObjectProperty<>(this, "model");
    private final StringProperty temperature = new SimpleStringProperty(this, "temperature", "");
    private final StringProperty maxOutput = new SimpleStringProperty(this, "maxOutput", "");
    private final ObjectProperty<ReasoningEffort> effort = new SimpleObjectProperty<>(this, "effort");
    private final BooleanProperty stream = new SimpleBooleanProperty(this, "stream", true);
    private final ObjectProperty<ServiceTier> tier = new SimpleObjectProperty<>(this, "tier", ServiceTier.STANDARD);
    private final StringBinding temperatureRefusal;
    private final StringBinding effortRefusal;
    private final StringBinding problem;

    SendControls(UiContext ui, PromptViewModel prompt, SendPorts.Readiness readiness) {
        this.ui = ui;
        this.prompt = prompt;
        this.readiness = readiness;
        model.set(prompt.selectedModelProperty().get());
        prompt.selectedModelProperty().addListener((o, was, now) -> {
            if (now != null) {
                model.set(now);
            }
        });
        tier.set(sendable(prompt.serviceTierProperty().get()));
        prompt.serviceTierProperty().addListener((o, was, now) -> tier.set(sendable(now)));
        maxOutput.set(Long.toString(defaultCap()));
        prompt.outputTokensProperty().addListener((o, was, now) -> maxOutput.set(Long.toString(defaultCap())));
        prompt.catalogProperty().addListener((o, was, now) -> rebuild());
        temperatureRefusal = Bindings.createStringBinding(
                () -> model.get() == null
                        ? "Choose a model first."
                        : SendTraits.temperatureRefusal(pid(), model.get().id(), effort.get()),
                model,
                effort);
        effortRefusal = Bindings.createStringBinding(
                () -> model.get() == null
                                || SendTraits.hasReasoning(pid(), model.get().id())
                        ? null
                        : model.get().name() + " has no reasoning setting CostBench can send.",
                model);
        problem = Bindings.createStringBinding(this::findProblem, model, temperature, maxOutput, effort, choices, tier);
        rebuild(); // every model enabled until the keys are checked (when the tab is shown: it may ask a passphrase)
    }

    /**
     * The Prompt view's tier as Send's default: the batch API queues calls for hours, so a call sent now goes at
     * Standard.
     */
    private static ServiceTier sendable(ServiceTier t) {
        return t == null || t == ServiceTier.BATCH ? ServiceTier.STANDARD : t;
    }

    /** Null when {@code m} can be sent at the chosen tier; else why not and what to do. */
    private String tierProblem(ModelEntry m) {
        ServiceTier t = tier.get() == null ? ServiceTier.STANDARD : tier.get();
        if (t == ServiceTier.STANDARD) {
            return null;
        }
        if (t == ServiceTier.BATCH) {
            return "Send to the API makes one call now; the batch API queues calls for up to 24 hours: choose "
                    + "Standard, Flex or Priority.";
        }
        if (!m.offers(t)) {
            return m.name() + " has no " + t.label() + " tier in the catalog: choose Standard or a tier it lists. "
                    + "Nothing was sent.";
        }
        try {
            ServiceTierWords.request(ProviderIds.of(m), t);
            return null;
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }

    private long defaultCap() {
        return Math.max(
                1, Math.min(Integer.MAX_VALUE, prompt.outputTokensProperty().get()));
    }

    private ProviderId pid() {
        return ProviderIds.of(model.get());
    }

    /** Asks every provider whether it can be called (keys may have been added), then rebuilds the picker. */
    public void refreshProviders() {
        ui.tasks()
                .task("provider keys for Send", p -> {
                    Map<ProviderId, String> found = new EnumMap<>(ProviderId.class);
                    for (ProviderId id : ProviderId.values()) {
                        String why = readiness.problem(id);
                        if (why != null) {
                            found.put(id, why);
                        }
                    }
                    return found;
                })
                .onSuccess(found -> {
                    problems.clear();
                    problems.putAll(found);
                    rebuild();
                })
                .onFailure(e -> {
                    problems.clear();
                    for (ProviderId id : ProviderId.values()) {
                        problems.put(
                                id,
                                "The API keys could not be read (" + UiContext.describe(e)
                                        + "): check them in the Providers tab.");
                    }
                    rebuild();
                })
                .start();
    }

    private void rebuild() {
        Catalog c = prompt.catalogProperty().get();
        List<ModelEntry> models = c == null ? List.of() : c.models();
        choices.setAll(models.stream()
                .map(m -> new Choice(m, m.providerName(), problems.get(ProviderIds.of(m))))
                .sorted(Comparator.comparing(Choice::provider, String.CASE_INSENSITIVE_ORDER)
                        .thenComparing(ch -> ch.model().name(), String.CASE_INSENSITIVE_ORDER))
                .toList());
    }

    private String findProblem() {
        ModelEntry m = model.get();
        if (m == null) {
            return "Choose a model to send the prompt to (or select one in the cost table).";
        }
        String unavailable = problems.get(ProviderIds.of(m));
        if (unavailable != null) {
            return unavailable;
        }
        String tierRefusal = tierProblem(m);
        if (tierRefusal != null) {
            return tierRefusal;
        }
        Integer cap = parseCap();
        if (cap == null) {
            return "Max output tokens must be a whole number from 1 to 2,147,483,647, e.g. 500.";
        }
        if (m.maxOutput() != null && cap > m.maxOutput()) {
            return String.format(
                    Locale.ROOT,
                    "%s writes at most %,d output tokens: lower Max output tokens.",
                    m.name(),
                    m.maxOutput());
        }
        if (temperatureRefusal.get() == null
                && parseTemperature() == null
                && !temperature.get().isBlank()) {
            double max = ProviderIds.of(m) == ProviderId.ANTHROPIC ? 1.0 : MAX_TEMPERATURE;
            return String.format(
                    Locale.ROOT,
                    "Temperature must be a number from 0 to %.0f for %s (e.g. 0.7), or blank for the provider's "
                            + "default.",
                    max,
                    m.providerName());
        }
        return SendTraits.problem(ProviderIds.of(m), m.id(), new SendOptions(null, cap, effort.get(), true));
    }

    private Integer parseCap() {
        try {
            long n = Long.parseLong(maxOutput.get().strip().replace(",", ""));
            return n >= 1 && n <= Integer.MAX_VALUE ? (int) n : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private Double parseTemperature() {
        String t = temperature.get().strip();
        if (t.isEmpty() || model.get() == null) {
            return null;
        }
        double max = ProviderIds.of(model.get()) == ProviderId.ANTHROPIC ? 1.0 : MAX_TEMPERATURE;
        try {
            double d = Double.parseDouble(t);
            return d >= 0 && d <= max ? d : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** The options as set (a temperature the model refuses is left out); only when {@link #problem} is null. */
    SendOptions options() {
        if (problem.get() != null) {
            throw new IllegalStateException(problem.get());
        }
        Double t = temperatureRefusal.get() == null ? parseTemperature() : null;
        ReasoningEffort e = effortRefusal.get() == null ? effort.get() : null;
        return new SendOptions(t, parseCap(), e, stream.get());
    }

    /** "Use these settings": the model and options of a kept call back in the controls. */
    void use(SentRequest kept) {
        Catalog c = prompt.catalogProperty().get();
        if (c != null) {
            c.find(kept.call().modelId()).ifPresent(model::set);
        }
        SendOptions o = kept.call().options();
        temperature.set(o.temperature() == null ? "" : stripZeros(o.temperature()));
        maxOutput.set(Integer.toString(o.maxOutputTokens()));
        effort.set(o.effort());
        stream.set(o.stream());
        tier.set(sendable(kept.call().requestedTierOrStandard()));
    }

    private static String stripZeros(double d) {
        return BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
    }

    public ObservableList<Choice> choices() {
        return choices;
    }

    public ObjectProperty<ModelEntry> modelProperty() {
        return model;
    }

    /** The temperature as typed; blank means the provider's default. */
    public StringProperty temperatureProperty() {
        return temperature;
    }

    public StringProperty maxOutputProperty() {
        return maxOutput;
    }

    /** Reasoning effort; null means the model's default (nothing is sent). */
    public ObjectProperty<ReasoningEffort> effortProperty() {
        return effort;
    }

    /** The service tier the call asks for; follows the Prompt view's (Batch: Standard) until changed here. */
    public ObjectProperty<ServiceTier> tierProperty() {
        return tier;
    }

    /** The tiers the picker offers: every tier but Batch (a call sent now). */
    public List<ServiceTier> tiers() {
        return List.of(ServiceTier.STANDARD, ServiceTier.FLEX, ServiceTier.PRIORITY, ServiceTier.FAST);
    }

    /** The rate card of the Prompt view's "Use my rates" ({@link RateCard#NONE} while it is off). */
    RateCard rates() {
        RateCard card = prompt.rateCardProperty().get();
        return prompt.useMyRatesProperty().get() && card != null ? card : RateCard.NONE;
    }

    /** The tier asked for, in the provider's word for the request; null for Standard. */
    String tierWord() {
        ModelEntry m = model.get();
        return m == null ? null : ServiceTierWords.request(ProviderIds.of(m), sendable(tier.get()));
    }

    public BooleanProperty streamProperty() {
        return stream;
    }

    /** Why the temperature field is off for this model, or null when it is on. */
    public StringBinding temperatureRefusalProperty() {
        return temperatureRefusal;
    }

    /** Why reasoning effort is off for this model, or null when it is on. */
    public StringBinding effortRefusalProperty() {
        return effortRefusal;
    }

    /** What stops a send now, with what to do, or null when the prompt can be sent. */
    public StringBinding problemProperty() {
        return problem;
    }

    BooleanBinding ready() {
        return problem.isNull();
    }

    @Override
    public void close() {
        // nothing runs for long
    }
}
