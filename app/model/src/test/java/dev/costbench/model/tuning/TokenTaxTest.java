// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.tuning;

import static dev.costbench.model.tuning.ComponentBreakdownTest.assertUsd;
import static dev.costbench.model.tuning.ComponentBreakdownTest.model;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.costbench.model.catalog.ModelEntry;
import dev.costbench.model.cost.BillingOptions;
import dev.costbench.model.tokens.Encoding;
import dev.costbench.model.tokens.OpenTokenizers;
import dev.costbench.model.tokens.Tokenizers;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.parallel.Resources;

class TokenTaxTest {

    private static final List<ModelEntry> MODELS = List.of(
            model("gpt-4.1"),
            model("gpt-4"),
            model("claude-sonnet-4-5"),
            model("claude-opus-4-7"),
            model("gemini-2.5-flash"));

    private static TokenTax.ModelCost cost(TokenTax t, String id) {
        return t.costs().stream()
                .filter(c -> c.model().id().equals(id))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void helloWorldByHand() {
        // "Hello world": 11 chars. o200k and cl100k: "Hello", " world" = 2 tokens. Claude ≈ cl100k = 2;
        // Claude 2026 ≈ ceil(2 × 1.35) = 3; Gemini ≈ ceil(11 / 4) = 3.
        TokenTax t = TokenTax.of(List.of("Hello world"), MODELS, BillingOptions.INTERACTIVE);
        assertEquals(
                List.of("o200k_base", "cl100k_base", "claude", "claude-2026", "gemini"),
                t.families().stream().map(TokenTax.Family::tokenizer).toList());
        TokenTax.Row whole = t.whole();
        assertNull(whole.kind());
        assertEquals(11, whole.chars());
        assertEquals(
                List.of(2L, 2L, 2L, 3L, 3L),
                whole.cells().stream().map(TokenTax.Cell::tokens).toList());
        assertEquals(
                List.of(0.0, 0.0, 0.0, 50.0, 50.0),
                whole.cells().stream().map(TokenTax.Cell::taxPercent).toList());
        assertEquals(5.5, whole.cells().get(0).charsPerToken(), 1e-9);
        assertEquals(0, whole.cheapest());
        assertEquals(2, t.rows().size());
        assertEquals(ContentKind.PROSE, t.rows().get(1).kind());

        // input cost at catalog prices per 1M: gpt-4.1 $2, gpt-4 $30, Sonnet 4.5 $3, Opus 4.7 $5, 2.5 Flash $0.30
        assertUsd("0.000004", cost(t, "gpt-4.1").usd());
        assertUsd("0.00006", cost(t, "gpt-4").usd());
        assertUsd("0.000006", cost(t, "claude-sonnet-4-5").usd());
        assertUsd("0.000015", cost(t, "claude-opus-4-7").usd());
        assertUsd("0.0000009", cost(t, "gemini-2.5-flash").usd());
    }

    @Test
    @ResourceLock(Resources.SYSTEM_PROPERTIES) // the data folder, where loaded tokenizers are
    void eachOpenTokenizerThatIsThereIsAnExactFamilyOfItsOwn() {
        String text = "你好，世界！The quick brown fox jumps over 12345 lazy dogs.";
        List<ModelEntry> models = List.of(
                model("gpt-4.1"),
                model("groq/qwen/qwen3-32b"),
                model("deepseek/deepseek-chat"),
                model("groq/llama-3.3-70b-versatile"),
                model("deepseek/deepseek-v4-pro"));
        TokenTax t = TokenTax.of(List.of(text), models, BillingOptions.INTERACTIVE);
        boolean llama = OpenTokenizers.available("llama3");
        assertEquals(
                llama
                        ? List.of("o200k_base", "qwen3", "deepseek-v3", "llama3", "open")
                        : List.of("o200k_base", "qwen3", "deepseek-v3", "open"),
                t.families().stream().map(TokenTax.Family::tokenizer).toList());
        for (String name : List.of("qwen3", "deepseek-v3")) {
            TokenTax.Family f = t.families().get(t.familyIndex(name));
            assertTrue(f.exact(), name);
            assertEquals("exact: " + f.label(), f.method());
            assertEquals(
                    OpenTokenizers.find(name).orElseThrow().count(text),
                    t.whole().cells().get(t.familyIndex(name)).tokens(),
                    name + " counts the text as its own tokenizer does");
        }
        assertEquals("Qwen3 tokenizer", t.families().get(t.familyIndex("qwen3")).label());
        // the model whose tokenizer is not known (and Llama 3 while it is not loaded) stays with the o200k_base
        // estimate
        TokenTax.Family open = t.families().get(t.familyIndex("open"));
        assertFalse(open.exact());
        assertTrue(
                open.method().startsWith("estimate: o200k_base count (these models' own tokenizers are neither"),
                open.method());
        assertEquals(
                llama
                        ? List.of("deepseek/deepseek-v4-pro")
                        : List.of("groq/llama-3.3-70b-versatile", "deepseek/deepseek-v4-pro"),
                open.models().stream().map(ModelEntry::id).toList());
    }

    @Test
    void estimatesAreLabelledAndUnconfirmedRatiosMarked() {
        TokenTax t = TokenTax.of(List.of("x"), MODELS, BillingOptions.INTERACTIVE);
        TokenTax.Family o200k = t.families().get(t.familyIndex("o200k_base"));
        TokenTax.Family opus = t.families().get(t.familyIndex("claude-2026"));
        TokenTax.Family gemini = t.families().get(t.familyIndex("gemini"));
        assertTrue(o200k.exact());
        assertFalse(opus.exact());
        assertTrue(opus.unconfirmed());
        assertTrue(opus.method().contains("estimate") && opus.method().contains("UNCONFIRMED"), opus.method());
        assertFalse(gemini.exact());
        assertTrue(gemini.method().startsWith("estimate"), gemini.method());
    }

    @Test
    void kindsAreCountedSpanBySpanAcrossMessages() {
        String system = "Explain the code.\n```python\nprint('hi')\n```\n";
        String user = "日本語で答えてください。";
        TokenTax t = TokenTax.of(List.of(system, "", user), MODELS, BillingOptions.INTERACTIVE);
        int o = t.familyIndex("o200k_base");
        int c = t.familyIndex("cl100k_base");
        assertEquals(
                Tokenizers.count(Encoding.O200K_BASE, system) + Tokenizers.count(Encoding.O200K_BASE, user),
                t.whole().cells().get(o).tokens());
        TokenTax.Row code = t.row(ContentKind.CODE);
        assertEquals(
                Tokenizers.count(Encoding.CL100K_BASE, "```python\nprint('hi')\n```\n"),
                code.cells().get(c).tokens());
        TokenTax.Row cjk = t.row(ContentKind.CJK);
        assertEquals(12, cjk.chars());
        long o200kCjk = Tokenizers.count(Encoding.O200K_BASE, user);
        long cl100kCjk = Tokenizers.count(Encoding.CL100K_BASE, user);
        assertEquals(o200kCjk, cjk.cells().get(o).tokens());
        assertTrue(cl100kCjk > o200kCjk, "cl100k pays a tax on Japanese");
        assertEquals(o, cjk.cheapest());
        assertEquals(
                100.0 * (cl100kCjk - o200kCjk) / o200kCjk, cjk.cells().get(c).taxPercent(), 1e-9);
        // Gemini's estimate is chars ÷ 4, rounded up: below the exact base, so its "tax" is negative
        int g = t.familyIndex("gemini");
        assertEquals(3, cjk.cells().get(g).tokens());
        assertEquals(100.0 * (3 - o200kCjk) / o200kCjk, cjk.cells().get(g).taxPercent(), 1e-9);
        assertNull(t.row(ContentKind.JSON));
    }

    @Test
    void withoutAnExactTokenizerTheCheapestEstimateIsTheBase() {
        TokenTax t = TokenTax.of(
                List.of("Hello world"),
                List.of(model("claude-opus-4-7"), model("gemini-2.5-flash")),
                BillingOptions.INTERACTIVE);
        assertEquals(
                List.of(3L, 3L),
                t.whole().cells().stream().map(TokenTax.Cell::tokens).toList());
        assertEquals(0, t.whole().cheapest());
    }

    @Test
    void familiesWithoutModelsAreLeftOutAndHarmonyCountsAsO200k() {
        TokenTax t = TokenTax.of(List.of("Hi"), List.of(model("gpt-4.1")), BillingOptions.INTERACTIVE);
        assertEquals(1, t.families().size());
        assertEquals(0.0, t.whole().cells().get(0).taxPercent());
    }
}
