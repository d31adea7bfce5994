// SPDX-License-Identifier: Apache-2.0
package dev.costbench.ui.prompt;

import dev.costbench.model.catalog.Catalog;
import dev.costbench.model.catalog.ModelEntry;
import dev.costbench.model.catalog.PriceKind;
import dev.costbench.model.catalog.Tier;
import dev.costbench.model.cost.BillingOptions;
import dev.costbench.model.cost.Money;
import dev.costbench.model.lab.stats.WordDiff;
import dev.costbench.model.tokens.Encoding;
import dev.costbench.model.tokens.Tokenizers;
import dev.costbench.model.tuning.PromptDiff;
import dev.costbench.ui.common.TaskExecutor;
import dev.costbench.ui.common.UiContext;
import dev.costbench.ui.common.ViewModel;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Tune tab's "Before / after": the prompt before the first accepted cut against the prompt now — a word-level
 * diff, the token change under each tokenizer and the cost change on one model of each tier. Computed in the
 * background, newest request wins.
 */
public final class DiffViewModel implements ViewModel {

    /** Most diff segments kept (a diff of a huge prompt is cut; {@link #hiddenSegmentsProperty()} says how much). */
    static final int MAX_SEGMENTS = 4_000;

    /** One tokenizer's count before and after; {@code approx} marks an estimate. */
    public record TokenLine(String name, String method, boolean approx, long before, long after) {

        public long delta() {
            return after - before;
        }
    }

    /** One tier's representative model: its token change, price per request before → after, change a month. */
    public record TierLine(Tier tier, String model, long deltaTokens, String perRequest, String perMonth) {}

    private record Result(
            String summary,
            List<TokenLine> tokens,
            List<TierLine> tiers,
            List<WordDiff.Segment> segments,
            int hidden) {}

