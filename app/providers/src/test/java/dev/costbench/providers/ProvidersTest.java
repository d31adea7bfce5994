// SPDX-License-Identifier: Apache-2.0
package dev.costbench.providers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.costbench.model.provider.ProviderClient;
import dev.costbench.model.provider.ProviderId;
import dev.costbench.model.provider.ProviderSettings;
import dev.costbench.model.provider.Secret;
import dev.costbench.providers.compatible.CompatibleClient;
import dev.costbench.providers.openai.OpenAiClient;
import org.junit.jupiter.api.Test;

class ProvidersTest {

    @Test
    void openAiAndCompatibleAreBuiltIn() {
        assertTrue(
                Providers.client(ProviderSettings.defaults(ProviderId.OPENAI, new Secret("sk-x", null)))
                        instanceof OpenAiClient);
        assertTrue(
                Providers.client(ProviderSettings.defaults(ProviderId.COMPATIBLE, null)) instanceof CompatibleClient);
    }

    @Test
    void anthropicAndGeminiAreFoundByNameOrReportedMissing() {
        for (ProviderId id : new ProviderId[] {ProviderId.ANTHROPIC, ProviderId.GEMINI}) {
            String name = id == ProviderId.ANTHROPIC ? Providers.ANTHROPIC_CLIENT : Providers.GEMINI_CLIENT;
            ProviderSettings s = ProviderSettings.defaults(id, new Secret("k", null));
            if (present(name)) {
                assertEquals(id, Providers.client(s).id());
            } else {
                IllegalStateException e = assertThrows(IllegalStateException.class, () -> Providers.client(s));
                assertTrue(e.getMessage().contains("not part of this build"), e.getMessage());
                assertTrue(e.getMessage().contains(id.displayName()), e.getMessage());
            }
        }
    }

    @Test
    void lookupByNameUsesTheSettingsConstructor() {
        ProviderSettings s = ProviderSettings.defaults(ProviderId.ANTHROPIC, null);
        ProviderClient c = Providers.byName(FakeClient.class.getName(), s);
        assertEquals(ProviderId.ANTHROPIC, c.id());
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> Providers.byName(FakeClient.class.getName(), s.withBaseUrl("http://explode")));
        assertEquals("bad base URL", e.getMessage(), "the client's own error comes through unwrapped");
        assertThrows(IllegalStateException.class, () -> Providers.byName(String.class.getName(), s));
    }

    private static boolean present(String name) {
        try {
            Class.forName(name);
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }
}
