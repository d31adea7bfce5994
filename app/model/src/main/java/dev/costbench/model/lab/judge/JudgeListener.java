// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.lab.judge;

import dev.costbench.model.lab.JudgeScore;

/**
 * Hears how a judging goes. Called on judge threads, never the UI thread; exceptions thrown here are ignored.
 */
public interface JudgeListener {

    /** A listener that hears nothing. */
    JudgeListener NONE = new JudgeListener() {};

    default void progress(JudgeProgress progress) {}

    /** A score was committed to the store. */
    default void scored(JudgeScore score) {}

    /** Called once, before {@link JudgeRun#await()} returns. */
    default void finished(JudgeResult result) {}
}
