// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.provider;

import java.time.Duration;

/**
 * A request that failed, with a message meant for the user ("Anthropic rejected the API key (401)") and, where
 * there was one, the response body with the key redacted.
 */
public final class ProviderException extends Exception {

    /** What went wrong, which decides whether a retry can help. */
    public enum Kind {
        /** 401/403: the key is missing, wrong or lacks access. Not retried. */
        AUTH(false),
        /** 400/404/413/422: the request itself is wrong (unknown model, too long, bad parameter). Not retried. */
        BAD_REQUEST(false),
        /** 429: rate limited or out of quota. Retried after {@code Retry-After}. */
        RATE_LIMIT(true),
        /** 5xx and 529 (overloaded). Retried. */
        SERVER(true),
        /** Connect or read timeout, or the overall deadline. Retried. */
        TIMEOUT(true),
        /** Connection refused or reset, DNS failure. Retried. */
        NETWORK(true),
        /** The body was not what the API documents (invalid JSON, missing fields, a broken stream). Not retried. */
        MALFORMED(false),
        /** The user cancelled. */
        CANCELLED(false),
        /** No key is configured. */
        NO_KEY(false);

        private final boolean retryable;

        Kind(boolean retryable) {
            this.retryable = retryable;
        }

        public boolean retryable() {
            return retryable;
        }
    }

    private final ProviderId provider;
    private final Kind kind;
    private final int httpStatus;
    private final Duration retryAfter;
    private final String body;

    public ProviderException(
            ProviderId provider,
            Kind kind,
            int httpStatus,
            String message,
            Duration retryAfter,
            String redactedBody,
            Throwable cause) {
        super(message, cause);
        this.provider = provider;
        this.kind = kind;
        this.httpStatus = httpStatus;
        this.retryAfter = retryAfter;
        this.body = redactedBody;
    }

    public ProviderId provider() {
        return provider;
    }

    public Kind kind() {
        return kind;
    }

    /** The HTTP status, or 0 when there was no response. */
    public int httpStatus() {
        return httpStatus;
    }

    /** The server's {@code Retry-After} (or rate-limit reset) hint, or null. */
    public Duration retryAfter() {
        return retryAfter;
    }

    /** The response body with the key redacted, for the user to inspect, or null. */
    public String body() {
        return body;
    }
}
