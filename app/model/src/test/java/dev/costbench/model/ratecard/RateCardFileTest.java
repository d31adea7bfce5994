// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.ratecard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.costbench.model.catalog.ServiceTier;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading and writing {@code rate-card.json}: valid, malformed, unknown version, invalid lines. */
class RateCardFileTest {

    private static final String VALID = """
            {
              "rateCardVersion": 1,
              "adjustments": [
                { "label": "Azure OpenAI commitment", "provider": "openai", "models": "gpt-*",
                  "serviceTier": "standard", "percent": -15 },
                { "label": "reseller", "percent": "5.5" }
              ]
            }
            """;

    @Test
    void readsAValidCard() throws Exception {
        RateCard card = RateCardFile.parse(VALID, "rate-card.json");
        assertEquals(2, card.adjustments().size());
        RateAdjustment azure = card.adjustments().get(0);
        assertEquals("Azure OpenAI commitment", azure.label());
        assertEquals("openai", azure.provider());
        assertEquals("gpt-*", azure.models());
        assertEquals(ServiceTier.STANDARD, azure.serviceTier());
        assertEquals(0, new BigDecimal("-15").compareTo(azure.percent()));
        RateAdjustment reseller = card.adjustments().get(1);
        assertNull(reseller.provider());
        assertEquals("*", reseller.models());
        assertNull(reseller.serviceTier());
        assertEquals(new BigDecimal("5.5"), reseller.percent());
        assertEquals("reseller +5.5 %", reseller.title());
    }

    @Test
    void malformedJsonSaysWhereAndNamesTheFile() {
        RateCardException e = assertThrows(
                RateCardException.class,
                () -> RateCardFile.parse("{ \"rateCardVersion\": 1, \"adjustments\": [ }", "rate-card.json"));
        assertTrue(
                e.getMessage().startsWith("The rate card rate-card.json cannot be used: not valid JSON at line 1"),
                e.getMessage());
    }

    @Test
    void unknownVersionIsRefusedWithWhatToDo() {
        RateCardException e = assertThrows(
                RateCardException.class,
                () -> RateCardFile.parse("{\"rateCardVersion\": 2, \"adjustments\": []}", "rate-card.json"));
        assertTrue(e.getMessage().contains("rate card version 2 is not one this CostBench reads"), e.getMessage());
        assertTrue(e.getMessage().contains("update CostBench"), e.getMessage());
        RateCardException missing = assertThrows(
                RateCardException.class, () -> RateCardFile.parse("{\"adjustments\": []}", "rate-card.json"));
        assertTrue(missing.getMessage().contains("\"rateCardVersion\" is missing"), missing.getMessage());
    }

    @Test
    void invalidLinesNameTheLineAndTheProblem() {
        RateCardException pct = assertThrows(
                RateCardException.class,
                () -> RateCardFile.parse(
                        "{\"rateCardVersion\":1,\"adjustments\":[{\"label\":\"oops\",\"percent\":-150}]}", "r.json"));
        assertTrue(
                pct.getMessage().contains("line 1 (oops): the percentage -150 is outside −100 to 1,000"),
                pct.getMessage());
        RateCardException tier = assertThrows(
                RateCardException.class,
                () -> RateCardFile.parse(
                        "{\"rateCardVersion\":1,\"adjustments\":[{\"label\":\"a\",\"percent\":1,"
                                + "\"serviceTier\":\"gold\"}]}",
                        "r.json"));
        assertTrue(tier.getMessage().contains("line 1: unknown service tier 'gold'"), tier.getMessage());
        RateCardException field = assertThrows(
                RateCardException.class,
                () -> RateCardFile.parse(
                        "{\"rateCardVersion\":1,\"adjustments\":[{\"label\":\"a\",\"percent\":1,\"pct\":2}]}",
                        "r.json"));
        assertTrue(field.getMessage().contains("unknown field \"pct\""), field.getMessage());
        RateCardException text = assertThrows(
                RateCardException.class,
                () -> RateCardFile.parse(
                        "{\"rateCardVersion\":1,\"adjustments\":[{\"label\":\"\",\"percent\":\"ten\"}]}", "r.json"));
        assertTrue(text.getMessage().contains("line 1: percent"), text.getMessage());
    }

    @Test
    void writesWhatItReads(@TempDir Path dir) throws Exception {
        RateCard card = RateCardFile.parse(VALID, "rate-card.json");
        Path f = dir.resolve("sub").resolve(RateCardFile.FILE_NAME);
        RateCardFile.write(f, card);
        assertEquals(card, RateCardFile.read(f));
        assertTrue(Files.readString(f).contains("\"percent\" : -15"), Files.readString(f));
        assertEquals(List.of(f), Files.list(f.getParent()).toList(), "no temporary file is left");
    }

    @Test
    void aMissingFileIsAnEmptyCard(@TempDir Path dir) throws Exception {
        assertTrue(RateCardFile.read(dir.resolve("rate-card.json")).isEmpty());
    }
}
