// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.workload.conversation;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The shape of one conversation: what every request re-sends (the system prompt and the tools) and the turns, read
 * from a file by {@link ConversationFiles}.
 *
 * @param name           what the conversation is called ("Support chat, 30 turns")
 * @param system         the system prompt, re-sent with every request
 * @param tools          the tool definitions, re-sent with every request
 * @param turns          the turns in order (at least one)
 * @param modelId        the catalog id of the model it runs on; null when the file names none
 * @param turnGapSeconds the time between two turns (a cache entry whose lifetime is shorter expires in between)
 * @param summaryTokens  the size of a summary the summarization strategy writes
 * @param summarizerId   the catalog id of the model that writes summaries; null: the conversation's model
 */
public record Conversation(
        String name,
        Sized system,
        Sized tools,
        List<Turn> turns,
        String modelId,
        long turnGapSeconds,
        long summaryTokens,
        String summarizerId) {

    /** Seconds between turns when a file says nothing: a person reading an answer and typing the next message. */
    public static final long DEFAULT_TURN_GAP_SECONDS = 60;
    /** Summary size when a file says nothing (seed 001: 15 turns of 200 tokens summarized in about 200). */
    public static final long DEFAULT_SUMMARY_TOKENS = 200;

    public Conversation {
        name = name == null || name.isBlank() ? "Conversation" : name;
        system = system == null ? Sized.NONE : system;
        tools = tools == null ? Sized.NONE : tools;
        turns = List.copyOf(Objects.requireNonNull(turns, "turns"));
        if (turns.isEmpty()) {
            throw new IllegalArgumentException("a conversation has at least one turn");
        }
        if (turnGapSeconds < 0 || summaryTokens < 0) {
            throw new IllegalArgumentException("the turn gap and the summary size must not be negative");
        }
        modelId = modelId == null || modelId.isBlank() ? null : modelId;
        summarizerId = summarizerId == null || summarizerId.isBlank() ? null : summarizerId;
    }

    /** A generated conversation: {@code n} turns of {@code user} and {@code assistant} tokens each. */
    public static List<Turn> generate(int n, long user, long assistant) {
        List<Turn> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(Turn.of(user, assistant));
        }
        return out;
    }

    /**
     * The same conversation with {@code n} turns: the first {@code n} when it has more; when it has fewer, the last
     * turn repeated.
     */
    public Conversation withTurns(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("a conversation has at least one turn, got " + n);
        }
        List<Turn> t = new ArrayList<>(turns.subList(0, Math.min(n, turns.size())));
        while (t.size() < n) {
            t.add(turns.get(turns.size() - 1));
        }
        return new Conversation(name, system, tools, t, modelId, turnGapSeconds, summaryTokens, summarizerId);
    }

    /** The same conversation run on {@code id}. */
    public Conversation withModel(String id) {
        return new Conversation(name, system, tools, turns, id, turnGapSeconds, summaryTokens, summarizerId);
    }

    /** The same conversation with another summary size and summarizer (null: keep). */
    public Conversation withSummary(Long tokens, String summarizer) {
        return new Conversation(
                name,
                system,
                tools,
                turns,
                modelId,
                turnGapSeconds,
                tokens == null ? summaryTokens : tokens,
                summarizer == null ? summarizerId : summarizer);
    }

    /** The same conversation with {@code seconds} between turns. */
    public Conversation withTurnGap(long seconds) {
        return new Conversation(name, system, tools, turns, modelId, seconds, summaryTokens, summarizerId);
    }
}
