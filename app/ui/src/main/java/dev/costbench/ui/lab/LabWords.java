// SPDX-License-Identifier: Apache-2.0
package dev.costbench.ui.lab;

import dev.costbench.model.lab.ExperimentStatus;
import dev.costbench.model.lab.run.RunResult;

/** The lab's states in words (never the enum constants). */
final class LabWords {

    private LabWords() {}

    /** An experiment's status as the history and the results' title show it: "draft", "done", "interrupted"… */
    static String status(ExperimentStatus s) {
        switch (s) {
            case DRAFT:
                return "draft";
            case RUNNING:
                return "running";
            case INTERRUPTED:
                return "interrupted";
            case DONE:
                return "done";
            default:
                return "cancelled";
        }
    }

    /** Why a run ended, as a sentence, for a run that has no message of its own. */
    static String outcome(RunResult.Outcome o) {
        switch (o) {
            case COMPLETED:
                return "Finished: every trial succeeded.";
            case INCOMPLETE:
                return "Finished with failed trials: see the results for why, then Rerun to retry them.";
            case BUDGET_REACHED:
                return "Stopped at the budget cap: raise the cap, then Rerun to run the missing trials.";
            case CANCELLED:
                return "Cancelled: Rerun runs the missing trials.";
            default:
                return "The run failed: the results could not be recorded; see the log, then Rerun.";
        }
    }
}
