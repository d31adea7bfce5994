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
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import okhttp3.Call;
import okhttp3.Headers;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
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
 */
public final class HttpEngine {

    private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");
    private static final ObjectMapper MAPPER = new ObjectMapper();
    /** One connection pool for the whole app; per-provider timeouts come from {@link OkHttpClient#newBuilder()}. */
    private static final OkHttpClient ROOT = new OkHttpClient.Builder().retryOnConnectionFailure(false).build();
    private static final Map<String, Semaphore> LIMITS = new ConcurrentHashMap<>();
    static final Duration MAX_BACKOFF = Duration.ofSeconds(30);
    /** A server asking for a longer wait than this is not retried: the error (with its hint) goes to the user. */
    static final Duration MAX_RETRY_AFTER = Duration.ofSeconds(60);

    private final ProviderSettings settings;
    private final OkHttpClient client;
    private final Semaphore limit;
    private final Sleeper sleeper;
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
         * Called just before each attempt sends the request, with {@link System#nanoTime()}: time to first token is
         * measured from here, so waits between retries are not counted.
         */
        default void onRequestSent(long nanoTime) {
        }
    }

    /** A JSON answer with the time it took. */
    public record JsonResponse(JsonNode json, String raw, Headers headers, Duration latency) {
    }

    public HttpEngine(ProviderSettings settings) {
        this(settings, HttpEngine::defaultSleep);
    }

