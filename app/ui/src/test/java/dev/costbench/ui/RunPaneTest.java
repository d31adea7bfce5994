// SPDX-License-Identifier: Apache-2.0
package dev.costbench.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.costbench.model.catalog.Catalog;
import dev.costbench.model.catalog.CatalogBuilder;
import dev.costbench.model.provider.ChatRequest;
import dev.costbench.ui.common.FxTaskExecutor;
import dev.costbench.ui.common.RecordingDialogService;
import dev.costbench.ui.common.ScriptedClient;
import dev.costbench.ui.common.UiContext;
import dev.costbench.ui.prompt.PromptFeature;
import dev.costbench.ui.prompt.PromptView;
import dev.costbench.ui.prompt.PromptViewModel;
import dev.costbench.ui.prompt.RunViewModel;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Prompt view's "Send to the API" tab end to end against a scripted client: the buttons, the streamed answer,
 * estimate vs billed, errors (the cases in between are in RunViewModelTest).
 */
@FxTest
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class RunPaneTest {

    private static final Catalog CATALOG = CatalogBuilder.builtIn();
    private final ScriptedClient fake = new ScriptedClient();
    private final List<ChatRequest> sent = fake.sent;
    private final List<ChatRequest> counted = fake.counted;
    private PromptFeature feature;
    private PromptViewModel vm;
    private RunViewModel run;
    private PromptView view;

    @Start
    void start(Stage stage) {
        feature = new PromptFeature(
                new UiContext(new FxTaskExecutor((j, e) -> {}), new RecordingDialogService()),
                CATALOG,
                id -> fake,
                (n, b, o) -> {},
                t -> {});
        vm = feature.prompt();
        run = feature.run();
        view = new PromptView(feature);
        stage.setScene(new Scene(view, 1400, 900));
        stage.show();
    }

    @AfterEach
    void close() {
        feature.close();
    }

    @Test
    void sendsThePromptToTheSelectedModelAndShowsBilledNextToEstimate(FxRobot robot) throws Exception {
        robot.interact(() -> {
            vm.systemTextProperty().set("You are terse.");
            vm.userTextProperty().set("Say hello.");
            vm.outputTokensProperty().set(50);
        });
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !vm.rows().isEmpty());
        robot.interact(() -> {
            view.table().select("gpt-4o-mini");
            view.showRun();
        });
        fire(robot, "#send");
        WaitForAsyncUtils.waitFor(
                10,
                TimeUnit.SECONDS,
                () -> run.figures().stream().anyMatch(f -> f.name().equals("Billed")));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(
                "Hello there", robot.lookup("#answer").queryAs(TextArea.class).getText());
        ChatRequest r = sent.get(0);
        assertEquals("gpt-4o-mini", r.model());
        assertEquals("You are terse.", r.system());
        assertEquals(50, r.maxOutputTokens());
        assertTrue(r.stream());
        String billed = robot.lookup("#run-billed").queryAs(Label.class).getText();
        // 1000 uncached × $0.15/1M + 1024 cached × $0.075/1M + 2 × $0.60/1M = $0.0002280
        assertTrue(billed.startsWith("$0.000228"), billed);
        assertTrue(billed.contains("difference from the estimate"), billed);
        assertTrue(robot.lookup("#run-reported").queryAs(Label.class).getText().contains("cache read 1024"));

        // an attached image goes with the user message: RunViewModelTest

        fire(robot, "#count-exactly");
        WaitForAsyncUtils.waitFor(
                10,
                TimeUnit.SECONDS,
                () -> run.figures().stream().anyMatch(f -> f.name().equals("Counted")));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup("#run-counted").queryAs(Label.class).getText().startsWith("2024 input tokens, exact"));
    }

    @Test
    void aRejectedKeySaysWhoRefusedAndWhy(FxRobot robot) throws Exception {
        fake.failWith(ScriptedClient.rejectedKey());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !vm.rows().isEmpty());
        robot.interact(() -> {
            view.table().select("gpt-4o-mini");
            view.showRun();
        });
        fire(robot, "#send");
        WaitForAsyncUtils.waitFor(
                10, TimeUnit.SECONDS, () -> !run.errorProperty().get().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup("#run-error")
                .queryAs(Label.class)
                .getText()
                .startsWith("OpenAI rejected the API key (401)"));
    }

    /** Presses a button as a click would, wherever it is laid out (the test screen may be smaller than the window). */
    private static void fire(FxRobot robot, String id) {
        robot.interact(() -> robot.lookup(id).queryAs(ButtonBase.class).fire());
        WaitForAsyncUtils.waitForFxEvents();
    }
}
