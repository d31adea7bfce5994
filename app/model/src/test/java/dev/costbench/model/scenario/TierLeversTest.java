// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.scenario;

import static dev.costbench.model.scenario.Fixtures.CATALOG;
import static dev.costbench.model.scenario.Fixtures.d;
import static dev.costbench.model.scenario.Fixtures.usd;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Flex and priority levers, priced by the catalog's service tiers. gpt-5: $1.25 / $10 per 1M standard, batch half,
 * flex ×0.5, priority $2.50 / $20; claude-sonnet-5-5 offers neither flex nor priority.
 */
class TierLeversTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-07T12:00:00Z"), ZoneOffset.UTC);

    /** 100,000 requests of 1,000 tokens in and 100 out on gpt-5: $125 + $100 = $225 a month. */
    private static RequestType gpt5() {
        return RequestType.text("chat", Volume.monthly(100_000), "gpt-5", TextTokens.of(0, 1000, 100))
                .withBatchableShare(d("0.5"));
    }

    private static Waterfall compute(RequestType t, LeverEntry... levers) {
        return ScenarioEngine.compute(Scenario.of("t", Workload.of(t), List.of(), levers), CATALOG, CLOCK);
    }

    private static LeverEntry flex(String share, String retry) {
        return LeverEntry.of("flex", null, new Lever.Flex(d(share), retry == null ? null : d(retry)));
    }

    @Test
    void flexHalvesTheShareItCoversAndRetriesCostAgain() {
        usd("225", compute(gpt5()).baselineMonthly());
        Waterfall w = compute(gpt5(), flex("0.4", null));
        usd("45", w.step("flex").saving()); // 40 % of $225 at half price
        Waterfall retried = compute(gpt5(), flex("0.4", "0.1"));
        usd("40.5", retried.step("flex").saving()); // the 10 % retried of the flex calls cost $4.50 again
        assertEquals(Component.BILLING_MODE, w.step("flex").component());
    }

    @Test
    void batchAndFlexOnTheSameRequestsNeverSaveMoreThanTheRequestsTheyCover() {
        // Batch takes 50 % (all that can wait); flex 60 % would overlap it: it only gets the other 50 %.
        Waterfall w = compute(gpt5(), LeverEntry.of("batch", null, new Lever.Batch(d("1"))), flex("0.6", null));
        usd("112.5", w.optimizedMonthly()); // every call at half price, no less
        usd("56.25", w.step("flex").saving());
        assertTrue(
                w.step("flex").notes().stream().anyMatch(n -> n.contains("50 % of the calls already go through")),
                () -> w.step("flex").notes().toString());
        // The other order: flex first takes 30 %, batch its 50 %; together still at most every call at half price.
        Waterfall other = compute(gpt5(), flex("0.3", null), LeverEntry.of("batch", null, new Lever.Batch(d("1"))));
        usd("33.75", other.step("flex").saving());
        usd("56.25", other.step("batch").saving());
        usd("135", other.optimizedMonthly()); // 80 % of the calls at half price
    }

    @Test
    void priorityCostsMoreWhereOffered() {
        Waterfall w = compute(gpt5(), LeverEntry.of("prio", null, new Lever.Priority(d("0.2"))));
        usd("-45", w.step("prio").saving()); // 20 % of $225 at twice the price
    }

    @Test
    void aModelWithoutTheTierGetsNoSavingAndTheLeverSaysSo() {
        RequestType t = gpt5().withModel("claude-sonnet-5-5");
        Waterfall w = compute(t, flex("0.5", null), LeverEntry.of("prio", null, new Lever.Priority(d("0.5"))));
        usd("0", w.step("flex").saving());
        usd("0", w.step("prio").saving());
        assertTrue(
                w.step("flex").notes().get(0).startsWith("Claude Sonnet 5.5 does not offer the Flex tier"),
                () -> w.step("flex").notes().toString());
        assertTrue(w.step("prio").notes().get(0).contains("stay at standard prices"));
    }

    @Test
    void flexAndPriorityRoundTripThroughAFile() throws Exception {
        Scenario s = Scenario.of("t", Workload.of(gpt5()), List.of(), flex("0.4", "0.05"));
        String json = ScenarioFiles.toJson(s);
        assertTrue(json.contains("\"type\": \"flex\""), json);
        assertEquals(s, ScenarioFiles.fromJson(json, "t.json"));
    }
}
