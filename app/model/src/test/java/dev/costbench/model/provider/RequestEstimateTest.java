// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.provider;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.costbench.model.catalog.Catalog;
import dev.costbench.model.catalog.CatalogBuilder;
import dev.costbench.model.catalog.ModelEntry;
import dev.costbench.model.cost.BillingOptions;
import dev.costbench.model.cost.CanonicalUsage;
import dev.costbench.model.media.ImageDetail;
import dev.costbench.model.prompt.Role;
import dev.costbench.model.prompt.TokenCount;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class RequestEstimateTest {

    private static final Catalog CATALOG = CatalogBuilder.builtIn();
    private static final RequestEstimate.MediaSizer SIZER = new RequestEstimate.MediaSizer() {
        @Override
        public int[] imageSize(Part.Image image) {
            return new int[] {1280, 720};
        }

        @Override
        public double seconds(Part media) {
            return 60;
        }
    };

    private static ModelEntry model(String id) {
        return CATALOG.find(id).orElseThrow();
    }

    @Test
    void textIsCountedExactlyWithChatOverheadAndPricedAtTheCap() {
        ChatRequest r =
                ChatRequest.of("gpt-4o-mini", "You are terse.", "Say hello.").withMaxOutputTokens(100);
        RequestEstimate e = RequestEstimate.of(model("gpt-4o-mini"), r, null, SIZER, BillingOptions.INTERACTIVE);
        assertTrue(e.exact());
        // 2 messages × 3 + reply priming 3 + "You are terse." (4) + "Say hello." (3)
        assertEquals(4 + 3 + 3 * 2 + 3, e.inputTokens());
        assertEquals(100, e.outputTokens());
        // gpt-4o-mini: $0.15 in, $0.60 out per 1M
        assertEquals(
                0,
                new BigDecimal("0.0000624").compareTo(e.breakdown().total()),
                e.breakdown().total().toString());
    }

    @Test
    void imagesUseTheCatalogsRuleAndMakeTheEstimateInexact() {
        ChatRequest r = ChatRequest.plain(
                "gpt-4o",
                null,
                null,
                List.of(new ChatMessage(
                        Role.USER,
                        List.of(
                                new Part.Text("What is this?"),
                                new Part.Image(new byte[1], "image/png", ImageDetail.HIGH)))),
                50,
                false);
        RequestEstimate e = RequestEstimate.of(model("gpt-4o"), r, 20L, SIZER, BillingOptions.INTERACTIVE);
        assertFalse(e.exact());
        assertTrue(
                e.notes().stream().anyMatch(n -> n.contains("1105")), e.notes().toString()); // 6 tiles
        assertEquals(20, e.outputTokens());
    }

    @Test
    void reconciliationPricesTheReportedUsageAndShowsTheDifference() {
        ModelEntry m = model("gpt-4o-mini");
        ChatRequest r = ChatRequest.of("gpt-4o-mini", null, "Hi").withMaxOutputTokens(1000);
        RequestEstimate e = RequestEstimate.of(m, r, null, SIZER, BillingOptions.INTERACTIVE);
        var rec = e.reconcile(m, new CanonicalUsage(e.inputTokens(), 0, 0, 0, 10, 0), BillingOptions.INTERACTIVE);
        assertEquals(0, rec.inputDelta());
        assertTrue(rec.differenceUsd().signum() < 0, "10 tokens out cost less than the 1000-token cap");
        assertEquals(0, rec.billed().total().subtract(rec.estimateUsd()).compareTo(rec.differenceUsd()));
    }

    @Test
    void theToolsTokensJoinTheInputAndTheirExactnessTheEstimates() {
        ChatRequest r =
                ChatRequest.of("gpt-4o-mini", "You are terse.", "Say hello.").withMaxOutputTokens(100);
        RequestEstimate exact = RequestEstimate.of(
                model("gpt-4o-mini"), r, null, SIZER, BillingOptions.INTERACTIVE, new TokenCount(500, true, "tools"));
        assertEquals(16 + 500, exact.inputTokens());
        assertTrue(exact.exact());
        // (516 × $0.15 + 100 × $0.60) per 1M
        assertEquals(
                0,
                new BigDecimal("0.0001374").compareTo(exact.breakdown().total()),
                exact.breakdown().toString());
        assertTrue(exact.notes().get(1).startsWith("tools: 500"), exact.notes().toString());

        RequestEstimate estimated = RequestEstimate.of(
                model("gpt-4o-mini"), r, null, SIZER, BillingOptions.INTERACTIVE, new TokenCount(500, false, "tools"));
        assertFalse(estimated.exact(), "an estimated tools count makes the whole estimate one");
    }
}
