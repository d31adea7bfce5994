// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.tuning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.costbench.model.catalog.Catalog;
import dev.costbench.model.catalog.CatalogBuilder;
import dev.costbench.model.catalog.ModelEntry;
import dev.costbench.model.cost.BillingOptions;
import dev.costbench.model.tokens.Encoding;
import dev.costbench.model.tokens.Tokenizers;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class ComponentBreakdownTest {

    static final Catalog CATALOG = CatalogBuilder.builtIn();

    static ModelEntry model(String id) {
        return CATALOG.find(id).orElseThrow(() -> new AssertionError("catalog lacks " + id));
    }

    static void assertUsd(String expected, BigDecimal actual) {
        assertEquals(
                0,
                new BigDecimal(expected).compareTo(actual),
                "expected $" + expected + " got $" + (actual == null ? null : actual.toPlainString()));
    }

    static final String SYSTEM = "You are a support agent for Acme. Answer in the customer's language. 你好，世界。";
    static final String EX1 = "Q: Where is my order?\nA: Let me check the tracking number for you.";
    static final String EX2 = "Q: مرحبا، أين طلبي؟\nA: سأتحقق من رقم التتبع.";

    private static List<RequestPart> request() {
        return List.of(
                RequestPart.text(PartKind.SYSTEM, "System", SYSTEM),
                RequestPart.text(PartKind.FEW_SHOT, "Example 1", EX1),
                RequestPart.text(PartKind.FEW_SHOT, "Example 2", EX2),
                RequestPart.tokens(PartKind.MEDIA, "Screenshot", 765),
                RequestPart.tokens(PartKind.REASONING, null, 300),
                RequestPart.tokens(PartKind.OUTPUT, null, 200));
    }

    @Test
    void splitsAnOpenAiRequestByPartWithFraming() {
        // gpt-4.1: $2 input, $8 output per 1M tokens
        ComponentBreakdown b = ComponentBreakdown.of(model("gpt-4.1"), request(), 100_000, BillingOptions.INTERACTIVE);
        int sys = Tokenizers.count(Encoding.O200K_BASE, SYSTEM);
        int ex1 = Tokenizers.count(Encoding.O200K_BASE, EX1);
        int ex2 = Tokenizers.count(Encoding.O200K_BASE, EX2);
        assertEquals(sys, b.parts().get(0).tokens());
        assertTrue(b.parts().get(0).exact());
        assertEquals(3 * 3 + 3, b.framingTokens());
        assertUsd(
                BigDecimal.valueOf(sys * 2L).movePointLeft(6).toPlainString(),
                b.parts().get(0).perRequest());
        // the system prompt a month at 100k requests
        assertUsd(
                BigDecimal.valueOf(sys * 2L * 100_000).movePointLeft(6).toPlainString(),
                b.parts().get(0).perMonth());
        long in = sys + ex1 + ex2 + 765 + 12;
        assertUsd(BigDecimal.valueOf(in * 2 + 500 * 8).movePointLeft(6).toPlainString(), b.perRequest());
        assertEquals(in, b.inputTokens());
        assertEquals(500, b.outputTokens());
        assertEquals(PartKind.REASONING, b.largest().orElseThrow().part().kind()); // 300 × $8 > 765 × $2
        double shares = b.parts().stream().mapToDouble(PartCost::share).sum();
        assertTrue(shares < 1 && shares > 0.99, "framing holds the rest: " + shares);
        assertEquals(2, b.ofKind(PartKind.FEW_SHOT).size());
        assertTrue(b.complete());
    }

    @Test
    void droppingAnExampleSavesItsTokensAndItsFraming() {
        ComponentBreakdown b = ComponentBreakdown.of(model("gpt-4.1"), request(), 100_000, BillingOptions.INTERACTIVE);
        Saving s = b.dropSaving(2);
        int ex2 = Tokenizers.count(Encoding.O200K_BASE, EX2);
        assertEquals(ex2 + 3, s.tokens());
        assertUsd(BigDecimal.valueOf((ex2 + 3) * 2L).movePointLeft(6).toPlainString(), s.perRequest());
        assertUsd(BigDecimal.valueOf((ex2 + 3) * 2L * 100_000).movePointLeft(6).toPlainString(), s.perMonth());
    }

    @Test
    void anthropicHasNoFramingAndEstimates() {
        ComponentBreakdown b =
                ComponentBreakdown.of(model("claude-sonnet-4-5"), request(), 1_000, BillingOptions.BATCH);
        assertEquals(0, b.framingTokens());
        assertFalse(b.parts().get(0).exact());
        assertEquals(
                Tokenizers.count(Encoding.CL100K_BASE, SYSTEM), b.parts().get(0).tokens());
        // batch halves $3 input / $15 output
        long in = b.inputTokens();
        assertUsd(BigDecimal.valueOf(in * 15 + 500 * 75).movePointLeft(7).toPlainString(), b.perRequest());
    }

    @Test
    void longContextRepricesEveryPart() {
        List<RequestPart> r = List.of(
                RequestPart.tokens(PartKind.CONTEXT, "Docs", 250_000),
                RequestPart.tokens(PartKind.OUTPUT, null, 1_000));
        ComponentBreakdown b = ComponentBreakdown.of(model("claude-sonnet-4-5"), r, 10, null);
        assertUsd("1.5", b.parts().get(0).perRequest()); // 250k × $6
        assertUsd("0.0225", b.parts().get(1).perRequest()); // 1k × $22.50
        assertTrue(b.notes().stream().anyMatch(n -> n.contains("long-context")));
    }
}
