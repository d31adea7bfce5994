// SPDX-License-Identifier: Apache-2.0
package dev.costbench.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.costbench.model.catalog.Catalog;
import dev.costbench.model.catalog.CatalogBuilder;
import dev.costbench.ui.scenario.ScenarioView;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.Scene;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Slider;
import javafx.stage.Stage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Seed 003 rebuilt in the Scenario view: the waterfall's figures, a lever toggled, the routing mix moved. */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class ScenarioViewTest {

    private static final Catalog CATALOG = CatalogBuilder.builtIn();
    private ScenarioView view;

    @Start
    void start(Stage stage) {
        view = new ScenarioView(() -> CATALOG, () -> null);
        stage.setScene(new Scene(view, 1500, 950));
        stage.show();
    }

    private static void assertMoney(String expected, BigDecimal actual) {
        assertEquals(0, new BigDecimal(expected).compareTo(actual), "expected " + expected + ", got " + actual);
    }

    @Test
    void seed003WaterfallFollowsTheLevers(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        assertMoney("135000", view.waterfall().baselineMonthly());
        assertMoney("4680", view.waterfall().optimizedMonthly());
        assertEquals(2 + view.waterfall().steps().size(), view.chartBars(), "baseline, one bar per lever, optimized");
        assertTrue(view.tornadoBars() >= 1);

        // Batch off: the last step's saving comes back, and nothing else moves.
        CheckBox batch = robot.lookup((javafx.scene.Node n) -> n instanceof CheckBox
                && ((CheckBox) n).getText().startsWith("Batch")).queryAs(CheckBox.class);
        robot.clickOn(batch);
        WaitForAsyncUtils.waitForFxEvents();
        assertMoney("9360", view.waterfall().optimizedMonthly());
        robot.clickOn(batch);
        WaitForAsyncUtils.waitForFxEvents();
        assertMoney("4680", view.waterfall().optimizedMonthly());

        // Route less to the Flash tier: the total follows.
        Slider route = robot.lookup((javafx.scene.Node n) -> n instanceof Slider && n.getId() != null
                && n.getId().startsWith("slider-") && ((Slider) n).getValue() > 0.85 && ((Slider) n).getMax() == 1)
                .queryAs(Slider.class);
        BigDecimal before = view.waterfall().optimizedMonthly();
        robot.interact(() -> route.setValue(0.5));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(view.waterfall().optimizedMonthly().compareTo(before) > 0, "less routing costs more");

        // A negative volume is refused next to the field, and the last valid figures stay.
        BigDecimal valid = view.waterfall().optimizedMonthly();
        robot.interact(() -> view.field("volume").setText("-5"));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(view.errorsBox().getChildren().size() >= 1);
        assertTrue(view.field("volume").getStyle().contains("c0392b"));
        assertMoney(valid.toPlainString(), view.waterfall().optimizedMonthly());
        robot.interact(() -> view.field("volume").setText("50000"));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(0, view.errorsBox().getChildren().size());

        // Export the report with its chart.
        Path html = Files.createTempFile("costbench-scenario", ".html");
        robot.interact(() -> view.exportTo(html));
        String s = Files.readString(html);
        assertTrue(s.contains("<svg"), "the HTML report carries the chart");

        // Side by side with another sample.
        robot.interact(() -> view.compareBox().setValue("seed000-support-tickets"));
        WaitForAsyncUtils.waitForFxEvents();
        assertNotNull(robot.lookup("#compare-waterfall").tryQuery().orElse(null));
    }

    @Test
    void theFourQuestionsPreSelectLevers(FxRobot robot) {
        var s = view.fromAnswers(false, true, false, true, 1_000_000, "gpt-5", 2000, 400);
        var batch = s.levers().stream().filter(l -> l.id().equals("batch")).findFirst().orElseThrow();
        var gate = s.levers().stream().filter(l -> l.id().equals("gate")).findFirst().orElseThrow();
        assertTrue(batch.enabled(), "it can wait: batch");
        assertTrue(gate.enabled(), "spiky: event gating");
        robot.interact(() -> view.setScenario(s));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(view.waterfall().optimizedMonthly().compareTo(view.waterfall().baselineMonthly()) < 0);

        // Rebuild a video workload from the form: one hour of video per request on Gemini 2.5 Pro.
        robot.interact(() -> {
            view.field("videoHours").setText("1");
            view.field("videoFps").setText("1");
            view.field("system").setText("0");
            view.field("user").setText("0");
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(view.scenario().workload().requestTypes().get(0).video() != null);
        BigDecimal withVideo = view.waterfall().optimizedMonthly();
        int steps = view.waterfall().steps().size();
        robot.interact(() -> view.addLever("Frame sampling"));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(steps + 1, view.waterfall().steps().size());
        assertTrue(view.waterfall().optimizedMonthly().compareTo(withVideo) < 0, "0.2 fps instead of 1 fps saves");
    }
}
