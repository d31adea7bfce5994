// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.math.BigDecimal;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class NumberRulesTest {

    @Test
    void refusalsNameTheFieldTheValueAndTheRange() {
        NumberRefusedException e = assertThrows(
                NumberRefusedException.class,
                () -> NumberRules.check(
                        "models[3].input_cost_per_token",
                        new BigDecimal("1e100000000"),
                        NumberKind.PRICE_PER_MILLION_TOKENS));
        assertEquals(
                "models[3].input_cost_per_token: 1E+100000000 is out of range (0 to 1000 $ per million tokens)",
                e.getMessage());
        assertEquals("models[3].input_cost_per_token", e.field());
        assertEquals(
                new BigDecimal("2.5"),
                NumberRules.check("x", new BigDecimal("2.5"), NumberKind.PRICE_PER_MILLION_TOKENS));
    }

    @Test
    void flagValuesAreParsedWithBoundsBeforeAnyArithmetic() {
        assertEquals(128_000, NumberRules.parseWhole("--input-tokens", "128000", NumberKind.TOKENS));
        assertEquals(
                "--input-tokens: 1E+100000000 is out of range (0 to 100000000 tokens)",
                assertThrows(
                                NumberRefusedException.class,
                                () -> NumberRules.parseWhole("--input-tokens", "1e100000000", NumberKind.TOKENS))
                        .getMessage());
        assertEquals(
                "--days: 0 is out of range (1 to 31 days)",
                assertThrows(
                                NumberRefusedException.class,
                                () -> NumberRules.parseWhole("--days", "0", NumberKind.DAYS_PER_MONTH))
                        .getMessage());
        assertEquals(
                "--share: 'NaN' is not a number",
                assertThrows(NumberRefusedException.class, () -> NumberRules.parse("--share", "NaN", NumberKind.SHARE))
                        .getMessage());
        assertEquals(
                "--share: 'Infinity' is not a number",
                assertThrows(
                                NumberRefusedException.class,
                                () -> NumberRules.parse("--share", "Infinity", NumberKind.SHARE))
                        .getMessage());
        assertTrue(assertThrows(
                        NumberRefusedException.class,
                        () -> NumberRules.parse("--share", "1".repeat(100), NumberKind.SHARE))
                .getMessage()
                .endsWith("is too long for a number (limit 64 characters)"));
        assertEquals(
                "--reps: 2.5 is not a whole number (1 to 1000 repetitions)",
                assertThrows(
                                NumberRefusedException.class,
                                () -> NumberRules.parseWhole("--reps", "2.5", NumberKind.REPETITIONS))
                        .getMessage());
        assertEquals(0, NumberRules.parse("--share", "-0", NumberKind.SHARE).signum(), "negative zero is zero");
    }

    @Test
    void showNeverExpandsAHugeExponent() {
        String s = assertTimeoutPreemptively(
                Duration.ofSeconds(10), () -> NumberRules.show(new BigDecimal("1e-100000000")));
        assertEquals("1E-100000000", s);
    }

    @Test
    void aBrokenLimitIsReportedAsTooLongWithTheLimit() {
        JsonProcessingException e = assertThrows(
                JsonProcessingException.class,
                () -> JsonReading.builder(1_000).build().readTree("{\"text\":\"" + "x".repeat(1_001) + "\"}"));
        assertEquals("too long: a text value is longer than 1,000 characters (limit 1,000)", JsonReading.describe(e));
        JsonProcessingException bad = assertThrows(
                JsonProcessingException.class, () -> JsonReading.mapper().readTree("{\"a\": }"));
        assertTrue(
                JsonReading.describe(bad).startsWith("not valid JSON at line 1, column "), JsonReading.describe(bad));
    }

    @Test
    void theSharedMapperReadsExactDecimalsAndTheDeclaredStringLimit() throws Exception {
        assertTrue(JsonReading.mapper().readTree("{\"p\": 0.1}").get("p").isBigDecimal());
        assertEquals(
                JsonReading.MAX_STRING_LENGTH,
                JsonReading.mapper().getFactory().streamReadConstraints().getMaxStringLength());
    }
}
