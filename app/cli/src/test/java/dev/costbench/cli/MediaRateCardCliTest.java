// SPDX-License-Identifier: Apache-2.0
package dev.costbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code media FILE --rate-card on|off}: the figures after the user's rate card, with a rate-card line in JSON. */
class MediaRateCardCliTest {

    @TempDir
    Path tmp;

    private Path data;

    /** A 2048×1536 PNG: 765 tokens on gpt-4o (4 tiles of 170 + 85). */
    private Path photo;

    @BeforeEach
    void isolateUserData() throws Exception {
        data = tmp.resolve("data");
        System.setProperty("costbench.dataDir", data.toString());
        Files.createDirectories(data);
        Files.writeString(data.resolve("rate-card.json"), """
                {"rateCardVersion": 1, "adjustments": [
                  {"label": "OpenAI commitment", "provider": "openai", "percent": -20}
                ]}
                """);
        photo = tmp.resolve("photo.png");
        ImageIO.write(new BufferedImage(2048, 1536, BufferedImage.TYPE_INT_RGB), "png", photo.toFile());
    }

    @AfterEach
    void restore() {
        System.clearProperty("costbench.dataDir");
    }

    private static void assertUsd(String expected, JsonNode n) {
        assertEquals(0, new BigDecimal(expected).compareTo(new BigDecimal(n.asText())), n.toString());
    }

    @Test
    void anImageWithTheCardOnHasTheRateCardLine() throws Exception {
        CliRun r = CliRun.of(
                "", "media", photo.toString(), "--models", "gpt-4o,claude-haiku-4-5", "--json", "--rate-card", "on");
        assertEquals(0, r.code(), r.err());
        JsonNode n = new ObjectMapper().readTree(r.out());
        assertEquals("on", n.get("rateCard").asText());
        JsonNode gpt = n.get("original").get("models").get(0);
        // 765 tokens × $2.50 per 1M = $0.0019125 list; −20 % = −$0.0003825 → $0.00153.
        assertUsd("0.0019125", gpt.get("listCostUsd"));
        assertUsd("0.00153", gpt.get("costUsd"));
        JsonNode line = gpt.get("rateCard").get(0);
        assertEquals("Rate card: OpenAI commitment", line.get("item").asText());
        assertEquals("-20", line.get("percent").asText());
        assertUsd("-0.0003825", line.get("usd"));
        assertEquals("RATE_CARD", line.get("status").asText());
        JsonNode haiku = n.get("original").get("models").get(1);
        assertEquals(0, haiku.get("rateCard").size(), "no line matches Anthropic");
        assertEquals(haiku.get("listCostUsd").asText(), haiku.get("costUsd").asText());
    }

    @Test
    void offIsTheDefaultAndKeepsListPrices() throws Exception {
        CliRun r = CliRun.of("", "media", photo.toString(), "--models", "gpt-4o", "--json");
        assertEquals(0, r.code(), r.err());
        JsonNode n = new ObjectMapper().readTree(r.out());
        assertEquals("off", n.get("rateCard").asText());
        JsonNode gpt = n.get("original").get("models").get(0);
        assertUsd("0.0019125", gpt.get("costUsd"));
        assertFalse(gpt.has("rateCard"));
        assertFalse(gpt.has("listCostUsd"));
    }

    @Test
    void transcriptionPricesFollowTheCardAndTheTextSaysSo() throws Exception {
        Path wav = tmp.resolve("talk.wav");
        Clips.toneGapTone(wav);
        CliRun r =
                CliRun.of("", "media", wav.toString(), "--models", "gemini-2.5-flash", "--json", "--rate-card", "on");
        assertEquals(0, r.code(), r.err());
        JsonNode whisper =
                new ObjectMapper().readTree(r.out()).get("transcription").get(0);
        assertEquals("whisper-1", whisper.get("id").asText());
        // $0.006 a minute − 20 % = $0.0048; 5 s: $0.0005 → $0.0004.
        assertUsd("0.0048", whisper.get("perMinuteUsd"));
        assertUsd("0.006", whisper.get("listPerMinuteUsd"));
        assertUsd("0.0004", whisper.get("originalUsd"));
        assertEquals(
                "Rate card: OpenAI commitment",
                whisper.get("rateCard").get(0).get("item").asText());
        CliRun text = CliRun.of("", "media", wav.toString(), "--models", "gemini-2.5-flash", "--rate-card", "on");
        assertTrue(text.out().contains("costs after your rates (--rate-card on)"), text.out());
        CliRun bad = CliRun.of("", "media", wav.toString(), "--rate-card", "maybe");
        assertEquals(2, bad.code());
        assertTrue(bad.err().contains("--rate-card must be on or off"), bad.err());
    }
}
