// SPDX-License-Identifier: Apache-2.0
package dev.costbench.ui;

import dev.costbench.ui.common.UserPrefs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** The whole application on the primary stage, with a data folder of its own, for the tests that start it. */
final class AppOnStage implements AutoCloseable {

    private final Path data;
    private Application app;

    AppOnStage() throws Exception {
        data = Files.createTempDirectory("costbench-ui-test");
        System.setProperty("costbench.dataDir", data.toString());
        // Every start is a first start: no theme, window place or dividers left by an earlier test (surefire points
        // the workbench at a settings node of its own, costbench.preferences in the root pom).
        if (!System.getProperty(UserPrefs.PROPERTY, "").isBlank()) { // never the settings of whoever runs the tests
            UserPrefs.root().removeNode();
        }
    }

    /** The data folder the application uses (write a user catalog here before {@link #start}). */
    Path data() {
        return data;
    }

    /** Starts the app and waits until its status line counts the models. */
    Stage start(FxRobot robot) throws Exception {
        Stage stage = FxToolkit.registerPrimaryStage();
        app = FxToolkit.setupApplication(CostBenchApp.class);
        WaitForAsyncUtils.waitFor(
                15,
                TimeUnit.SECONDS,
                () -> robot.lookup("#status").queryAs(Label.class).getText().contains("models"));
        return stage;
    }

    @Override
    public void close() throws Exception {
        if (app != null) {
            FxToolkit.cleanupApplication(app);
        }
        FxToolkit.cleanupStages();
        System.clearProperty("costbench.dataDir");
    }
}
