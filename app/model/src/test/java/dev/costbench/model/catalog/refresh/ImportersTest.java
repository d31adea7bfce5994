// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.catalog.refresh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.costbench.model.catalog.Catalog;
import dev.costbench.model.catalog.CatalogBuilder;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each importer on its real trimmed fixture and on malformed input. */
class ImportersTest {

    static final Catalog BUILT_IN = CatalogBuilder.builtIn();

    static Proposal fixture(ImportSource s, String file) throws IOException {
        try (InputStream in = ImportersTest.class.getResourceAsStream("/catalog-import/" + file)) {
            assertNotNull(in, file);
            return s.importer().read(in, file, BUILT_IN);
        }
    }

    static JsonNode model(Proposal p, String id) {
        List<ObjectNode> e = p.entries(id);
        assertFalse(e.isEmpty(), id + " not proposed");
        return e.get(0);
    }

    static BigDecimal price(JsonNode m, String kind) {
        return m.path("prices").path(kind).decimalValue();
    }

    /** The long-context threshold and output price of a proposed entry. */
    static void assertLongContext(JsonNode m, long threshold, String output) {
        JsonNode lc = m.path("longContext");
        assertEquals(threshold, lc.path("threshold").asLong(), lc.toString());
        assertEquals(
                0,
                new BigDecimal(output)
                        .compareTo(lc.path("prices").path("output").decimalValue()),
                lc.toString());
    }

