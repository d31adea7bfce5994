// SPDX-License-Identifier: Apache-2.0
package dev.costbench.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.costbench.providers.ProviderConfig;
import dev.costbench.providers.keys.CredentialStores;
import dev.costbench.ui.common.FxDialogService;
import dev.costbench.ui.common.FxTaskExecutor;
import dev.costbench.ui.common.UiContext;
import dev.costbench.ui.providers.AnthropicReplies;
import dev.costbench.ui.providers.ProviderAccess;
import dev.costbench.ui.providers.ProvidersView;
import dev.costbench.ui.providers.ProvidersViewModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.stage.Stage;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Providers tab end to end with real clicks: paste a key, save it, test the connection (a mock Anthropic
 * server). What each action does is covered without a display by ProvidersViewModelTest.
 */
@FxTest
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class ProvidersViewTest {

    private static final String KEY = "sk-ant-test-UILEAKCHECK-0123456789abcdef";
    private final MockWebServer server = new MockWebServer();
    private FxTaskExecutor tasks;

    @Start
    void start(Stage stage) throws Exception {
        server.start();
        Path data = Files.createTempDirectory("costbench-providers-ui");
        String base = server.url("/").toString();
        ProviderConfig cfg = new ProviderConfig(
                Map.of("ANTHROPIC_BASE_URL", base.substring(0, base.length() - 1)),
                CredentialStores.encryptedFile(data, () -> "correct horse battery".toCharArray()),
                data.resolve("providers.json"));
        FxDialogService dialogs = new FxDialogService(() -> stage);
        tasks = new FxTaskExecutor((job, e) -> dialogs.error(job, e.getMessage()));
        ProvidersView view =
                new ProvidersView(new ProvidersViewModel(new UiContext(tasks, dialogs), new ProviderAccess(cfg)));
        stage.setScene(new Scene(view, 1200, 900));
        stage.show();
    }

    @AfterEach
    void stop() {
        server.close();
        tasks.close();
    }

    @Test
    void pasteSaveAndTestAConnectionWithClicks(FxRobot robot) throws Exception {
        Label keyInfo = robot.lookup("#key-info-anthropic").queryAs(Label.class);
        assertTrue(keyInfo.getText().startsWith("no key"));
        robot.interact(() -> robot.lookup("#key-field-anthropic")
                .queryAs(PasswordField.class)
                .setText(KEY));
        robot.clickOn("#save-key-anthropic");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("sk-…cdef · from encrypted file", keyInfo.getText());
        assertEquals(
                "",
                robot.lookup("#key-field-anthropic")
                        .queryAs(PasswordField.class)
                        .getText());

        server.enqueue(AnthropicReplies.models());
        robot.clickOn("#test-anthropic");
        Label result = robot.lookup("#test-result-anthropic").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> result.getText().startsWith("OK in"));
        assertEquals(KEY, server.takeRequest().getHeaders().get("x-api-key"));
    }
}
