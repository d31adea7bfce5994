// SPDX-License-Identifier: Apache-2.0
package dev.costbench.ui.workload.retrieval;

import dev.costbench.model.catalog.Catalog;
import dev.costbench.model.catalog.ModelEntry;
import dev.costbench.model.catalog.PriceStatus;
import dev.costbench.model.cost.Money;
import dev.costbench.model.workload.retrieval.EmbeddingModel;
import dev.costbench.model.workload.retrieval.RetrievalCost;
import dev.costbench.model.workload.retrieval.RetrievalLevers;
import dev.costbench.model.workload.retrieval.RetrievalPart;
import dev.costbench.model.workload.retrieval.RetrievalShape;
import dev.costbench.ui.workload.WorkloadInputs;
import dev.costbench.ui.workload.WorkloadTable;
import dev.costbench.ui.workload.WorkloadViewModel;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import javafx.beans.property.ObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Retrieval sub-tab: a retrieval-augmented request (instructions, a stable document prefix, retrieved chunks,
 * the query, the answer), its embedding model and reranker, and the three levers; the figures are recomputed on
 * every change (pure and fast, no background work).
 */
public final class RetrievalViewModel extends WorkloadViewModel {

    public static final String TOTAL_PER_REQUEST = "Cost per request";
    public static final String PER_MONTH = "Cost per month";
    public static final String SAVES = "Saves a month";

    /** The embedding choice meaning "no embedding model". */
    public static final String NO_EMBEDDING = "None";

    private final Clock clock;
    private final EmbeddingModel.Prices embeddings = EmbeddingModel.builtIn();
    private final ObservableList<String> embeddingChoices = FXCollections.observableArrayList();
    private final ObservableList<RetrievalCost.Step> steps = FXCollections.observableArrayList();

    private final ObjectProperty<ModelEntry> model;
    private final ObjectProperty<String> embedding;
    private final ObjectProperty<Integer> instructionTokens = WorkloadInputs.input(800, this::recompute);
    private final ObjectProperty<Integer> stablePrefixTokens = WorkloadInputs.input(0, this::recompute);
    private final ObjectProperty<Integer> chunks = WorkloadInputs.input(10, this::recompute);
    private final ObjectProperty<Integer> chunkTokens = WorkloadInputs.input(1000, this::recompute);
    private final ObjectProperty<Integer> queryTokens = WorkloadInputs.input(50, this::recompute);
    private final ObjectProperty<Integer> outputTokens = WorkloadInputs.input(400, this::recompute);
    private final ObjectProperty<Integer> requestsPerMonth = WorkloadInputs.input(100_000, this::recompute);
    private final ObjectProperty<Integer> corpusTokens = WorkloadInputs.input(5_000_000, this::recompute);
    private final ObjectProperty<Double> reembedsPerMonth = WorkloadInputs.input(1.0, this::recompute);
    private final ObjectProperty<String> rerankerPerThousand = WorkloadInputs.input("", this::recompute);
    private final ObjectProperty<Boolean> rerankOn = WorkloadInputs.input(false, this::recompute);
    private final ObjectProperty<Integer> rerankTo = WorkloadInputs.input(4, this::recompute);
    private final ObjectProperty<Boolean> shorterOn = WorkloadInputs.input(false, this::recompute);
    private final ObjectProperty<Integer> shorterTokens = WorkloadInputs.input(500, this::recompute);
    private final ObjectProperty<Boolean> cacheOn = WorkloadInputs.input(false, this::recompute);
    private final ObjectProperty<Integer> cacheHitPercent = WorkloadInputs.input(80, this::recompute);

    public RetrievalViewModel(Supplier<Catalog> catalog, Clock clock) {
        super(catalog);
        this.clock = clock;
        embeddingChoices.add(NO_EMBEDDING);
        embeddings.models().forEach(m -> embeddingChoices.add(embeddingLabel(m)));
        model = WorkloadInputs.input(WorkloadInputs.pick(models(), "gpt-5-mini"), this::recompute);
        embedding = WorkloadInputs.input(
                embeddingChoices.size() > 1 ? embeddingChoices.get(1) : NO_EMBEDDING, this::recompute);
        recompute();
    }

    /** "text-embedding-3-small (OpenAI) · $0.02/1M", with UNCONFIRMED or CONFLICT when the price is. */
    private static String embeddingLabel(EmbeddingModel m) {
        String provider = "openai".equals(m.provider()) ? "OpenAI" : "google".equals(m.provider()) ? "Google" : "";
        return m.name() + (provider.isEmpty() ? "" : " (" + provider + ")") + " · " + Money.perMTok(m.perMTok()) + "/1M"
                + (m.status() == PriceStatus.LISTED ? "" : " · " + m.status().name());
    }

    /** Recomputes the figures from the inputs; a refused input shows its message instead. */
    void recompute() {
        if (model == null || embedding == null) {
            return; // still constructing
        }
        try {
            ModelEntry m = model.get();
            if (m == null) {
                throw new IllegalArgumentException("Choose the model that answers the requests");
            }
            RetrievalShape shape = new RetrievalShape(
                    instructionTokens.get(),
                    stablePrefixTokens.get(),
                    chunks.get(),
                    chunkTokens.get(),
                    queryTokens.get(),
                    outputTokens.get(),
                    BigDecimal.valueOf(requestsPerMonth.get()),
                    corpusTokens.get(),
                    BigDecimal.valueOf(reembedsPerMonth.get()),
                    reranker());
            RetrievalLevers levers = new RetrievalLevers(
                    rerankOn.get() ? rerankTo.get() : null,
                    shorterOn.get() ? (long) shorterTokens.get() : null,
                    cacheOn.get() ? BigDecimal.valueOf(cacheHitPercent.get(), 2) : null,
                    null);
            RetrievalCost.Report r = RetrievalCost.compute(shape, m, chosenEmbedding(), levers, LocalDate.now(clock));
            show(r);
        } catch (IllegalArgumentException e) {
            steps.clear();
            refuse(e.getMessage());
        }
    }

