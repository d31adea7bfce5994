// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.lab;

/**
 * Where an experiment stands. {@link #RUNNING} is only ever true while a runner holds the store open: a store that
 * finds an experiment RUNNING when it opens turns it into {@link #INTERRUPTED} (the app crashed or was killed), and
 * the runner can resume it from {@link LabStore#missingTrials(long)}.
 */
public enum ExperimentStatus {
    /** Being set up; no trial has run. */
    DRAFT,
    /** A runner is executing trials now. */
    RUNNING,
    /** A run stopped without finishing (crash, kill, power loss); resumable. */
    INTERRUPTED,
    /** Every planned trial finished. */
    DONE,
    /** The user cancelled the run (or it hit the budget cap); resumable on request. */
    CANCELLED
}
