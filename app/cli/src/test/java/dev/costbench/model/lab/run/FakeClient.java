// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.lab.run;

import dev.costbench.model.catalog.Catalog;
import dev.costbench.model.catalog.CatalogBuilder;
import dev.costbench.model.catalog.ModelEntry;
import dev.costbench.model.cost.BillingOptions;
import dev.costbench.model.cost.CanonicalUsage;
import dev.costbench.model.provider.CancelToken;
import dev.costbench.model.provider.ChatRequest;
import dev.costbench.model.provider.ChatResult;
import dev.costbench.model.provider.Part;
import dev.costbench.model.provider.ProviderException;
import dev.costbench.model.provider.ProviderId;
import dev.costbench.model.provider.RecordingClient;
import dev.costbench.model.provider.RequestEstimate;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A scripted provider: each call asks the {@link Script} what to do (answer, fail with a {@link ProviderException}
 * kind, or wait), counts calls and the most in flight at once ({@link RecordingClient}), and honours the cancel
 * token.
 */
final class FakeClient extends RecordingClient {

    static final Catalog CATALOG = CatalogBuilder.builtIn();

    /** What to do for the n-th call (0-based) of this client. */
    interface Script {
        Reply reply(ChatRequest request, int call) throws ProviderException;
    }

    /** An answer after {@code delayMs}, billing {@code input} and {@code output} tokens (null: estimated / cap). */
    record Reply(long delayMs, Long input, Long output, boolean blockUntilCancelled) {
        static Reply ok() {
            return new Reply(0, null, 20L, false);
        }

        static Reply after(long ms) {
            return new Reply(ms, null, 20L, false);
        }

        /** Bills exactly the worst case the runner reserves for an exactly counted model. */
        static Reply atTheCap() {
            return new Reply(0, null, null, false);
        }

        static Reply hang() {
            return new Reply(0, null, 20L, true);
        }
    }

    /** Calls aborted through their cancel token. */
    final AtomicInteger cancelled;

    FakeClient(ProviderId id, Script script) {
        this(id, script, new AtomicInteger());
    }

    private FakeClient(ProviderId id, Script script, AtomicInteger cancelled) {
        super(id, (request, n, cancel) -> reply(id, script, cancelled, request, n, cancel));
        this.cancelled = cancelled;
    }

    static ProviderException error(ProviderId id, ProviderException.Kind kind, int status) {
        return new ProviderException(
                id, kind, status, id.displayName() + " failed (" + status + ", " + kind + ")", null, null, null);
    }

    /** The input tokens the runner's estimate counts for {@code r} on {@code model}. */
    static long estimatedInput(String model, ChatRequest r) {
        ModelEntry e = CATALOG.find(model).orElseThrow();
        return RequestEstimate.of(e, r, null, null, BillingOptions.INTERACTIVE).inputTokens();
    }

    private static ChatResult reply(
            ProviderId id, Script script, AtomicInteger cancelled, ChatRequest request, int n, CancelToken cancel)
            throws ProviderException {
        Reply r = script.reply(request, n);
        long until = System.currentTimeMillis() + r.delayMs();
        while (r.blockUntilCancelled() || System.currentTimeMillis() < until) {
            if (cancel.isCancelled()) {
                cancelled.incrementAndGet();
                throw error(id, ProviderException.Kind.CANCELLED, 0);
            }
            try {
                Thread.sleep(2);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw error(id, ProviderException.Kind.CANCELLED, 0);
            }
        }
        long in = r.input() != null
                ? r.input()
                : CATALOG.find(request.model()).isPresent() ? estimatedInput(request.model(), request) : 10;
        long out = r.output() != null ? r.output() : request.maxOutputTokens();
        return new ChatResult(
                "answer " + n + " to " + request.model(),
                new CanonicalUsage(in, 0, 0, 0, out, 0),
                Map.of(),
                "stop",
                request.model(),
                "resp_" + n,
                Duration.ofMillis(5 + n % 7),
                null,
                "{}",
                null);
    }

    /** A request's user text. */
    static String userText(ChatRequest r) {
        return ((Part.Text) r.messages().get(r.messages().size() - 1).parts().get(0)).text();
    }
}