    private BigDecimal reranker() {
        String t = rerankerPerThousand.get() == null
                ? ""
                : rerankerPerThousand.get().trim().replace("$", "");
        if (t.isEmpty()) {
            return null;
        }
        try {
            return new BigDecimal(t);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("The reranker price per 1,000 searches is not a number: '" + t
                    + "'. Type it in dollars, e.g. 2 or 0.50, or leave it empty when there is no reranker.");
        }
    }

    private EmbeddingModel chosenEmbedding() {
        int i = embeddingChoices.indexOf(embedding.get());
        return i <= 0 ? null : embeddings.models().get(i - 1);
    }

    private void show(RetrievalCost.Report r) {
        List<String> columns = new ArrayList<>();
        List<List<String>> values = new ArrayList<>();
        for (int i = 0; i < RetrievalPart.values().length + 3; i++) {
            values.add(new ArrayList<>());
        }
        for (RetrievalCost.Step s : r.steps()) {
            columns.add(s.label());
            for (RetrievalPart p : RetrievalPart.values()) {
                values.get(p.ordinal()).add(Money.format(s.part(p)));
            }
            int n = RetrievalPart.values().length;
            values.get(n).add(Money.format(s.totalPerRequest()));
            values.get(n + 1).add(Money.format(s.perMonth()));
            values.get(n + 2).add(s == r.asTyped() ? "" : Money.format(s.saving()));
        }
        List<WorkloadTable.Row> out = new ArrayList<>();
        for (RetrievalPart p : RetrievalPart.values()) {
            out.add(new WorkloadTable.Row(p.label() + " per request", values.get(p.ordinal())));
        }
        int n = RetrievalPart.values().length;
        out.add(new WorkloadTable.Row(TOTAL_PER_REQUEST, values.get(n)));
        out.add(new WorkloadTable.Row(PER_MONTH, values.get(n + 1)));
        out.add(new WorkloadTable.Row(SAVES, values.get(n + 2)));
        table().show(columns, out);
        steps.setAll(r.steps());
        String line = ("Per request " + Money.format(r.optimized().totalPerRequest()) + " · per month "
                + Money.format(r.optimized().perMonth())
                + (r.steps().size() > 1
                        ? " · the levers save "
                                + Money.format(r.asTyped()
                                        .perMonth()
                                        .subtract(r.optimized().perMonth())) + " a month"
                        : ""));
        EmbeddingModel e = chosenEmbedding();
        List<String> notes = new ArrayList<>(r.notes());
        if (e != null && e.status() != PriceStatus.LISTED) {
            notes.add(e.name() + "'s price is " + e.status().name() + ": " + e.note());
        }
        if (rerankOn.get() && reranker() != null) {
            notes.add("The reranker price is typed in by you (no catalog lists reranker prices).");
        }
        show(line, String.join("\n", notes));
    }

    public ObservableList<String> embeddingChoices() {
        return embeddingChoices;
    }

    /** The steps of the chart, "As typed" first. */
    public ObservableList<RetrievalCost.Step> steps() {
        return steps;
    }

    public ObjectProperty<ModelEntry> modelProperty() {
        return model;
    }

    public ObjectProperty<String> embeddingProperty() {
        return embedding;
    }

    public ObjectProperty<Integer> instructionTokensProperty() {
        return instructionTokens;
    }

    public ObjectProperty<Integer> stablePrefixTokensProperty() {
        return stablePrefixTokens;
    }

    public ObjectProperty<Integer> chunksProperty() {
        return chunks;
    }

    public ObjectProperty<Integer> chunkTokensProperty() {
        return chunkTokens;
    }

    public ObjectProperty<Integer> queryTokensProperty() {
        return queryTokens;
    }

    public ObjectProperty<Integer> outputTokensProperty() {
        return outputTokens;
    }

    public ObjectProperty<Integer> requestsPerMonthProperty() {
        return requestsPerMonth;
    }

    public ObjectProperty<Integer> corpusTokensProperty() {
        return corpusTokens;
    }

    public ObjectProperty<Double> reembedsPerMonthProperty() {
        return reembedsPerMonth;
    }

    public ObjectProperty<String> rerankerPerThousandProperty() {
        return rerankerPerThousand;
    }

    public ObjectProperty<Boolean> rerankOnProperty() {
        return rerankOn;
    }

    public ObjectProperty<Integer> rerankToProperty() {
        return rerankTo;
    }

    public ObjectProperty<Boolean> shorterOnProperty() {
        return shorterOn;
    }

    public ObjectProperty<Integer> shorterTokensProperty() {
        return shorterTokens;
    }

    public ObjectProperty<Boolean> cacheOnProperty() {
        return cacheOn;
    }

    public ObjectProperty<Integer> cacheHitPercentProperty() {
        return cacheHitPercent;
    }
}
