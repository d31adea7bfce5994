// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.costbench.model.catalog.CatalogBuilder;
import dev.costbench.model.catalog.ModelEntry;
import dev.costbench.model.cost.BillingOptions;
import dev.costbench.model.cost.CanonicalUsage;
import dev.costbench.model.cost.CostBreakdown;
import dev.costbench.model.cost.CostEngine;
import dev.costbench.model.provider.ChatResult;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LabModelTest {

    @Test
    void secretGuardFindsCredentialPropertiesAndKeyShapedValues() {
        for (String json : List.of(
                "{\"apiKey\":\"x\"}",
                "{\"api_key\":\"x\"}",
                "{\"OPENAI_API_KEY\":\"x\"}",
                "{\"key\":\"x\"}",
                "{\"a\":{\"x-goog-api-key\":\"x\"}}",
                "{\"clientSecret\":\"x\"}",
                "{\"Authorization\":\"Bearer x\"}",
                "{\"password\":\"x\"}",
                "{\"access_token\":\"x\"}",
                "{\"anthropic\":{\"credentials\":{}}}",
                "{\"note\":\"sk-ant-api03-abcdefghijklmnopqrstuvwxyz\"}",
                "{\"v\":\"AIzaSyA1234567890abcdefghijklmnopqrstuv\"}",
                "{\"v\":\"sk-proj-abcdefghijklmnop0123456789\"}")) {
            assertNotNull(SecretGuard.findSecret(json), json);
        }
        for (String json : List.of(
                "{}",
                "{\"cacheKey\":\"p1\",\"maxTokens\":300,\"outputTokens\":5}",
                "{\"text\":\"Forgot your password? Ask for the secret code.\"}",
                "{\"v\":\"sk-short\"}",
                "{\"monkey\":1}",
                "{\"keyboard\":\"us\"}")) {
            assertNull(SecretGuard.findSecret(json), json);
        }
        assertNull(SecretGuard.findSecret(null));
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> SecretGuard.requireNoSecrets("scenario x", "{\"v\":\"sk-proj-abcdefghijklmnop0123456789\"}"));
        assertFalse(e.getMessage().contains("abcdefghijklmnop"), e.getMessage());
    }

    @Test
    void secretGuardReadsLongPromptsWithoutOverflowingTheStack() {
        String longText = "line with \\\"quotes\\\" and a key: value\\n".repeat(20_000);
        assertNull(SecretGuard.findSecret("{\"system\":\"" + longText + "\",\"user\":\"x\"}"));
        assertNotNull(SecretGuard.findSecret("{\"system\":\"" + longText + "\",\"apiKey\":\"x\"}"));
    }

    @Test
    void mediaHashIsLowerCaseSha256() {
        assertEquals(
                "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
                MediaBlob.sha256("abc".getBytes(StandardCharsets.US_ASCII)));
        assertThrows(IllegalArgumentException.class, () -> new NewVariant("v", true, "{}", List.of("ABC")));
        assertThrows(
                IllegalArgumentException.class,
                () -> new NewVariant(
                        "v", true, "{}", List.of("BA7816BF8F01CFEA414140DE5DAE2223B00361A396177A9CB410FF61F20015AD")));
    }

    @Test
    void pricesInForceKeepTheBreakdownAsJson() throws Exception {
        ModelEntry gpt5 = CatalogBuilder.builtIn().find("gpt-5").orElseThrow();
        CostBreakdown b =
                CostEngine.price(gpt5, new CanonicalUsage(1_808, 8_192, 0, 0, 1_000, 0), BillingOptions.INTERACTIVE);
        JsonNode j = new ObjectMapper().readTree(PricesInForce.toJson(b));
        assertEquals("gpt-5", j.get("model").asText());
        assertEquals("0.013284", j.get("total").asText());
        assertTrue(j.get("complete").asBoolean());
        assertEquals(b.lines().size(), j.get("lines").size());
        JsonNode input = j.get("lines").get(0);
        assertEquals(1_808, input.get("tokens").asLong());
        assertEquals("1.25", input.get("pricePerMTok").asText());
        assertFalse(input.get("source").asText().isEmpty());
        assertFalse(input.get("asOf").asText().isEmpty());
    }

    @Test
    void aSuccessfulTrialFromAChatResult() {
        ModelEntry gpt5 = CatalogBuilder.builtIn().find("gpt-5").orElseThrow();
        CanonicalUsage usage = new CanonicalUsage(1_808, 8_192, 0, 0, 1_000, 0);
        ChatResult r = new ChatResult(
                "hello",
                usage,
                Map.of(),
                "stop",
                "gpt-5-2025",
                "resp_1",
                Duration.ofMillis(1234),
                Duration.ofMillis(210),
                "{}",
                null);
        CostBreakdown cost = CostEngine.price(gpt5, usage, BillingOptions.INTERACTIVE);
        Instant t0 = Instant.parse("2026-11-20T10:00:00Z");
        NewTrial t = NewTrial.success(
                7,
                new TrialCell(1, 2, "gpt-5", 1),
                "h",
                r,
                cost,
                new BigDecimal("0.013"),
                false,
                t0,
                t0.plusMillis(1234),
                null);
        assertEquals(usage, t.usage());
        assertEquals(0, new BigDecimal("0.013284").compareTo(t.costUsd()));
        assertTrue(t.costComplete());
        assertEquals(1234L, t.latencyMs());
        assertEquals(210L, t.ttftMs());
        assertEquals("stop", t.finishReason());
        assertEquals("hello", t.outputText());
        assertTrue(t.succeeded());
        assertTrue(t.pricesJson().contains("\"total\":\"0.013284\""));

        NewTrial unpriced =
                NewTrial.success(7, new TrialCell(1, 2, "gpt-5", 1), "h", r, null, null, false, t0, t0, null);
        assertNull(unpriced.costUsd());
        assertFalse(unpriced.costComplete());

        NewTrial failed = NewTrial.failure(7, new TrialCell(1, 2, "gpt-5", 1), "h", "HTTP 500", t0, t0.plusSeconds(2));
        assertFalse(failed.succeeded());
        assertEquals(2000L, failed.latencyMs());
        assertThrows(
                IllegalArgumentException.class,
                () -> new NewTrial(
                        7,
                        new TrialCell(1, 2, "m", 1),
                        "h",
                        null,
                        null,
                        false,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        false,
                        t0,
                        t0,
                        null,
                        null),
                "a success needs usage");
    }

    @Test
    void specsAreValidated() {
        assertThrows(IllegalArgumentException.class, () -> new NewExperiment(" ", null, 1, null, List.of("m")));
        assertThrows(IllegalArgumentException.class, () -> new NewExperiment("x", null, 0, null, List.of("m")));
        assertThrows(
                IllegalArgumentException.class,
                () -> new NewExperiment("x", new BigDecimal("-1"), 1, null, List.of("m")));
        assertThrows(IllegalArgumentException.class, () -> new NewExperiment("x", null, 1, null, List.of("m", "m")));
        assertThrows(IllegalArgumentException.class, () -> new ExperimentSettings(null, 0, null, null, false, null));
        assertEquals("{}", new ExperimentSettings(null, 1, null, null, false, " ").extraJson());
        assertThrows(IllegalArgumentException.class, () -> new TrialCell(1, 1, "m", 0));
        assertEquals(3, RatingScale.FIVE_POINT.check(3));
        assertEquals(LedgerPurpose.COUNT_TOKENS, LedgerPurpose.fromCode("count_tokens"));
        assertEquals(LedgerPurpose.OTHER, LedgerPurpose.fromCode("something_new"));
        assertEquals(5, new ExperimentProgress(8, 3, 1, BigDecimal.ZERO).missing());
    }
}
