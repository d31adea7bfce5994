// SPDX-License-Identifier: Apache-2.0
package dev.costbench.ui.workload.retrieval;

import dev.costbench.model.workload.retrieval.RetrievalCost;
import dev.costbench.model.workload.retrieval.RetrievalPart;
import dev.costbench.ui.common.View;
import dev.costbench.ui.workload.WorkloadForm;
import dev.costbench.ui.workload.WorkloadTable;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.scene.Parent;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.StackedBarChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The Retrieval sub-tab: the request's inputs and levers on the left; on the right the cost per request and per
 * month by part for each lever step, and a stacked bar of the cost per request by part, one bar per step.
 */
public final class RetrievalView implements View<RetrievalViewModel> {

    private final RetrievalViewModel vm;
    private final SplitPane root;
    private final StackedBarChart<String, Number> chart;

    public RetrievalView(RetrievalViewModel vm) {
        this.vm = vm;
        WorkloadForm f = new WorkloadForm();
        f.heading("Request");
        f.model("retrieval-model", "Model", vm.models(), vm.modelProperty(), "The model that answers each request");
        f.spinner(
                "retrieval-instructions",
                "Instructions (tokens)",
                vm.instructionTokensProperty(),
                0,
                1_000_000,
                100,
                "System prompt sent with every request, first");
        f.spinner(
                "retrieval-stable-prefix",
                "Stable document prefix (tokens)",
                vm.stablePrefixTokensProperty(),
                0,
                2_000_000,
                500,
                "A document sent with every request right after the instructions (0: none); it "
                        + "can be cached with them");
        f.spinner(
                "retrieval-chunks",
                "Chunks per request",
                vm.chunksProperty(),
                0,
                1000,
                1,
                "Retrieved chunks put into each request");
        f.spinner(
                "retrieval-chunk-tokens",
                "Tokens per chunk",
                vm.chunkTokensProperty(),
                0,
                100_000,
                100,
                "The size of one retrieved chunk");
        f.spinner("retrieval-query", "Query (tokens)", vm.queryTokensProperty(), 0, 100_000, 10, "The user's question");
        f.spinner(
                "retrieval-output",
                "Output (tokens)",
                vm.outputTokensProperty(),
                0,
                200_000,
                50,
                "The answer's length");
        f.spinner(
                "retrieval-requests",
                "Requests a month",
                vm.requestsPerMonthProperty(),
                0,
                2_000_000_000,
                10_000,
                "Requests in a month");
        f.heading("Retrieval calls");
        ComboBox<String> emb = f.add(
                "Embedding model",
                new ComboBox<>(vm.embeddingChoices()),
                "Embeds each query, and the corpus at every re-embedding; prices with their source in the catalog "
                        + "of embedding models");
        emb.setId("retrieval-embedding");
        emb.valueProperty().bindBidirectional(vm.embeddingProperty());
        f.spinner(
                "retrieval-corpus",
                "Corpus (tokens)",
                vm.corpusTokensProperty(),
                0,
                2_000_000_000,
                1_000_000,
                "All the documents, embedded again at each re-embedding");
        f.decimal(
                "retrieval-reembeds",
                "Re-embeddings a month",
                vm.reembedsPerMonthProperty(),
                1000,
                0.25,
                "How often a month the corpus is embedded again (0.25: every four months)");
        TextField rerank = f.add(
                "Reranker $ per 1,000 searches",
                new TextField(),
                "Your reranker's price (typed in: no catalog lists one); charged when the rerank lever is on");
        rerank.setId("retrieval-reranker-price");
        rerank.setPromptText("typed price, e.g. 2");
        rerank.textProperty().bindBidirectional(vm.rerankerPerThousandProperty());
        f.heading("Levers");
        f.lever(
                "retrieval-rerank-on",
                "Rerank to fewer chunks",
                vm.rerankOnProperty(),
                "A reranker keeps the best chunks; it costs its price per search");
        f.spinner(
                "retrieval-rerank-to", "Chunks kept", vm.rerankToProperty(), 0, 1000, 1, "Chunks left after reranking");
        f.lever(
                "retrieval-shorter-on",
                "Shorter chunks",
                vm.shorterOnProperty(),
                "Split the corpus into smaller " + "chunks");
        f.spinner(
                "retrieval-shorter-tokens",
                "Tokens per shorter chunk",
                vm.shorterTokensProperty(),
                0,
                100_000,
                50,
                "The size of a chunk after re-chunking");
        f.lever(
                "retrieval-cache-on",
                "Cache the stable prefix",
                vm.cacheOnProperty(),
                "Provider prompt caching of "
                        + "the instructions and the stable document prefix, under the model's caching rules");
        f.spinner(
                "retrieval-cache-hit",
                "Cache hit rate %",
                vm.cacheHitPercentProperty(),
                0,
                100,
                5,
                "Share of requests that read the prefix from the cache; the others write it");
        ScrollPane inputs = new ScrollPane(f.grid());
        inputs.setFitToWidth(true);
        inputs.setPadding(new Insets(8));

        Label summary = new Label();
        summary.setId("retrieval-summary");
        summary.textProperty().bind(vm.summaryProperty());
        summary.setStyle("-fx-font-weight: bold;");
        TableView<WorkloadTable.Row> table = WorkloadTable.view("retrieval-table", vm.table());
        table.setPrefHeight(355);
        table.setMinHeight(300);
        chart = new StackedBarChart<>(new CategoryAxis(), WorkloadForm.moneyAxis("Cost per request"));
        chart.setId("retrieval-chart");
        chart.setTitle("Cost per request by part, per lever");
        chart.setAnimated(false);
        VBox.setVgrow(chart, Priority.ALWAYS);
        Label message = new Label();
        message.setId("retrieval-message");
        message.setWrapText(true);
        message.textProperty().bind(vm.messageProperty());
        VBox results = new VBox(8, summary, table, chart, message);
        results.setPadding(new Insets(8));
        root = new SplitPane(inputs, results);
        root.setDividerPositions(0.33);
        vm.steps().addListener((ListChangeListener<RetrievalCost.Step>) c -> draw());
        draw();
    }

    private void draw() {
        chart.getData().clear();
        for (RetrievalPart p : RetrievalPart.values()) {
            XYChart.Series<String, Number> s = new XYChart.Series<>();
            s.setName(p.label());
            for (RetrievalCost.Step step : vm.steps()) {
                s.getData().add(new XYChart.Data<>(step.label(), step.part(p).doubleValue()));
            }
            chart.getData().add(s);
        }
    }

    @Override
    public Parent root() {
        return root;
    }

    @Override
    public RetrievalViewModel viewModel() {
        return vm;
    }
}
