// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.catalog.refresh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.costbench.model.catalog.Catalog;
import dev.costbench.model.catalog.CatalogBuilder;
import dev.costbench.model.catalog.CatalogReader;
import dev.costbench.model.catalog.CatalogReader.CatalogFile;
import dev.costbench.model.catalog.Origin;
import dev.costbench.model.catalog.PriceKind;
import dev.costbench.model.catalog.refresh.DiffRow.Change;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CatalogDiffTest {

    static final String BASE = """
            {"schemaVersion":1,"asOf":"2026-12-01","sources":{"A-PRICE":"Anthropic pricing page"},"models":[
             {"id":"claude-x","name":"Claude X","provider":"anthropic","tier":"high","source":"A-PRICE",
              "asOf":"2026-12-01","prices":{"input":3,"cachedInput":0.3,"output":15}},
             {"id":"gpt-y","name":"GPT Y","provider":"openai","tier":"mid","source":"A-PRICE","asOf":"2026-12-01",
              "prices":{"input":1,"output":4}}]}
            """;

    static final String USER = """
            {"schemaVersion":1,"sources":{"GP-import":"genai-prices prices imported from data.json"},"models":[
             {"id":"gpt-y","prices":{"cachedInput":{"value":0.1,"source":"GP-import","asOf":"2026-11-01"}}},
             {"id":"mistral-z","provider":"mistral","tier":"light","source":"GP-import","asOf":"2026-11-01",
              "prices":{"input":0.2,"output":0.6}}]}
            """;

    static CatalogFile file(String name, String json, Origin origin) {
        return CatalogReader.read(name, new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), origin);
    }

    static Catalog current() {
        return CatalogBuilder.build(List.of(file("base", BASE, Origin.BUILT_IN), file("user", USER, Origin.USER)));
    }

    static Proposal proposal(ImportSource s, String json) throws IOException {
        return s.importer()
                .read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "test.json", current());
    }

    static Proposal genAi() throws IOException {
        return proposal(ImportSource.GENAI_PRICES, """
                [{"id":"anthropic","models":[{"id":"claude-x","prices":{"input_mtok":3,"cache_read_mtok":0.3,
                  "output_mtok":15}}]},
                 {"id":"openai","models":[{"id":"gpt-y","prices":{"input_mtok":1,"output_mtok":5}},
                  {"id":"gpt-new","prices":{"input_mtok":2,"output_mtok":8}}]},
                 {"id":"mistral","models":[{"id":"mistral-z","prices":{"input_mtok":0.25,"output_mtok":0.6}}]}]
                """);
    }

    static DiffRow row(CatalogDiff d, String id, PriceKind k) {
        return d.rows().stream()
                .filter(r -> r.modelId().equals(id)
                        && r.field().kind() == k
                        && !r.field().longContext())
                .findFirst()
                .orElse(null);
    }

    @Test
    void addedChangedRemovedAndConflictWithAnotherSource() throws IOException {
        CatalogDiff d = CatalogDiff.of(current(), List.of(genAi()));
        assertNull(row(d, "claude-x", PriceKind.INPUT)); // same value: no row
        DiffRow added = row(d, "gpt-new", PriceKind.INPUT);
        assertEquals(Change.ADDED, added.change());
        assertEquals("—", added.oldText());
        assertEquals("$2.00", added.newText());
        assertEquals("genai-prices", added.newSource());
        DiffRow changed = row(d, "mistral-z", PriceKind.INPUT); // an earlier genai-prices import: a refresh
        assertEquals(Change.CHANGED, changed.change());
        assertEquals("$0.20", changed.oldText());
        assertEquals("$0.25", changed.newText());
        DiffRow conflict = row(d, "gpt-y", PriceKind.OUTPUT); // the catalog's value comes from another source
        assertEquals(Change.CONFLICT, conflict.change());
        assertEquals("Anthropic pricing page", conflict.oldSource());
        assertTrue(conflict.conflictText().contains("in the catalog $4.00"), conflict.conflictText());
        DiffRow removed = row(d, "gpt-y", PriceKind.CACHED_INPUT); // imported before, no longer listed
        assertEquals(Change.REMOVED, removed.change());
        assertEquals("$0.10", removed.oldText());
        assertEquals(
                "2 added, 1 changed, 1 removed, 1 CONFLICT",
                d.only(Set.of("gpt-y", "mistral-z", "gpt-new")).summary());
    }

    @Test
    void twoSourcesThatDisagreeAreAConflictNeverAPick() throws IOException {
        Proposal openRouterLike = proposal(ImportSource.LITELLM, """
                {"gpt-new":{"litellm_provider":"openai","mode":"chat","input_cost_per_token":2.5e-06,
                 "output_cost_per_token":8e-06}}
                """);
        CatalogDiff d = CatalogDiff.of(current(), List.of(genAi(), openRouterLike));
        DiffRow in = row(d, "gpt-new", PriceKind.INPUT);
        assertEquals(Change.CONFLICT, in.change());
        assertEquals("genai-prices, LiteLLM", in.sources());
        assertTrue(in.conflictText().startsWith("genai-prices $2.00; LiteLLM $2.50"), in.conflictText());
        assertEquals(Change.ADDED, row(d, "gpt-new", PriceKind.OUTPUT).change()); // they agree on output
    }

    @Test
    void onlyKeepsTheModelsAsked() throws IOException {
        CatalogDiff d = CatalogDiff.of(current(), List.of(genAi())).only(Set.of("gpt-new"));
        assertTrue(d.rows().stream().allMatch(r -> r.modelId().equals("gpt-new")));
        assertEquals(2, d.rows().size());
    }

    @Test
    void twoCatalogFiles() {
        CatalogFile a = file("a.json", BASE, Origin.USER);
        CatalogFile b = file(
                "b.json",
                BASE.replace(
                                "\"output\":15",
                                "\"output\":{\"value\":12,\"status\":\"CONFLICT\"," + "\"alternatives\":[15]}")
                        .replace("\"input\":1,", "\"input\":1.1,\"batchInput\":0.5,")
                        .replace(",\"cachedInput\":0.3", ""),
                Origin.USER);
        CatalogDiff d = CatalogDiff.of(a, b);
        assertEquals(Change.CONFLICT, row(d, "claude-x", PriceKind.OUTPUT).change());
        assertEquals(Change.REMOVED, row(d, "claude-x", PriceKind.CACHED_INPUT).change());
        DiffRow changed = row(d, "gpt-y", PriceKind.INPUT);
        assertEquals(Change.CHANGED, changed.change());
        assertEquals("$1.00", changed.oldText());
        assertEquals("$1.10", changed.newText());
        assertEquals("Anthropic pricing page", changed.newSource());
        assertEquals(Change.ADDED, row(d, "gpt-y", PriceKind.BATCH_INPUT).change());
        assertEquals(4, d.rows().size());
        assertTrue(CatalogDiff.of(a, a).rows().isEmpty());
    }
}
