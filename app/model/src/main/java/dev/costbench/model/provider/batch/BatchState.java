// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.provider.batch;

/** Where a batch is, in CostBench's words; each provider's own state word maps onto one of these. */
public enum BatchState {
    /** Accepted, being validated or waiting to start (OpenAI validating; Gemini BATCH_STATE_PENDING). */
    PENDING("waiting to start", false),
    /** Requests are being processed (OpenAI in_progress/finalizing; Anthropic in_progress; Gemini RUNNING). */
    RUNNING("running", false),
    /** Cancel was asked for and the provider is winding down (OpenAI cancelling; Anthropic canceling). */
    CANCELLING("cancelling", false),
    /** Finished: results can be collected (some requests inside may still have failed). */
    ENDED("finished", true),
    /** Cancelled: results of the requests that finished before the cancel can be collected. */
    CANCELLED("cancelled", true),
    /** The completion window (24 h) passed: results of the requests that finished can be collected. */
    EXPIRED("expired", true),
    /** The provider rejected the whole batch (e.g. the input file failed validation). */
    FAILED("failed", true);

    private final String words;
    private final boolean terminal;

    BatchState(String words, boolean terminal) {
        this.words = words;
        this.terminal = terminal;
    }

    /** The state as shown to users ("running", "expired"). */
    public String words() {
        return words;
    }

    /** True when the batch will not change any more. */
    public boolean terminal() {
        return terminal;
    }
}
