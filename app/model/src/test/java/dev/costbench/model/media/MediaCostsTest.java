// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.media;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.costbench.model.catalog.Catalog;
import dev.costbench.model.catalog.CatalogBuilder;
import dev.costbench.model.catalog.ModelEntry;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class MediaCostsTest {

    private static final Catalog CATALOG = CatalogBuilder.builtIn();

    private static List<ModelEntry> models(String... ids) {
        return Arrays.stream(ids).map(id -> CATALOG.find(id).orElseThrow()).toList();
    }

    @Test
    void geminiAudioUsesItsAudioPrice() {
        MediaCosts.AvCost c = MediaCosts.audio(models("gemini-2.5-flash"), 60).get(0);
        assertEquals(1_920, c.tokens());
        assertEquals(0, new BigDecimal("0.00192").compareTo(c.usd())); // 1,920 × $1.00/1M audio input
    }

    @Test
    void videoNativeOnGeminiFramesAsImagesElsewhere() {
        List<MediaCosts.AvCost> v =
                MediaCosts.video(models("gemini-2.5-flash", "gpt-4o"), 60, 60, 1280, 720, true, ImageOptions.DEFAULTS);
        MediaCosts.AvCost gemini = v.get(0);
        assertEquals(17_400, gemini.tokens()); // W4: 60·(258+32)
        // 15,480 frame tokens at $0.30 + 1,920 audio tokens at $1.00 per 1M
        assertEquals(0, new BigDecimal("0.006564").compareTo(gemini.usd()));
        MediaCosts.AvCost gpt = v.get(1);
        assertEquals(60 * 1105, gpt.tokens()); // 60 frames of 1280×720: 3×2 tiles of 512 px each
    }
}