    private static IOException malformed(ImportSource s, String json) {
        return assertThrows(
                IOException.class,
                () -> s.importer()
                        .read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "bad.json", BUILT_IN));
    }

    @Test
    void liteLlmFixtureBecomesPricesPerMillionWithItsSource() throws IOException {
        Proposal p = fixture(ImportSource.LITELLM, "litellm-model_prices.json");
        assertEquals(ImportSource.LITELLM, p.source());
        assertEquals(10, p.size()); // 13 entries: sample_spec and two image models are not chat models
        JsonNode sonnet = model(p, "claude-sonnet-4-5-20250929-v1:0");
        assertEquals(0, new BigDecimal("3").compareTo(price(sonnet, "input")));
        assertLongContext(sonnet, 200000, "22.5");
        assertEquals("LL-import", sonnet.path("source").asText());
        assertEquals(p.asOf(), sonnet.path("asOf").asText());
        assertTrue(p.file().problems().isEmpty(), p.file().problems().toString());
    }

    @Test
    void genAiPricesFixtureKeepsTiersDatesAndSaysWhatItLeftOut() throws IOException {
        Proposal p = fixture(ImportSource.GENAI_PRICES, "genai-prices-data_slim.json");
        assertTrue(p.file().problems().isEmpty(), p.file().problems().toString());
        JsonNode pro = model(p, "gemini-2.5-pro");
        assertEquals(0, new BigDecimal("1.25").compareTo(price(pro, "input")));
        assertLongContext(pro, 200000, "15");
        JsonNode sonnet5 = model(p, "claude-sonnet-5");
        JsonNode input = sonnet5.path("prices").path("input");
        assertTrue(input.isArray(), input.toString());
        assertEquals("2026-08-31", input.get(0).path("validUntil").asText());
        assertEquals("2026-09-01", input.get(1).path("validFrom").asText());
        assertEquals(0, new BigDecimal("3").compareTo(input.get(1).path("value").decimalValue()));
        JsonNode o3 = model(p, "o3");
        assertEquals(0, new BigDecimal("0.5").compareTo(price(o3, "cachedInput"))); // same in both periods
        assertEquals(0, new BigDecimal("0.135").compareTo(price(model(p, "deepseek-chat"), "input")));
        assertTrue(p.warnings().stream().anyMatch(w -> w.startsWith("deepseek-chat: time-of-day prices")));
        assertTrue(p.warnings().stream().anyMatch(w -> w.startsWith("sonar.requests_kcount")));
        assertFalse(model(p, "text-embedding-3-small").path("prices").has("output"));
        assertEquals(2, p.entries("claude-opus-4-6").size());
        assertEquals("GP-import", pro.path("source").asText());
    }

    @Test
    void openRouterFixtureConvertsPerTokenStringsAndSkipsVariablePrices() throws IOException {
        Proposal p = fixture(ImportSource.OPENROUTER, "openrouter-models.json");
        assertTrue(p.file().problems().isEmpty(), p.file().problems().toString());
        assertEquals(1, p.skipped());
        assertTrue(p.entries("openrouter/openrouter/auto").isEmpty());
        assertTrue(p.entries("openrouter/auto").isEmpty());
        JsonNode sonnet = model(p, "openrouter/anthropic/claude-sonnet-4");
        assertEquals("Claude Sonnet 4", sonnet.path("name").asText());
        assertEquals("openrouter", sonnet.path("provider").asText());
        assertEquals(0, new BigDecimal("3").compareTo(price(sonnet, "input")));
        assertEquals(0, new BigDecimal("0.3").compareTo(price(sonnet, "cachedInput")));
        assertEquals(0, new BigDecimal("3.75").compareTo(price(sonnet, "cacheWrite5m")));
        assertEquals(0, new BigDecimal("15").compareTo(price(sonnet, "output")));
        assertEquals(8192, sonnet.path("maxOutput").asLong());
        JsonNode free = model(p, "openrouter/microsoft/phi-4-reasoning-plus:free");
        assertEquals(0, BigDecimal.ZERO.compareTo(price(free, "input")));
        assertTrue(free.path("prices").has("output"));
        JsonNode o4 = model(p, "openrouter/openai/o4-mini-high");
        assertTrue(
                o4.path("notes").asText().contains("$0.0008415 per image"),
                o4.path("notes").asText());
        assertFalse(model(p, "openrouter/qwen/qwen3.6-plus").path("prices").has("cachedInput"));
    }

    @Test
    void malformedFilesNameTheJsonPathAndImportNothing() {
        IOException e =
                malformed(ImportSource.OPENROUTER, "{\"data\":[{\"id\":\"a/b\",\"pricing\":{}},{\"pricing\":{}}]}");
        assertTrue(e.getMessage().contains("at $.data[1].id"), e.getMessage());
        assertTrue(e.getMessage().contains("nothing was imported"), e.getMessage());
        e = malformed(ImportSource.OPENROUTER, "[]");
        assertTrue(e.getMessage().contains("at $.data"), e.getMessage());
        e = malformed(ImportSource.GENAI_PRICES, "[{\"id\":\"openai\",\"models\":[{\"id\":\"x\",\"prices\":7}]}]");
        assertTrue(e.getMessage().contains("at $[0].models[0].prices"), e.getMessage());
        e = malformed(ImportSource.GENAI_PRICES, "[{\"id\":\"openai\",\"models\":{}}]");
        assertTrue(e.getMessage().contains("at $[0].models"), e.getMessage());
        e = malformed(
                ImportSource.GENAI_PRICES,
                "[{\"id\":\"g\",\"models\":[{\"id\":\"x\",\"prices\":{\"input_mtok\":{\"base\":1,\"tiers\":3}}}]}]");
        assertTrue(e.getMessage().contains("at $[0].models[0].prices.input_mtok.tiers"), e.getMessage());
        e = malformed(ImportSource.GENAI_PRICES, "{\"id\": 1");
        assertTrue(e.getMessage().contains("not valid JSON"), e.getMessage());
        e = malformed(ImportSource.LITELLM, "[1, 2]");
        assertTrue(e.getMessage().contains("expected a JSON object"), e.getMessage());
    }

    @Test
    void sourcesAreNamedByTheirCommandLineIds() {
        assertEquals(
                ImportSource.GENAI_PRICES, ImportSource.fromId("genai-prices").orElseThrow());
        assertTrue(ImportSource.fromId("models.dev").isEmpty());
        assertEquals("litellm, genai-prices, openrouter", ImportSource.ids());
    }
}
