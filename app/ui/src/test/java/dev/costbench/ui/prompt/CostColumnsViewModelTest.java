// SPDX-License-Identifier: Apache-2.0
package dev.costbench.ui.prompt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.costbench.ui.common.HeaderTips;
import java.util.List;
import javafx.scene.control.TreeTableColumn;
import org.junit.jupiter.api.Test;

/** The cost table's headers explain themselves (a narrow column cuts its title), without a display. */
class CostColumnsViewModelTest {

    @Test
    void everyFigureColumnsHeaderTipHasItsFullTitleAndWhatItMeans() {
        List<TreeTableColumn<CostTableView.Item, ?>> columns = CostColumns.all();
        for (TreeTableColumn<CostTableView.Item, ?> c : columns) {
            String tip = HeaderTips.text(c);
            assertTrue(tip.startsWith(c.getText()), tip);
        }
        TreeTableColumn<CostTableView.Item, ?> month = columns.stream()
                .filter(c -> c.getText().equals("$ / month"))
                .findFirst()
                .orElseThrow();
        assertEquals("$ / month\nWhat a month costs at the requests per month you set.", HeaderTips.text(month));
        long explained =
                columns.stream().filter(c -> HeaderTips.text(c).contains("\n")).count();
        assertEquals(columns.size() - 1, explained, "all but Provider say what they mean");
    }
}
