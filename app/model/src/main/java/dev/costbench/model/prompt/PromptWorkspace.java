// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.prompt;

import dev.costbench.model.tokens.Encoding;
import dev.costbench.model.validation.NumberKind;
import dev.costbench.model.validation.NumberRules;
import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * Everything the Prompt view holds that a user would want back tomorrow: the system prompt, the few-shot turns, the
 * user message, the request options, the cache breakpoints and the chosen tokenizer. Saved as one readable JSON
 * file by {@link PromptWorkspaceFiles}.
 *
 * @param system          the system prompt ("" when there is none)
 * @param turns           the few-shot turns, in order
 * @param user            the user message
 * @param outputTokens    expected visible output tokens per request
 * @param reasoningTokens expected reasoning tokens per request
 * @param monthlyRequests requests per month
 * @param cachedPrefix    the system prompt and turns are served from the prompt cache
 * @param batch           sent through the batch API
 * @param residency       data residency / regional processing
 * @param modelId         the catalog id of the model selected in the cost table, or null
 * @param tools           the tools JSON sent with every request, as the user gave it ("" when there are none)
 * @param cache           the cache breakpoints marked in the editors and their lifetime
 * @param tokenizer       the tokenizer chosen in the Tokens pane, or null for its default (o200k_base)
 */
public record PromptWorkspace(
        String system,
        List<FewShotTurn> turns,
        String user,
        long outputTokens,
        long reasoningTokens,
        long monthlyRequests,
        boolean cachedPrefix,
        boolean batch,
        boolean residency,
        String modelId,
        String tools,
        PromptWorkspaceCache cache,
        Encoding tokenizer) {

    /** One few-shot turn: a user or an assistant message. */
    public record FewShotTurn(Role role, String text) {
        public FewShotTurn {
            Objects.requireNonNull(role, "role");
            if (role == Role.SYSTEM) {
                throw new IllegalArgumentException("a few-shot turn is a user or an assistant message");
            }
            text = text == null ? "" : text;
        }
    }

    /** Each number is checked like every other number CostBench reads; the message names the file's field. */
    public PromptWorkspace {
        system = system == null ? "" : system;
        turns = List.copyOf(turns);
        user = user == null ? "" : user;
        check("options.outputTokens", outputTokens, NumberKind.TOKENS);
        check("options.reasoningTokens", reasoningTokens, NumberKind.TOKENS);
        check("options.requestsPerMonth", monthlyRequests, NumberKind.REQUESTS);
        modelId = modelId == null || modelId.isBlank() ? null : modelId;
        tools = tools == null ? "" : tools;
        cache = cache == null ? PromptWorkspaceCache.NONE : cache;
        cache.check(system, turns.stream().map(FewShotTurn::text).toList(), user);
    }

    /** An empty prompt with the Prompt view's default options. */
    public static PromptWorkspace empty() {
        return new PromptWorkspace(
                "", List.of(), "", 500, 0, 100_000, false, false, false, null, "", PromptWorkspaceCache.NONE, null);
    }

    private static void check(String field, long value, NumberKind kind) {
        NumberRules.check(field, BigDecimal.valueOf(value), kind);
    }
}
