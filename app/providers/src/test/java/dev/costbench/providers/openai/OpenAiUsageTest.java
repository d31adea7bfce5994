// SPDX-License-Identifier: Apache-2.0
package dev.costbench.providers.openai;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.costbench.model.catalog.CatalogBuilder;
import dev.costbench.model.catalog.ModelEntry;
import dev.costbench.model.cost.BillingOptions;
import dev.costbench.model.cost.CanonicalUsage;
import dev.costbench.model.cost.CostEngine;
import dev.costbench.providers.MockApi;
import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OpenAiUsageTest {

    @Test
    void chatCompletionsCachedTokensAreInsidePromptTokensAndReasoningInsideCompletionTokens() {
        CanonicalUsage u = OpenAiUsage.of(MockApi.parse("{\"prompt_tokens\":2006,\"completion_tokens\":300,"
                + "\"total_tokens\":2306,\"prompt_tokens_details\":{\"cached_tokens\":1920,\"audio_tokens\":0},"
                + "\"completion_tokens_details\":{\"reasoning_tokens\":192,\"audio_tokens\":0,"
                + "\"accepted_prediction_tokens\":0,\"rejected_prediction_tokens\":0}}"));
        assertEquals(new CanonicalUsage(86, 1920, 0, 0, 108, 192), u);
        assertEquals(2006, u.totalInput());
        assertEquals(300, u.billedOutput());
    }

    @Test
    void responsesUsageSplitsTheSameWay() {
        // provider-rules.md W6: GPT-5, 10,000 input of which 8,192 cached, 1,000 output incl. reasoning
        CanonicalUsage u = OpenAiUsage.of(MockApi.parse("{\"input_tokens\":10000,\"input_tokens_details\":"
                + "{\"cached_tokens\":8192},\"output_tokens\":1000,\"output_tokens_details\":"
                + "{\"reasoning_tokens\":640},\"total_tokens\":11000}"));
        assertEquals(new CanonicalUsage(1808, 8192, 0, 0, 360, 640), u);
        assertEquals(1000, u.billedOutput());
    }

    @Test
    void normalizedUsagePricesAsTheW6Check() {
        // GPT-5: (1,808·1.25 + 8,192·0.125 + 1,000·10)/1e6 = $0.013284 — reasoning is billed as output
        ModelEntry gpt5 = CatalogBuilder.builtIn().find("gpt-5").orElseThrow();
        CanonicalUsage u = OpenAiUsage.of(MockApi.parse("{\"prompt_tokens\":10000,\"completion_tokens\":1000,"
                + "\"prompt_tokens_details\":{\"cached_tokens\":8192},\"completion_tokens_details\":"
                + "{\"reasoning_tokens\":700}}"));
        BigDecimal usd = CostEngine.price(gpt5, u, BillingOptions.INTERACTIVE).total();
        assertEquals(0, new BigDecimal("0.013284").compareTo(usd), usd.toPlainString());
    }

    @Test
    void gpt56CacheWritesAreSubtractedFromInputToo() {
        CanonicalUsage chat = OpenAiUsage.fromChat(MockApi.parse("{\"prompt_tokens\":5000,\"completion_tokens\":10,"
                + "\"prompt_tokens_details\":{\"cached_tokens\":1000,\"cache_write_tokens\":3000}}"));
        assertEquals(new CanonicalUsage(1000, 1000, 3000, 0, 10, 0), chat);
        CanonicalUsage resp = OpenAiUsage.fromResponses(MockApi.parse("{\"input_tokens\":5000,\"output_tokens\":10,"
                + "\"input_tokens_details\":{\"cached_tokens\":0,\"cache_write_tokens\":4096}}"));
        assertEquals(new CanonicalUsage(904, 0, 4096, 0, 10, 0), resp);
    }

    @Test
    void totalsOnlyAsCompatibleServersSendThem() {
        assertEquals(
                new CanonicalUsage(26, 0, 0, 0, 9, 0),
                OpenAiUsage.of(MockApi.parse("{\"prompt_tokens\":26,\"completion_tokens\":9,\"total_tokens\":35}")));
        assertEquals(new CanonicalUsage(0, 0, 0, 0, 0, 0), OpenAiUsage.of(MockApi.parse("{}")));
    }

    @Test
    void inconsistentDetailsAreClampedNotNegative() {
        CanonicalUsage u = OpenAiUsage.of(MockApi.parse("{\"prompt_tokens\":100,\"completion_tokens\":5,"
                + "\"prompt_tokens_details\":{\"cached_tokens\":128},\"completion_tokens_details\":"
                + "{\"reasoning_tokens\":9}}"));
        assertEquals(new CanonicalUsage(0, 100, 0, 0, 0, 5), u);
    }

    @Test
    void inputModalitiesWhereReported() {
        assertEquals(
                Map.of("audio", 412L, "text", 30L),
                OpenAiUsage.inputByModality(MockApi.parse(
                        "{\"prompt_tokens\":442,\"prompt_tokens_details\":{\"cached_tokens\":0,\"audio_tokens\":412,"
                                + "\"text_tokens\":30,\"image_tokens\":0}}")));
        assertEquals(Map.of(), OpenAiUsage.inputByModality(MockApi.parse("{\"input_tokens\":5}")));
    }
}
