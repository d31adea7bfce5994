// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.provider;

import java.util.Locale;

/** The API families CostBench talks to. {@link #COMPATIBLE} is any OpenAI-compatible server (Ollama, vLLM, …). */
public enum ProviderId {
    OPENAI("OpenAI", "https://api.openai.com/v1", "OPENAI_API_KEY", "OPENAI_BASE_URL"),
    ANTHROPIC("Anthropic", "https://api.anthropic.com", "ANTHROPIC_API_KEY", "ANTHROPIC_BASE_URL"),
    GEMINI("Google Gemini", "https://generativelanguage.googleapis.com/v1beta", "GEMINI_API_KEY", "GEMINI_BASE_URL"),
    COMPATIBLE(
            "OpenAI-compatible server",
            "http://localhost:11434/v1",
            "OPENAI_COMPATIBLE_API_KEY",
            "OPENAI_COMPATIBLE_BASE_URL");

    private final String displayName;
    private final String defaultBaseUrl;
    private final String keyVariable;
    private final String baseUrlVariable;

    ProviderId(String displayName, String defaultBaseUrl, String keyVariable, String baseUrlVariable) {
        this.displayName = displayName;
        this.defaultBaseUrl = defaultBaseUrl;
        this.keyVariable = keyVariable;
        this.baseUrlVariable = baseUrlVariable;
    }

    public String displayName() {
        return displayName;
    }

    /** The real endpoint (for COMPATIBLE: Ollama's default local address). */
    public String defaultBaseUrl() {
        return defaultBaseUrl;
    }

    /** The conventional environment variable holding the key ({@code GOOGLE_API_KEY} is also read for Gemini). */
    public String keyVariable() {
        return keyVariable;
    }

    public String baseUrlVariable() {
        return baseUrlVariable;
    }

    /** The catalog's provider name ("openai", "anthropic", "google") for this API family. */
    public String catalogProvider() {
        return this == GEMINI ? "google" : name().toLowerCase(Locale.ROOT);
    }

    /**
     * The API family that serves a catalog provider's models: OpenAI, Anthropic and Google natively, every other
     * host as an OpenAI-compatible server (the inverse of {@link #catalogProvider()}).
     */
    public static ProviderId servingCatalogProvider(String catalogProvider) {
        for (ProviderId p : values()) {
            if (p != COMPATIBLE && p.catalogProvider().equals(catalogProvider)) {
                return p;
            }
        }
        return COMPATIBLE;
    }

    public static ProviderId parse(String s) {
        String k = s.trim().toLowerCase(Locale.ROOT);
        switch (k) {
            case "openai":
                return OPENAI;
            case "anthropic":
            case "claude":
                return ANTHROPIC;
            case "gemini":
            case "google":
                return GEMINI;
            case "compatible":
            case "openai-compatible":
            case "ollama":
            case "vllm":
            case "llama.cpp":
            case "lmstudio":
            case "openrouter":
                return COMPATIBLE;
            default:
                throw new IllegalArgumentException(
                        "unknown provider '" + s + "' (use openai, anthropic, gemini or compatible)");
        }
    }
}
