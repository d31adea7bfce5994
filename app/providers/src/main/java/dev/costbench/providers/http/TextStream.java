// SPDX-License-Identifier: Apache-2.0
package dev.costbench.providers.http;

import java.time.Duration;
import java.util.function.Consumer;

/**
 * What every streaming client keeps while events arrive: the answer so far, the caller's delta consumer, and the
 * time to the first text delta measured from when the request was sent (per attempt).
 */
public abstract class TextStream implements HttpEngine.SseListener {
    protected final Consumer<String> onDelta;
    protected final StringBuilder text = new StringBuilder();
    private long sentAt;
    private Duration ttft;
    /** The last event's data, kept for error messages. */
    protected String lastData;

    protected TextStream(Consumer<String> onDelta) {
        this.onDelta = onDelta;
    }

    @Override
    public void onRequestSent(long nanoTime) {
        sentAt = nanoTime;
    }

    /** Records a piece of visible text: appended, passed on, and the first one timed. */
    protected void delta(String piece) {
        if (ttft == null) {
            ttft = Duration.ofNanos(System.nanoTime() - sentAt);
        }
        text.append(piece);
        if (onDelta != null) {
            onDelta.accept(piece);
        }
    }

    /** The visible answer so far. */
    public String text() {
        return text.toString();
    }

    /** Keeps {@code data} as the last event's; true when it is the {@code [DONE]} that closes an OpenAI stream. */
    protected boolean isDoneMarker(String data) {
        lastData = data;
        return data.trim().equals("[DONE]");
    }

    public String lastData() {
        return lastData;
    }

    /** Time to the first text delta, or null when none came. */
    public Duration ttft() {
        return ttft;
    }
}
