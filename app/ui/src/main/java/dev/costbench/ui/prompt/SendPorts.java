// SPDX-License-Identifier: Apache-2.0
package dev.costbench.ui.prompt;

import dev.costbench.model.lab.SendHistoryRepository;
import dev.costbench.model.provider.ProviderId;
import java.util.function.Supplier;

/**
 * What "Send to the API" needs from outside the Prompt view, given by the composition root: which providers can be
 * called, where the history is kept, and which workspace is open.
 *
 * @param readiness for each provider, why it cannot be called (no key), or null when it can; asked off the UI thread
 * @param history   the history store, or null (then {@link History#whyAbsent} says why it is not kept)
 * @param workspace the open workspace's key: its file path, or {@link SendHistoryRepository#UNTITLED}
 */
public record SendPorts(Readiness readiness, History history, Supplier<String> workspace) {

    /** Every provider callable, no history kept: what tests and a bare Prompt view get. */
    public static final SendPorts NONE = new SendPorts(
            id -> null,
            new History() {
                @Override
                public SendHistoryRepository repository() {
                    return null;
                }

                @Override
                public String whyAbsent() {
                    return "no results store is connected to this window";
                }
            },
            () -> SendHistoryRepository.UNTITLED);

    /** Whether a provider can be called. */
    @FunctionalInterface
    public interface Readiness {
        /** Why {@code id} cannot be called, with what to do ("… add a key in the Providers tab"), or null. */
        String problem(ProviderId id);
    }

    /** The history store as it is now (it opens in the background and may be unavailable). */
    public interface History {
        /** The store, or null while it is not open. Any thread. */
        SendHistoryRepository repository();

        /** Why there is no store, in the user's words ("the results store is still opening"). */
        String whyAbsent();
    }
}
