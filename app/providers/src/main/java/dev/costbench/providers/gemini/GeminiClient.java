// SPDX-License-Identifier: Apache-2.0
package dev.costbench.providers.gemini;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.costbench.model.provider.CancelToken;
import dev.costbench.model.provider.ChatMessage;
import dev.costbench.model.provider.ChatRequest;
import dev.costbench.model.provider.ChatResult;
import dev.costbench.model.provider.Part;
import dev.costbench.model.provider.ProviderClient;
import dev.costbench.model.provider.ProviderException;
import dev.costbench.model.provider.ProviderException.Kind;
import dev.costbench.model.provider.ProviderId;
import dev.costbench.model.provider.ProviderSettings;
import dev.costbench.model.provider.Secret;
import dev.costbench.model.provider.ServiceTierWords;
import dev.costbench.model.provider.TokenCountResult;
import dev.costbench.providers.http.HttpEngine;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import okhttp3.Headers;

/**
 * The Gemini Developer API: {@code POST {base}/models/{model}:generateContent}, {@code :streamGenerateContent?alt=sse},
 * {@code :countTokens} and {@code GET /models}, authenticated with the {@code x-goog-api-key} header (never a
 * {@code ?key=} in the URL, which would end up in logs). Usage is normalised by {@link GeminiUsage}.
 *
 * <p>Media goes inline ({@code inline_data}, base64) while the request stays under Google's 20 MB inline limit;
 * above it the largest media parts are uploaded through the Files API ({@link GeminiFiles}) and cited as
 * {@code file_data}. Retries, timeouts, the concurrency limit and HTTP error messages come from
 * {@link HttpEngine}; Gemini's answer to a wrong key (400 with reason {@code API_KEY_INVALID}) is reported as an
 * authentication error.
 *
 * <p>Thread-safe: one instance can serve concurrent requests.
 */
public final class GeminiClient implements ProviderClient {

    /** Google's limit for a whole request with inline data ("less than 20 MB"), counted on the encoded body. */
    public static final long INLINE_LIMIT_BYTES = 20_000_000L;

    private final HttpEngine http;
    private final GeminiFiles files;
    private long inlineLimit = INLINE_LIMIT_BYTES;

    /** A client for {@code settings} (id {@link ProviderId#GEMINI}); the factory calls this by reflection. */
    public GeminiClient(ProviderSettings settings) {
        this(new HttpEngine(settings));
    }

    /** A client on a given engine (tests pass one with a recording sleeper). */
    public GeminiClient(HttpEngine http) {
        this.http = http.requireProvider(ProviderId.GEMINI, GeminiClient.class);
        this.files = new GeminiFiles(http);
    }

    /** Tests: a smaller inline limit, so the Files API path runs without 20 MB fixtures. */
    GeminiClient withInlineLimit(long bytes) {
        this.inlineLimit = bytes;
        return this;
    }

    /** Tests: how long to wait between checks of a file that is still PROCESSING. */
    GeminiClient withPollInterval(Duration d) {
        files.withPollInterval(d);
        return this;
    }

    @Override
    public ProviderId id() {
        return ProviderId.GEMINI;
    }

    @Override
    public ChatResult complete(ChatRequest request, Consumer<String> onDelta, CancelToken cancel)
            throws ProviderException {
        ServiceTierWords.check(ProviderId.GEMINI, request.serviceTier());
        CancelToken c = cancel == null ? CancelToken.none() : cancel;
        Headers headers = headers(http);
        ObjectNode body = GeminiRequests.generate(request, uploadOversized(request, c));
        String model = "/" + GeminiRequests.resource(request.model());
        try {
            if (!request.stream()) {
                HttpEngine.JsonResponse r = http.postJson(model + ":generateContent", headers, body, c);
                return answer(http, r.json(), r.raw(), r.latency());
            }
            GeminiStream stream = new GeminiStream(http, onDelta);
            Duration attempt = http.postSse(model + ":streamGenerateContent?alt=sse", headers, body, c, stream);
            if (stream.finishReason() == null) {
                throw http.incomplete(
                        "the stream ended before a finishReason, so the answer may be incomplete",
                        stream.raw(),
                        stream.chunks() > 0);
            }
            Duration ttft = stream.ttft();
            return result(http, stream, stream.raw(), attempt, ttft);
        } catch (ProviderException e) {
            throw keyError(e);
        }
    }

