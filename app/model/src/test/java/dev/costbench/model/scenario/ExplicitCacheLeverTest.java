// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.scenario;

import static dev.costbench.model.scenario.Fixtures.compute;
import static dev.costbench.model.scenario.Fixtures.d;
import static dev.costbench.model.scenario.Fixtures.scenario;
import static dev.costbench.model.scenario.Fixtures.usd;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/**
 * The prompt-caching lever on Gemini explicit caching (storage per token-hour), against a hand-computed example.
 *
 * <p>Gemini 2.5 Flash: input $0.30, cache read $0.03, storage $1.00 per 1M tokens per hour. 100,000 calls in a 30-day
 * month (720 hours: 138.89 requests an hour), a 10,000-token system prompt, 1,000 user tokens, 200 output tokens.
 *
 * <ul>
 *   <li>default TTL 1 h, default rate (the month's own): the cache is kept all month, 10,000 tokens × 720 h ×
 *       $1.00 / 1M = <b>$7.20</b> of storage;
 *   <li>TTL 2 h, 10 requests an hour: storage per lifetime 10,000 × 2 h × $1.00 / 1M = $0.02, shared by 20 requests;
 *       100,000 calls ÷ 20 × $0.02 = <b>$100</b>;
 *   <li>break-even rate (S·T + P) / (T·(P − C)) = (1.00 × 1 + 0.30) / (1 × 0.27) = <b>4.81</b> requests an hour.
 * </ul>
 */
class ExplicitCacheLeverTest {

    static RequestType gemini() {
        return RequestType.text(
                "chat", Volume.monthly(100_000), "gemini-2.5-flash", new TextTokens(10_000, 0, 1000, 200, 0));
    }

    @Test
    void storageIsItsOwnBillLineAndTheStepSaysTheBreakEven() {
        Waterfall w = compute(scenario(gemini(), LeverEntry.of("c", null, new Lever.PromptCaching(d("0.9"), null))));
        usd("7.20", w.optimized().line(BillLine.CACHE_STORAGE));
        usd("0", w.baseline().line(BillLine.CACHE_STORAGE));
        // Reads: 100,000 × 9,000 × $0.03 / 1M = $27; misses: 100,000 × 1,000 at the write (input) price.
        usd("27", w.optimized().line(BillLine.CACHE_READ));
        WaterfallStep step = w.steps().get(0);
        String notes = String.join("\n", step.notes());
        assertTrue(notes.contains("$1.00 per 1M tokens per hour"), notes);
        assertTrue(notes.contains("cache storage $7.20 a month"), notes);
        assertTrue(notes.contains("caching pays from 4.81 requests an hour (break-even)"), notes);
        assertTrue(notes.contains("net of $7.20 of cache storage, caching saves"), notes);
        assertTrue(
                w.warnings().stream().noneMatch(x -> x.contains("not modelled")),
                w.warnings().toString());
    }

    @Test
    void ttlAndRequestRateSetTheStorage() {
        Lever.PromptCaching c = new Lever.PromptCaching(d("0.9"), null, d("2"), BigDecimal.TEN);
        Waterfall w = compute(scenario(gemini(), LeverEntry.of("c", null, c)));
        usd("100", w.optimized().line(BillLine.CACHE_STORAGE));
        String notes = String.join("\n", w.steps().get(0).notes());
        assertTrue(notes.contains("read by 10 requests an hour:"), notes);
    }

    @Test
    void belowTheBreakEvenTheNoteSaysStorageCostsMore() {
        Lever.PromptCaching c = new Lever.PromptCaching(d("0.9"), null, BigDecimal.ONE, d("2"));
        Waterfall w = compute(scenario(gemini(), LeverEntry.of("c", null, c)));
        String notes = String.join("\n", w.steps().get(0).notes());
        assertTrue(notes.contains("below it, storage costs more than the reads save"), notes);
    }

    @Test
    void implicitCacheModelsHaveNoStorage() {
        Waterfall w =
                compute(scenario(LeversTest.chat(), LeverEntry.of("c", null, new Lever.PromptCaching(d("0.9"), null))));
        usd("0", w.optimized().line(BillLine.CACHE_STORAGE));
        usd("1162.5", w.optimizedMonthly());
        assertTrue(w.steps().get(0).notes().isEmpty(), w.steps().get(0).notes().toString());
    }

    @Test
    void aTtlOfZeroIsRefusedWithTheField() {
        Lever.PromptCaching c = new Lever.PromptCaching(d("0.9"), null, BigDecimal.ZERO, null);
        var errors = ScenarioEngine.validate(scenario(gemini(), LeverEntry.of("c", null, c)), Fixtures.CATALOG);
        assertTrue(
                errors.stream()
                        .anyMatch(e ->
                                e.field().endsWith(".ttlHours") && e.message().contains("above 0")),
                errors.toString());
    }

    private static final String OLD_FILE = """
            {"schemaVersion": 1, "name": "old",
             "workload": {"requestTypes": [{"id": "chat", "volume": {"amount": 100000, "per": "month"},
               "model": "gemini-2.5-flash",
               "text": {"system": 10000, "user": 1000, "output": 200}}]},
             "levers": [{"id": "c", "type": "promptCaching", "hitRate": 0.9, "ttl": "five_minutes"}]}
            """;

    @Test
    void aFileWrittenBeforeTheExplicitCacheSettingsStillOpensWithTheDefaults() throws Exception {
        Scenario s = ScenarioFiles.fromJson(OLD_FILE, "old.json");
        Lever.PromptCaching c = (Lever.PromptCaching) s.levers().get(0).lever();
        assertNull(c.ttlHours());
        assertNull(c.requestsPerHour());
        usd("7.20", compute(s).optimized().line(BillLine.CACHE_STORAGE));
    }

    @Test
    void theSettingsAreWrittenToTheFileAndReadBack() throws Exception {
        Scenario s =
                scenario(gemini(), LeverEntry.of("c", null, new Lever.PromptCaching(d("0.9"), null, d("2"), d("10"))));
        String json = ScenarioFiles.toJson(s);
        assertTrue(json.contains("\"ttlHours\": 2"), json);
        assertTrue(json.contains("\"requestsPerHour\": 10"), json);
        assertEquals(s, ScenarioFiles.fromJson(json, "new.json"));
        String negative = json.replace("\"requestsPerHour\": 10", "\"requestsPerHour\": -1");
        Exception e = assertThrows(Exception.class, () -> ScenarioFiles.fromJson(negative, "bad.json"));
        assertTrue(e.getMessage().contains("requestsPerHour"), e.getMessage());
    }
}
