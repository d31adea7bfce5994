// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.provider;

import java.time.Duration;
import java.util.Objects;

/**
 * How to reach one provider.
 *
 * @param id                the API family
 * @param baseUrl           e.g. {@code https://api.openai.com/v1}; a gateway, proxy or local server when overridden
 * @param key               the API key, or null (local servers often need none)
 * @param connectTimeout    TCP connect timeout
 * @param readTimeout       longest silence between bytes (streams included)
 * @param callTimeout       the deadline for one API call from the moment it holds a concurrency slot: every
 *                          attempt, redirect and wait between retries, streamed answers included (the wait for a
 *                          slot is bounded by the same duration, separately)
 * @param maxRetries        retries after the first attempt for retryable failures
 * @param maxConcurrent     requests in flight at once to this provider
 * @param streamIdleTimeout longest time a stream may go without content (keep-alive comments and pings do not
 *                          count) before it is cut off
 */
public record ProviderSettings(
        ProviderId id,
        String baseUrl,
        Secret key,
        Duration connectTimeout,
        Duration readTimeout,
        Duration callTimeout,
        int maxRetries,
        int maxConcurrent,
        Duration streamIdleTimeout) {

    /** Default for {@link #callTimeout()}. */
    public static final Duration DEFAULT_CALL_TIMEOUT = Duration.ofMinutes(5);
    /** Default for {@link #streamIdleTimeout()}. */
    public static final Duration DEFAULT_STREAM_IDLE_TIMEOUT = Duration.ofMinutes(2);

    public ProviderSettings {
        Objects.requireNonNull(id, "id");
        baseUrl = baseUrl == null || baseUrl.isBlank() ? id.defaultBaseUrl() : stripSlash(baseUrl.trim());
        streamIdleTimeout = streamIdleTimeout == null ? DEFAULT_STREAM_IDLE_TIMEOUT : streamIdleTimeout;
    }

    /** Settings with the default stream idle limit. */
    public ProviderSettings(
            ProviderId id,
            String baseUrl,
            Secret key,
            Duration connectTimeout,
            Duration readTimeout,
            Duration callTimeout,
            int maxRetries,
            int maxConcurrent) {
        this(id, baseUrl, key, connectTimeout, readTimeout, callTimeout, maxRetries, maxConcurrent, null);
    }

    public static ProviderSettings defaults(ProviderId id, Secret key) {
        return new ProviderSettings(
                id,
                id.defaultBaseUrl(),
                key,
                Duration.ofSeconds(10),
                Duration.ofSeconds(60),
                DEFAULT_CALL_TIMEOUT,
                3,
                4,
                DEFAULT_STREAM_IDLE_TIMEOUT);
    }

    public ProviderSettings withBaseUrl(String url) {
        return new ProviderSettings(
                id, url, key, connectTimeout, readTimeout, callTimeout, maxRetries, maxConcurrent, streamIdleTimeout);
    }

    public ProviderSettings withKey(Secret k) {
        return new ProviderSettings(
                id, baseUrl, k, connectTimeout, readTimeout, callTimeout, maxRetries, maxConcurrent, streamIdleTimeout);
    }

    public ProviderSettings withTimeouts(Duration connect, Duration read, Duration call) {
        return withLimits(connect, read, call, maxRetries, streamIdleTimeout);
    }

    public ProviderSettings withStreamIdleTimeout(Duration idle) {
        return withLimits(connectTimeout, readTimeout, callTimeout, maxRetries, idle);
    }

    public ProviderSettings withRetries(int n) {
        return withLimits(connectTimeout, readTimeout, callTimeout, n, streamIdleTimeout);
    }

    /** These settings with other timeouts and retries (the same provider, address, key and concurrency). */
    private ProviderSettings withLimits(Duration connect, Duration read, Duration call, int retries, Duration idle) {
        return new ProviderSettings(id, baseUrl, key, connect, read, call, retries, maxConcurrent, idle);
    }

    private static String stripSlash(String s) {
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }
}
