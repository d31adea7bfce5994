// SPDX-License-Identifier: Apache-2.0
package dev.costbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.costbench.model.tokens.Encoding;
import dev.costbench.model.tokens.Tokenizers;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class TuneCliTest extends UserDataTest {

    static final String BASE =
            "You are a support agent. Please answer briefly and politely in the customer's language.\n";

    private int run(String... args) {
        return keep(CliRun.of("", args));
    }

    private String file(String name, String text) throws Exception {
        Path p = tmp.resolve(name);
        Files.writeString(p, text);
        return p.toString();
    }

    @Test
    void cheaperPromptPassesTheGate() throws Exception {
        String a = file("a.txt", BASE + BASE);
        String b = file("b.txt", BASE);
        assertEquals(0, run("diff", a, b, "--models", "gpt-4.1,claude-sonnet-4-5"));
        int delta = Tokenizers.count(Encoding.O200K_BASE, BASE + BASE) - Tokenizers.count(Encoding.O200K_BASE, BASE);
        assertTrue(out.contains("-" + delta), out);
        assertTrue(out.contains("OK: no model's input cost grows by more than 0 %."), out);
        assertEquals("", err);
    }

    @Test
    void dearerPromptFailsBeyondTheLimitOnly() throws Exception {
        String a = file("a.txt", BASE);
        String b = file("b.txt", BASE + "Always sign with the company name.\n");
        assertEquals(1, run("diff", a, b, "--models", "gpt-4.1", "--max-increase", "5%"));
        assertTrue(out.contains("FAIL: input cost grows by more than 5 % on gpt-4.1."), out);
        assertTrue(out.lines().anyMatch(l -> l.startsWith("gpt-4.1") && l.endsWith("FAIL")), out);
        assertEquals(0, run("diff", a, b, "--models", "gpt-4.1", "--max-increase", "100"));
    }

    @Test
    void jsonReportWithMonthlyDelta() throws Exception {
        String a = file("a.txt", BASE);
        String b = file("b.txt", BASE + BASE);
        assertEquals(1, run("diff", a, b, "--models", "gpt-4.1", "--monthly", "1000000", "--json"));
        JsonNode root = new ObjectMapper().readTree(out);
        assertFalse(root.get("pass").asBoolean());
        JsonNode m = root.get("models").get(0);
        long tb = Tokenizers.count(Encoding.O200K_BASE, BASE) + 6; // 3 per message + 3 reply priming
        long to = Tokenizers.count(Encoding.O200K_BASE, BASE + BASE) + 6;
        assertEquals(tb, m.get("baselineTokens").asLong());
        assertEquals(to, m.get("optimizedTokens").asLong());
        // $2 / 1M input on gpt-4.1
        assertEquals(
                0,
                BigDecimal.valueOf((to - tb) * 2)
                        .compareTo(new BigDecimal(m.get("monthlyDeltaUsd").asText())));
        assertEquals("gpt-4.1", root.get("failed").get(0).asText());
    }

    @Test
    void badArgumentsExitTwo() throws Exception {
        String a = file("a.txt", BASE);
        assertEquals(2, run("diff", a));
        assertEquals("costbench: diff needs two files: costbench diff baseline.txt optimized.txt\n", err);
        assertEquals(2, run("diff", a, "/no/such.txt"));
        assertEquals("costbench: no such file: /no/such.txt\n", err);
        assertEquals(2, run("diff", a, a, "--max-increase", "lots"));
        assertEquals(2, run("diff", a, a, "--max-increase", "-3%"));
        assertEquals(2, run("diff", a, a, "--models", "gpt-9000"));
        assertEquals(2, run("diff", a, a, "--frobnicate"));
        assertEquals(2, run("tune"));
        assertEquals(2, run("tune", a, "--model", "gpt-9000"));
    }

    @Test
    void tuneListsSuggestionsWithSavings() throws Exception {
        String f = file(
                "p.txt",
                "It is important that you summarize the text.   \n\n\n\nIn order to help, be brief.\n```\nkeep   this\n```\n");
        assertEquals(0, run("tune", f, "--model", "gpt-4.1", "--monthly", "1000"));
        assertTrue(out.startsWith("Model gpt-4.1, 1,000 requests a month; prompt: "), out);
        assertTrue(out.contains("Remove “it is important that you” (1×)"), out);
        assertTrue(out.contains("“in order to” → “to” (1×)"), out);
        assertTrue(out.contains("Remove trailing spaces (1×)"), out);
        assertTrue(out.contains("Collapse runs of blank lines (1×)"), out);
        assertFalse(out.contains("Collapse runs of spaces"), "code is left alone: " + out);

        assertEquals(
                0,
                run("tune", f, "--model", "gpt-4.1", "--json", "--expected-output", "200", "--current-output", "600"));
        JsonNode root = new ObjectMapper().readTree(out);
        assertEquals("gpt-4.1", root.get("model").asText());
        boolean cap = false;
        for (JsonNode s : root.get("suggestions")) {
            if (s.get("kind").asText().equals("OUTPUT_CAP")) {
                cap = true;
                assertEquals(256, s.get("maxTokens").asInt());
            } else {
                assertTrue(s.get("tokensSaved").get("o200k_base").asInt() > 0
                        || s.get("modelTokensSaved").asLong() > 0);
                assertTrue(s.get("edits").size() > 0);
            }
        }
        assertTrue(cap);
        assertTrue(root.get("tokensAfterAll").asLong() < root.get("tokens").asLong());
    }

    @Test
    void tuneOnACleanPrompt() throws Exception {
        String f = file("p.txt", "Summarize the text.");
        assertEquals(0, run("tune", f));
        assertTrue(out.contains("No suggestions"), out);
    }

    @Test
    void cachePlanWithBreakEvenAndWarnings() throws Exception {
        String f = file(
                "c.txt",
                "Today is {{date}}. You are the Acme support bot.\n"
                        + "Follow the refund policy exactly as written in section 4.\n".repeat(150)
                        + "<<CACHE>>Q: {{question}}\n");
        assertEquals(0, run("cache", f, "--models", "claude-sonnet-4-5,claude-haiku-4-5", "--ttl", "1h"));
        assertTrue(
                out.lines()
                        .anyMatch(l -> l.startsWith("claude-sonnet-4-5")
                                && l.endsWith("cheaper from the 3rd call within 1 hour")),
                out);
        assertTrue(out.lines().anyMatch(l -> l.startsWith("claude-haiku-4-5") && l.endsWith("not cached")), out);
        assertTrue(out.contains("warning: “{{date}}” looks like per-request content"), out);
        assertFalse(out.contains("{{question}}"), "after the breakpoint is fine: " + out);

        assertEquals(0, run("cache", f, "--models", "claude-sonnet-4-5", "--rate", "2", "--json"));
        JsonNode root = new ObjectMapper().readTree(out);
        assertEquals(2 * 60 * 730, root.get("monthlyRequests").asLong());
        assertEquals(2, root.get("models").get(0).get("breakEvenCalls").asInt());
        assertEquals(2, root.get("warnings").size());

        assertEquals(2, run("cache", file("n.txt", "no marker")));
        assertEquals("costbench: no cache breakpoint: mark the end of the static prefix with <<CACHE>>\n", err);
        assertEquals(2, run("cache", f, "--ttl", "2h"));
        assertEquals(2, run("cache", f, "--hit-rate", "1.5"));
        assertEquals(2, run("cache", f, "--rate", "3", "--monthly", "10"));
    }
}
