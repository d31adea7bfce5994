// SPDX-License-Identifier: Apache-2.0
package dev.costbench.providers.anthropic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.costbench.model.cost.CanonicalUsage;
import dev.costbench.model.provider.CancelToken;
import dev.costbench.model.provider.ChatRequest;
import dev.costbench.model.provider.ChatResult;
import dev.costbench.model.provider.ProviderClient;
import dev.costbench.model.provider.ProviderException;
import dev.costbench.model.provider.ProviderException.Kind;
import dev.costbench.model.provider.ProviderId;
import dev.costbench.model.provider.ProviderSettings;
import dev.costbench.model.provider.TokenCountResult;
import dev.costbench.providers.http.HttpEngine;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import okhttp3.Headers;

/**
 * Anthropic's Messages API: {@code POST {base}/v1/messages} (JSON or server-sent events), {@code POST
 * /v1/messages/count_tokens} and {@code GET /v1/models}, authenticated with {@code x-api-key} and {@code
 * anthropic-version: 2023-06-01}. Usage is normalised by {@link AnthropicUsage}. Retries, timeouts, the
 * concurrency limit and HTTP error messages ("Anthropic rejected the API key (401): invalid x-api-key") come from
 * {@link HttpEngine}; 529 (overloaded) is retried like any 5xx.
 *
 * <p>Thread-safe: one instance can serve concurrent requests.
 */
public final class AnthropicClient implements ProviderClient {

    /** The API version header every call sends. */
    public static final String API_VERSION = "2023-06-01";

    private final HttpEngine http;

    /** A client for {@code settings} (id {@link ProviderId#ANTHROPIC}); the factory calls this by reflection. */
    public AnthropicClient(ProviderSettings settings) {
        this(new HttpEngine(settings));
    }

    /** A client on a given engine (tests pass one with a recording sleeper). */
    public AnthropicClient(HttpEngine http) {
        this.http = http.requireProvider(ProviderId.ANTHROPIC, AnthropicClient.class);
    }

    @Override
    public ProviderId id() {
        return ProviderId.ANTHROPIC;
    }

    @Override
    public ChatResult complete(ChatRequest request, Consumer<String> onDelta, CancelToken cancel)
            throws ProviderException {
        CancelToken c = cancel == null ? CancelToken.none() : cancel;
        ObjectNode body = AnthropicRequests.messages(request);
        Headers headers = headers();
        if (!request.stream()) {
            HttpEngine.JsonResponse r = http.postJson("/v1/messages", headers, body, c);
            return fromMessage(http, r.json(), r.raw(), r.latency());
        }
        body.put("stream", true);
        AnthropicStream stream = new AnthropicStream(http, onDelta);
        Duration attempt = http.postSse("/v1/messages", headers, body, c, stream);
        if (!stream.stopped()) {
            throw http.incomplete(
                    "the stream ended before message_stop, so the answer may be incomplete",
                    stream.raw(),
                    !stream.raw().isEmpty());
        }
        if (stream.usage() == null) {
            throw http.malformed("the stream had no message_start with usage", stream.raw(), 200, null);
        }
        Duration ttft = stream.ttft();
        CanonicalUsage usage = AnthropicUsage.toCanonical(stream.usage());
        return new ChatResult(
                stream.text(),
                usage,
                Map.of(),
                stream.stopReason(),
                stream.model(),
                stream.id(),
                attempt,
                ttft,
                stream.usage().toString(),
                AnthropicUsage.servedTier(stream.usage()));
    }

    /** Reads a Message object: the live answer, or the {@code message} of a succeeded batch result. */
    static ChatResult fromMessage(HttpEngine http, JsonNode j, String raw, Duration latency) throws ProviderException {
        if ("error".equals(j.path("type").asText())) {
            throw errorEvent(http, j, raw);
        }
        JsonNode content = j.get("content");
        JsonNode usage = j.get("usage");
        if (content == null || !content.isArray() || usage == null || !usage.isObject()) {
            throw http.malformed("a message without content or usage", raw, 200, null);
        }
        StringBuilder text = new StringBuilder();
        for (JsonNode block : content) {
            if ("text".equals(block.path("type").asText())) {
                text.append(block.path("text").asText());
            }
        }
        return new ChatResult(
                text.toString(),
                AnthropicUsage.toCanonical(usage),
                Map.of(),
                textOrNull(j, "stop_reason"),
                textOrNull(j, "model"),
                textOrNull(j, "id"),
                latency,
                null,
                usage.toString(),
                AnthropicUsage.servedTier(usage));
    }

