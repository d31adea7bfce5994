// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class ScenarioReportTest {

    private static final Scenario S = ScenarioFiles.sample("seed003-video-moderation");
    private static final Waterfall W = Fixtures.compute(S);

    @Test
    void text() {
        String t = ScenarioReport.text(S, W);
        assertTrue(t.startsWith(S.name() + "\n"), t);
        assertTrue(t.contains("Baseline (naive)") && t.contains("$135,000.00"), t);
        assertTrue(t.contains("$45,000.00") && t.contains("$9,360.00") && t.contains("$4,680.00"), t);
        assertTrue(t.contains("Monthly: $135,000.00 → $4,680.00 (28.8× less)"), t);
        assertTrue(t.contains("per hour of video: $0.0936"), t);
        assertTrue(t.contains("media tokens") && t.contains("price per token") && t.contains("billing mode"), t);
        assertTrue(t.contains("Assumptions:\n- 50,000 hours"), t);
    }

    @Test
    void json() throws Exception {
        JsonNode n = new ObjectMapper().readTree(ScenarioReport.json(S, W));
        assertEquals("135000", n.get("baselineMonthlyUsd").asText());
        assertEquals("4680", n.get("optimizedMonthlyUsd").asText());
        assertEquals(3, n.get("steps").size());
        JsonNode first = n.get("steps").get(0);
        assertEquals(
                "Process less video (low media resolution + adaptive sampling)",
                first.get("lever").asText());
        assertEquals("45000", first.get("monthlyUsdAfter").asText());
        assertEquals("90000", first.get("savingUsd").asText());
        assertEquals("lowMediaResolution", first.get("type").asText());
        assertTrue(first.get("monthlyUsdAfter").isTextual());
        assertEquals("routing", n.get("steps").get(1).get("type").asText());
        assertEquals("0.0936", n.get("costPerVideoHourUsd").asText());
        assertTrue(n.get("costPerUserUsd").isNull());
    }

    @Test
    void csv() {
        String[] lines = ScenarioReport.csv(S, W).split("\n");
        assertEquals(6, lines.length);
        assertEquals("step,lever,type,component,monthly_usd_after,saving_usd", lines[0]);
        assertEquals("0,Baseline,,,135000,0", lines[1]);
        assertEquals("2,Route 90 % of clips to a Flash-tier model,routing,price per token,9360,35640", lines[3]);
        assertEquals(",Optimized,,,4680,130320", lines[5]);
    }

    @Test
    void htmlIsSelfContainedWithAnSvgWaterfall() {
        String h = ScenarioReport.html(S, W);
        assertTrue(h.startsWith("<!DOCTYPE html>"));
        assertTrue(h.contains("<svg") && h.contains("</svg>"));
        assertEquals(5, h.split("<rect ", -1).length - 1, "baseline, three levers, optimized");
        assertTrue(
                h.contains("<title>2. Route 90 % of clips to a Flash-tier model: $9,360.00 (saving $35,640.00)"
                        + "</title>"),
                h);
        assertTrue(
                !h.contains("<script") && !h.contains("http://") || h.contains("xmlns=\"http://www.w3.org/2000/svg\""));
        assertTrue(!h.contains("src=") && !h.contains("<link"), "no external resources");
        Scenario tricky = S.withName("<b>&\"quoted\"</b>");
        String e = ScenarioReport.html(tricky, W);
        assertTrue(e.contains("&lt;b&gt;&amp;&quot;quoted&quot;&lt;/b&gt;") && !e.contains("<b>&"), e);
    }

    @Test
    void negativeSavingsShowAsIncreases() {
        Scenario s = ScenarioFiles.sample("seed001-self-hosting");
        Waterfall w = Fixtures.compute(s);
        String t = ScenarioReport.text(s, w);
        assertTrue(t.contains("−$26,100.00"), t);
        assertTrue(ScenarioReport.html(s, w).contains("fill=\"#cf222e\""), "an increase is drawn red");
        assertTrue(!t.contains("× less"), t);
    }

    @Test
    void formatParsing() {
        assertEquals(ScenarioReport.Format.HTML, ScenarioReport.Format.parse("html"));
        assertEquals(ScenarioReport.Format.CSV, ScenarioReport.Format.parse(" CSV "));
        try {
            ScenarioReport.Format.parse("pdf");
        } catch (IllegalArgumentException ex) {
            assertEquals("unknown format 'pdf' (text, json, csv, html)", ex.getMessage());
            return;
        }
        throw new AssertionError("pdf accepted");
    }
}
