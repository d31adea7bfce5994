// SPDX-License-Identifier: Apache-2.0
package dev.costbench.providers.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.costbench.model.provider.ProviderException;
import dev.costbench.model.provider.ProviderException.Kind;
import dev.costbench.model.provider.ProviderId;
import java.io.IOException;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.Headers;

/**
 * Turns HTTP error answers into user-facing {@link ProviderException}s and reads the servers' wait hints
 * ({@code Retry-After}, {@code retry-after-ms}, OpenAI's {@code x-ratelimit-reset-*}, Google's {@code retryDelay}).
 */
final class HttpFailures {

    private static final Pattern RETRY_DELAY = Pattern.compile("\"retryDelay\"\\s*:\\s*\"(\\d+(?:\\.\\d+)?)s\"");
    private static final Pattern GO_DURATION = Pattern.compile("(\\d+(?:\\.\\d+)?)(ms|h|m|s)");

    private HttpFailures() {}

    /** Maps an HTTP error to a user-facing message, e.g. "Anthropic rejected the API key (401): invalid x-api-key". */
    static ProviderException failure(
            ProviderId provider,
            String baseUrl,
            UnaryOperator<String> redact,
            int status,
            Headers headers,
            String raw,
            Throwable cause) {
        String name = provider.displayName();
        String detail = errorMessage(raw);
        String suffix = detail == null ? "" : ": " + detail;
        Kind kind;
        String msg;
        if (status == 401 || status == 403) {
            kind = Kind.AUTH;
            msg = status == 401
                    ? name + " rejected the API key (401)" + suffix + ". Check the key in the Providers tab or "
                            + provider.keyVariable()
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
                    + ". Check the model id and the base URL (" + baseUrl + ")";
        } else if (status >= 300 && status < 400) {
            kind = Kind.BAD_REQUEST;
            msg = name + " answered with a redirect (" + status + ") that CostBench does not follow. Check the base"
                    + " URL (" + baseUrl + "; " + provider.baseUrlVariable() + ", --base-url or the Providers tab)";
        } else {
            kind = Kind.BAD_REQUEST;
            msg = name + " rejected the request (" + status + ")" + suffix;
        }
        return new ProviderException(
                provider, kind, status, redact.apply(msg), retryAfter(headers, raw), redact.apply(raw), cause);
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
        Matcher m = RETRY_DELAY.matcher(body);
        return m.find() ? Duration.ofMillis((long) (Double.parseDouble(m.group(1)) * 1000)) : null;
    }

    /** The error text from the providers' error bodies: {@code {"error": {"message": …}}} and variants. */
    static String errorMessage(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            JsonNode n = HttpEngine.mapper().readTree(raw);
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
        Matcher m = GO_DURATION.matcher(s);
        double ms = 0;
        int at = 0;
        while (m.find()) {
            if (m.start() != at) {
                return null;
            }
            double v = Double.parseDouble(m.group(1));
            switch (m.group(2)) {
                case "h":
                    ms += v * 3_600_000;
                    break;
                case "m":
                    ms += v * 60_000;
                    break;
                case "s":
                    ms += v * 1000;
                    break;
                default:
                    ms += v;
                    break;
            }
            at = m.end();
        }
        return at == 0 || at != s.length() ? null : Duration.ofMillis((long) Math.ceil(ms));
    }
}