    /**
     * {@code POST /v1/messages/count_tokens}: the Messages body minus {@code max_tokens} and {@code temperature},
     * answered with {@code {"input_tokens": N}}.
     */
    @Override
    public TokenCountResult countTokens(ChatRequest request) throws ProviderException {
        HttpEngine.JsonResponse r = http.postJson(
                "/v1/messages/count_tokens", headers(), AnthropicRequests.countTokens(request), CancelToken.none());
        JsonNode n = r.json().get("input_tokens");
        if (n == null || !n.canConvertToLong()) {
            throw http.malformed("no input_tokens in the count_tokens answer", r.raw(), 200, null);
        }
        return new TokenCountResult(n.asLong(), r.raw());
    }

    /** {@code GET /v1/models}, following {@code has_more}/{@code last_id} pages; the ids in the order listed. */
    @Override
    public List<String> listModels() throws ProviderException {
        List<String> ids = new ArrayList<>();
        String after = null;
        for (int page = 0; page < 100; page++) {
            String path = "/v1/models?limit=1000"
                    + (after == null ? "" : "&after_id=" + URLEncoder.encode(after, StandardCharsets.UTF_8));
            HttpEngine.JsonResponse r = http.getJson(path, headers(), CancelToken.none());
            JsonNode data = r.json().get("data");
            if (data == null || !data.isArray()) {
                throw http.malformed("no data array in the model list", r.raw(), 200, null);
            }
            for (JsonNode m : data) {
                if (m.path("id").isTextual()) {
                    ids.add(m.path("id").asText());
                }
            }
            after = textOrNull(r.json(), "last_id");
            if (!r.json().path("has_more").asBoolean(false) || after == null || data.isEmpty()) {
                break;
            }
        }
        return ids;
    }

    private Headers headers() throws ProviderException {
        return headers(http);
    }

    /** The headers of every call: {@code x-api-key}, {@code anthropic-version}; NO_KEY without a key. */
    static Headers headers(HttpEngine http) throws ProviderException {
        var key = http.settings().key();
        if (key == null || key.isEmpty()) {
            throw new ProviderException(
                    ProviderId.ANTHROPIC,
                    Kind.NO_KEY,
                    0,
                    "No Anthropic API key: set " + ProviderId.ANTHROPIC.keyVariable()
                            + " or enter one in the Providers tab",
                    null,
                    null,
                    null);
        }
        return new Headers.Builder()
                .add("x-api-key", key.reveal())
                .add("anthropic-version", API_VERSION)
                .add("content-type", "application/json")
                .add("accept", "application/json")
                .build();
    }

    /**
     * An {@code {"type":"error","error":{"type":…,"message":…}}} that arrived inside a 200 answer (mid-stream): an
     * {@code overloaded_error} or {@code api_error} is a server fault, the others map like their HTTP statuses.
     */
    static ProviderException errorEvent(HttpEngine http, JsonNode j, String raw) {
        String type = j.path("error").path("type").asText("error");
        String message = j.path("error").path("message").asText("");
        Kind kind;
        switch (type) {
            case "rate_limit_error":
                kind = Kind.RATE_LIMIT;
                break;
            case "authentication_error":
            case "permission_error":
                kind = Kind.AUTH;
                break;
            case "invalid_request_error":
            case "not_found_error":
            case "request_too_large":
                kind = Kind.BAD_REQUEST;
                break;
            default:
                kind = Kind.SERVER; // overloaded_error, api_error, and types added later
        }
        String msg = "Anthropic reported an error in the middle of the answer (" + type + ")"
                + (message.isEmpty() ? "" : ": " + message) + "; the partial answer was discarded"
                + (kind == Kind.SERVER || kind == Kind.RATE_LIMIT ? ". It is usually temporary: try again" : "");
        return new ProviderException(ProviderId.ANTHROPIC, kind, 200, http.redact(msg), null, http.redact(raw), null);
    }

    private static String textOrNull(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }
}
