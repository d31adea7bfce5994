// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.scenario;

import dev.costbench.model.workload.conversation.Conversation;
import dev.costbench.model.workload.conversation.ConversationFiles;
import dev.costbench.model.workload.conversation.Sized;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The shape of one conversation of a "Conversation" request type: a built-in sample, or typed turns and tokens. The
 * request type's volume then counts conversations, each priced turn by turn by the Workloads tab's conversation
 * pricer.
 *
 * @param sample          a built-in sample of {@code resources/conversations} by file name; null: the typed shape
 * @param turns           turns per conversation (with a sample: the sample cut or extended to it; null: as is)
 * @param userTokens      the user's message per turn (typed shape)
 * @param assistantTokens the assistant's answer per turn (typed shape)
 * @param systemTokens    the system prompt, re-sent every turn (typed shape)
 * @param toolsTokens     the tool definitions, re-sent every turn (typed shape; with a sample: null keeps its tools)
 * @param summaryTokens   the size of one summary when history is summarized; null: the sample's or 200
 */
public record ConversationShape(
        String sample,
        Integer turns,
        Long userTokens,
        Long assistantTokens,
        Long systemTokens,
        Long toolsTokens,
        Long summaryTokens) {

    public ConversationShape {
        sample = sample == null || sample.isBlank() ? null : sample.trim();
    }

    /** A typed shape: {@code turns} turns of {@code user} and {@code assistant} tokens, system and tools re-sent. */
    public static ConversationShape typed(int turns, long user, long assistant, long system, long tools) {
        return new ConversationShape(null, turns, user, assistant, system, tools, null);
    }

    /** The conversation this shape describes, its tools cut to {@code toolsTokens} when that is not null. */
    Conversation conversation(Long toolsTokensAfterLevers) {
        Conversation c;
        if (sample != null) {
            try {
                c = ConversationFiles.sample(sample);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            if (turns != null) {
                c = c.withTurns(turns);
            }
            if (toolsTokens != null) {
                c = withTools(c, toolsTokens);
            }
        } else {
            c = new Conversation(
                    "Conversation",
                    Sized.tokens(nz(systemTokens)),
                    Sized.tokens(nz(toolsTokens)),
                    Conversation.generate(turns == null ? 1 : turns, nz(userTokens), nz(assistantTokens)),
                    null,
                    Conversation.DEFAULT_TURN_GAP_SECONDS,
                    Conversation.DEFAULT_SUMMARY_TOKENS,
                    null);
        }
        if (summaryTokens != null) {
            c = c.withSummary(summaryTokens, null);
        }
        return toolsTokensAfterLevers == null ? c : withTools(c, toolsTokensAfterLevers);
    }

    private static Conversation withTools(Conversation c, long tokens) {
        return new Conversation(
                c.name(),
                c.system(),
                Sized.tokens(tokens),
                c.turns(),
                c.modelId(),
                c.turnGapSeconds(),
                c.summaryTokens(),
                c.summarizerId());
    }

    /** True when tool definitions are re-sent each turn (typed, or in the sample). */
    boolean hasTools() {
        if (toolsTokens != null || sample == null) {
            return toolsTokens != null && toolsTokens > 0;
        }
        Sized t = conversation(null).tools();
        return t.counted() ? t.text().codePoints() > 0 : t.tokens() > 0;
    }

    /** True when the sample exists (always true for a typed shape). */
    boolean sampleKnown() {
        return sample == null || ConversationFiles.SAMPLES.contains(sample);
    }

    private static long nz(Long v) {
        return v == null ? 0 : v;
    }
}
