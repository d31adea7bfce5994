// SPDX-License-Identifier: Apache-2.0
package dev.costbench.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import javafx.scene.control.Label;
import javafx.scene.control.TreeTableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The whole application starts with the built-in catalog, shows the example prompt's costs and reports a bad user
 * catalog.
 */
@FxTest
@Tag("ui")
class AppSmokeTest {

    private AppOnStage app;

    @BeforeEach
    void setUp() throws Exception {
        app = new AppOnStage();
    }

    @AfterEach
    void tearDown() throws Exception {
        app.close();
    }

    private Stage startApp(FxRobot robot) throws Exception {
        return app.start(robot);
    }

    @Test
    void startsAndShowsCostsForTheExamplePrompt() throws Exception {
        FxRobot robot = new FxRobot();
        Stage stage = startApp(robot);
        assertTrue(stage.getTitle().endsWith("— CostBench"), stage.getTitle());
        TreeTableView<?> table = robot.lookup("#cost-table").queryAs(TreeTableView.class);
        assertEquals(5, table.getRoot().getChildren().size());
        assertTrue(!robot.lookup("#catalog-banner").query().isVisible(), "no catalog problems");
    }

    @Test
    void aBrokenUserCatalogIsReportedAndTheRestLoads() throws Exception {
        Files.writeString(
                app.data().resolve("catalog.json"),
                "{\"models\": [{\"id\": \"gpt-5\", \"prices\": {\"input\": \"free\"}}]}");
        FxRobot robot = new FxRobot();
        startApp(robot);
        assertTrue(robot.lookup("#catalog-banner").query().isVisible());
        assertTrue(robot.lookup(n -> n instanceof Label
                        && ((Label) n).getText() != null
                        && ((Label) n).getText().contains("field 'prices.input': 'free' is not a number"))
                .tryQuery()
                .isPresent());
    }

    @Test
    void aRestoredWorkspaceKeepsItsSelectedModelNotTheCheapest() throws Exception {
        // The autosave of a prompt whose cost-table selection was GPT-5: its model arrives before the first rows do,
        // and the table used to select the cheapest row instead.
        Files.writeString(
                app.data().resolve("workspace-autosave.json"),
                "{\"format\": \"costbench-prompt-workspace\", \"version\": 2, \"user\": \"Hello\", "
                        + "\"model\": \"gpt-5\"}");
        FxRobot robot = new FxRobot();
        startApp(robot);
        TreeTableView<?> table = robot.lookup("#cost-table").queryAs(TreeTableView.class);
        WaitForAsyncUtils.waitForFxEvents();
        Label title = robot.lookup("#breakdown-title").queryAs(Label.class);
        assertTrue(title.getText().matches("GPT-5( \\(OpenAI\\))? — .*"), title.getText());
        assertTrue(table.getSelectionModel().getSelectedItem() != null, "a row is selected");
    }
}
