// SPDX-License-Identifier: Apache-2.0
package dev.costbench.ui.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.costbench.ui.FxTest;
import java.util.concurrent.TimeUnit;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** A disabled button still says why when the pointer rests on it (JavaFX shows no tooltip on a disabled control). */
@FxTest
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class DisabledReasonTest {

    private final StringProperty reason = new SimpleStringProperty("Select an experiment in the list first.");
    private Button rerun;

    @Start
    void start(Stage stage) {
        rerun = new Button("Rerun");
        rerun.setId("rerun");
        DisabledReason.bind(rerun, reason);
        HBox row = new HBox(40, rerun, new Label("elsewhere"));
        row.setStyle("-fx-padding: 30");
        stage.setScene(new Scene(row, 400, 120));
        stage.show();
    }

    @Test
    void theReasonShowsOnHoverWhileDisabledAndGoesWhenTheButtonCanAct(FxRobot robot) throws Exception {
        assertTrue(rerun.isDisabled());
        assertEquals("Select an experiment in the list first.", rerun.getAccessibleHelp());
        robot.moveTo("#rerun");
        robot.moveBy(2, 1);
        Tooltip tip = DisabledReason.tooltipOf(rerun);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, tip::isShowing);
        assertEquals("Select an experiment in the list first.", tip.getText());

        robot.moveTo("elsewhere");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> !tip.isShowing());

        robot.interact(() -> reason.set(""));
        assertFalse(rerun.isDisabled());
        assertNull(rerun.getAccessibleHelp());
        robot.moveTo("#rerun");
        robot.sleep(900);
        assertFalse(tip.isShowing(), "an enabled button shows its own tooltip, not a reason");
    }
}
