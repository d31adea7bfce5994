// SPDX-License-Identifier: Apache-2.0
package dev.costbench.ui.workload.retrieval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.costbench.model.catalog.Catalog;
import dev.costbench.model.catalog.CatalogBuilder;
import dev.costbench.ui.workload.WorkloadTable;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class RetrievalViewModelTest {

    static final Catalog CATALOG = CatalogBuilder.builtIn();
    static final Clock DEC_2026 = Clock.fixed(Instant.parse("2026-12-07T12:00:00Z"), ZoneOffset.UTC);

    /** RetrievalCostTest's worked example, typed into the form. */
    static RetrievalViewModel workedExample() {
        RetrievalViewModel vm = new RetrievalViewModel(() -> CATALOG, DEC_2026);
        vm.modelProperty().set(CATALOG.find("claude-haiku-4-5").orElseThrow());
        vm.embeddingProperty()
                .set(vm.embeddingChoices().stream()
                        .filter(c -> c.startsWith("text-embedding-3-small"))
                        .findFirst()
                        .orElseThrow());
        vm.instructionTokensProperty().set(1000);
        vm.stablePrefixTokensProperty().set(4000);
        vm.chunksProperty().set(10);
        vm.chunkTokensProperty().set(500);
        vm.queryTokensProperty().set(50);
        vm.outputTokensProperty().set(300);
        vm.requestsPerMonthProperty().set(100_000);
        vm.corpusTokensProperty().set(2_000_000);
        vm.reembedsPerMonthProperty().set(1.0);
        vm.rerankerPerThousandProperty().set("2");
        return vm;
    }

    @Test
    void theTableShowsEachPartThroughTheMoneyFormatter() {
        RetrievalViewModel vm = workedExample();
        assertEquals(List.of("As typed"), vm.table().columns());
        assertEquals(
                List.of(
                        "Retrieved context per request",
                        "Instructions and query per request",
                        "Output per request",
                        "Embeddings per request",
                        "Reranker per request",
                        "Cost per request",
                        "Cost per month",
                        "Saves a month"),
                vm.table().rows().stream().map(WorkloadTable.Row::figure).toList());
        assertEquals(
                List.of("$0.009", "$0.00105", "$0.0015", "$0.0000014", "$0.00", "$0.01155", "$1,155.14", ""),
                vm.table().rows().stream().map(r -> r.values().get(0)).toList());
        assertEquals(
                "Per request $0.01155 · per month $1,155.14",
                vm.summaryProperty().get());
    }

    @Test
    void eachLeverAddsAStepWithItsSaving() {
        RetrievalViewModel vm = workedExample();
        vm.rerankToProperty().set(4);
        vm.rerankOnProperty().set(true);
        vm.shorterTokensProperty().set(300);
        vm.shorterOnProperty().set(true);
        vm.cacheHitPercentProperty().set(90);
        vm.cacheOnProperty().set(true);
        assertEquals(
                List.of("As typed", "Rerank to 4 chunks", "Shorter chunks (300 tokens)", "Cache the stable prefix"),
                vm.table().columns());
        assertEquals(
                List.of("", "$100.00", "$80.00", "$392.50"),
                vm.table().rows().get(7).values());
        assertEquals("$582.64", vm.table().value(RetrievalViewModel.PER_MONTH, "Cache the stable prefix"));
        assertEquals(4, vm.steps().size());
        assertTrue(
                vm.messageProperty().get().contains("typed in by you"),
                vm.messageProperty().get());
        assertTrue(vm.summaryProperty().get().endsWith("the levers save $572.50 a month"));
    }

    @Test
    void aWrongRerankerPriceSaysWhatToType() {
        RetrievalViewModel vm = workedExample();
        vm.rerankerPerThousandProperty().set("two dollars");
        assertTrue(vm.table().rows().isEmpty());
        assertTrue(
                vm.messageProperty().get().contains("Type it in dollars"),
                vm.messageProperty().get());
        vm.rerankerPerThousandProperty().set("$2");
        assertEquals(8, vm.table().rows().size());
    }

    @Test
    void anUnconfirmedEmbeddingPriceStaysVisible() {
        RetrievalViewModel vm = workedExample();
        String gemini = vm.embeddingChoices().stream()
                .filter(c -> c.startsWith("Gemini Embedding (Google)"))
                .findFirst()
                .orElseThrow();
        assertTrue(gemini.endsWith("UNCONFIRMED"), gemini);
        vm.embeddingProperty().set(gemini);
        assertTrue(
                vm.messageProperty().get().contains("UNCONFIRMED"),
                vm.messageProperty().get());
    }
}
