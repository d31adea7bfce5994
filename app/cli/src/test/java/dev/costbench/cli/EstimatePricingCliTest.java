// SPDX-License-Identifier: Apache-2.0
package dev.costbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code estimate --at}, {@code --tier}: the date and the service tier a request is priced at. */
class EstimatePricingCliTest extends UserDataTest {

    private static JsonNode json(String... args) throws Exception {
        CliRun r = CliRun.of("", args);
        assertEquals(0, r.code(), r.err());
        return new ObjectMapper().readTree(r.out());
    }

    /** The priced row of one model for 1M input and 1M output tokens, with {@code flags} added. */
    private static JsonNode millionInMillionOut(String model, String... flags) throws Exception {
        List<String> args = new ArrayList<>(List.of(
                "estimate", "--models", model, "--input-tokens", "1000000", "--output-tokens", "1000000", "--json"));
        args.addAll(List.of(flags));
        return json(args.toArray(new String[0])).get(0);
    }

    /** Runs {@code args}, which must be refused as bad input (exit 2) with {@code reason} on stderr. */
    private static CliRun assertRefused(String reason, String... args) {
        CliRun r = CliRun.of("", args);
        assertEquals(2, r.code());
        assertTrue(r.err().contains(reason), r.err());
        return r;
    }

    private static void assertUsd(String expected, JsonNode row) {
        assertEquals(
                0,
                new BigDecimal(expected)
                        .compareTo(new BigDecimal(row.get("costUsd").asText())),
                "expected $" + expected + ", got " + row);
    }

    @Test
    void atPricesTheRequestAtThatDaysPrices() throws Exception {
        JsonNode dec = millionInMillionOut("gemini-3.8-flash", "--at", "2026-12-31");
        assertUsd("4.50", dec);
        assertEquals("2026-12-31", dec.get("pricedAt").asText());
        JsonNode jan = millionInMillionOut("gemini-3.8-flash", "--at", "2027-01-01");
        assertUsd("9.00", jan);
        assertEquals("2027-01-01", jan.get("pricedAt").asText());
        assertEquals("mid", jan.get("tier").asText(), "tier stays the model's tier");
    }

    @Test
    void withoutAtTheRequestIsPricedToday() throws Exception {
        JsonNode row = json("estimate", "--models", "gpt-5", "--input-tokens", "1000", "--json")
                .get(0);
        assertEquals(
                LocalDate.now(ZoneOffset.UTC).toString(), row.get("pricedAt").asText());
        assertEquals("standard", row.get("serviceTier").asText());
    }

    @Test
    void aBadDateExitsTwoWithOneClearLine() {
        assertRefused(
                "--at must be a date YYYY-MM-DD",
                "estimate",
                "--models",
                "gpt-5",
                "--input-tokens",
                "10",
                "--at",
                "2027-13-01");
    }

    @Test
    void theTableSaysWhichDayItPrices() {
        CliRun r =
                CliRun.of("", "estimate", "--models", "gemini-3.8-flash", "--input-tokens", "10", "--at", "2027-02-01");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("Prices in force on 2027-02-01"), r.out());
        assertFalse(r.out().contains("unpriced"), r.out());
    }

    @Test
    void tierPricesGpt5AtEveryTierItOffers() throws Exception {
        String[] expected = {"standard", "11.25", "batch", "5.625", "flex", "5.625", "priority", "22.5"};
        for (int i = 0; i < expected.length; i += 2) {
            JsonNode row = millionInMillionOut("gpt-5", "--tier", expected[i]);
            assertUsd(expected[i + 1], row);
            assertEquals(expected[i], row.get("serviceTier").asText());
            assertEquals("high", row.get("tier").asText());
            if (!expected[i].equals("standard")) {
                boolean line = false;
                for (JsonNode l : row.get("breakdown")) {
                    line |= l.get("item").asText().startsWith("Service tier: ");
                }
                assertTrue(line, "no service-tier line in " + row);
            }
        }
    }

    @Test
    void batchFlagIsAnAliasOfTierBatch() throws Exception {
        JsonNode row = millionInMillionOut("gpt-5", "--batch");
        assertUsd("5.625", row);
        assertEquals("batch", row.get("serviceTier").asText());
        assertEquals(
                2,
                CliRun.of("", "estimate", "--models", "gpt-5", "--input-tokens", "10", "--batch", "--tier", "priority")
                        .code());
    }

    @Test
    void opusFastModeDoublesTheBill() throws Exception {
        JsonNode row = millionInMillionOut("claude-opus-4-8", "--tier", "fast");
        assertUsd("60", row);
        assertEquals("fast", row.get("serviceTier").asText());
    }

    @Test
    void aTierTheModelDoesNotOfferExitsTwoWithOneLine() {
        CliRun r = assertRefused(
                "Claude Sonnet 5.5 does not offer the Fast mode tier (it offers: standard, batch)",
                "estimate",
                "--models",
                "claude-sonnet-5-5",
                "--input-tokens",
                "10",
                "--tier",
                "fast");
        assertEquals(1, r.err().strip().lines().count(), r.err());
    }

    @Test
    void anUnknownTierExitsTwo() {
        assertRefused(
                "unknown service tier 'turbo' (known: standard, batch, flex, priority, fast)",
                "estimate",
                "--models",
                "gpt-5",
                "--input-tokens",
                "10",
                "--tier",
                "turbo");
    }

    @Test
    void haikuAbove100kSaysTheLongContextRateApplied() throws Exception {
        JsonNode row = json(
                        "estimate",
                        "--models",
                        "claude-haiku-5-5",
                        "--input-tokens",
                        "150000",
                        "--output-tokens",
                        "1000",
                        "--json")
                .get(0);
        assertUsd("0.0775", row);
        boolean line = false;
        for (JsonNode l : row.get("breakdown")) {
            line |= l.get("item").asText().startsWith("Long context");
        }
        assertTrue(line, row.toString());
    }

    @Test
    void withoutModelsAnUnofferedTierIsUnpricedAndSaysSo() {
        CliRun r = CliRun.of("", "estimate", "--input-tokens", "1000", "--tier", "fast");
        assertEquals(0, r.code(), r.err());
        assertTrue(
                r.out()
                        .contains("note: Claude Sonnet 5.5: The Fast mode tier is not offered for this model "
                                + "(offered: standard, batch): unpriced, not priced as standard."),
                r.out());
        assertTrue(r.out().lines().anyMatch(l -> l.startsWith("claude-opus-4-8") && !l.contains("unpriced")), r.out());
        assertTrue(
                r.out().lines().anyMatch(l -> l.startsWith("claude-sonnet-5-5 ") && l.contains("unpriced")), r.out());
    }
}
