// SPDX-License-Identifier: Apache-2.0
package dev.costbench.ui;

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
