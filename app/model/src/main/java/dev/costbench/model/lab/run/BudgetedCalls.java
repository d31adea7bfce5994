// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.lab.run;

import dev.costbench.model.provider.CancelToken;
import dev.costbench.model.provider.ChatRequest;
import dev.costbench.model.provider.ChatResult;
import dev.costbench.model.provider.ProviderClient;
import dev.costbench.model.provider.ProviderException;
import dev.costbench.model.provider.ProviderId;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * The budgeted call loop shared by a run ({@link Run}) and a judging: worker threads take work while nothing stops
 * them (under a cap, the first call runs alone: {@link FirstCallGate}), reserve each call's worst case with the
 * {@link BudgetGuard}, and make the call with a {@link CancelToken} that {@link #cancelAll()} fires. What to do with
 * an answer or a failure stays with the caller. Thread-safe.
 */
public final class BudgetedCalls {

    /** A test the loop runs before each call; it may wait (e.g. while the run is paused). */
    @FunctionalInterface
    public interface Condition {
        boolean test() throws InterruptedException;
    }

    /** One step of the loop: takes one piece of work and does it; false when there was none left. */
    @FunctionalInterface
    public interface Step {
        boolean next() throws InterruptedException;
    }

    /**
     * What one call came to: exactly one of {@code answer}, {@code error} and {@code bug} is set.
     *
     * @param answer   the provider's answer
     * @param error    the provider's failure
     * @param bug      an unexpected failure of the client
     * @param aborted  the call's token was cancelled
     * @param started  when the call started
     * @param finished when it ended
     */
    public record Attempt(
            ChatResult answer,
            ProviderException error,
            RuntimeException bug,
            boolean aborted,
            Instant started,
            Instant finished) {

        /** The call was cancelled (not a failure to record). */
        public boolean cancelled() {
            return aborted || (error != null && error.kind() == ProviderException.Kind.CANCELLED);
        }

        /** What went wrong, for the user. */
        public String failure(ProviderId provider) {
            return error != null
                    ? error.getMessage()
                    : "unexpected error in the " + provider.displayName() + " client: " + bug;
        }

        /** The provider refused the key (or there is none): no further call to it can succeed. */
        public boolean keyRefused() {
            return error != null
                    && (error.kind() == ProviderException.Kind.AUTH || error.kind() == ProviderException.Kind.NO_KEY);
        }

        /** The failure may pass when the call is made again. */
        public boolean retryable() {
            return error != null && error.kind().retryable();
        }
    }

    private final BudgetGuard guard;
    private final Set<CancelToken> inFlight = ConcurrentHashMap.newKeySet();

    public BudgetedCalls(BudgetGuard guard) {
        this.guard = guard;
    }

    /**
     * A worker's loop: while {@code goOn} holds, waits its turn at {@code gate} (giving up when {@code giveUp} says
     * so) and runs {@code step}; returns when a step finds no work left.
     */
    public static void serve(FirstCallGate gate, Condition goOn, BooleanSupplier giveUp, Step step)
            throws InterruptedException {
        while (goOn.test()) {
            boolean first = false;
            if (gate.pending()) {
                first = gate.tryTake();
                if (!first) {
                    gate.await(giveUp);
                    continue;
                }
            }
            try {
                if (!step.next()) {
                    return;
                }
            } finally {
                if (first) {
                    gate.firstCallEnded();
                }
            }
        }
    }

    /**
     * Reserves a call whose worst case is {@code worst}, waiting for calls in flight to settle; null when the run
     * stops ({@code stopped}) or the budget refuses the call — then, unless stopped, {@code refused} hears why.
     */
    public BudgetGuard.Reservation reserve(BigDecimal worst, BooleanSupplier stopped, Consumer<BudgetStop> refused)
            throws InterruptedException {
        BudgetGuard.Reservation reservation = guard.reserveOrWait(worst, stopped);
        if (reservation == null && !stopped.getAsBoolean()) {
            refused.accept(guard.refusal());
        }
        return reservation;
    }

    /**
     * Makes one call. Its token is registered for {@link #cancelAll()} first, and cancelled at once when
     * {@code cancelled} then holds (a cancel that came just before); {@code launched} runs once it is registered.
     */
    public Attempt call(ProviderClient client, ChatRequest request, BooleanSupplier cancelled, Runnable launched) {
        CancelToken token = new CancelToken();
        inFlight.add(token);
        if (cancelled.getAsBoolean()) {
            token.cancel();
        }
        launched.run();
        Instant started = Instant.now();
        ChatResult answer = null;
        ProviderException error = null;
        RuntimeException bug = null;
        try {
            answer = client.complete(request, null, token);
        } catch (ProviderException e) {
            error = e;
        } catch (RuntimeException e) {
            bug = e;
        } finally {
            inFlight.remove(token);
        }
        return new Attempt(answer, error, bug, token.isCancelled(), started, Instant.now());
    }

    /** Aborts every call in flight. */
    public void cancelAll() {
        for (CancelToken t : inFlight) {
            t.cancel();
        }
    }

    /** The calls in flight now. */
    public int inFlight() {
        return inFlight.size();
    }
}
