// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.costbench.model.media.MediaRules;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Issue 14 part 4: catalog and LiteLLM numbers are checked against their declared ranges before any arithmetic. */
class CatalogNumbersTest {

    /** Only a guard against hangs (the failure this test prevents took minutes); not a speed target. */
    private static final Duration HANG_GUARD = Duration.ofSeconds(30);

    private static CatalogReader.CatalogFile read(String json) {
        return CatalogReader.read(
                "user.json", new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), Origin.USER);
    }

    private static List<String> problems(CatalogReader.CatalogFile f) {
        return f.problems().stream().map(CatalogProblem::toString).collect(Collectors.toList());
    }

    private static String entry(String id, String extra) {
        return "{\"id\": \"" + id + "\", \"provider\": \"groq\", \"tier\": \"open\", " + extra + "}";
    }

    @Test
    void aHugePriceIsRefusedWithItsFieldAndRangeAndNeverComputed() {
        assertTimeoutPreemptively(HANG_GUARD, () -> {
            CatalogReader.CatalogFile f = read("{\"models\": ["
                    + entry("huge", "\"prices\": {\"input\": 1e100000000, \"output\": \"1e100000000\"}") + "]}");
            List<String> msgs = problems(f);
            assertTrue(
                    msgs.contains("user.json: model 'huge', field 'prices.input': 1E+100000000 is out of range "
                            + "(0 to 1000 $ per million tokens)"),
                    msgs.toString());
            assertTrue(
                    msgs.contains("user.json: model 'huge', field 'prices.output': 1E+100000000 is out of range "
                            + "(0 to 1000 $ per million tokens)"),
                    msgs.toString());
            Catalog c = CatalogBuilder.build(List.of(f));
            ModelEntry m = c.find("huge").orElseThrow();
            assertTrue(m.prices().isEmpty(), "the prices are left out (unpriced), never used: " + m.prices());
        });
    }

    @Test
    void tinyAndOverPreciseAndOutOfRangeValuesAreRefused() {
        List<String> msgs = problems(read("{\"models\": ["
                + entry(
                        "a",
                        "\"prices\": {\"input\": 1e-400, \"output\": 1001, \"cachedInput\": 0.5}, \"contextWindow\": "
                                + "1" + "0".repeat(399) + ", \"maxOutput\": 12.5, \"residencyMultiplier\": 1e9")
                + "]}"));
        assertTrue(
                msgs.contains("user.json: model 'a', field 'prices.input': 1E-400 has more than 50 decimal places "
                        + "(0 to 1000 $ per million tokens)"),
                msgs.toString());
        assertTrue(
                msgs.contains("user.json: model 'a', field 'prices.output': 1001 is out of range (0 to 1000 $ per "
                        + "million tokens)"),
                msgs.toString());
        assertTrue(
                msgs.stream()
                        .anyMatch(m -> m.startsWith("user.json: model 'a', field 'contextWindow': 1000000000"
                                + "000000000000000000000000000000… (400 characters) is out of range")),
                msgs.toString());
        assertTrue(
                msgs.contains("user.json: model 'a', field 'maxOutput': 12.5 is not a whole number (0 to 100000000 "
                        + "tokens)"),
                msgs.toString());
        assertTrue(
                msgs.contains(
                        "user.json: model 'a', field 'residencyMultiplier': 1000000000 is out of range (0 to 100, "
                                + "a factor)"),
                msgs.toString());
        assertEquals(5, msgs.size(), msgs.toString());
    }

    @Test
    void aNegativeTileDropsTheImageRuleWithAProblemInsteadOfCrashing() {
        CatalogReader.CatalogFile f = read("{\"models\": ["
                + entry(
                        "pix",
                        "\"prices\": {\"input\": 1, \"output\": 2}, "
                                + "\"media\": {\"image\": {\"rule\": \"openai-tile\", \"base\": 85, \"tile\": -140}, "
                                + "\"audio\": {\"inputPerSecond\": 32}}")
                + "]}");
        List<String> msgs = problems(f);
        assertTrue(
                msgs.contains("user.json: model 'pix', field 'media.image.tile': -140 is out of range (0 to 1000000 "
                        + "tokens); the image rule is ignored"),
                msgs.toString());
        ModelEntry m = CatalogBuilder.build(List.of(f)).find("pix").orElseThrow();
        assertFalse(MediaRules.image(m).isPresent(), "no image rule rather than a broken one");
        assertTrue(MediaRules.audio(m).isPresent(), "the valid audio rule still loads");
    }

    @Test
    void liteLlmImportRefusesHugePricesByModelAndField() throws Exception {
        String json = "{\"huge-model\": {\"mode\": \"chat\", \"litellm_provider\": \"openai\", "
                + "\"input_cost_per_token\": 1e100000000, \"output_cost_per_token\": 1e-6},"
                + "\"ok-model\": {\"mode\": \"chat\", \"litellm_provider\": \"openai\", \"max_input_tokens\": 1e300, "
                + "\"input_cost_per_token\": 2.5e-6, \"output_cost_per_token\": 1e-5, "
                + "\"cache_read_input_token_cost\": -1e-6}}";
        LiteLlmImporter.Result r = assertTimeoutPreemptively(
                HANG_GUARD,
                () -> LiteLlmImporter.convert(
                        new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "prices.json", null));
        assertEquals(1, r.imported());
        assertEquals(1, r.skipped());
        assertTrue(
                r.warnings()
                        .contains("huge-model.input_cost_per_token: 1E+100000000 $ per token is out of range "
                                + "(0 to 1000 $ per million tokens); model skipped"),
                r.warnings().toString());
        assertTrue(
                r.warnings().stream()
                        .anyMatch(w -> w.startsWith("ok-model.max_input_tokens: 1E+300 is out of " + "range")),
                r.warnings().toString());
        assertTrue(
                r.warnings().stream()
                        .anyMatch(w -> w.startsWith(
                                "ok-model.cache_read_input_token_cost: -0.000001 " + "$ per token is out of range")),
                r.warnings().toString());
        String out = r.catalog().toString();
        assertTrue(out.contains("\"input\":2.5"), out);
        assertFalse(out.contains("contextWindow"), out);
        assertFalse(out.contains("cachedInput"), out);
    }
}
