// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.provider;

import java.time.Duration;
import java.util.Objects;

/**
 * How to reach one provider.
 *
 * @param id             the API family
 * @param baseUrl        e.g. {@code https://api.openai.com/v1}; a gateway, proxy or local server when overridden
 * @param key            the API key, or null (local servers often need none)
 * @param connectTimeout TCP connect timeout
 * @param readTimeout    longest silence between bytes (streams included)
 * @param callTimeout    the whole call, retries excluded
 * @param maxRetries     retries after the first attempt for retryable failures
 * @param maxConcurrent  requests in flight at once to this provider
 */
public record ProviderSettings(ProviderId id, String baseUrl, Secret key, Duration connectTimeout,
                               Duration readTimeout, Duration callTimeout, int maxRetries, int maxConcurrent) {

    public ProviderSettings {
        Objects.requireNonNull(id, "id");
        baseUrl = baseUrl == null || baseUrl.isBlank() ? id.defaultBaseUrl() : stripSlash(baseUrl.trim());
    }

    public static ProviderSettings defaults(ProviderId id, Secret key) {
        return new ProviderSettings(id, id.defaultBaseUrl(), key, Duration.ofSeconds(10), Duration.ofSeconds(60),
                Duration.ofMinutes(5), 3, 4);
    }

    public ProviderSettings withBaseUrl(String url) {
        return new ProviderSettings(id, url, key, connectTimeout, readTimeout, callTimeout, maxRetries, maxConcurrent);
    }

    public ProviderSettings withKey(Secret k) {
        return new ProviderSettings(id, baseUrl, k, connectTimeout, readTimeout, callTimeout, maxRetries, maxConcurrent);
    }

    public ProviderSettings withTimeouts(Duration connect, Duration read, Duration call) {
        return new ProviderSettings(id, baseUrl, key, connect, read, call, maxRetries, maxConcurrent);
    }

    public ProviderSettings withRetries(int n) {
        return new ProviderSettings(id, baseUrl, key, connectTimeout, readTimeout, callTimeout, n, maxConcurrent);
    }

    private static String stripSlash(String s) {
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }
}
