// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.workload.agent;

/**
 * The tokens of one agent call before the context grows.
 *
 * @param instructions  system prompt and tool definitions, sent with every call
 * @param task          the task as the user gives it, sent with every call
 * @param outputPerStep output (and reasoning) tokens each call writes; it stays in the context of later calls
 */
public record AgentTokens(long instructions, long task, long outputPerStep) {

    public AgentTokens {
        if (instructions < 0 || task < 0 || outputPerStep < 0) {
            throw new IllegalArgumentException("Token counts of an agent call must be 0 or more");
        }
    }

    /**
     * The input tokens of step {@code step} (1 = the first): instructions and task, plus the output and tool output
     * of every earlier step.
     */
    public long inputAt(int step, long toolOutputTokens) {
        return instructions + task + (step - 1L) * (outputPerStep + toolOutputTokens);
    }
}
