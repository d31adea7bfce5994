// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.lab.calibration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.costbench.model.catalog.Catalog;
import dev.costbench.model.catalog.CatalogBuilder;
import dev.costbench.model.catalog.ModelEntry;
import dev.costbench.model.cost.CostRow;
import dev.costbench.model.cost.PromptCostTable;
import dev.costbench.model.cost.PromptOptions;
import dev.costbench.model.prompt.TextStats;
import java.util.List;
import org.junit.jupiter.api.Test;

class CalibratedRowsTest {

    private static final Catalog CATALOG = CatalogBuilder.builtIn();

    private static ModelEntry first(String tokenizer) {
        return CATALOG.models().stream()
                .filter(m -> m.tokenizer().equals(tokenizer))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void calibratedRowsArePricedAtTheCalibratedCountAndExactRowsStay() {
        ModelEntry claude = first("claude");
        ModelEntry gpt = first("o200k_base");
        PromptOptions o = PromptOptions.defaults();
        List<CostRow> rows = PromptCostTable.compute(
                List.of(claude, gpt),
                List.of(TextStats.of("Summarise this support ticket in one line, please.")),
                0,
                o);
        Calibration cal = Calibration.fit(CalibrationTest.five("claude", "text"));
        List<CostRow> out = CalibratedRows.apply(rows, cal, "text", o, o.billing());
        assertEquals(
                Math.round(rows.get(0).input().tokens() * 1.135487),
                out.get(0).input().tokens());
        assertTrue(out.get(0).perRequest().compareTo(rows.get(0).perRequest()) > 0, "more tokens cost more");
        assertSame(rows.get(1), out.get(1));
        assertSame(rows, CalibratedRows.apply(rows, Calibration.NONE, "text", o, o.billing()));
    }
}
