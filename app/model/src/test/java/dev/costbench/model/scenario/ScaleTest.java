// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.scenario;

import static dev.costbench.model.scenario.Fixtures.compute;
import static dev.costbench.model.scenario.Fixtures.d;
import static dev.costbench.model.scenario.Fixtures.scenario;
import static dev.costbench.model.scenario.Fixtures.usd;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** Volumes of 10^12 tokens a month and more: no overflow, no rounding drift (BigDecimal end to end). */
class ScaleTest {

    @Test
    void aTrillionTokensAMonthIsExact() {
        // 1,000,000,000 requests × 1,000 tokens = 10^12 input tokens on GPT-5 nano at $0.05 per 1M.
        RequestType t = RequestType.text(
                "bulk", Volume.monthly(1_000_000_000L), "gpt-5-nano", new TextTokens(0, 0, 1000, 0, 0));
        Waterfall w = compute(scenario(t));
        assertEquals(
                new BigDecimal("50000"),
                w.baselineMonthly().stripTrailingZeros().setScale(0));
        usd("50000", w.baselineMonthly());
        usd("600000", w.baselineYearly());
    }

    @Test
    void aTrillionTokensWithCachingAndFractionsIsExact() {
        // 500,000,000 requests × 2,000 tokens = 10^12, 1,500 of them a cached prefix at a 95 % hit rate on GPT-5:
        // reads 1,425 × $0.125 + writes 75 × $1.25 + user 500 × $1.25 = $896.875 per 1M requests.
        RequestType t =
                RequestType.text("bulk", Volume.monthly(500_000_000L), "gpt-5", new TextTokens(1500, 0, 500, 0, 0));
        Waterfall w = compute(scenario(t, LeverEntry.of("c", null, new Lever.PromptCaching(d("0.95"), null))));
        usd("1250000", w.baselineMonthly());
        usd("448437.5", w.optimizedMonthly());
        assertEquals("448437.5", w.optimizedMonthly().stripTrailingZeros().toPlainString());
    }

    @Test
    void farBeyondLongRangeStillExact() {
        // 10^12 requests a day × 10^6 tokens: 3 × 10^19 tokens a month overflows a long; the bill is still exact.
        RequestType t = RequestType.text(
                "huge", Volume.daily(1_000_000_000_000L), "gpt-5-nano", new TextTokens(0, 0, 1_000_000, 0, 0));
        Waterfall w = compute(scenario(t));
        usd("1500000000000", w.baselineMonthly()); // 3 × 10^19 tokens × $0.05 per 1M
        assertTrue(BigDecimal.valueOf(3).movePointRight(19).compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0);
    }

    @Test
    void manySmallSharesDoNotDrift() {
        // Odd shares and per-day volumes: the sum of the lines and of the request types equals the total exactly.
        RequestType t = RequestType.text(
                        "odd",
                        new Volume(d("33333333.333"), Volume.Period.DAY, null),
                        "gpt-4o",
                        new TextTokens(1234, 567, 89, 321, 7))
                .withBatchableShare(d("0.3333"));
        Scenario s = scenario(
                t,
                LeverEntry.of("b", null, new Lever.Batch(d("0.77"))),
                LeverEntry.of("c", null, new Lever.PromptCaching(d("0.123456789"), null)));
        Waterfall w = compute(s);
        BigDecimal lines = w.optimized().lines().values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        assertEquals(0, lines.compareTo(w.optimizedMonthly()));
        assertEquals(0, w.optimized().byRequestType().get("odd").compareTo(w.optimizedMonthly()));
        // Independent check of the interactive part: calls × (1 − 0.77 × 0.3333) × tokens × price.
        BigDecimal calls = d("33333333.333").multiply(d("30"));
        BigDecimal interactive =
                calls.multiply(BigDecimal.ONE.subtract(d("0.77").multiply(d("0.3333"))));
        BigDecimal outputUsd = interactive
                .multiply(d("328"))
                .multiply(d("10"))
                .movePointLeft(6)
                .add(calls.subtract(interactive)
                        .multiply(d("328"))
                        .multiply(d("5"))
                        .movePointLeft(6));
        assertEquals(
                0,
                outputUsd.compareTo(
                        w.optimized().line(BillLine.OUTPUT).add(w.optimized().line(BillLine.REASONING))));
    }
}
