// SPDX-License-Identifier: Apache-2.0
package dev.costbench.providers.http;

import dev.costbench.model.provider.CancelToken;
import dev.costbench.model.provider.ProviderException;
import java.io.BufferedReader;
import java.io.IOException;
import java.time.Duration;

/**
 * Reads one server-sent-event stream and hands each event to a {@link HttpEngine.SseListener}. It keeps the time
 * of the last <em>content</em>: an event the listener took that is not a keep-alive. Comment lines ({@code :}…)
 * and keep-alive events ({@link HttpEngine.SseListener#keepAlive}, e.g. Anthropic's {@code ping}) keep the
 * connection busy but are not content; when no content has come for the idle limit the stream is cut off with
 * {@link IdleException}.
 */
final class SseReader {

    /** The stream went without content for longer than the idle limit. */
    static final class IdleException extends IOException {
        private static final long serialVersionUID = 1L;

        IdleException(Duration idle) {
            super("no content for " + idle.toSeconds() + " s");
        }
    }

    private final HttpEngine.SseListener listener;
    private final Duration idle;
    private long lastContent = System.nanoTime();
    private boolean content;

    SseReader(HttpEngine.SseListener listener, Duration idle) {
        this.listener = listener;
        this.idle = idle;
    }

    /** True once the listener has taken an event that is not a keep-alive. */
    boolean contentStarted() {
        return content;
    }

    /** Reads to the end of the stream, or returns early when {@code cancel} is set (no event is delivered after). */
    void read(BufferedReader in, CancelToken cancel) throws IOException, ProviderException {
        String event = null;
        StringBuilder data = new StringBuilder();
        boolean hasData = false;
        String line;
        while ((line = in.readLine()) != null) {
            if (cancel.isCancelled()) {
                return;
            }
            if (line.isEmpty()) {
                if (hasData) {
                    dispatch(event, data.toString());
                }
                event = null;
                data.setLength(0);
                hasData = false;
            } else if (line.startsWith("event:")) {
                event = line.substring(6).trim();
            } else if (line.startsWith("data:")) {
                if (hasData) {
                    data.append('\n');
                }
                String d = line.substring(5);
                data.append(d.startsWith(" ") ? d.substring(1) : d);
                hasData = true;
            } // ":" comments (keep-alives), id: and retry: lines are not content
            if (System.nanoTime() - lastContent > idle.toNanos()) {
                throw new IdleException(idle);
            }
        }
        if (hasData && !cancel.isCancelled()) {
            dispatch(event, data.toString());
        }
    }

    private void dispatch(String event, String data) throws ProviderException {
        if (listener.keepAlive(event, data)) {
            return;
        }
        listener.onEvent(event, data);
        content = true;
        lastContent = System.nanoTime();
    }
}
