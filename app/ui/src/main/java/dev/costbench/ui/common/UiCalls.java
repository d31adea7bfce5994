// SPDX-License-Identifier: Apache-2.0
package dev.costbench.ui.common;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;

/** For background code that must ask the user and wait for the answer (a passphrase while keys load). */
public final class UiCalls {

    private UiCalls() {}

    /**
     * Runs {@code question} on the UI thread and waits for its answer; on the UI thread itself it runs at once.
     * Returns null when interrupted or when the question failed.
     */
    public static <T> T askAndWait(TaskExecutor tasks, Supplier<T> question) {
        CompletableFuture<T> answer = new CompletableFuture<>();
        tasks.onUi(() -> {
            try {
                answer.complete(question.get());
            } catch (RuntimeException e) {
                answer.completeExceptionally(e);
            }
        });
        try {
            return answer.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } catch (ExecutionException e) {
            return null;
        }
    }
}
