// SPDX-License-Identifier: Apache-2.0
package dev.costbench.providers.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.costbench.model.provider.CancelToken;
import dev.costbench.model.provider.ProviderException;
import dev.costbench.model.provider.ProviderException.Kind;
import dev.costbench.model.provider.ProviderId;
import dev.costbench.model.provider.ProviderSettings;
import dev.costbench.model.provider.Secret;
import dev.costbench.model.validation.JsonReading;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import okhttp3.Headers;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * The HTTP part every provider client shares: JSON and server-sent-event calls with timeouts, retries with
 * exponential backoff and jitter on 429 / 5xx / network errors (honouring {@code Retry-After},
 * {@code retry-after-ms} and OpenAI's {@code x-ratelimit-reset-*}), no retry on other 4xx, a per-provider
 * concurrency limit, cancellation (also while queued for that limit), and errors that
 * name the provider, say what happened and keep the body with the key redacted.
 *
 * <p>Each call has one deadline, {@link ProviderSettings#callTimeout()}, from the moment it holds a concurrency
 * slot: all attempts, redirects, waits between retries and the whole of a streamed answer fit in it. Redirects
 * are handled by {@link Transport}: only same-origin ones are followed.
 */
public final class HttpEngine {

    static final MediaType JSON = MediaType.get("application/json; charset=utf-8");
    private static final ObjectMapper MAPPER = JsonReading.mapper();
    private static final Map<String, Semaphore> LIMITS = new ConcurrentHashMap<>();
    static final Duration MAX_BACKOFF = Duration.ofSeconds(30);
    /** A server asking for a longer wait than this is not retried: the error (with its hint) goes to the user. */
    static final Duration MAX_RETRY_AFTER = Duration.ofSeconds(60);
    /** Where users change the timeouts, in their words. */
    static final String SETTINGS_FILE = "providers.json in the CostBench data directory";

    private final ProviderSettings settings;
    private final Transport transport;
    private final Semaphore limit;
    private final Sleeper sleeper;
    private final TransportFailures failures;
    private Duration baseBackoff = Duration.ofMillis(500);

    /** How the engine waits between retries (tests replace it to run fast and record the waits). */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration d, CancelToken cancel) throws InterruptedException;
    }

    /** Receives each server-sent event: its {@code event:} name (null when absent) and its joined {@code data:}. */
    @FunctionalInterface
    public interface SseListener {
        void onEvent(String event, String data) throws ProviderException;

        /**
         * True for an event that only keeps the connection alive (Anthropic's {@code ping}): it is not passed to
         * {@link #onEvent}, is not content for the stream idle limit, and does not stop a retry.
         */
        default boolean keepAlive(String event, String data) {
            return false;
        }

        /**
         * Called just before each attempt sends the request, with {@link System#nanoTime()}: time to first token is
         * measured from here, so waits between retries are not counted.
         */
        default void onRequestSent(long nanoTime) {}
    }

    /** A JSON answer with the time it took. */
    public record JsonResponse(JsonNode json, String raw, Headers headers, Duration latency) {}

    public HttpEngine(ProviderSettings settings) {
        this(settings, HttpEngine::defaultSleep);
    }

    public HttpEngine(ProviderSettings settings, Sleeper sleeper) {
        this.settings = settings;
        this.sleeper = sleeper;
        this.transport = new Transport(settings, this::redact);
        this.failures = new TransportFailures(settings, this::redact);
        this.limit = LIMITS.computeIfAbsent(
                settings.id() + " " + settings.baseUrl(),
                k -> new Semaphore(Math.max(1, settings.maxConcurrent()), true));
    }

    /** The first retry waits about this long (doubling after each), unless the server says otherwise. */
    public HttpEngine withBaseBackoff(Duration d) {
        this.baseBackoff = d;
        return this;
    }

    public ProviderSettings settings() {
        return settings;
    }

    /** The transport every call of this engine goes through (same-origin redirects only). */
    Transport wire() {
        return transport;
    }

    public ProviderId provider() {
        return settings.id();
    }

    /** This engine, after checking that its settings are {@code expected}'s, the provider {@code client} serves. */
    public HttpEngine requireProvider(ProviderId expected, Class<?> client) {
        if (provider() != expected) {
            throw new IllegalArgumentException(
                    client.getSimpleName() + " needs " + expected + " settings, not " + provider());
        }
        return this;
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** {@code baseUrl + path}; {@code path} starts with '/'. */
    public String url(String path) {
        return settings.baseUrl() + path;
    }

    public JsonResponse getJson(String path, Headers headers, CancelToken cancel) throws ProviderException {
        return json(new Request.Builder().url(url(path)).headers(headers).get(), cancel);
    }

    public JsonResponse postJson(String path, Headers headers, JsonNode body, CancelToken cancel)
            throws ProviderException {
        String text = write(body);
        return json(new Request.Builder().url(url(path)).headers(headers).post(RequestBody.create(text, JSON)), cancel);
    }

    /** Sends {@code request} with retries and reads the JSON answer. */
    private JsonResponse json(Request.Builder request, CancelToken cancel) throws ProviderException {
        Request req = request.build();
        return withRetries(cancel, () -> true, deadline -> executeJson(req, cancel, deadline));
    }

    /**
     * Sends one request once (no retries, no concurrency slot) under its own {@link ProviderSettings#callTimeout()}
     * deadline, with the same redirect rules as every other call; the caller closes the answer. For calls that
     * must not be repeated, such as Gemini's file upload.
     *
     * @throws ProviderException for a refused redirect
     * @throws IOException       for network failures and timeouts
     */
    public Response sendOnce(Request req, CancelToken cancel) throws IOException, ProviderException {
        return transport.send(req, cancel, Deadline.after(settings.callTimeout()));
    }

    /**
     * Posts {@code body} and feeds the event stream to {@code listener}. A failure before the stream delivered any
     * content (keep-alives do not count) is retried like any call; once content has arrived a failure is never
     * retried, since the provider bills what it already generated, and the error says so. A stream that goes
     * {@link ProviderSettings#streamIdleTimeout()} without content is cut off.
     */
    public Duration postSse(String path, Headers headers, JsonNode body, CancelToken cancel, SseListener listener)
            throws ProviderException {
        String text = write(body);
        boolean[] started = {false};
        return withRetries(cancel, () -> !started[0], deadline -> {
            Request req = new Request.Builder()
                    .url(url(path))
                    .headers(headers)
                    .header("Accept", "text/event-stream")
                    .post(RequestBody.create(text, JSON))
                    .build();
            long t0 = System.nanoTime();
            listener.onRequestSent(t0);
            SseReader reader = new SseReader(listener, settings.streamIdleTimeout());
            try (Response r = transport.send(req, cancel, deadline)) {
                if (!r.isSuccessful()) {
                    throw failure(r.code(), r.headers(), bodyOf(r), null);
                }
                try {
                    reader.read(
                            new BufferedReader(new InputStreamReader(r.body().byteStream(), StandardCharsets.UTF_8)),
                            cancel);
                } catch (ProviderException e) {
                    started[0] = reader.contentStarted();
                    throw started[0] && e.kind() != Kind.CANCELLED ? afterContent(e) : e;
                } catch (IOException e) {
                    started[0] = reader.contentStarted();
                    if (cancel.isCancelled()) {
                        throw cancelled();
                    }
                    throw streamBroken(e, r.code(), started[0], deadline);
                }
                started[0] = reader.contentStarted();
                if (cancel.isCancelled()) {
                    throw cancelled();
                }
                return Duration.ofNanos(System.nanoTime() - t0);
            } catch (IOException e) {
                started[0] = reader.contentStarted();
                throw transport(e, cancel, deadline);
            }
        });
    }

    /** Said of every failure after a stream delivered content. */
    static final String BILLED_NOT_RETRIED = "What the stream had already delivered is billed, so CostBench did not"
            + " retry the call (a retry would be billed again)";

    private ProviderException afterContent(ProviderException e) {
        return new ProviderException(
                e.provider(),
                e.kind(),
                e.httpStatus(),
                e.getMessage() + ". " + BILLED_NOT_RETRIED,
                e.retryAfter(),
                e.body(),
                e);
    }

    private ProviderException streamBroken(IOException e, int status, boolean content, Deadline deadline) {
        return failures.streamBroken(e, status, content, deadline);
    }

    // ---------------------------------------------------------------------------------------------------------

    @FunctionalInterface
    interface Attempt<T> {
        T run(Deadline deadline) throws ProviderException;
    }

    <T> T withRetries(CancelToken cancel, BooleanSupplier mayRetry, Attempt<T> attempt) throws ProviderException {
        if (cancel.isCancelled()) {
            throw cancelled();
        }
        acquire(cancel);
        Deadline deadline = Deadline.after(settings.callTimeout());
        try {
            for (int n = 0; ; n++) {
                try {
                    return attempt.run(deadline);
                } catch (ProviderException e) {
                    if (!e.kind().retryable()
                            || !mayRetry.getAsBoolean()
                            || n >= settings.maxRetries()
                            || cancel.isCancelled()
                            || (e.retryAfter() != null && e.retryAfter().compareTo(MAX_RETRY_AFTER) > 0)) {
                        throw cancel.isCancelled() ? cancelled() : e;
                    }
                    Duration wait = backoff(n, e.retryAfter());
                    if (deadline.endsBefore(wait)) {
                        throw e; // no time left for another attempt within the call's deadline
                    }
                    try {
                        sleeper.sleep(wait, cancel);
                    } catch (InterruptedException ie) {
                        Thread.currentThread().interrupt();
                        throw cancelled();
                    }
                    if (cancel.isCancelled()) {
                        throw cancelled();
                    }
                }
            }
        } finally {
            limit.release();
        }
    }

    /**
     * Takes a slot of the per-provider limit, waiting at most the call timeout. The wait is sliced so that a
     * request queued behind others can be cancelled before it is sent.
     */
    private void acquire(CancelToken cancel) throws ProviderException {
        long end = System.nanoTime() + settings.callTimeout().toNanos();
        try {
            while (!limit.tryAcquire(50, TimeUnit.MILLISECONDS)) {
                if (cancel.isCancelled()) {
                    throw cancelled();
                }
                if (System.nanoTime() - end > 0) {
                    throw new ProviderException(
                            provider(),
                            Kind.TIMEOUT,
                            0,
                            "Too many requests to "
                                    + provider().displayName() + " are in flight; none finished within "
                                    + settings.callTimeout().toSeconds() + " s",
                            null,
                            null,
                            null);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw cancelled();
        }
        if (cancel.isCancelled()) {
            limit.release();
            throw cancelled();
        }
    }

    /**
     * The wait before retry {@code n} (0-based): the server's hint if any (hints above {@link #MAX_RETRY_AFTER}
     * are not retried at all), else exponential with jitter: between half and all of
     * {@code min(30 s, base * 2^n)}.
     */
    Duration backoff(int n, Duration retryAfter) {
        if (retryAfter != null) {
            return retryAfter.compareTo(MAX_RETRY_AFTER) > 0 ? MAX_RETRY_AFTER : retryAfter;
        }
        long cap = Math.min(MAX_BACKOFF.toMillis(), baseBackoff.toMillis() << Math.min(n, 16));
        return Duration.ofMillis(cap / 2 + ThreadLocalRandom.current().nextLong(cap / 2 + 1));
    }

    JsonResponse executeJson(Request req, CancelToken cancel, Deadline deadline) throws ProviderException {
        long t0 = System.nanoTime();
        String raw;
        try (Response r = transport.send(req, cancel, deadline)) {
            raw = bodyOf(r);
            if (!r.isSuccessful()) {
                throw failure(r.code(), r.headers(), raw, null);
            }
            Duration took = Duration.ofNanos(System.nanoTime() - t0);
            return new JsonResponse(parse(raw, r.code()), raw, r.headers(), took);
        } catch (IOException e) {
            throw transport(e, cancel, deadline);
        }
    }

    /** Parses a body the API documents as JSON; anything else is a MALFORMED error that keeps the body. */
    public JsonNode parse(String raw, int status) throws ProviderException {
        try {
            JsonNode n = MAPPER.readTree(raw);
            if (n == null || n.isMissingNode()) {
                throw new IOException("empty body");
            }
            return n;
        } catch (IOException e) {
            // no cause: the parser's message quotes the offending token, which may be the key
            throw malformed(
                    "its answer is not valid JSON ("
                            + String.valueOf(e.getMessage()).split("\n")[0] + ")",
                    raw,
                    status,
                    null);
        }
    }

    /**
     * A stream that ended cleanly but before the answer was complete; when it had delivered anything the message
     * adds that this was billed and not retried.
     */
    public ProviderException incomplete(String what, String raw, boolean delivered) {
        ProviderException e = malformed(what, raw, 200, null);
        return delivered
                ? new ProviderException(
                        e.provider(),
                        e.kind(),
                        e.httpStatus(),
                        e.getMessage() + " " + BILLED_NOT_RETRIED + ".",
                        null,
                        e.body(),
                        null)
                : e;
    }

    /** An answer that parsed but lacks what the API documents. */
    public ProviderException malformed(String what, String raw, int status, Throwable cause) {
        return new ProviderException(
                provider(),
                Kind.MALFORMED,
                status,
                redact(provider().displayName() + " sent an unexpected answer: " + what
                        + ". The raw body is kept for inspection."),
                null,
                redact(raw),
                cause);
    }

    static String bodyOf(Response r) throws IOException {
        ResponseBody b = r.body();
        return b == null ? "" : b.string();
    }

    String write(JsonNode body) {
        try {
            return MAPPER.writeValueAsString(body);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    ProviderException cancelled() {
        return new ProviderException(provider(), Kind.CANCELLED, 0, "Cancelled", null, null, null);
    }

    ProviderException transport(IOException e, CancelToken cancel, Deadline deadline) {
        return cancel.isCancelled() ? cancelled() : failures.transport(e, deadline);
    }

    /** Maps an HTTP error to a user-facing message, e.g. "Anthropic rejected the API key (401): invalid x-api-key". */
    ProviderException failure(int status, Headers headers, String raw, Throwable cause) {
        return HttpFailures.failure(provider(), settings.baseUrl(), this::redact, status, headers, raw, cause);
    }

    static Duration retryAfter(Headers h, String body) {
        return HttpFailures.retryAfter(h, body);
    }

    static Duration retryAfter(Headers h) {
        return HttpFailures.retryAfter(h);
    }

    static Duration goDuration(String s) {
        return HttpFailures.goDuration(s);
    }

    /** The body or message with the API key (if any) removed. */
    public String redact(String s) {
        Secret k = settings.key();
        return k == null ? s : k.redact(s);
    }

    private static void defaultSleep(Duration d, CancelToken cancel) throws InterruptedException {
        long end = System.nanoTime() + d.toNanos();
        while (!cancel.isCancelled()) {
            long left = end - System.nanoTime();
            if (left <= 0) {
                return;
            }
            Thread.sleep(Math.min(TimeUnit.NANOSECONDS.toMillis(left) + 1, 100));
        }
    }
}
