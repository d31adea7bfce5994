// SPDX-License-Identifier: Apache-2.0
package dev.costbench.providers.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.costbench.model.provider.CancelToken;
import dev.costbench.model.provider.ProviderException;
import dev.costbench.model.provider.ProviderException.Kind;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * The calls batch APIs need beyond {@link HttpEngine}'s JSON calls, on the same engine (timeouts, retries,
 * concurrency limit, same-origin redirects, key redaction): a call that creates something and so must not be
 * repeated after a server error, and a JSONL download read line by line.
 */
public final class BatchTransfers {

    /** Receives one line of a text answer (JSONL). */
    @FunctionalInterface
    public interface LineSink {
        void line(String line) throws ProviderException;
    }

    private final HttpEngine http;

    public BatchTransfers(HttpEngine http) {
        this.http = http;
    }

    /**
     * Sends a prepared request (a multipart upload, a call that creates something) and reads the JSON answer. When
     * {@code once} is true only a 429 is retried (the server refused the request without acting on it); a 5xx or a
     * network failure is not, since the server may have acted on it and a second attempt could act twice.
     */
    public HttpEngine.JsonResponse sendJson(Request.Builder request, CancelToken cancel, boolean once)
            throws ProviderException {
        Request req = request.build();
        boolean[] rateLimited = {false};
        return http.withRetries(cancel, () -> !once || rateLimited[0], deadline -> {
            try {
                return http.executeJson(req, cancel, deadline);
            } catch (ProviderException e) {
                rateLimited[0] = e.kind() == Kind.RATE_LIMIT;
                throw e;
            }
        });
    }

    /** A JSON POST for a call that creates something: only a 429 is retried (see {@link #sendJson}). */
    public HttpEngine.JsonResponse postJsonOnce(String path, Headers headers, JsonNode body, CancelToken cancel)
            throws ProviderException {
        return sendJson(
                new Request.Builder()
                        .url(http.url(path))
                        .headers(headers)
                        .post(RequestBody.create(http.write(body), HttpEngine.JSON)),
                cancel,
                true);
    }

    /**
     * GETs a text answer (a JSONL results file) and feeds it to {@code sink} line by line, without holding it in
     * memory. A failure before the first line is retried like any call; after it, never (the sink has seen lines).
     * An address on another host than the base URL is refused: the key is never sent there.
     *
     * @param url a path under the base URL ("/files/x/content") or an absolute URL of the same origin
     */
    public void getLines(String url, Headers headers, CancelToken cancel, LineSink sink) throws ProviderException {
        HttpUrl target = HttpUrl.parse(url.startsWith("/") ? http.url(url) : url);
        HttpUrl base = HttpUrl.parse(http.settings().baseUrl());
        if (target == null || base == null || !Transport.sameOrigin(base, target)) {
            throw new ProviderException(
                    http.provider(),
                    Kind.BAD_REQUEST,
                    0,
                    http.redact(http.provider().displayName() + " named a download address on another host (" + url
                            + ") than its base URL (" + http.settings().baseUrl() + "); CostBench does not send the"
                            + " API key there. Check the base URL in the Providers tab"),
                    null,
                    null,
                    null);
        }
        Request req = new Request.Builder().url(target).headers(headers).get().build();
        boolean[] started = {false};
        http.withRetries(cancel, () -> !started[0], deadline -> {
            try (Response r = http.wire().send(req, cancel, deadline)) {
                if (!r.isSuccessful()) {
                    throw http.failure(r.code(), r.headers(), HttpEngine.bodyOf(r), null);
                }
                BufferedReader in =
                        new BufferedReader(new InputStreamReader(r.body().byteStream(), StandardCharsets.UTF_8));
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    if (cancel.isCancelled()) {
                        throw http.cancelled();
                    }
                    if (!line.isBlank()) {
                        started[0] = true;
                        sink.line(line);
                    }
                }
                return null;
            } catch (IOException e) {
                throw http.transport(e, cancel, deadline);
            }
        });
    }
}
