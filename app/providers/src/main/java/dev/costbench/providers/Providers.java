// SPDX-License-Identifier: Apache-2.0
package dev.costbench.providers;

import dev.costbench.model.provider.ProviderClient;
import dev.costbench.model.provider.ProviderSettings;
import dev.costbench.providers.compatible.CompatibleClient;
import dev.costbench.providers.openai.OpenAiClient;
import java.lang.reflect.InvocationTargetException;

/** Makes the client for a provider's settings. */
public final class Providers {

    static final String ANTHROPIC_CLIENT = "dev.costbench.providers.anthropic.AnthropicClient";
    static final String GEMINI_CLIENT = "dev.costbench.providers.gemini.GeminiClient";

    private Providers() {}

    /**
     * The client for {@code s.id()}. The Anthropic and Gemini clients are looked up by name (a public constructor
     * taking {@link ProviderSettings}), so this module builds with or without them.
     *
     * @throws IllegalStateException when that client is not in this build
     */
    public static ProviderClient client(ProviderSettings s) {
        switch (s.id()) {
            case OPENAI:
                return new OpenAiClient(s);
            case COMPATIBLE:
                return new CompatibleClient(s);
            case ANTHROPIC:
                return byName(ANTHROPIC_CLIENT, s);
            case GEMINI:
                return byName(GEMINI_CLIENT, s);
            default:
                throw new IllegalStateException("no client for " + s.id());
        }
    }

    static ProviderClient byName(String className, ProviderSettings s) {
        Class<?> c;
        try {
            c = Class.forName(className);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(
                    "The " + s.id().displayName() + " client is not part of this build (" + className + " is missing)",
                    e);
        }
        try {
            return (ProviderClient) c.getConstructor(ProviderSettings.class).newInstance(s);
        } catch (InvocationTargetException e) {
            Throwable t = e.getCause();
            if (t instanceof RuntimeException) {
                throw (RuntimeException) t;
            }
            throw new IllegalStateException("The " + s.id().displayName() + " client failed to start: " + t, t);
        } catch (ReflectiveOperationException | ClassCastException e) {
            throw new IllegalStateException(
                    className + " is not a ProviderClient with a public (ProviderSettings)" + " constructor", e);
        }
    }
}