    /**
     * Reads a GenerateContentResponse: the live answer, or one answer of a batch (inline or a line of its responses
     * file).
     */
    static ChatResult answer(HttpEngine http, JsonNode j, String raw, Duration latency) throws ProviderException {
        GeminiStream one = new GeminiStream(http, null);
        one.accept(j, raw);
        if (!j.path("candidates").isArray()) {
            throw http.malformed("no candidates in the answer", raw, 200, null);
        }
        return result(http, one, raw, latency, null);
    }

    private static ChatResult result(HttpEngine http, GeminiStream s, String raw, Duration latency, Duration ttft)
            throws ProviderException {
        if (s.usage() == null) {
            throw http.malformed("no usageMetadata in the answer", raw, 200, null);
        }
        return new ChatResult(
                s.text(),
                GeminiUsage.toCanonical(s.usage()),
                GeminiUsage.inputByModality(s.usage()),
                s.finishReason(),
                s.model(),
                s.id(),
                latency,
                ttft,
                s.usage().toString(),
                null);
    }

    /**
     * {@code POST /models/{m}:countTokens}, answered with {@code totalTokens}. Media over the inline limit is uploaded
     * first, as for {@link #complete}.
     */
    @Override
    public TokenCountResult countTokens(ChatRequest request) throws ProviderException {
        CancelToken c = CancelToken.none();
        Headers headers = headers(http);
        ObjectNode body = GeminiRequests.countTokens(request, uploadOversized(request, c));
        try {
            HttpEngine.JsonResponse r =
                    http.postJson("/" + GeminiRequests.resource(request.model()) + ":countTokens", headers, body, c);
            JsonNode n = r.json().get("totalTokens");
            if (n == null || !n.canConvertToLong()) {
                throw http.malformed("no totalTokens in the countTokens answer", r.raw(), 200, null);
            }
            return new TokenCountResult(n.asLong(), r.raw());
        } catch (ProviderException e) {
            throw keyError(e);
        }
    }

    /** {@code GET /models}, following {@code nextPageToken}; names without the {@code models/} prefix. */
    @Override
    public List<String> listModels() throws ProviderException {
        List<String> names = new ArrayList<>();
        String token = null;
        try {
            for (int page = 0; page < 100; page++) {
                String path = "/models?pageSize=1000"
                        + (token == null ? "" : "&pageToken=" + URLEncoder.encode(token, StandardCharsets.UTF_8));
                HttpEngine.JsonResponse r = http.getJson(path, headers(http), CancelToken.none());
                JsonNode models = r.json().path("models");
                if (!models.isArray() && !(r.json().isObject() && r.json().isEmpty())) {
                    throw http.malformed("no models array in the model list", r.raw(), 200, null); // {} = none
                }
                for (JsonNode m : models) {
                    String name = m.path("name").asText("");
                    if (!name.isEmpty()) {
                        names.add(name.startsWith("models/") ? name.substring("models/".length()) : name);
                    }
                }
                token = r.json().path("nextPageToken").asText("");
                if (token.isEmpty()) {
                    break;
                }
            }
        } catch (ProviderException e) {
            throw keyError(e);
        }
        return names;
    }

    /**
     * Uploads media parts, largest first, until the inline remainder fits under the limit; an empty map when the
     * request fits as it is.
     */
    private Map<Part, GeminiFiles.FileRef> uploadOversized(ChatRequest request, CancelToken cancel)
            throws ProviderException {
        long total = request.system() == null ? 0 : request.system().length();
        List<Part> media = new ArrayList<>();
        for (ChatMessage m : request.messages()) {
            for (Part p : m.parts()) {
                total += GeminiRequests.inlineSize(p);
                if (GeminiRequests.Media.of(p) != null) {
                    media.add(p);
                }
            }
        }
        Map<Part, GeminiFiles.FileRef> uploaded = new IdentityHashMap<>();
        if (total <= inlineLimit) {
            return uploaded;
        }
        media.sort(Comparator.comparingLong(GeminiRequests::inlineSize).reversed());
        for (Part p : media) {
            if (total <= inlineLimit) {
                break;
            }
            if (uploaded.containsKey(p)) {
                continue;
            }
            String kind = p.getClass().getSimpleName().toLowerCase(Locale.ROOT);
            GeminiRequests.Media m = GeminiRequests.Media.of(p);
            try {
                uploaded.put(p, files.upload(m.data(), m.mimeType(), "costbench-" + kind, cancel));
            } catch (ProviderException e) {
                if (e.kind() == Kind.CANCELLED) {
                    throw e;
                }
                throw new ProviderException(
                        ProviderId.GEMINI,
                        e.kind(),
                        e.httpStatus(),
                        "The request is over "
                                + "Gemini's " + describe(inlineLimit)
                                + " limit for inline media, so CostBench sends the "
                                + kind + " through the Files API, and that failed: " + e.getMessage(),
                        e.retryAfter(),
                        e.body(),
                        e);
            }
            total -= GeminiRequests.inlineSize(p);
        }
        return uploaded;
    }

