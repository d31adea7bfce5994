// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.costbench.model.catalog.CatalogReader.CatalogFile;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class CatalogTest {

    static CatalogFile read(String name, String json, Origin origin) {
        return CatalogReader.read(name, new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), origin);
    }

    @Test
    void builtInCatalogLoadsCleanly() {
        Catalog c = CatalogBuilder.builtIn();
        assertEquals(List.of(), c.problems());
        assertTrue(c.size() >= 60, "models: " + c.size());
        Set<Tier> tiers = c.models().stream().map(ModelEntry::tier).collect(Collectors.toSet());
        assertEquals(EnumSet.allOf(Tier.class), tiers);
        Set<String> providers = c.models().stream().map(ModelEntry::provider).collect(Collectors.toSet());
        assertTrue(providers.containsAll(Set.of("openai", "anthropic", "google", "groq", "together")));
        for (ModelEntry m : c.models()) {
            for (Price p : m.prices().values()) {
                assertFalse(p.source().isEmpty(), m.id() + " price without source");
                assertTrue(p.asOf().matches("\\d{4}-\\d{2}-\\d{2}"), m.id() + " price without as-of date");
                assertTrue(
                        c.sources().containsKey(p.source()),
                        m.id() + ": source key " + p.source() + " is not described in \"sources\"");
            }
        }
    }

    @Test
    void builtInCatalogKeepsUnconfirmedAndConflictVisible() {
        Catalog c = CatalogBuilder.builtIn();
        Set<PriceStatus> statuses = c.models().stream()
                .flatMap(m -> m.prices().values().stream())
                .map(Price::status)
                .collect(Collectors.toSet());
        assertTrue(statuses.contains(PriceStatus.UNCONFIRMED));
        assertTrue(statuses.contains(PriceStatus.CONFLICT));
        c.models().stream()
                .flatMap(m -> m.prices().values().stream())
                .filter(p -> p.status() == PriceStatus.CONFLICT)
                .forEach(p -> assertFalse(p.alternatives().isEmpty()));
    }

    @Test
    void builtInPricesMatchTheReference() {
        Catalog c = CatalogBuilder.builtIn();
        assertPrice(c, "gpt-5", PriceKind.INPUT, "1.25");
        assertPrice(c, "gpt-5", PriceKind.CACHED_INPUT, "0.125");
        assertPrice(c, "claude-sonnet-4-5", PriceKind.CACHE_WRITE_1H, "6.00");
        assertPrice(c, "claude-haiku-4-5", PriceKind.OUTPUT, "5.00");
        assertPrice(c, "gemini-2.5-flash", PriceKind.INPUT_AUDIO, "1.00");
        assertEquals(272_000, c.find("gpt-5.4").orElseThrow().longContext().thresholdTokens());
        assertEquals("o200k_base", c.find("gpt-4o").orElseThrow().tokenizer());
        assertEquals("cl100k_base", c.find("gpt-4").orElseThrow().tokenizer());
    }

    private static void assertPrice(Catalog c, String id, PriceKind k, String v) {
        BigDecimal actual = c.find(id)
                .orElseThrow(() -> new AssertionError(id))
                .prices()
                .get(k)
                .perMTok();
        assertEquals(0, new BigDecimal(v).compareTo(actual), id + " " + k + " = " + actual);
    }

    @Test
    void malformedJsonNamesTheFileAndPosition() {
        CatalogFile f = read("user.json", "{ \"models\": [ { \"id\": \"x\", } ] }", Origin.USER);
        assertEquals(1, f.problems().size());
        String msg = f.problems().get(0).toString();
        assertTrue(msg.startsWith("user.json: not valid JSON at line 1, column"), msg);
    }

    @Test
    void badFieldsAreReportedAndTheRestLoads() {
        String json = "{\"models\": ["
                + "{\"id\": \"good\", \"provider\": \"groq\", \"tier\": \"open\", \"prices\": {\"input\": 0.1, \"output\": 0.2}},"
                + "{\"id\": \"neg\", \"provider\": \"groq\", \"tier\": \"open\", \"prices\": {\"input\": -1, \"output\": \"abc\"}},"
                + "{\"id\": \"tierless\", \"provider\": \"groq\", \"tier\": \"giant\", \"prices\": {\"input\": 1, \"output\": 1}},"
                + "{\"provider\": \"groq\"},"
                + "{\"id\": \"typo\", \"provider\": \"groq\", \"tier\": \"open\", \"prices\": {\"inptu\": 1, \"output\": 1},"
                + " \"contextWindow\": \"big\"}"
                + "]}";
        Catalog c = CatalogBuilder.build(List.of(read("bad.json", json, Origin.USER)));
        List<String> msgs = c.problems().stream().map(CatalogProblem::toString).collect(Collectors.toList());
        assertTrue(msgs.contains("bad.json: model 'neg', field 'prices.input': negative value -1"), msgs.toString());
        assertTrue(
                msgs.contains("bad.json: model 'neg', field 'prices.output': 'abc' is not a number"), msgs.toString());
        assertTrue(msgs.stream()
                .anyMatch(m -> m.startsWith("bad.json: model 'tierless', field 'tier': unknown tier 'giant'")));
        assertTrue(msgs.contains("bad.json: model '#4', field 'id': missing or not a string; entry skipped"));
        assertTrue(msgs.stream()
                .anyMatch(m -> m.startsWith("bad.json: model 'typo', field 'prices.inptu': unknown price")));
        assertTrue(msgs.stream().anyMatch(m -> m.startsWith("bad.json: model 'typo', field 'contextWindow'")));
        assertTrue(c.find("good").isPresent());
        assertTrue(c.find("neg").isPresent(), "an entry with a bad price still loads, unpriced");
        assertTrue(c.find("neg").orElseThrow().prices().isEmpty());
        assertFalse(c.find("tierless").isPresent());
        assertEquals(3, c.size());
    }

    @Test
    void userCatalogOverridesSingleFieldsAndAddsModels() {
        String user = "{\"models\": ["
                + "{\"id\": \"gpt-5\", \"prices\": {\"input\": 1.00}, \"source\": \"my contract\"},"
                + "{\"id\": \"local/llama3.1:8b\", \"provider\": \"local\", \"tier\": \"open\", \"tokenizer\": \"open\","
                + " \"prices\": {\"input\": 0, \"output\": 0}}]}";
        Catalog c = CatalogBuilder.build(List.of(CatalogBuilder.readBuiltIn(), read("user.json", user, Origin.USER)));
        ModelEntry gpt5 = c.find("gpt-5").orElseThrow();
        assertEquals(
                0, BigDecimal.ONE.compareTo(gpt5.prices().get(PriceKind.INPUT).perMTok()));
        assertEquals(Origin.USER, gpt5.prices().get(PriceKind.INPUT).origin());
        assertEquals("my contract", gpt5.prices().get(PriceKind.INPUT).source());
        assertTrue(gpt5.isOverridden("prices.input"));
        assertFalse(gpt5.isOverridden("prices.output"));
        assertEquals(Origin.BUILT_IN, gpt5.prices().get(PriceKind.OUTPUT).origin());
        ModelEntry local = c.find("local/llama3.1:8b").orElseThrow();
        assertEquals(BillingRules.OPEN, local.rules());
        assertEquals(0, local.prices().get(PriceKind.INPUT).perMTok().signum());
    }
}
