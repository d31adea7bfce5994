// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.lab.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.costbench.model.provider.ChatMessage;
import java.util.ArrayList;
import java.util.List;

/**
 * Conversation scripts of test inputs: how a stored experiment keeps them (in its settings JSON, {@code
 * "run": {"conversations": {"<input position>": ["turn 2", "turn 3"]}}}, so the store's input table needs no new
 * column and experiments stored before scripts existed read back with none) and how the next request of a trial is
 * made from the history so far.
 */
final class Conversations {

    /** What stands for a reply without text in the history sent with the next turn. */
    static final String NO_TEXT = "(no text answer)";

    private Conversations() {}

    /** Writes the inputs' scripts (only those that have one) into the {@code run} object. */
    static void fill(ObjectNode run, List<ExperimentSpec.InputSpec> inputs) {
        ObjectNode out = null;
        for (int i = 0; i < inputs.size(); i++) {
            List<String> turns = inputs.get(i).turns();
            if (turns.isEmpty()) {
                continue;
            }
            if (out == null) {
                out = run.putObject("conversations");
            }
            ArrayNode a = out.putArray(Integer.toString(i));
            turns.forEach(a::add);
        }
    }

    /** The script of the input at {@code position}, empty when it has none. */
    static List<String> turns(JsonNode run, int position) {
        JsonNode a = run.path("conversations").path(Integer.toString(position));
        List<String> out = new ArrayList<>();
        for (JsonNode t : a) {
            out.add(t.asText());
        }
        return out;
    }

    /** The conversation after {@code sent} was answered with {@code reply}, followed by the user's {@code next}. */
    static List<ChatMessage> next(List<ChatMessage> sent, String reply, String next) {
        List<ChatMessage> out = new ArrayList<>(sent);
        // a reply without text (e.g. only a tool call) is sent back as a marker: the APIs refuse empty turns
        out.add(ChatMessage.assistant(reply == null || reply.isBlank() ? NO_TEXT : reply));
        out.add(ChatMessage.user(next));
        return out;
    }
}
