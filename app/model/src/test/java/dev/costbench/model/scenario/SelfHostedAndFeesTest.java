// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.scenario;

import static dev.costbench.model.scenario.Fixtures.d;
import static dev.costbench.model.scenario.Fixtures.usd;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Custom models priced with a fee per image or per request, or self-hosted by capacity: lines of their own. */
class SelfHostedAndFeesTest {

    @TempDir
    Path tmp;

    /** A model on the user's GPUs: $4.00 an instance-hour, 400 tokens/s per instance, busy all the time. */
    private static CustomModel ownLlama() {
        return CustomModel.selfHosted(
                "llama-own", "Llama 70B (own GPUs)", new CustomModel.SelfHosted(d("4"), d("400"), null));
    }

    /** 1M requests a month of 1,000 tokens in and 500 out: 1.5B tokens. */
    private static Scenario hosted() {
        RequestType t = RequestType.text("chat", Volume.monthly(1_000_000), "llama-own", TextTokens.of(0, 1000, 500));
        return Fixtures.scenario(t, List.of(ownLlama()));
    }

    @Test
    void aSelfHostedCustomModelIsPricedByCapacityInWholeInstances() {
        Waterfall w = Fixtures.compute(hosted());
        // one instance serves 400 × 3,600 × 720 h = 1,036,800,000 tokens a month; 1.5B tokens need 2 instances,
        // each paid 720 h × $4.00 = $2,880: $5,760 a month, and nothing per token.
        usd("5760", w.baselineMonthly());
        usd("5760", w.baseline().line(BillLine.SELF_HOSTING));
        usd("0", w.baseline().line(BillLine.TEXT_INPUT));
        assertEquals(
                List.of("llama-own: 2 instances × 720 h × $4.00 an hour = $5,760.00 for 1,500,000,000 tokens a month; "
                        + "one instance serves 1,036,800,000 tokens a month at 400 tokens/s and 100 % utilization, "
                        + "rounded up to whole instances"),
                w.baseline().notes(BillLine.SELF_HOSTING));
    }

    @Test
    void theReportHasTheLineAndItsAssumptions() throws Exception {
        Scenario s = hosted();
        Waterfall w = Fixtures.compute(s);
        JsonNode bill = new ObjectMapper().readTree(ScenarioReport.json(s, w)).get("optimizedBill");
        JsonNode line = bill.get(0);
        assertEquals("self_hosting", line.get("id").asText());
        assertEquals("Self-hosted GPUs", line.get("line").asText());
        assertTrue(line.get("notes").get(0).asText().startsWith("llama-own: 2 instances × 720 h"), line.toString());
        String text = ScenarioReport.text(s, w);
        assertTrue(text.contains("  Self-hosted GPUs  $5,760.00\n    llama-own: 2 instances"), text);
    }

    @Test
    void perImageAndPerRequestFeesAreLinesOfTheirOwn() {
        CustomModel vision = CustomModel.of("vision-api", "1.0", "2.0").withFees(d("0.002"), d("0.0005"));
        RequestType t = RequestType.text("photos", Volume.monthly(100_000), "vision-api", TextTokens.of(0, 500, 100))
                .withImages(List.of(new ImageInput(BigDecimal.valueOf(2), 0, 0, 100L)));
        Waterfall w = Fixtures.compute(Fixtures.scenario(t, List.of(vision)));
        // 100,000 calls: text 500 × $1 = $50, images 200 tokens × $1 = $20, output 100 × $2 = $20 (per 1M tokens);
        // 200,000 images × $0.002 = $400; 100,000 requests × $0.0005 = $50.
        usd("400", w.baseline().line(BillLine.MEDIA_FEES));
        usd("50", w.baseline().line(BillLine.REQUEST_FEES));
        usd("540", w.baselineMonthly());
        assertEquals(
                List.of("'photos' on vision-api: 100,000 requests a month × $0.0005 per request = $50.00"),
                w.baseline().notes(BillLine.REQUEST_FEES));
        assertTrue(
                w.baseline().notes(BillLine.MEDIA_FEES).get(0).startsWith("'photos' on vision-api: 200,000 images"),
                w.baseline().notes(BillLine.MEDIA_FEES).toString());
    }

    @Test
    void aSelfHostedCustomModelIsKeptInTheScenarioFileAndChecked() throws Exception {
        Path f = tmp.resolve("hosted.json");
        ScenarioFiles.write(hosted(), f);
        assertTrue(Files.readString(f).contains("\"selfHosted\""), Files.readString(f));
        assertEquals(hosted(), ScenarioFiles.read(f));
        CustomModel broken = CustomModel.selfHosted("x", null, new CustomModel.SelfHosted(d("4"), null, d("1.5")));
        RequestType t = RequestType.text("chat", Volume.monthly(10), "x", TextTokens.of(0, 10, 10));
        List<String> fields = ScenarioEngine.validate(Fixtures.scenario(t, List.of(broken)), Fixtures.CATALOG).stream()
                .map(FieldError::field)
                .toList();
        assertEquals(
                List.of(
                        "customModels[0].selfHosted.throughputTokensPerSecond",
                        "customModels[0].selfHosted.utilization"),
                fields);
    }
}