    public HttpEngine(ProviderSettings settings, Sleeper sleeper) {
        this.settings = settings;
        this.sleeper = sleeper;
        this.client = ROOT.newBuilder()
                .connectTimeout(settings.connectTimeout())
                .readTimeout(settings.readTimeout())
                .writeTimeout(settings.readTimeout())
                .callTimeout(settings.callTimeout())
                .build();
        this.limit = LIMITS.computeIfAbsent(settings.id() + " " + settings.baseUrl(),
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

    public ProviderId provider() {
        return settings.id();
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** {@code baseUrl + path}; {@code path} starts with '/'. */
    public String url(String path) {
        return settings.baseUrl() + path;
    }

    public JsonResponse getJson(String path, Headers headers, CancelToken cancel) throws ProviderException {
        return withRetries(cancel, () -> executeJson(new Request.Builder().url(url(path)).headers(headers).get()
                .build(), cancel));
    }

    public JsonResponse postJson(String path, Headers headers, JsonNode body, CancelToken cancel)
            throws ProviderException {
        String text = write(body);
        return withRetries(cancel, () -> executeJson(new Request.Builder().url(url(path)).headers(headers)
                .post(RequestBody.create(text, JSON)).build(), cancel));
    }

    /**
     * Posts {@code body} and feeds the event stream to {@code listener}. A failure before the first event is
     * retried like any call; once events have arrived a broken stream fails (the answer would be partial).
     */
    public Duration postSse(String path, Headers headers, JsonNode body, CancelToken cancel, SseListener listener)
            throws ProviderException {
        String text = write(body);
        boolean[] started = {false};
        return withRetries(cancel, () -> !started[0], () -> {
            Request req = new Request.Builder().url(url(path)).headers(headers).header("Accept", "text/event-stream")
                    .post(RequestBody.create(text, JSON)).build();
            long t0 = System.nanoTime();
            listener.onRequestSent(t0);
            Call call = client.newCall(req);
            cancel.onCancel(call::cancel);
            try (Response r = call.execute()) {
                if (!r.isSuccessful()) {
                    throw failure(r.code(), r.headers(), bodyOf(r), null);
                }
                ResponseBody rb = r.body();
                BufferedReader in = new BufferedReader(new InputStreamReader(rb.byteStream(), StandardCharsets.UTF_8));
                String event = null;
                StringBuilder data = new StringBuilder();
                boolean hasData = false;
                String line;
                try {
                    while ((line = in.readLine()) != null) {
                        if (cancel.isCancelled()) {
                            throw cancelled(); // events already buffered are not delivered after a cancel
                        }
                        if (line.isEmpty()) {
                            if (hasData) {
                                started[0] = true;
                                listener.onEvent(event, data.toString());
                            }
                            event = null;
                            data.setLength(0);
                            hasData = false;
                        } else if (line.startsWith(":")) {
                            continue; // comment / keep-alive
                        } else if (line.startsWith("event:")) {
                            event = line.substring(6).trim();
                        } else if (line.startsWith("data:")) {
                            if (hasData) {
                                data.append('\n');
                            }
                            String d = line.substring(5);
                            data.append(d.startsWith(" ") ? d.substring(1) : d);
                            hasData = true;
                        }
                    }
                    if (hasData && !cancel.isCancelled()) {
                        started[0] = true;
                        listener.onEvent(event, data.toString());
                    }
                    if (cancel.isCancelled()) {
                        throw cancelled();
                    }
                } catch (IOException e) {
                    if (cancel.isCancelled()) {
                        throw cancelled();
                    }
                    if (started[0] && isTimeout(e)) {
                        throw new ProviderException(provider(), Kind.TIMEOUT, r.code(), provider().displayName()
                                + " stopped sending in the middle of the answer (" + describe(e)
                                + "); the partial answer was discarded. Try again, or raise the read timeout in"
                                + " Settings", null, null, e);
                    }
                    if (started[0]) {
                        throw new ProviderException(provider(), Kind.MALFORMED, r.code(), provider().displayName()
                                + " closed the stream before the answer was complete (" + describe(e)
                                + "); the partial answer was discarded", null, null, e);
                    }
                    throw e;
                }
                return Duration.ofNanos(System.nanoTime() - t0);
            } catch (IOException e) {
                throw transport(e, cancel);
            }
        });
    }

    // ---------------------------------------------------------------------------------------------------------

    @FunctionalInterface
    private interface Attempt<T> {
        T run() throws ProviderException;
    }

    private <T> T withRetries(CancelToken cancel, Attempt<T> attempt) throws ProviderException {
        return withRetries(cancel, () -> true, attempt);
    }

    private <T> T withRetries(CancelToken cancel, java.util.function.BooleanSupplier mayRetry, Attempt<T> attempt)
            throws ProviderException {
        if (cancel.isCancelled()) {
            throw cancelled();
        }
        acquire(cancel);
        try {
            for (int n = 0; ; n++) {
                try {
                    return attempt.run();
                } catch (ProviderException e) {
                    if (!e.kind().retryable() || !mayRetry.getAsBoolean() || n >= settings.maxRetries()
                            || cancel.isCancelled()
                            || (e.retryAfter() != null && e.retryAfter().compareTo(MAX_RETRY_AFTER) > 0)) {
                        throw cancel.isCancelled() ? cancelled() : e;
                    }
                    try {
                        sleeper.sleep(backoff(n, e.retryAfter()), cancel);
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
                    throw new ProviderException(provider(), Kind.TIMEOUT, 0, "Too many requests to "
                            + provider().displayName() + " are in flight; none finished within "
                            + settings.callTimeout().toSeconds() + " s", null, null, null);
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

    private JsonResponse executeJson(Request req, CancelToken cancel) throws ProviderException {
        long t0 = System.nanoTime();
        Call call = client.newCall(req);
        cancel.onCancel(call::cancel);
        String raw;
        try (Response r = call.execute()) {
            raw = bodyOf(r);
            if (!r.isSuccessful()) {
                throw failure(r.code(), r.headers(), raw, null);
            }
            Duration took = Duration.ofNanos(System.nanoTime() - t0);
            return new JsonResponse(parse(raw, r.code()), raw, r.headers(), took);
        } catch (IOException e) {
            throw transport(e, cancel);
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
            throw malformed("its answer is not valid JSON (" + String.valueOf(e.getMessage()).split("\n")[0] + ")",
                    raw, status, null);
        }
    }

    /** An answer that parsed but lacks what the API documents. */
    public ProviderException malformed(String what, String raw, int status, Throwable cause) {
        return new ProviderException(provider(), Kind.MALFORMED, status, redact(provider().displayName()
                + " sent an unexpected answer: " + what + ". The raw body is kept for inspection."), null,
                redact(raw), cause);
    }

    private static String bodyOf(Response r) throws IOException {
        ResponseBody b = r.body();
        return b == null ? "" : b.string();
    }

    private String write(JsonNode body) {
        try {
            return MAPPER.writeValueAsString(body);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private ProviderException cancelled() {
        return new ProviderException(provider(), Kind.CANCELLED, 0, "Cancelled", null, null, null);
    }

    private ProviderException transport(IOException e, CancelToken cancel) {
        if (cancel.isCancelled()) {
            return cancelled();
        }
        String name = provider().displayName();
        if (isTimeout(e)) {
            return new ProviderException(provider(), Kind.TIMEOUT, 0, redact(name + " did not answer in time ("
                    + describe(e) + ") at " + settings.baseUrl() + "; try again, or raise the timeout in Settings"),
                    null, null, e);
        }
        return new ProviderException(provider(), Kind.NETWORK, 0, redact("Could not reach " + name + " at "
                + settings.baseUrl() + " (" + describe(e) + "); check the network and the base URL in Settings"),
                null, null, e);
    }

    private static boolean isTimeout(IOException e) {
        return e instanceof SocketTimeoutException || (e instanceof InterruptedIOException
                && String.valueOf(e.getMessage()).toLowerCase(java.util.Locale.ROOT).contains("timeout"));
    }

    private static String describe(IOException e) {
        String m = e.getMessage();
        return e.getClass().getSimpleName() + (m == null || m.isBlank() ? "" : ": " + m);
    }

    /** Maps an HTTP error to a user-facing message, e.g. "Anthropic rejected the API key (401): invalid x-api-key". */
    ProviderException failure(int status, Headers headers, String raw, Throwable cause) {
        String name = provider().displayName();
        String detail = errorMessage(raw);
        String suffix = detail == null ? "" : ": " + detail;
        Kind kind;
        String msg;
        if (status == 401 || status == 403) {
            kind = Kind.AUTH;
            msg = status == 401 ? name + " rejected the API key (401)" + suffix
                    + ". Check the key in Settings or " + provider().keyVariable()
                    : name + " refused access (403)" + suffix + ". The key may lack access to this model or region";
        } else if (status == 429) {
            kind = Kind.RATE_LIMIT;
            Duration wait = retryAfter(headers, raw);
            msg = name + " is rate-limiting these requests (429)" + suffix
                    + (wait == null ? "" : " (it asks to wait " + Math.max(1, (wait.toMillis() + 999) / 1000) + " s)");
        } else if (status >= 500 || status == 529) {
            kind = Kind.SERVER;
            msg = name + " had a server error (" + status + ")" + suffix + "; it is usually temporary";
        } else if (status == 404) {
            kind = Kind.BAD_REQUEST;
            msg = name + " does not know this model or endpoint (404)" + suffix
                    + ". Check the model id and the base URL (" + settings.baseUrl() + ")";
        } else {
            kind = Kind.BAD_REQUEST;
            msg = name + " rejected the request (" + status + ")" + suffix;
        }
        return new ProviderException(provider(), kind, status, redact(msg), retryAfter(headers, raw), redact(raw),
                cause);
    }

    /**
     * The wait a 429 asks for: the headers, else Google's {@code google.rpc.RetryInfo} in the error body
     * ({@code "retryDelay": "41s"}), which Gemini sends instead of a {@code Retry-After} header.
     */
    static Duration retryAfter(Headers h, String body) {
        Duration d = retryAfter(h);
        if (d != null || body == null || !body.contains("retryDelay")) {
            return d;
        }
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"retryDelay\"\\s*:\\s*\"(\\d+(?:\\.\\d+)?)s\"")
                .matcher(body);
        return m.find() ? Duration.ofMillis((long) (Double.parseDouble(m.group(1)) * 1000)) : null;
    }

    /** The error text from the providers' error bodies: {@code {"error": {"message": …}}} and variants. */
    static String errorMessage(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            JsonNode n = MAPPER.readTree(raw);
            JsonNode e = n.path("error");
            if (e.isTextual()) {
                return e.asText();
            }
            if (e.path("message").isTextual()) {
                return e.path("message").asText();
            }
            if (n.path("message").isTextual()) {
                return n.path("message").asText();
            }
        } catch (IOException notJson) {
            // fall through: show the start of the body
        }
        String t = raw.strip();
        return t.length() > 200 ? t.substring(0, 200) + "…" : t;
    }

    /** {@code Retry-After} (seconds or an HTTP date) or {@code retry-after-ms}; null when absent or unreadable. */
    static Duration retryAfter(Headers h) {
        if (h == null) {
            return null;
        }
        String ms = h.get("retry-after-ms");
        if (ms != null) {
            try {
                return Duration.ofMillis(Math.max(0, (long) Double.parseDouble(ms.trim())));
            } catch (NumberFormatException ignored) {
                // try Retry-After
            }
        }
        String ra = h.get("Retry-After");
        if (ra == null) {
            return rateLimitReset(h);
        }
        try {
            return Duration.ofMillis(Math.max(0, (long) (Double.parseDouble(ra.trim()) * 1000)));
        } catch (NumberFormatException notSeconds) {
            try {
                ZonedDateTime at = ZonedDateTime.parse(ra.trim(), DateTimeFormatter.RFC_1123_DATE_TIME);
                Duration d = Duration.between(ZonedDateTime.now(at.getZone()), at);
                return d.isNegative() ? Duration.ZERO : d;
            } catch (RuntimeException unreadable) {
                return null;
            }
        }
    }

    /**
     * OpenAI's rate-limit headers when there is no {@code Retry-After}: the {@code x-ratelimit-reset-requests} /
     * {@code x-ratelimit-reset-tokens} duration (e.g. {@code 1s}, {@code 6m0s}, {@code 20ms}) of each limit whose
     * {@code x-ratelimit-remaining-*} is 0, the longer if both are; null when neither is exhausted.
     */
    static Duration rateLimitReset(Headers h) {
        Duration best = null;
        for (String kind : new String[] {"requests", "tokens"}) {
            String remaining = h.get("x-ratelimit-remaining-" + kind);
            String reset = h.get("x-ratelimit-reset-" + kind);
            if (remaining == null || reset == null || !remaining.trim().equals("0")) {
                continue;
            }
            Duration d = goDuration(reset.trim());
            if (d != null && (best == null || d.compareTo(best) > 0)) {
                best = d;
            }
        }
        return best;
    }

    /** Parses durations such as {@code 1h2m3.5s}, {@code 6m0s}, {@code 250ms}; null when unreadable. */
    static Duration goDuration(String s) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d+(?:\\.\\d+)?)(ms|h|m|s)").matcher(s);
        double ms = 0;
        int at = 0;
        while (m.find()) {
            if (m.start() != at) {
                return null;
            }
            double v = Double.parseDouble(m.group(1));
            switch (m.group(2)) {
                case "h": ms += v * 3_600_000; break;
                case "m": ms += v * 60_000; break;
                case "s": ms += v * 1000; break;
                default: ms += v; break;
            }
            at = m.end();
        }
        return at == 0 || at != s.length() ? null : Duration.ofMillis((long) Math.ceil(ms));
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
