// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CatalogNamesTest {

    @Test
    void everyProviderInTheBuiltInCatalogHasADisplayName() {
        Catalog c = CatalogBuilder.builtIn();
        for (ModelEntry m : c.models()) {
            assertTrue(ProviderNames.isKnown(m.provider()), m.id() + ": provider '" + m.provider() + "' has no name");
            assertTrue(!m.providerName().equals(m.provider()), m.id() + " shows its provider id");
        }
    }

    @Test
    void providerIdsBecomeTheNamesPeopleKnow() {
        assertEquals("OpenAI", ProviderNames.displayName("openai"));
        assertEquals("Google", ProviderNames.displayName("google"));
        assertEquals("Groq", ProviderNames.displayName("groq"));
        assertEquals("Mistral", ProviderNames.displayName("mistral"));
        assertEquals("DeepSeek", ProviderNames.displayName("deepseek"));
        assertEquals("My Lab", ProviderNames.displayName("my-lab"));
        assertEquals("Unknown provider", ProviderNames.displayName(null));
    }

    @Test
    void everySourceInTheBuiltInCatalogHasAShortName() {
        Catalog c = CatalogBuilder.builtIn();
        for (String key : c.sources().keySet()) {
            assertTrue(SourceNames.isKnown(key), "source key " + key + " has no short name");
        }
        assertEquals("models.dev", SourceNames.name(c, "MD"));
        assertEquals("LiteLLM price list", SourceNames.name(c, "LL"));
    }

    @Test
    void anUnlistedSourceIsNamedByTheStartOfItsDescription() {
        assertEquals("example.com/prices", SourceNames.name("MY", "example.com/prices (read 2026-01-02)"));
        assertEquals("MY", SourceNames.name("MY", null));
    }
}
