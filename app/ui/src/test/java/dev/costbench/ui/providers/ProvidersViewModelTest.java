// SPDX-License-Identifier: Apache-2.0
package dev.costbench.ui.providers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.costbench.model.provider.ProviderId;
import dev.costbench.providers.ProviderConfig;
import dev.costbench.providers.keys.CredentialStores;
import dev.costbench.ui.common.DirectTaskExecutor;
import dev.costbench.ui.common.RecordingDialogService;
import dev.costbench.ui.common.UiContext;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Providers tab without a display: keys saved encrypted, connection tests against a mock Anthropic server. */
class ProvidersViewModelTest {

    private static final String KEY = "sk-ant-test-UILEAKCHECK-0123456789abcdef";

    @TempDir
    Path data;

    private final MockWebServer server = new MockWebServer();
    private final DirectTaskExecutor tasks = DirectTaskExecutor.held();
    private ProvidersViewModel vm;

    @BeforeEach
    void setUp() throws Exception {
        server.start();
        String base = server.url("/").toString();
        ProviderConfig cfg = new ProviderConfig(
                Map.of("ANTHROPIC_BASE_URL", base.substring(0, base.length() - 1)),
                CredentialStores.encryptedFile(data, () -> "correct horse battery".toCharArray()),
                data.resolve("providers.json"));
        vm = new ProvidersViewModel(new UiContext(tasks, new RecordingDialogService()), new ProviderAccess(cfg));
    }

    @AfterEach
    void tearDown() {
        server.close();
    }

    private ProvidersViewModel.ProviderState anthropic() {
        return vm.provider(ProviderId.ANTHROPIC);
    }

    @Test
    void aSavedKeyIsUsedForTheConnectionTestAndNeverStoredInPlainText() throws Exception {
        assertTrue(anthropic().keyInfoProperty().get().startsWith("no key — set ANTHROPIC_API_KEY"));
        assertTrue(vm.saveKey(ProviderId.ANTHROPIC, KEY));
        assertEquals(
                "sk-…cdef · from encrypted file", anthropic().keyInfoProperty().get());

        server.enqueue(AnthropicReplies.models());
        vm.testConnection(ProviderId.ANTHROPIC);
        assertTrue(anthropic().testingProperty().get());
        assertEquals("Connecting…", anthropic().resultProperty().get());
        vm.testConnection(ProviderId.ANTHROPIC); // a second click while testing starts nothing
        assertEquals(1, tasks.runPending());
        assertFalse(anthropic().testingProperty().get());
        RecordedRequest r = server.takeRequest();
        assertEquals(KEY, r.getHeaders().get("x-api-key"));
        assertEquals("2023-06-01", r.getHeaders().get("anthropic-version"));
        String result = anthropic().resultProperty().get();
        assertTrue(result.startsWith("OK in") && result.contains("claude-sonnet-4-5-20250929"), result);
        assertEquals(
                ProvidersViewModel.Outcome.OK, anthropic().outcomeProperty().get());

        server.enqueue(new MockResponse.Builder()
                .code(401)
                .addHeader("Content-Type", "application/json")
                .body("{\"type\":\"error\",\"error\":{\"type\":\"authentication_error\",\"message\":"
                        + "\"invalid x-api-key\"}}")
                .build());
        vm.testConnection(ProviderId.ANTHROPIC);
        tasks.runPending();
        assertTrue(
                anthropic().resultProperty().get().startsWith("Anthropic rejected the API key (401)"),
                anthropic().resultProperty().get());
        assertEquals(
                ProvidersViewModel.Outcome.FAILED, anthropic().outcomeProperty().get());

        try (var files = Files.walk(data)) {
            for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                String content = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
                assertFalse(content.contains(KEY), f + " holds the key");
                assertFalse(
                        content.contains(Base64.getEncoder().encodeToString(KEY.getBytes(StandardCharsets.UTF_8))),
                        f + " holds the key in base64");
            }
        }
    }

    @Test
    void withoutAKeyTheConnectionTestSaysWhatToSetAndCallsNobody() {
        vm.testConnection(ProviderId.OPENAI);
        tasks.runPending();
        String result = vm.provider(ProviderId.OPENAI).resultProperty().get();
        assertTrue(result.contains("OPENAI_API_KEY"), result);
        assertEquals(0, server.getRequestCount());
        assertTrue(tasks.unhandled().isEmpty());
    }

    @Test
    void aBlankKeyIsNotSavedAndRemoveForgetsASavedOne() {
        assertFalse(vm.saveKey(ProviderId.ANTHROPIC, "   "));
        assertEquals("Paste a key first.", anthropic().resultProperty().get());
        vm.saveKey(ProviderId.ANTHROPIC, KEY);
        vm.removeKey(ProviderId.ANTHROPIC);
        assertEquals("Saved key removed.", anthropic().resultProperty().get());
        assertTrue(anthropic().keyInfoProperty().get().startsWith("no key"));
    }

    @Test
    void aSavedBaseUrlShowsWhereItCameFromAndABlankOneGoesBackToTheDefault() {
        ProvidersViewModel.ProviderState openai = vm.provider(ProviderId.OPENAI);
        vm.saveBaseUrl(ProviderId.OPENAI, " http://localhost:9/v1 ");
        assertEquals("Base URL saved.", openai.resultProperty().get());
        assertEquals("http://localhost:9/v1", openai.savedBaseUrlProperty().get());
        assertTrue(
                openai.baseInfoProperty().get().startsWith("using http://localhost:9/v1"),
                openai.baseInfoProperty().get());
        vm.saveBaseUrl(ProviderId.OPENAI, "");
        assertEquals("Back to the default endpoint.", openai.resultProperty().get());
        assertEquals("", openai.savedBaseUrlProperty().get());
    }

    @Test
    void theCredentialStoreIsNamed() {
        assertTrue(vm.storeInfoProperty().get().startsWith("Saved keys are kept in: "));
    }
}
