// SPDX-License-Identifier: Apache-2.0
package dev.costbench.ui.prompt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.costbench.model.catalog.Catalog;
import dev.costbench.model.catalog.Tier;
import dev.costbench.model.cost.CostRow;
import dev.costbench.model.cost.Money;
import java.util.List;
import java.util.TreeSet;
import javafx.collections.ListChangeListener;
import org.junit.jupiter.api.Test;

/** The cost table's filters without a display: providers, tiers, search, grouping, the cheapest row, the summary. */
class CostTableViewModelTest {

    private static final Catalog CATALOG = PromptFixtures.CATALOG;
    private final PromptFeature f = PromptFixtures.direct(null);
    private final CostTableViewModel vm = f.table();

    private static CostRow cheapestOf(List<CostRow> rows) {
        CostRow c = null;
        for (CostRow r : rows) {
            if (r.complete()
                    && r.perRequest().signum() > 0
                    && (c == null || r.perRequest().compareTo(c.perRequest()) < 0)) {
                c = r;
            }
        }
        return c;
    }

    @Test
    void withoutFiltersEveryRowIsShownAndTheCheapestPricedOneIsNamed() {
        f.prompt().userTextProperty().set("Hello");
        assertEquals(CATALOG.size(), vm.shown().size());
        CostRow cheapest = vm.cheapestProperty().get();
        assertNotNull(cheapest);
        assertEquals(cheapestOf(f.prompt().rows()), cheapest);
        assertEquals(
                CATALOG.size() + " of " + CATALOG.size() + " models · cheapest: "
                        + cheapest.model().name() + " " + Money.format(cheapest.perRequest()),
                vm.summaryProperty().get());
        TreeSet<String> providers = new TreeSet<>();
        CATALOG.models().forEach(m -> providers.add(m.providerName()));
        assertEquals(List.copyOf(providers), vm.providers(), "the provider filter offers every provider, sorted");
        assertTrue(vm.providers().containsAll(List.of("OpenAI", "Anthropic", "Google", "Groq")), "by name");
        assertFalse(vm.providers().contains("openai"), "never by catalog id");
    }

    @Test
    void providerTierAndSearchFiltersCombine() {
        f.prompt().userTextProperty().set("Hello");
        vm.checkedProviders().setAll("Anthropic");
        assertTrue(vm.shown().stream().allMatch(r -> r.model().provider().equals("anthropic")));
        assertTrue(vm.shown().size() > 1);
        assertEquals("anthropic", vm.cheapestProperty().get().model().provider(), "the cheapest of the rows shown");
        vm.searchProperty().set("  HAIKU-4-5 ");
        assertEquals(
                List.of("claude-haiku-4-5"),
                vm.shown().stream().map(r -> r.model().id()).toList(),
                "search is trimmed, ignores case and matches the id");
        vm.searchProperty().set("Claude Haiku");
        assertTrue(vm.shown().stream().allMatch(r -> r.model().name().startsWith("Claude Haiku")), "or the name");
        vm.searchProperty().set("");
        vm.checkedProviders().clear();
        Tier tier = CATALOG.find("gpt-5").orElseThrow().tier();
        vm.checkedTiers().setAll(tier);
        assertTrue(vm.shown().stream().allMatch(r -> r.model().tier() == tier));
        assertTrue(vm.summaryProperty().get().startsWith(vm.shown().size() + " of " + CATALOG.size() + " models"));
    }

    @Test
    void whenNothingMatchesThereIsNoCheapestRow() {
        f.prompt().userTextProperty().set("Hello");
        vm.searchProperty().set("no such model");
        assertTrue(vm.shown().isEmpty());
        assertNull(vm.cheapestProperty().get());
        assertEquals("0 of " + CATALOG.size() + " models", vm.summaryProperty().get());
    }

    @Test
    void anEmptyPromptCostsNothingButTheOutputSoTheCheapestIsStillPriced() {
        assertEquals(CATALOG.size(), vm.shown().size());
        CostRow c = vm.cheapestProperty().get();
        assertTrue(c == null || c.perRequest().signum() > 0, "a free or unpriced model is never the cheapest");
    }

    @Test
    void withoutACatalogTheTableIsEmptyAndTheProviderChoicesGo() {
        f.prompt().userTextProperty().set("Hello");
        vm.checkedProviders().setAll("OpenAI");
        f.prompt().catalogProperty().set(null);
        f.prompt().userTextProperty().set("Hello again");
        assertTrue(vm.shown().isEmpty());
        assertTrue(vm.providers().isEmpty());
        assertTrue(vm.checkedProviders().isEmpty(), "a provider no row has is no longer checked");
        assertEquals("0 of 0 models", vm.summaryProperty().get());
    }

    @Test
    void groupingByTierTellsTheTableToRedraw() {
        int[] changes = {0};
        vm.shown().addListener((ListChangeListener<CostRow>) c -> changes[0]++);
        f.prompt().userTextProperty().set("Hello");
        int afterTyping = changes[0];
        assertTrue(afterTyping >= 1);
        vm.groupedProperty().set(false);
        assertEquals(afterTyping + 1, changes[0]);
        assertEquals(CATALOG.size(), vm.shown().size());
    }
}
