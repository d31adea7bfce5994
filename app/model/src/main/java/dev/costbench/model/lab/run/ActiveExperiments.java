// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.lab.run;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/** The experiments a runner (or a judge) is working on now: at most one run of each at a time. Thread-safe. */
public final class ActiveExperiments {

    private final Set<Long> active = ConcurrentHashMap.newKeySet();

    /**
     * Marks the experiment active and starts its work: {@code start} gets the hook that frees the experiment when the
     * work ends, and returns the work started. When {@code start} fails, the experiment is freed at once.
     *
     * @param doing what the work is, for the refusal ("running", "being judged")
     * @throws IllegalStateException when the experiment is already active here
     */
    public <T> T start(long experimentId, String doing, Function<Runnable, T> start) {
        if (!active.add(experimentId)) {
            throw new IllegalStateException("experiment " + experimentId + " is already " + doing);
        }
        try {
            return start.apply(() -> active.remove(experimentId));
        } catch (RuntimeException e) {
            active.remove(experimentId);
            throw e;
        }
    }

    public boolean contains(long experimentId) {
        return active.contains(experimentId);
    }
}
