// SPDX-License-Identifier: Apache-2.0
package dev.costbench.ui.prompt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.costbench.model.catalog.Catalog;
import dev.costbench.model.prompt.Role;
import dev.costbench.model.provider.ChatRequest;
import dev.costbench.model.provider.ProviderClient;
import dev.costbench.model.provider.ProviderId;
import dev.costbench.model.tokens.Encoding;
import dev.costbench.model.tokens.Tokenizers;
import dev.costbench.ui.common.ScriptedClient;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The Tokens tab without a display: pieces per tokenizer, the token tax, and "Count exactly". */
class TokensViewModelTest {

    private static final Catalog CATALOG = PromptFixtures.CATALOG;
    private final List<ChatRequest> counted = new ArrayList<>();

    private ProviderClient counter(ProviderId id) {
        return new ScriptedClient(id, new ArrayList<>(), counted); // counts 2,024 input tokens
    }

    @Test
    void thePromptIsTokenizedOnlyWhileTheTabShows() {
        PromptFeature f = PromptFixtures.direct(this::counter);
        TokensViewModel vm = f.tokens();
        String text = "Hello world, this is a token test for the tokenizer view.";
        f.prompt().userTextProperty().set(text);
        assertNull(vm.piecesProperty().get(), "hidden: nothing tokenized");
        vm.activeProperty().set(true);
        assertEquals(
                Tokenizers.count(Encoding.O200K_BASE, text),
                vm.piecesProperty().get().tokens());
        assertTrue(
                vm.summaryProperty()
                        .get()
                        .startsWith("o200k_base · " + Tokenizers.count(Encoding.O200K_BASE, text)
                                + " tokens · 57 chars · 1 message"),
                vm.summaryProperty().get());
        vm.encodingProperty().set(Encoding.CL100K_BASE);
        assertEquals(
                Tokenizers.count(Encoding.CL100K_BASE, text),
                vm.piecesProperty().get().tokens());
        f.prompt().addTurn(Role.USER, "龘");
        assertEquals(
                2,
                vm.piecesProperty().get().messages(),
                "the user message and the turn (the empty system prompt is not shown)");
        assertTrue(
                vm.summaryProperty().get().contains("split characters"),
                vm.summaryProperty().get());
    }

    @Test
    void theTokenTaxComparesEveryTokenizerAndCountsExactlyOnlyWhenAsked() {
        PromptFeature f = PromptFixtures.direct(this::counter);
        f.prompt().systemTextProperty().set("You are terse.");
        f.prompt().userTextProperty().set("Say hello in Japanese: こんにちは");
        f.prompt().selectedModelProperty().set(CATALOG.find("claude-sonnet-4-5").orElseThrow());
        TokensViewModel vm = f.tokens();
        vm.taxModeProperty().set(true);
        vm.activeProperty().set(true);
        assertEquals(
                8,
                vm.taxProperty().get().families().size(),
                "o200k, cl100k, Claude, Claude 2026, Gemini, Qwen3, DeepSeek-V3 (built in, exact), open");
        assertTrue(
                vm.summaryProperty().get().endsWith(" · 8 tokenizers"),
                vm.summaryProperty().get());
        assertTrue(counted.isEmpty(), "never counted by itself");

        vm.exactCounts().countExactly(vm.taxProperty().get());
        var counts = vm.exactCounts().counts();
        assertEquals("2,024 (claude-sonnet-4-5, whole request)", counts.get("claude"), "the selected model");
        assertTrue(counts.get("gemini").startsWith("2,024 (gemini"));
        assertNull(counts.get("o200k_base"), "exact locally: not asked");
        assertTrue(counted.stream()
                .anyMatch(r ->
                        r.model().equals("claude-sonnet-4-5") && "You are terse.".equals(r.system()) && !r.stream()));
        assertEquals("", vm.exactCounts().errorProperty().get());

        f.prompt().userTextProperty().set("Another text");
        assertTrue(vm.exactCounts().counts().isEmpty(), "counts of another text are forgotten");
    }

    @Test
    void withoutKeysEachFamilySaysNoKeyAndWhy() {
        PromptFeature f = PromptFixtures.direct(PromptFixtures.noKeys());
        f.prompt().userTextProperty().set("Hello");
        TokensViewModel vm = f.tokens();
        vm.taxModeProperty().set(true);
        vm.activeProperty().set(true);
        vm.exactCounts().countExactly(vm.taxProperty().get());
        assertEquals("no key", vm.exactCounts().counts().get("claude"));
        assertEquals("no key", vm.exactCounts().counts().get("gemini"));
        String error = vm.exactCounts().errorProperty().get();
        assertTrue(error.contains("No API key for Anthropic") && error.contains("Providers tab"), error);
        assertFalse(vm.exactCounts().runningProperty().get());
    }

    @Test
    void withoutACatalogTheTaxSaysSo() {
        PromptFeature f = PromptFixtures.direct(this::counter);
        f.prompt().catalogProperty().set(null);
        TokensViewModel vm = f.tokens();
        vm.taxModeProperty().set(true);
        vm.activeProperty().set(true);
        assertNull(vm.taxProperty().get());
        assertEquals("No catalog loaded", vm.summaryProperty().get());
        vm.exactCounts().countExactly(null); // nothing to count: nothing happens
        assertTrue(counted.isEmpty());
    }
}