    private final TuneViewModel tune;
    private final TaskExecutor.Lane lane;
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "");
    private final ReadOnlyIntegerWrapper hidden = new ReadOnlyIntegerWrapper(this, "hiddenSegments");
    private final ObservableList<TokenLine> tokens = FXCollections.observableArrayList();
    private final ObservableList<TierLine> tiers = FXCollections.observableArrayList();
    private final ObservableList<WordDiff.Segment> segments = FXCollections.observableArrayList();
    private final ObservableList<TokenLine> tokensView = FXCollections.unmodifiableObservableList(tokens);
    private final ObservableList<TierLine> tiersView = FXCollections.unmodifiableObservableList(tiers);
    private final ObservableList<WordDiff.Segment> segmentsView = FXCollections.unmodifiableObservableList(segments);

    public DiffViewModel(UiContext ui, TuneViewModel tune) {
        this.tune = tune;
        this.lane = ui.tasks().lane("prompt diff");
    }

    /** Compares the prompt before the first accepted cut with the prompt now. */
    public void refresh() {
        PromptViewModel p = tune.prompt();
        String before = tune.baseline().render();
        String after = PromptSnapshot.of(p).render();
        Catalog catalog = p.catalogProperty().get();
        ModelEntry selected = p.selectedModelProperty().get();
        long monthly = p.monthlyRequestsProperty().get();
        BillingOptions billing = tune.billing();
        lane.task(x -> compare(before, after, catalog, selected, monthly, billing))
                .onSuccess(this::show)
                .onFailure(e -> {
                    show(new Result("", List.of(), List.of(), List.of(), 0));
                    summary.set("The before/after comparison failed: " + UiContext.describe(e)
                            + ". Click Analyse to try again.");
                })
                .start();
    }

    private void show(Result r) {
        summary.set(r.summary());
        tokens.setAll(r.tokens());
        tiers.setAll(r.tiers());
        segments.setAll(r.segments());
        hidden.set(r.hidden());
    }

    private static Result compare(
            String before, String after, Catalog catalog, ModelEntry selected, long monthly, BillingOptions billing) {
        String summary = before.equals(after)
                ? "No cut applied yet: the prompt is unchanged. Apply suggestions on "
                        + "the Cuts tab; this view compares the prompt before the first with the prompt now."
                : String.format(Locale.ROOT, "%,d → %,d characters.", before.length(), after.length());
        List<TokenLine> tokens = new ArrayList<>();
        for (Encoding e : List.of(Encoding.O200K_BASE, Encoding.CL100K_BASE)) {
            tokens.add(new TokenLine(
                    e.name().toLowerCase(Locale.ROOT) + " (exact)",
                    null,
                    false,
                    Tokenizers.count(e, before),
                    Tokenizers.count(e, after)));
        }
        if (catalog != null) {
            for (String[] est : new String[][] {{"claude", "Claude (estimate)"}, {"gemini", "Gemini (estimate)"}}) {
                catalog.models().stream()
                        .filter(x -> x.id().startsWith(est[0]))
                        .findFirst()
                        .ifPresent(m -> {
                            PromptDiff.Row row = PromptDiff.compare(List.of(m), before, after, monthly, billing)
                                    .get(0);
                            tokens.add(new TokenLine(
                                    est[1],
                                    row.baselineTokens().method(),
                                    true,
                                    row.baselineTokens().tokens(),
                                    row.optimizedTokens().tokens()));
                        });
            }
        }
        List<TierLine> tiers = new ArrayList<>();
        for (PromptDiff.Row row :
                PromptDiff.compare(representatives(catalog, selected), before, after, monthly, billing)) {
            ModelEntry m = row.model();
            tiers.add(new TierLine(
                    m.tier(),
                    m.name() + (m == selected ? " (selected)" : ""),
                    row.deltaTokens(),
                    row.priced()
                            ? Money.format(row.baselineUsd()) + " → " + Money.format(row.optimizedUsd())
                            : "unpriced",
                    row.monthlyDelta() == null ? "—" : signed(row.monthlyDelta()) + " a month"));
        }
        List<WordDiff.Segment> segs = WordDiff.diff(before, after);
        int hidden = Math.max(0, segs.size() - MAX_SEGMENTS);
        return new Result(summary, tokens, tiers, List.copyOf(segs.subList(0, segs.size() - hidden)), hidden);
    }

    /**
     * One model per tier: the selected model in its own tier, else the tier's cheapest current model by input price.
     */
    static List<ModelEntry> representatives(Catalog catalog, ModelEntry selected) {
        List<ModelEntry> out = new ArrayList<>();
        if (catalog == null) {
            return out;
        }
        for (Tier t : Tier.values()) {
            if (selected != null && selected.tier() == t) {
                out.add(selected);
                continue;
            }
            catalog.models().stream()
                    .filter(m -> m.tier() == t
                            && m.price(PriceKind.INPUT).isPresent()
                            && (m.deprecation() == null || m.deprecation().isBlank()))
                    .min(Comparator.comparing((ModelEntry m) ->
                                    m.price(PriceKind.INPUT).get().perMTok())
                            .thenComparing(ModelEntry::id))
                    .ifPresent(out::add);
        }
        return out;
    }

    private static String signed(BigDecimal d) {
        return (d.signum() > 0 ? "+" : d.signum() < 0 ? "−" : "") + Money.format(d.abs());
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    /** Token counts per tokenizer, before and after. */
    public ObservableList<TokenLine> tokens() {
        return tokensView;
    }

    /** The cost change on one model per tier. */
    public ObservableList<TierLine> tiers() {
        return tiersView;
    }

    /** The word-level diff, at most {@link #MAX_SEGMENTS} segments. */
    public ObservableList<WordDiff.Segment> segments() {
        return segmentsView;
    }

    /** How many segments of the diff are not kept (0 unless the diff is huge). */
    public ReadOnlyIntegerProperty hiddenSegmentsProperty() {
        return hidden.getReadOnlyProperty();
    }

    @Override
    public void close() {
        lane.close();
    }
}
