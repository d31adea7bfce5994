// SPDX-License-Identifier: Apache-2.0
package dev.costbench.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.costbench.model.provider.ProviderId;
import dev.costbench.providers.ProviderConfig;
import dev.costbench.providers.keys.CredentialStores;
import dev.costbench.ui.providers.ProviderAccess;
import dev.costbench.ui.providers.ProvidersView;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.PasswordField;
import javafx.stage.Stage;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The Providers tab: a key pasted in is kept encrypted, and "Test connection" makes a real (mock) call with it. */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class ProvidersViewTest {

    private static final String KEY = "sk-ant-test-UILEAKCHECK-0123456789abcdef";
    private final MockWebServer server = new MockWebServer();
    private Path data;
    private ProvidersView view;

    @Start
    void start(Stage stage) throws Exception {
        server.start();
        data = Files.createTempDirectory("costbench-providers-ui");
        String base = server.url("/").toString();
        ProviderConfig cfg = new ProviderConfig(Map.of("ANTHROPIC_BASE_URL", base.substring(0, base.length() - 1)),
                CredentialStores.encryptedFile(data, () -> "correct horse battery".toCharArray()),
                data.resolve("providers.json"));
        view = new ProvidersView(new ProviderAccess(cfg));
        stage.setScene(new Scene(view, 1200, 900));
        stage.show();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void aSavedKeyIsUsedForTheConnectionTestAndNeverStoredInPlainText(FxRobot robot) throws Exception {
        assertTrue(view.keyInfo(ProviderId.ANTHROPIC).getText().startsWith("no key"));
        robot.interact(() -> robot.lookup("#key-field-anthropic").queryAs(PasswordField.class).setText(KEY));
        robot.clickOn("#save-key-anthropic");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("sk-…cdef · from encrypted file", view.keyInfo(ProviderId.ANTHROPIC).getText());

        server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
                .body("{\"data\":[{\"type\":\"model\",\"id\":\"claude-sonnet-4-5-20250929\",\"display_name\":"
                        + "\"Claude Sonnet 4.5\",\"created_at\":\"2025-09-29T00:00:00Z\"}],\"has_more\":false,"
                        + "\"first_id\":\"claude-sonnet-4-5-20250929\",\"last_id\":\"claude-sonnet-4-5-20250929\"}")
                .build());
        robot.clickOn("#test-anthropic");
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> view.generation() == 1);
        WaitForAsyncUtils.waitForFxEvents();
        RecordedRequest r = server.takeRequest();
        assertEquals(KEY, r.getHeaders().get("x-api-key"));
        assertEquals("2023-06-01", r.getHeaders().get("anthropic-version"));
        assertTrue(view.result(ProviderId.ANTHROPIC).getText().startsWith("OK in"), view.result(ProviderId.ANTHROPIC)
                .getText());
        assertTrue(view.result(ProviderId.ANTHROPIC).getText().contains("claude-sonnet-4-5-20250929"));

        // A rejected key says who refused it.
        server.enqueue(new MockResponse.Builder().code(401).addHeader("Content-Type", "application/json")
                .body("{\"type\":\"error\",\"error\":{\"type\":\"authentication_error\",\"message\":"
                        + "\"invalid x-api-key\"}}").build());
        robot.clickOn("#test-anthropic");
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> view.generation() == 2);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(view.result(ProviderId.ANTHROPIC).getText().startsWith("Anthropic rejected the API key (401)"));

        // Nothing the view wrote holds the key in plain text (or base64).
        try (var files = Files.walk(data)) {
            for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                String content = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
                assertFalse(content.contains(KEY), f + " holds the key");
                assertFalse(content.contains(Base64.getEncoder().encodeToString(KEY.getBytes(StandardCharsets.UTF_8))),
                        f + " holds the key in base64");
            }
        }
    }
}
