// SPDX-License-Identifier: Apache-2.0
package dev.costbench.providers.http;

import dev.costbench.model.provider.CancelToken;
import dev.costbench.model.provider.ProviderException;
import dev.costbench.model.provider.ProviderException.Kind;
import dev.costbench.model.provider.ProviderSettings;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import okhttp3.Call;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Sends requests for every provider client, and is the one place redirects are handled. OkHttp's own redirect
 * following is off: it would carry {@code x-api-key} / {@code x-goog-api-key} (it strips only
 * {@code Authorization}) and the prompt to whatever host a server names. Here a 301, 302, 307 or 308 to the same
 * origin (scheme, host and port) is followed with the same method, headers and body, at most
 * {@value #MAX_REDIRECTS} times; a redirect to another origin is refused before anything is sent there. Other
 * 3xx answers are returned as they are (and reported as errors). Each call is bounded by the remaining
 * {@link Deadline}.
 */
final class Transport {

    /** Same-origin redirects followed for one request. */
    public static final int MAX_REDIRECTS = 5;

    private static final Set<Integer> FOLLOWED = Set.of(301, 302, 307, 308);
    private static final Pattern SECRET_PARAM =
            Pattern.compile("(?i)([?&](?:key|api[_-]?key|access_token|token|sig|signature)=)[^&#]*");

    /** One connection pool for the whole app; per-provider timeouts come from {@link OkHttpClient#newBuilder()}. */
    private static final OkHttpClient ROOT = new OkHttpClient.Builder()
            .retryOnConnectionFailure(false)
            .followRedirects(false)
            .followSslRedirects(false)
            .build();

    private final ProviderSettings settings;
    private final OkHttpClient client;
    private final UnaryOperator<String> redact;

    Transport(ProviderSettings settings, UnaryOperator<String> redact) {
        this.settings = settings;
        this.redact = redact;
        this.client = ROOT.newBuilder()
                .connectTimeout(settings.connectTimeout())
                .readTimeout(settings.readTimeout())
                .writeTimeout(settings.readTimeout())
                .build();
    }

    /** The client every request goes through (tests check that it follows no redirects by itself). */
    OkHttpClient client() {
        return client;
    }

    /**
     * Sends {@code req}, following same-origin redirects, and returns the first answer that is not one; the caller
     * closes it.
     *
     * @throws ProviderException for a redirect to another origin or too many redirects (nothing more was sent)
     * @throws IOException       for network failures and timeouts (including the deadline)
     */
    Response send(Request req, CancelToken cancel, Deadline deadline) throws IOException, ProviderException {
        Request current = req;
        for (int hop = 0; ; hop++) {
            Response r = execute(current, cancel, deadline);
            if (!FOLLOWED.contains(r.code())) {
                return r;
            }
            String location = r.header("Location");
            HttpUrl target = location == null ? null : r.request().url().resolve(location);
            if (target == null) {
                return r; // reported as an unfollowed redirect
            }
            r.close();
            if (!sameOrigin(current.url(), target)) {
                throw crossOrigin(r.code(), current.url(), target);
            }
            if (hop >= MAX_REDIRECTS) {
                throw new ProviderException(
                        settings.id(),
                        Kind.BAD_REQUEST,
                        r.code(),
                        redact.apply(settings.id().displayName() + " redirected the request more than " + MAX_REDIRECTS
                                + " times (last to " + shown(target) + "); check the base URL (" + settings.baseUrl()
                                + "; " + settings.id().baseUrlVariable() + ", --base-url or the Providers tab)"),
                        null,
                        null,
                        null);
            }
            current = current.newBuilder().url(target).build();
        }
    }

    private Response execute(Request req, CancelToken cancel, Deadline deadline) throws IOException {
        long left = deadline.remainingNanos();
        if (left <= 0) {
            throw new InterruptedIOException("timeout");
        }
        Call call = client.newCall(req);
        call.timeout().timeout(left, TimeUnit.NANOSECONDS);
        cancel.onCancel(call::cancel);
        return call.execute();
    }

    static boolean sameOrigin(HttpUrl a, HttpUrl b) {
        return a.scheme().equals(b.scheme()) && a.host().equalsIgnoreCase(b.host()) && a.port() == b.port();
    }

    /** {@code scheme://host[:port]}, the port only when it is not the scheme's default. */
    static String origin(HttpUrl u) {
        String host = u.host().contains(":") ? "[" + u.host() + "]" : u.host();
        return u.scheme() + "://" + host + (u.port() == HttpUrl.defaultPort(u.scheme()) ? "" : ":" + u.port());
    }

    /** The URL for messages: credentials in the query (e.g. Gemini's {@code ?key=}) replaced by [REDACTED]. */
    String shown(HttpUrl u) {
        String s = origin(u) + u.encodedPath() + (u.encodedQuery() == null ? "" : "?" + u.encodedQuery());
        return redact.apply(SECRET_PARAM.matcher(s).replaceAll("$1[REDACTED]"));
    }

    private ProviderException crossOrigin(int status, HttpUrl from, HttpUrl to) {
        String name = settings.id().displayName();
        String msg = name + " at " + origin(from) + " redirected the request (" + status + ") to another host, "
                + shown(to) + ". CostBench does not follow redirects to another host, so neither the API key nor"
                + " the request was sent to " + origin(to) + ". Check the base URL (now " + settings.baseUrl()
                + "; set by " + settings.id().baseUrlVariable() + ", --base-url or the Providers tab): if " + origin(to)
                + " is the right address and you trust it, make it the base URL";
        return new ProviderException(settings.id(), Kind.BAD_REQUEST, status, redact.apply(msg), null, null, null);
    }
}
