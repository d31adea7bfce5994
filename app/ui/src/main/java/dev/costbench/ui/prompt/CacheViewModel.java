// SPDX-License-Identifier: Apache-2.0
package dev.costbench.ui.prompt;

import dev.costbench.model.catalog.ModelEntry;
import dev.costbench.model.cost.ExplicitCache;
import dev.costbench.model.provider.Part;
import dev.costbench.model.tuning.CacheMode;
import dev.costbench.model.tuning.CachePlanner;
import dev.costbench.model.tuning.CacheSettings;
import dev.costbench.model.tuning.CacheTtl;
import dev.costbench.model.tuning.CacheWarning;
import dev.costbench.model.tuning.ExplicitCacheEconomics;
import dev.costbench.model.tuning.PromptCachePlan;
import dev.costbench.ui.common.ViewModel;
import dev.costbench.ui.common.Words;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Tune tab's cache planner: the breakpoints marked in the editors, planned with {@link CachePlanner} for the
 * selected model and one model per other provider, at a request rate and TTL.
 */
public final class CacheViewModel implements ViewModel {

    /** One model per provider is planned besides the selected one (the first found in the catalog). */
    static final List<List<String>> PROVIDER_MODELS = List.of(
            List.of("gpt-5", "gpt-4.1", "gpt-4o"),
            List.of("claude-sonnet-4-5", "claude-haiku-4-5"),
            List.of("gemini-2.5-flash", "gemini-2.5-pro"));

    /**
     * One model's plan.
     *
     * @param storage Gemini explicit caching's storage economics per TTL; null when not planned for this model
     */
    public record Plan(ModelEntry model, PromptCachePlan plan, ExplicitCacheEconomics storage) {}

    private final PromptViewModel prompt;
    private final CacheMarks marks;
    private final StringProperty rate = new SimpleStringProperty(this, "rate", "2");
    private final ObjectProperty<CacheTtl> ttl = new SimpleObjectProperty<>(this, "ttl", CacheTtl.FIVE_MINUTES);
    private final BooleanProperty geminiExplicit = new SimpleBooleanProperty(this, "geminiExplicit");
    private final StringProperty storage = new SimpleStringProperty(this, "storage", "");
    private final ReadOnlyStringWrapper points = new ReadOnlyStringWrapper(this, "points", "");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final ReadOnlyObjectWrapper<CacheSettings> settings = new ReadOnlyObjectWrapper<>(this, "settings");
    private final ObservableList<Plan> plans = FXCollections.observableArrayList();
    private final ObservableList<Plan> plansView = FXCollections.unmodifiableObservableList(plans);
    private final ObservableList<String> warnings = FXCollections.observableArrayList();
    private final ObservableList<String> warningsView = FXCollections.unmodifiableObservableList(warnings);
    private BigDecimal storagePrice;

    public CacheViewModel(PromptViewModel prompt, CacheMarks marks) {
        this.prompt = prompt;
        this.marks = marks;
        ttl.addListener((o, a, b) ->
                marks.ttlProperty().set(b == CacheTtl.ONE_HOUR ? Part.CacheTtl.ONE_HOUR : Part.CacheTtl.FIVE_MINUTES));
        marks.ttlProperty() // an opened workspace sets the lifetime: the choice follows
                .addListener(
                        (o, a, b) -> ttl.set(b == Part.CacheTtl.ONE_HOUR ? CacheTtl.ONE_HOUR : CacheTtl.FIVE_MINUTES));
        for (Observable ob : new Observable[] {geminiExplicit, rate, ttl}) {
            ob.addListener(x -> prompt.explicitCacheProperty().set(explicitCache()));
        }
    }

    /** Gemini explicit caching as the Prompt view bills it; null when not chosen or the rate is not valid. */
    private ExplicitCache explicitCache() {
        BigDecimal perHour = perHour();
        return !geminiExplicit.get() || perHour == null || perHour.signum() <= 0
                ? null
                : new ExplicitCache(hours(ttl.get()), perHour);
    }

