// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.costbench.model.catalog.Catalog;
import dev.costbench.model.catalog.CatalogBuilder;
import dev.costbench.model.catalog.ModelEntry;
import dev.costbench.model.catalog.PriceKind;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** The worked checks of provider-rules.md §6 W1–W5, through the rules the built-in catalog assigns. */
class MediaRulesTest {

    private static final Catalog CATALOG = CatalogBuilder.builtIn();
    private static final ImageOptions DEF = ImageOptions.DEFAULTS;

    private static ModelEntry m(String id) {
        return CATALOG.find(id).orElseThrow(() -> new AssertionError(id));
    }

    private static long image(String id, int w, int h, ImageOptions o) {
        return MediaRules.image(m(id))
                .orElseThrow(() -> new AssertionError(id + " has no image rule"))
                .tokens(w, h, o)
                .tokens();
    }

    @Test
    void w1OpenAiTiles() {
        assertEquals(765, image("gpt-4o", 1024, 1024, DEF));
        assertEquals(1105, image("gpt-4o", 2048, 4096, DEF));
        assertEquals(85, image("gpt-4o", 4000, 3000, DEF.withDetail(ImageDetail.LOW)));
        assertEquals(1105, image("gpt-4o", 1920, 1080, DEF));
        assertEquals(630, image("gpt-5", 1024, 1024, DEF));
        assertEquals(675, image("o3", 1024, 1024, DEF));
        assertEquals(25_501, image("gpt-4o-mini", 1024, 1024, DEF));
    }

    @Test
    void w2OpenAiPatches() {
        assertEquals(1659, image("gpt-4.1-mini", 1024, 1024, DEF)); // 1024 × 1.62 = 1658.88, rounded up
        assertEquals(2520, image("gpt-4.1-nano", 1024, 1024, DEF)); // 2519.04
        assertEquals(1762, image("o4-mini", 1024, 1024, DEF)); // 1761.28
        assertEquals(1229, image("gpt-5-mini", 1024, 1024, DEF.withMeasuredMultiplier(true))); // API reports 1229
        assertEquals(1659, image("gpt-5-mini", 1024, 1024, DEF)); // documented 1.62: the CONFLICT
        ImageTokens big = MediaRules.image(m("gpt-4.1-mini")).orElseThrow().tokens(1800, 2400, DEF);
        assertEquals(1056, big.width(), 0.0);
        assertEquals(1408, big.height(), 0.0);
        assertEquals((long) Math.ceil(1452 * 1.62), big.tokens()); // 1452 patches
        assertEquals(2040, image("gpt-5.4", 1920, 1080, DEF.withDetail(ImageDetail.HIGH))); // 60·34, multiplier 1.0
        assertTrue(MediaRules.image(m("gpt-5-mini"))
                .orElseThrow()
                .tokens(10, 10, DEF)
                .unconfirmed());
    }

    @Test
    void w3Anthropic() {
        AnthropicLegacyRule legacy = new AnthropicLegacyRule();
        assertEquals(1334, legacy.tokens(1000, 1000, DEF).tokens());
        assertEquals(54, legacy.tokens(200, 200, DEF).tokens());
        assertEquals(1590, legacy.tokens(1092, 1092, DEF).tokens());
        assertEquals(1296, image("claude-sonnet-4-5", 1000, 1000, DEF));
        assertEquals(1196, image("claude-haiku-4-5", 1280, 720, DEF));
        assertEquals(1560, image("claude-haiku-4-5", 1920, 1080, DEF));
        assertEquals(2691, image("claude-opus-4-7", 1920, 1080, DEF));
        // HF dataset checks quoted in §2.2: 256² → 100, 512² → 361, 768² → 784, 1024² → 1369
        assertEquals(100, image("claude-haiku-4-5", 256, 256, DEF));
        assertEquals(361, image("claude-haiku-4-5", 512, 512, DEF));
        assertEquals(784, image("claude-haiku-4-5", 768, 768, DEF));
        assertEquals(1369, image("claude-haiku-4-5", 1024, 1024, DEF));
    }

    @Test
    void w4Gemini() {
        assertEquals(258, image("gemini-2.5-flash", 384, 384, DEF));
        assertEquals(1032, image("gemini-2.5-flash", 1024, 1024, DEF));
        assertEquals(1120, image("gemini-3-flash-preview", 4000, 3000, DEF));
        assertEquals(280, image("gemini-3-flash-preview", 4000, 3000, DEF.withResolution(MediaResolution.LOW)));
        VideoRule v2 = MediaRules.video(m("gemini-2.5-flash")).orElseThrow();
        assertEquals(17_400, v2.tokens(60, 1, 1280, 720, true, DEF).tokens());
        assertEquals(
                5_880,
                v2.tokens(60, 1, 1280, 720, true, DEF.withResolution(MediaResolution.LOW))
                        .tokens());
        VideoRule v3 = MediaRules.video(m("gemini-3-flash-preview")).orElseThrow();
        assertEquals(6_120, v3.tokens(60, 1, 1280, 720, true, DEF).tokens());
        assertEquals(
                1_920, MediaRules.audio(m("gemini-2.5-flash")).orElseThrow().inputTokens(60));
    }

    @Test
    void w5RealtimeAudio() {
        ModelEntry rt = m("gpt-realtime");
        AudioRule a = MediaRules.audio(rt).orElseThrow();
        assertEquals(600, a.inputTokens(60));
        assertEquals(1_200, a.outputTokens(60));
        BigDecimal in = rt.prices()
                .get(PriceKind.INPUT_AUDIO)
                .perMTok()
                .multiply(BigDecimal.valueOf(600))
                .movePointLeft(6);
        BigDecimal out = rt.prices()
                .get(PriceKind.OUTPUT_AUDIO)
                .perMTok()
                .multiply(BigDecimal.valueOf(1_200))
                .movePointLeft(6);
        assertEquals(0, new BigDecimal("0.0192").compareTo(in));
        assertEquals(0, new BigDecimal("0.0768").compareTo(out));
        assertFalse(a.unconfirmed());
        assertTrue(MediaRules.audio(m("gpt-audio")).orElseThrow().unconfirmed());
    }

    @Test
    void framesAsImagesForProvidersWithoutNativeVideo() {
        VideoRule v = MediaRules.video(m("gpt-4o")).orElseThrow();
        VideoRule.VideoTokens t = v.tokens(10, 1, 1280, 720, true, DEF.withDetail(ImageDetail.LOW));
        assertEquals(10, t.frames());
        assertEquals(850, t.tokens());
    }

    @Test
    void textOnlyModelsTakeNoImagesAndBadSizesAreRejected() {
        assertTrue(MediaRules.image(m("gpt-3.5-turbo")).isEmpty());
        assertTrue(MediaRules.video(m("groq/llama-3.1-8b-instant")).isEmpty());
        assertThrows(IllegalArgumentException.class, () -> new GeminiTileRule().tokens(0, 10, DEF));
    }

    @Test
    void everyVisionRuleInTheCatalogParses() {
        long withImages = CATALOG.models().stream()
                .filter(e -> MediaRules.image(e).isPresent())
                .count();
        assertTrue(withImages >= 60, "models with an image rule: " + withImages);
        for (ModelEntry e : CATALOG.models()) {
            MediaRules.image(e)
                    .ifPresent(r -> assertTrue(r.tokens(1024, 768, DEF).tokens() > 0, e.id()));
        }
    }
}
