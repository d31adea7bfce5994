// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.lab.run;

import dev.costbench.model.lab.Trial;

/**
 * Hears how a run goes. Every method is called on a runner thread (never the UI thread: a JavaFX view hands the
 * values to {@code Platform.runLater}); calls may come from several threads at once but each event is complete in
 * itself. An exception thrown here is ignored by the runner.
 */
public interface RunListener {

    /** A listener that hears nothing. */
    RunListener NONE = new RunListener() {};

    /** After every finished cell and every change of state (paused, resumed, stopping). */
    default void progress(RunProgress progress) {}

    /** A trial was committed to the store (a real call, a failure, or an answer reused from the cache). */
    default void trialRecorded(Trial trial) {}

    /** The run ended; the result is also what {@link Run#await()} returns. Called once, before await returns. */
    default void finished(RunResult result) {}
}
