// SPDX-License-Identifier: Apache-2.0
package dev.costbench.providers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.costbench.model.provider.ProviderId;
import dev.costbench.model.provider.ProviderSettings;
import dev.costbench.model.provider.Secret;
import dev.costbench.providers.testkit.MemoryCredentialStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProviderConfigTest {

    @TempDir
    Path dir;

    private ProviderConfig config(Map<String, String> env, MemoryCredentialStore store) {
        return new ProviderConfig(env, store, dir.resolve("providers.json"));
    }

    @Test
    void keysComeFromOverrideThenEnvironmentThenStore() throws Exception {
        MemoryCredentialStore store = new MemoryCredentialStore();
        store.save(ProviderId.OPENAI, new Secret("sk-from-store", null));
        store.save(ProviderId.ANTHROPIC, new Secret("sk-ant-from-store", null));

        ProviderConfig c = config(Map.of("OPENAI_API_KEY", "sk-from-env"), store);
        Secret env = c.resolve(ProviderId.OPENAI).key();
        assertEquals("sk-from-env", env.reveal());
        assertEquals("environment OPENAI_API_KEY", env.source());
        Secret cli = c.resolve(ProviderId.OPENAI, null, new Secret("sk-typed", "command line"))
                .key();
        assertEquals("sk-typed", cli.reveal());
        assertEquals("command line", cli.source());
        Secret stored = c.resolve(ProviderId.ANTHROPIC).key();
        assertEquals("sk-ant-from-store", stored.reveal());
        assertEquals("test store", stored.source());
        assertNull(c.resolve(ProviderId.COMPATIBLE).key(), "local servers need no key");
    }

    @Test
    void geminiReadsGeminiApiKeyThenGoogleApiKey() throws Exception {
        assertEquals(
                "environment GEMINI_API_KEY",
                config(Map.of("GEMINI_API_KEY", "AIza-gem", "GOOGLE_API_KEY", "AIza-goo"), null)
                        .key(ProviderId.GEMINI)
                        .orElseThrow()
                        .source());
        Secret g = config(Map.of("GOOGLE_API_KEY", "AIza-goo"), null)
                .key(ProviderId.GEMINI)
                .orElseThrow();
        assertEquals("AIza-goo", g.reveal());
        assertEquals("environment GOOGLE_API_KEY", g.source());
        assertEquals(
                Optional.empty(),
                config(Map.of("GEMINI_API_KEY", "  "), null).key(ProviderId.GEMINI),
                "blank variables count as unset");
    }

    @Test
    void baseUrlComesFromOverrideThenEnvironmentThenSettingsThenDefault() throws Exception {
        ProviderConfig bare = config(Map.of(), null);
        assertEquals(
                "https://api.openai.com/v1", bare.resolve(ProviderId.OPENAI).baseUrl());
        assertEquals("default", bare.baseUrlSource(ProviderId.OPENAI, null));

        bare.saveSettings(ProviderId.OPENAI, "https://gateway.example.com/openai/v1/", List.of("gpt-5-mini"));
        assertEquals(
                "https://gateway.example.com/openai/v1",
                bare.resolve(ProviderId.OPENAI).baseUrl());
        assertEquals("settings", bare.baseUrlSource(ProviderId.OPENAI, null));
        assertEquals(List.of("gpt-5-mini"), bare.defaultModels(ProviderId.OPENAI));

        ProviderConfig env = config(Map.of("OPENAI_BASE_URL", "http://proxy.local:8080/v1"), null);
        assertEquals(
                "http://proxy.local:8080/v1", env.resolve(ProviderId.OPENAI).baseUrl());
        assertEquals("environment OPENAI_BASE_URL", env.baseUrlSource(ProviderId.OPENAI, null));

        ProviderSettings cli = env.resolve(ProviderId.OPENAI, "http://127.0.0.1:9000/v1", null);
        assertEquals("http://127.0.0.1:9000/v1", cli.baseUrl());
        assertEquals("command line", env.baseUrlSource(ProviderId.OPENAI, "http://127.0.0.1:9000/v1"));

        assertEquals(
                "https://api.anthropic.com",
                config(Map.of(), null).resolve(ProviderId.ANTHROPIC).baseUrl());
        assertEquals(
                "https://eu.gemini.example/v1beta",
                config(Map.of("GEMINI_BASE_URL", "https://eu.gemini.example/v1beta"), null)
                        .resolve(ProviderId.GEMINI)
                        .baseUrl());
    }

    @Test
    void theSettingsFileNeverHoldsAKey() throws Exception {
        MemoryCredentialStore store = new MemoryCredentialStore();
        ProviderConfig c = config(Map.of("OPENAI_API_KEY", "sk-env-0123456789abcdef"), store);
        c.saveSettings(ProviderId.OPENAI, null, List.of("gpt-4o-mini", "gpt-5"));
        c.saveSettings(ProviderId.COMPATIBLE, "http://localhost:11434/v1", List.of("llama3.2"));
        String json = Files.readString(dir.resolve("providers.json"));
        assertFalse(json.contains("sk-env"));
        assertFalse(json.toLowerCase().contains("key"));
        assertTrue(json.contains("llama3.2"));
        assertEquals(List.of("gpt-4o-mini", "gpt-5"), c.defaultModels(ProviderId.OPENAI));
        assertEquals("default", c.baseUrlSource(ProviderId.OPENAI, null), "a null base URL saves none");
    }

    @Test
    void timeoutsComeFromTheSettingsFileAndSurviveSaving() throws Exception {
        Files.writeString(dir.resolve("providers.json"), """
                {"anthropic": {"baseUrl": "https://gw.example.com/anthropic", "callTimeoutSeconds": 900,
                               "streamIdleTimeoutSeconds": 240.5, "readTimeoutSeconds": 90}}
                """);
        ProviderConfig c = config(Map.of(), null);
        ProviderSettings s = c.resolve(ProviderId.ANTHROPIC);
        assertEquals(Duration.ofSeconds(900), s.callTimeout());
        assertEquals(Duration.ofMillis(240_500), s.streamIdleTimeout());
        assertEquals(Duration.ofSeconds(90), s.readTimeout());
        assertEquals("https://gw.example.com/anthropic", s.baseUrl());

        c.saveSettings(ProviderId.ANTHROPIC, null, List.of("claude-sonnet-4-5"));
        ProviderSettings again = c.resolve(ProviderId.ANTHROPIC);
        assertEquals(Duration.ofSeconds(900), again.callTimeout(), "saving from Settings keeps them");
        assertEquals(Duration.ofMillis(240_500), again.streamIdleTimeout());
        assertEquals("https://api.anthropic.com", again.baseUrl(), "the base URL was cleared");
    }

    @Test
    void withoutSettingsTheDefaultsAndTheRealEndpointsApply() throws Exception {
        ProviderConfig c = config(Map.of(), null);
        for (ProviderId id : ProviderId.values()) {
            ProviderSettings s = c.resolve(id);
            assertEquals(ProviderSettings.DEFAULT_CALL_TIMEOUT, s.callTimeout());
            assertEquals(Duration.ofMinutes(5), s.callTimeout());
            assertEquals(Duration.ofMinutes(2), s.streamIdleTimeout());
            assertEquals(Duration.ofSeconds(60), s.readTimeout());
            assertEquals(id.defaultBaseUrl(), s.baseUrl());
        }
        assertEquals("https://api.openai.com/v1", ProviderId.OPENAI.defaultBaseUrl());
        assertEquals("https://api.anthropic.com", ProviderId.ANTHROPIC.defaultBaseUrl());
        assertEquals("https://generativelanguage.googleapis.com/v1beta", ProviderId.GEMINI.defaultBaseUrl());
    }

    @Test
    void aBadTimeoutInTheSettingsFileSaysWhereAndWhatToDo() throws Exception {
        Files.writeString(dir.resolve("providers.json"), "{\"gemini\": {\"streamIdleTimeoutSeconds\": \"soon\"}}");
        IOException e = Assertions.assertThrows(
                IOException.class, () -> config(Map.of(), null).resolve(ProviderId.GEMINI));
        assertTrue(
                e.getMessage().contains("gemini.streamIdleTimeoutSeconds must be a number of seconds"), e.getMessage());
        assertTrue(e.getMessage().contains("fix or remove it"), e.getMessage());
    }
}
