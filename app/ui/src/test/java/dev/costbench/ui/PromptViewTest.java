// SPDX-License-Identifier: Apache-2.0
package dev.costbench.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.costbench.model.catalog.Catalog;
import dev.costbench.model.cost.CostRow;
import dev.costbench.ui.prompt.CostTableView;
import dev.costbench.ui.prompt.PromptFixtures;
import dev.costbench.ui.prompt.PromptOnStage;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import javafx.scene.control.Label;
import javafx.scene.control.TreeItem;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/** Types into the prompt editor and checks that the cost table follows and the breakdown opens. */
@FxTest
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class PromptViewTest {

    private static final Catalog CATALOG = PromptFixtures.CATALOG;

    @RegisterExtension
    final PromptOnStage shown = new PromptOnStage(id -> null);

    private CostRow row(String id) {
        return shown.prompt().rows().stream()
                .filter(r -> r.model().id().equals(id))
                .findFirst()
                .orElse(null);
    }

    private static void waitFor(String what, Supplier<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> {
            WaitForAsyncUtils.waitForFxEvents();
            return condition.get();
        });
        assertTrue(condition.get(), what);
    }

    @Test
    void typingUpdatesTheTable(FxRobot robot) throws Exception {
        waitFor("table filled", () -> shown.prompt().rows().size() == CATALOG.size());
        long before = row("gpt-5").input().tokens();
        robot.clickOn("#user-prompt").write("How much does this cost?");
        waitFor("gpt-5 count grew", () -> row("gpt-5").input().tokens() > before);
        // the counts themselves: PromptViewModelTest
        assertEquals(6 + 3 + 3, row("gpt-5").input().tokens());
        Label status = robot.lookup("#status").queryAs(Label.class);
        assertTrue(status.getText().contains("tokens (o200k_base)"), status.getText());
    }

    @Test
    void selectingARowOpensItsBreakdown(FxRobot robot) throws Exception {
        robot.interact(() -> shown.prompt().userTextProperty().set("Explain prompt caching in one paragraph."));
        waitFor(
                "table filled",
                () -> row("gpt-5") != null && row("gpt-5").input().tokens() > 0);
        CostTableView table = shown.view().table();
        robot.interact(() -> table.select("gpt-5"));
        Label title = robot.lookup("#breakdown-title").queryAs(Label.class);
        assertNotNull(title);
        assertTrue(title.getText().startsWith("GPT-5"), title.getText());
        Label total = robot.lookup("#breakdown-total").queryAs(Label.class);
        assertTrue(total.getText().startsWith("$0.00"), total.getText());
        assertTrue(robot.lookup("LiteLLM price list").tryQuery().isPresent(), "source name shown");
        assertTrue(robot.lookup("LL").tryQuery().isEmpty(), "not its key");
    }

    @Test
    void clickingARowWithTheMouseOpensTheBreakdown(FxRobot robot) throws Exception {
        waitFor("table filled", () -> shown.prompt().rows().size() == CATALOG.size());
        robot.clickOn("#model-filter").write("haiku-4-5");
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("Claude Haiku 4.5");
        Label title = robot.lookup("#breakdown-title").queryAs(Label.class);
        assertTrue(title.getText().startsWith("Claude Haiku 4.5"), title.getText());
    }

    @Test
    void theOptionsUnderThePromptChangeTheCost(FxRobot robot) throws Exception {
        robot.interact(() -> {
            shown.prompt().systemTextProperty().set("You are a helpful assistant. ".repeat(200));
            shown.prompt().userTextProperty().set("Hi");
        });
        waitFor("counted", () -> row("gpt-5") != null && row("gpt-5").input().tokens() > 1000);
        robot.clickOn("#add-turn");
        waitFor("an example's two turns added", () -> shown.prompt().turns().size() == 2);
        var full = row("gpt-5").perRequest();
        robot.clickOn("#cached-prefix");
        waitFor("cache applied", () -> row("gpt-5").cachedTokens() > 1000);
        assertTrue(row("gpt-5").perRequest().compareTo(full) < 0, "cached prefix is cheaper");
        robot.clickOn("#batch");
        waitFor(
                "batch applied",
                () -> shown.prompt().batchProperty().get()
                        && row("gpt-5").breakdown().options().batch());
        robot.doubleClickOn("#output-tokens").write("2000");
        waitFor("output applied", () -> row("gpt-5").outputTokens() == 2000);
    }

    @Test
    void tierGroupsAreShownAndCheapestIsMarked(FxRobot robot) throws Exception {
        robot.interact(() -> shown.prompt().userTextProperty().set("Hello"));
        waitFor(
                "table filled",
                () -> shown.prompt().rows().size() == CATALOG.size()
                        && row("gpt-5").input().tokens() > 0);
        TreeItem<CostTableView.Item> root = shown.view().table().table().getRoot();
        assertEquals(5, root.getChildren().size(), "one group per tier");
        CostRow cheapest = shown.feature().table().cheapestProperty().get(); // which one: CostTableViewModelTest
        assertNotNull(cheapest);
        robot.interact(() -> shown.view().table().select(cheapest.model().id()));
        robot.interact(() -> shown.view()
                .table()
                .table()
                .scrollTo(shown.view().table().table().getSelectionModel().getSelectedIndex()));
        assertTrue(robot.lookup(".cheapest").tryQuery().isPresent(), "cheapest row highlighted");
    }
}
