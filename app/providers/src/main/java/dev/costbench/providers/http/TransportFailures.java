// SPDX-License-Identifier: Apache-2.0
package dev.costbench.providers.http;

import dev.costbench.model.provider.ProviderException;
import dev.costbench.model.provider.ProviderException.Kind;
import dev.costbench.model.provider.ProviderId;
import dev.costbench.model.provider.ProviderSettings;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.Locale;
import java.util.function.UnaryOperator;

/**
 * The failures of the wire itself — no connection, a timeout, a stream cut off or idle — as {@link ProviderException}s
 * that say what happened, whether anything was billed, and which setting to change; the API key is redacted.
 */
final class TransportFailures {

    private final ProviderSettings settings;
    private final ProviderId provider;
    private final UnaryOperator<String> redact;

    TransportFailures(ProviderSettings settings, UnaryOperator<String> redact) {
        this.settings = settings;
        this.provider = settings.id();
        this.redact = redact;
    }

    /** A stream that broke: {@code content} says whether it had delivered any of the answer (then it was billed). */
    ProviderException streamBroken(IOException e, int status, boolean content, Deadline deadline) {
        String name = provider.displayName();
        if (e instanceof SseReader.IdleException) {
            String s = human(settings.streamIdleTimeout());
            if (content) {
                return new ProviderException(
                        provider,
                        Kind.TIMEOUT,
                        status,
                        name + " sent nothing but keep-alive"
                                + " messages for " + s
                                + " in the middle of the answer, so CostBench cut the stream off;"
                                + " the partial answer was discarded. " + HttpEngine.BILLED_NOT_RETRIED
                                + ". If the model thinks for"
                                + " long between parts, raise streamIdleTimeoutSeconds in " + HttpEngine.SETTINGS_FILE,
                        null,
                        null,
                        e);
            }
            return new ProviderException(
                    provider,
                    Kind.TIMEOUT,
                    status,
                    name + " kept the stream open for " + s
                            + " with only keep-alive messages and no answer, so CostBench cut it off. It may be"
                            + " overloaded: try again later, or raise streamIdleTimeoutSeconds in "
                            + HttpEngine.SETTINGS_FILE
                            + " for models that think for long before answering",
                    null,
                    null,
                    e);
        }
        if (!content) {
            return transport(e, deadline);
        }
        if (isTimeout(e)) {
            String why = deadline.expired()
                    ? "the " + human(deadline.limit()) + " limit for one call was reached"
                    : describe(e);
            return new ProviderException(
                    provider,
                    Kind.TIMEOUT,
                    status,
                    redact.apply(name + " stopped sending in the"
                            + " middle of the answer (" + why + "); the partial answer was discarded. "
                            + HttpEngine.BILLED_NOT_RETRIED
                            + ". Try again, or raise the timeouts in " + HttpEngine.SETTINGS_FILE),
                    null,
                    null,
                    e);
        }
        return new ProviderException(
                provider,
                Kind.MALFORMED,
                status,
                redact.apply(name + " closed the stream before"
                        + " the answer was complete (" + describe(e) + "); the partial answer was discarded. "
                        + HttpEngine.BILLED_NOT_RETRIED),
                null,
                null,
                e);
    }

    /** A failure to reach the server or a timeout before anything was delivered, in the user's words. */
    ProviderException transport(IOException e, Deadline deadline) {
        String name = provider.displayName();
        if (isTimeout(e) && deadline.expired()) {
            return new ProviderException(
                    provider,
                    Kind.TIMEOUT,
                    0,
                    redact.apply(name + " did not answer in time: the "
                            + human(deadline.limit()) + " limit for one call (retries included) was reached at "
                            + settings.baseUrl() + ". Try again, or raise callTimeoutSeconds in "
                            + HttpEngine.SETTINGS_FILE),
                    null,
                    null,
                    e);
        }
        if (isTimeout(e)) {
            return new ProviderException(
                    provider,
                    Kind.TIMEOUT,
                    0,
                    redact.apply(name + " did not answer in time ("
                            + describe(e) + ") at " + settings.baseUrl() + "; try again, or raise the timeouts in "
                            + HttpEngine.SETTINGS_FILE),
                    null,
                    null,
                    e);
        }
        return new ProviderException(
                provider,
                Kind.NETWORK,
                0,
                redact.apply("Could not reach " + name + " at " + settings.baseUrl() + " (" + describe(e)
                        + "); check the network and the base URL in the Providers tab"),
                null,
                null,
                e);
    }

    private static boolean isTimeout(IOException e) {
        return e instanceof SocketTimeoutException
                || (e instanceof InterruptedIOException
                        && String.valueOf(e.getMessage())
                                .toLowerCase(Locale.ROOT)
                                .contains("timeout"));
    }

    private static String describe(IOException e) {
        String m = e.getMessage();
        return e.getClass().getSimpleName() + (m == null || m.isBlank() ? "" : ": " + m);
    }

    /** "300 s", or "250 ms" below a second (tests use short limits). */
    static String human(Duration d) {
        return d.toMillis() >= 1000 && d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }
}
