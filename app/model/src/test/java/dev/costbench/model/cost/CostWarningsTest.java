// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.cost;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.costbench.model.catalog.CatalogBuilder;
import dev.costbench.model.catalog.ModelEntry;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Issue 14 part 7: a figure for a request the provider would refuse carries a warning. */
class CostWarningsTest {

    private static final ModelEntry GPT_4O =
            CatalogBuilder.builtIn().find("gpt-4o").orElseThrow();

    @Test
    void inputAboveTheContextWindowIsFlaggedOnTheEstimate() {
        assertEquals(128_000L, GPT_4O.contextWindow());
        PromptOptions o = new PromptOptions(500, 0, false, false, false, 1000);
        CostRow row =
                PromptCostTable.computeGiven(List.of(GPT_4O), 300_000, 0, o).get(0);
        assertEquals(1, row.warnings().size(), row.warnings().toString());
        assertTrue(
                row.warnings()
                        .get(0)
                        .startsWith("300,000 input tokens exceed GPT-4o's context window of 128,000 " + "tokens"),
                row.warnings().get(0));
        assertEquals(row.warnings(), row.breakdown().warnings(), "every caller of the cost engine sees it");
    }

    @Test
    void aRequestThatFitsHasNoWarningAndOutputAboveTheMaximumIsFlagged() {
        PromptOptions fits = new PromptOptions(500, 0, false, false, false, 1000);
        assertEquals(
                List.of(),
                PromptCostTable.computeGiven(List.of(GPT_4O), 100_000, 0, fits)
                        .get(0)
                        .warnings());
        PromptOptions longAnswer = new PromptOptions(GPT_4O.maxOutput() + 1, 0, false, false, false, 1000);
        List<String> w = PromptCostTable.computeGiven(List.of(GPT_4O), 1_000, 0, longAnswer)
                .get(0)
                .warnings();
        assertEquals(1, w.size(), w.toString());
        assertTrue(w.get(0).contains("exceed GPT-4o's maximum output of"), w.get(0));
    }
}