    static String describe(long bytes) {
        return bytes >= 1_000_000 ? bytes / 1_000_000 + " MB" : bytes + "-byte";
    }

    static Headers headers(HttpEngine http) throws ProviderException {
        Secret key = http.settings().key();
        if (key == null || key.isEmpty()) {
            throw new ProviderException(
                    ProviderId.GEMINI,
                    Kind.NO_KEY,
                    0,
                    "No Google Gemini API key: set " + ProviderId.GEMINI.keyVariable()
                            + " (or GOOGLE_API_KEY) or enter one in the Providers tab",
                    null,
                    null,
                    null);
        }
        return new Headers.Builder()
                .add("x-goog-api-key", key.reveal())
                .add("content-type", "application/json")
                .build();
    }

    /** Gemini answers a wrong key with 400 INVALID_ARGUMENT and reason API_KEY_INVALID. */
    static boolean isKeyError(String body) {
        return body != null && body.contains("API_KEY_INVALID");
    }

    static ProviderException keyError(ProviderException e) {
        if (e.kind() != Kind.BAD_REQUEST || !isKeyError(e.body())) {
            return e;
        }
        String why = "";
        try {
            why = HttpEngine.mapper()
                    .readTree(e.body())
                    .path("error")
                    .path("message")
                    .asText("")
                    .strip();
        } catch (IOException notJson) {
            // keep the message short
        }
        if (why.endsWith(".")) {
            why = why.substring(0, why.length() - 1);
        }
        return new ProviderException(
                ProviderId.GEMINI,
                Kind.AUTH,
                e.httpStatus(),
                "Google Gemini rejected the API key (" + e.httpStatus() + ")" + (why.isEmpty() ? "" : ": " + why)
                        + ". Check the key in the Providers tab or " + ProviderId.GEMINI.keyVariable(),
                null,
                e.body(),
                e);
    }

    /** An {@code {"error": {"code", "message", "status"}}} object inside a 200 stream. */
    static ProviderException errorInStream(HttpEngine http, JsonNode error, String raw) {
        int code = error.path("code").asInt(0);
        Kind kind = code == 429
                ? Kind.RATE_LIMIT
                : code == 401 || code == 403 ? Kind.AUTH : code >= 400 && code < 500 ? Kind.BAD_REQUEST : Kind.SERVER;
        String status = error.path("status").asText("");
        String message = error.path("message").asText("");
        String label = ((code == 0 ? "" : code + " ") + status).trim();
        String msg = "Google Gemini reported an error in the middle of the answer"
                + (label.isEmpty() ? "" : " (" + label + ")") + (message.isEmpty() ? "" : ": " + message)
                + "; the partial answer was discarded";
        return new ProviderException(ProviderId.GEMINI, kind, 200, http.redact(msg), null, http.redact(raw), null);
    }

    /** {@code promptFeedback.blockReason}: Gemini refused the prompt and generated nothing. */
    static ProviderException blocked(HttpEngine http, JsonNode feedback, String raw) {
        String reason = feedback.path("blockReason").asText();
        String why = feedback.path("blockReasonMessage").asText("");
        return new ProviderException(
                ProviderId.GEMINI,
                Kind.BAD_REQUEST,
                200,
                http.redact("Google Gemini blocked the "
                        + "prompt (" + reason + ")" + (why.isEmpty() ? "" : ": " + why)
                        + "; nothing was generated. Rephrase "
                        + "the prompt or remove the media that triggered the block"),
                null,
                http.redact(raw),
                null);
    }
}
