// SPDX-License-Identifier: Apache-2.0
package dev.costbench.providers.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.costbench.model.provider.batch.BatchState;
import dev.costbench.model.provider.batch.BatchStatus;

/** Assertions on batch states for the batch clients' tests and for other modules' batch tests. */
public final class BatchAsserts {

    private BatchAsserts() {}

    /** {@code s} is in {@code state} with these counts. */
    public static void assertStatus(BatchStatus s, BatchState state, int total, int succeeded, int failed) {
        assertEquals(state, s.state(), s::toString);
        assertEquals(total, s.total(), s::toString);
        assertEquals(succeeded, s.succeeded(), s::toString);
        assertEquals(failed, s.failed(), s::toString);
    }
}
