// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.scenario;

import dev.costbench.model.scenario.PlanState.TypeState;
import java.util.List;

/**
 * What the levers do to conversation, retrieval and agent-task request types where that differs from a single
 * request: the history, chunk and tool levers, prompt caching, and the levers that cannot apply (each says why on its
 * row). Reductions keep the lower result, as {@link Effects} does.
 */
final class FlowEffects {

    private FlowEffects() {}

    /** What {@code l} did to {@code ts}: true or false, or null when {@link Effects} handles it as usual. */
    static Boolean apply(Lever l, TypeState ts, List<String> notes) {
        RequestType rt = ts.rt;
        if (FlowLevers.isOne(l)) {
            boolean applies = l instanceof Lever.Rerank
                    ? rt.isRetrievalType()
                    : l instanceof Lever.PruneTools ? hasTools(rt) : rt.isConversationType();
            if (applies) {
                ts.flow = ts.flow.with(l);
            }
            return applies;
        }
        if (!rt.isConversationType() && !rt.isRetrievalType()) {
            if (rt.isAgentTask() && l instanceof Lever.PromptCaching) {
                notes.add("'" + rt.name() + "' is an agent task: prompt caching is not modelled for agent tasks (each "
                        + "step's prompt grows with the tool output, and the cost engine of agent tasks has no cache "
                        + "split yet), so its calls are billed without caching");
                return false;
            }
            return null;
        }
        if (l instanceof Lever.PromptCaching c) {
            if (ts.routes.isEmpty()) {
                return false;
            }
            ts.caching = c;
            if (rt.isConversationType()) {
                notes.add("'" + rt.name() + "' is a conversation: the cache is read turn by turn as its history grows, "
                        + "by the provider's rules (minimum length, lifetime, write price), not at the typed hit rate");
            }
            return true;
        }
        if (rt.isRetrievalType() && l instanceof Lever.ServiceTierLever
                || rt.isRetrievalType() && l instanceof Lever.Batch) {
            notes.add("'" + rt.name() + "' is a retrieval type: batch, flex and priority are not modelled for "
                    + "retrieval queries, so they stay at standard prices");
            return false;
        }
        Component c = l.component();
        if (c == Component.PROMPT_TOKENS || c == Component.OUTPUT_TOKENS || c == Component.MEDIA_TOKENS) {
            notes.add("'" + rt.name() + "' is a " + (rt.isConversationType() ? "conversation" : "retrieval type") + ": "
                    + l.kind() + " acts on single requests; use "
                    + (rt.isConversationType() ? "Summarize history, History window" : "Fewer, shorter chunks")
                    + " or Prune tools instead");
            return false;
        }
        return null;
    }

    /** True when the request type sends tool definitions. */
    static boolean hasTools(RequestType rt) {
        if (rt.isRetrievalType()) {
            return rt.retrieval().toolsTokens() > 0;
        }
        return rt.isConversationType() && rt.conversation().hasTools();
    }
}