    /** Requests per hour from the rate typed (per minute); null when it is not a number ≥ 0. */
    private BigDecimal perHour() {
        try {
            BigDecimal perMin = new BigDecimal(rate.get().trim().replace(',', '.'));
            return perMin.signum() < 0 ? null : perMin.multiply(BigDecimal.valueOf(60));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static BigDecimal hours(CacheTtl t) {
        return BigDecimal.valueOf(t.minutes()).divide(BigDecimal.valueOf(60), MathContext.DECIMAL64);
    }

    /** The models planned: the selected one, then one per other provider. */
    List<ModelEntry> models() {
        Map<String, ModelEntry> out = new LinkedHashMap<>();
        ModelEntry sel = prompt.selectedModelProperty().get();
        if (sel != null) {
            out.put(sel.id(), sel);
        }
        var catalog = prompt.catalogProperty().get();
        if (catalog != null) {
            for (List<String> ids : PROVIDER_MODELS) {
                ids.stream()
                        .map(catalog::find)
                        .flatMap(Optional::stream)
                        .filter(m -> sel == null || !m.provider().equals(sel.provider()))
                        .findFirst()
                        .ifPresent(m -> out.putIfAbsent(m.id(), m));
            }
        }
        return new ArrayList<>(out.values());
    }

    /** Replans for the current prompt, breakpoints and settings. */
    public void refresh() {
        plans.clear();
        warnings.clear();
        error.set("");
        CacheMarks.Placed placed = marks.place(PromptSnapshot.of(prompt));
        points.set(
                placed.offsets().isEmpty()
                        ? "No cache breakpoint marked. Without one, Anthropic caches nothing; "
                                + "OpenAI and Gemini still cache a long enough common prefix automatically."
                        : Words.count(placed.offsets().size(), "breakpoint") + ": " + String.join("; ", placed.labels())
                                + ".");
        double perMin;
        BigDecimal store = null;
        try {
            perMin = Double.parseDouble(rate.get().trim().replace(',', '.'));
            if (perMin < 0 || Double.isNaN(perMin) || Double.isInfinite(perMin)) {
                throw new NumberFormatException();
            }
            if (!storage.get().isBlank()) {
                store = new BigDecimal(storage.get().trim());
                if (store.signum() < 0) {
                    throw new NumberFormatException();
                }
            }
        } catch (NumberFormatException e) {
            error.set("Requests per minute and the storage price must be numbers ≥ 0, e.g. 2 or 0.5.");
            return;
        }
        storagePrice = store;
        CacheSettings base = CacheSettings.atRate(perMin, ttl.get());
        CacheSettings s = new CacheSettings(
                base.monthlyRequests(),
                base.hitRate(),
                ttl.get(),
                prompt.outputTokensProperty().get(),
                prompt.billing(),
                geminiExplicit.get(),
                store);
        settings.set(s);
        List<CacheWarning> warn = List.of();
        List<Plan> out = new ArrayList<>();
        BigDecimal perHour = perHour();
        for (ModelEntry m : models()) {
            PromptCachePlan pp = CachePlanner.plan(m, placed.prompt(), placed.offsets(), s);
            warn = pp.warnings();
            ExplicitCacheEconomics storageFigures = pp.plan().mode() == CacheMode.EXPLICIT_STORED && perHour != null
                    ? ExplicitCacheEconomics.of(
                            m, pp.plan().prefixTokens(), hours(ttl.get()), perHour, prompt.billing(), store)
                    : null;
            out.add(new Plan(m, pp, storageFigures));
        }
        plans.setAll(out);
        warnings.setAll(warn.stream().map(CacheWarning::message).toList());
    }

    /** Requests per minute sharing the prefix (text as typed). */
    public StringProperty rateProperty() {
        return rate;
    }

    public ObjectProperty<CacheTtl> ttlProperty() {
        return ttl;
    }

    public BooleanProperty geminiExplicitProperty() {
        return geminiExplicit;
    }

    /** Gemini explicit cache storage, USD per 1M tokens per hour (text as typed; blank: the catalog's price). */
    public StringProperty storageProperty() {
        return storage;
    }

    /** The storage price typed for the last plan, or null when the catalog's price is used. */
    BigDecimal storagePrice() {
        return storagePrice;
    }

    public ReadOnlyStringProperty pointsProperty() {
        return points.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** The settings of the last plan (monthly requests, hit rate, TTL…). */
    public ReadOnlyObjectProperty<CacheSettings> settingsProperty() {
        return settings.getReadOnlyProperty();
    }

    public ObservableList<Plan> plans() {
        return plansView;
    }

    /** Warnings about per-request content before a breakpoint ({{date}}, ids…). */
    public ObservableList<String> warnings() {
        return warningsView;
    }

    CacheMarks marks() {
        return marks;
    }
}
