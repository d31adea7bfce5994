// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.costbench.model.catalog.Catalog;
import dev.costbench.model.catalog.CatalogBuilder;
import dev.costbench.model.catalog.ModelEntry;
import dev.costbench.model.cost.PromptCostTable;
import dev.costbench.model.cost.PromptOptions;
import dev.costbench.model.prompt.TextStats;
import dev.costbench.model.tokens.Encoding;
import dev.costbench.model.tokens.Tokenizers;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** "Use this prompt in the scenario planner": counts in the chosen model's tokenizer, a stable id. */
class PromptRequestTypesTest {

    private static final Catalog CATALOG = CatalogBuilder.builtIn();
    private static final String SYSTEM = "You are a concise support assistant. Answer in two sentences.";
    private static final List<String> TURNS = List.of("Where is my order #1234?", "It shipped yesterday.");
    private static final String USER = "Can I change the delivery address? 注文番号は 42 です。";

    private static PromptRequestTypes.Prompt prompt(String system, List<String> turns, String user) {
        return new PromptRequestTypes.Prompt(
                TextStats.of(system), turns.stream().map(TextStats::of).toList(), TextStats.of(user), 500, 100, 20_000);
    }

    /** The input the cost table shows for {@code m} (empty messages are not sent). */
    private static long tableInput(ModelEntry m, String system, List<String> turns, String user) {
        List<TextStats> sent = new ArrayList<>();
        for (String s : concat(system, turns, user)) {
            if (!s.isEmpty()) {
                sent.add(TextStats.of(s));
            }
        }
        return PromptCostTable.compute(List.of(m), sent, 0, new PromptOptions(500, 0, false, false, false, 1))
                .get(0)
                .input()
                .tokens();
    }

    private static List<String> concat(String system, List<String> turns, String user) {
        List<String> all = new ArrayList<>();
        all.add(system);
        all.addAll(turns);
        all.add(user);
        return all;
    }

    @Test
    void anOpenAiModelCountsExactlyWithItsMessageFraming() {
        ModelEntry m = CATALOG.find("gpt-4o-mini").orElseThrow();
        RequestType t = PromptRequestTypes.of("From the Prompt view · GPT-4o mini", m, prompt(SYSTEM, TURNS, USER));
        long sys = Tokenizers.count(Encoding.O200K_BASE, SYSTEM);
        long shots = TURNS.stream()
                .mapToLong(s -> Tokenizers.count(Encoding.O200K_BASE, s))
                .sum();
        long user = Tokenizers.count(Encoding.O200K_BASE, USER);
        assertEquals(sys + 3, t.text().system(), "3 framing tokens per message");
        assertEquals(shots + 3 * 2, t.text().fewShot());
        assertEquals(user + 3 + 3, t.text().user(), "the reply priming goes with the user part");
        assertEquals(tableInput(m, SYSTEM, TURNS, USER), t.text().input(), "the same input as the cost table");
        assertEquals(500, t.text().output());
        assertEquals(100, t.text().reasoning());
        assertEquals("gpt-4o-mini", t.model());
        assertEquals(0, t.volume().amount().compareTo(BigDecimal.valueOf(20_000)));
        assertEquals("from-the-prompt-view-gpt-4o-mini", t.id());
        assertEquals("From the Prompt view · GPT-4o mini", t.name());
    }

    @Test
    void aModelWithAnotherTokenizerUsesItsOwnCountsNotO200k() {
        ModelEntry claude = CATALOG.find("claude-sonnet-4-5").orElseThrow();
        RequestType t = PromptRequestTypes.of("Claude", claude, prompt(SYSTEM, TURNS, USER));
        assertEquals(tableInput(claude, SYSTEM, TURNS, USER), t.text().input());
        ModelEntry gemini = CATALOG.find("gemini-2.5-flash").orElseThrow();
        RequestType g = PromptRequestTypes.of("Gemini", gemini, prompt(SYSTEM, TURNS, USER));
        assertEquals(tableInput(gemini, SYSTEM, TURNS, USER), g.text().input());
        // Gemini's estimate is characters ÷ 4, not the o200k count
        assertEquals(
                (SYSTEM.codePointCount(0, SYSTEM.length()) + 3) / 4, g.text().system());
    }

    @Test
    void emptyPartsAreNotSentAndCountNothing() {
        ModelEntry m = CATALOG.find("gpt-4o-mini").orElseThrow();
        RequestType t = PromptRequestTypes.of("Only a question", m, prompt("", List.of("", ""), "Hello"));
        assertEquals(0, t.text().system());
        assertEquals(0, t.text().fewShot());
        assertEquals(
                Tokenizers.count(Encoding.O200K_BASE, "Hello") + 6, t.text().user());
        RequestType none = PromptRequestTypes.of("Nothing", m, prompt("", List.of(), ""));
        assertEquals(0, none.text().input());
        assertThrows(
                IllegalArgumentException.class,
                () -> new PromptRequestTypes.Prompt(TextStats.EMPTY, List.of(), TextStats.EMPTY, -1, 0, 0));
    }

    @Test
    void idsAreStableSlugsAndTheReceiverCanMakeThemUnique() {
        assertEquals("from-the-prompt-view-gpt-5-mini", PromptRequestTypes.idFor("From the Prompt view · GPT-5 mini"));
        assertEquals("cafe-creme", PromptRequestTypes.idFor("  Café — crème!  "));
        assertEquals("request", PromptRequestTypes.idFor("· ·"));
        assertEquals("a", PromptRequestTypes.uniqueId("a", Set.of("b")));
        assertEquals("a-2", PromptRequestTypes.uniqueId("a", Set.of("a")));
        assertEquals("a-3", PromptRequestTypes.uniqueId("a", Set.of("a", "a-2")));
    }
}
