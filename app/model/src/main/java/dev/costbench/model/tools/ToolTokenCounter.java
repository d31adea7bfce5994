// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.tools;

import dev.costbench.model.catalog.BillingRules;
import dev.costbench.model.catalog.ModelEntry;
import java.util.ArrayList;
import java.util.List;

/**
 * The tokens a {@link ToolSet} adds to each request on a model, counted as each provider sends tools:
 *
 * <ul>
 *   <li>OpenAI models (o200k_base, cl100k_base): exact, with the function-definition formatting of
 *       {@code num_tokens_for_tools} in OpenAI's cookbook "How to count tokens with tiktoken" (section 7) — per
 *       function 7 tokens (10 on cl100k_base models), the {@code name:description} line, 3 when it has properties,
 *       3 and a {@code key:type:description} line per property, −3 per enum property and 3 plus the value per enum
 *       value, and 12 closing the list. The cookbook publishes the o200k_base constants for gpt-4o and gpt-4o-mini;
 *       other o200k_base models get the same constants, labelled UNCONFIRMED.
 *   <li>Claude: an estimate of the definitions (their compact JSON, cl100k_base count, × 1.35 for the 2026 tokenizer)
 *       plus the tool-use system prompt Anthropic documents per model and tool choice ({@link AnthropicToolOverhead}).
 *   <li>Gemini: Google publishes no tool formatting, so a labelled estimate: the declarations' compact JSON in
 *       characters ÷ 4, Google's rule of thumb.
 *   <li>Other models: the OpenAI formatting counted with o200k_base, labelled an estimate.
 * </ul>
 */
public final class ToolTokenCounter {

    /**
     * The cookbook's constants: func_init (o200k_base models; 10 on cl100k_base), prop_init, prop_key, enum_init,
     * enum_item, func_end.
     */
    static final int FUNC_INIT_O200K = 7;

    static final int FUNC_INIT_CL100K = 10;
    static final int PROP_INIT = 3;
    static final int PROP_KEY = 3;
    static final int ENUM_INIT = -3;
    static final int ENUM_ITEM = 3;
    static final int FUNC_END = 12;

    private ToolTokenCounter() {}

    /** The tokens {@code tools} add to a request on {@code model} with {@code choice}. */
    public static ToolsCount count(ModelEntry model, ToolSet tools, ToolChoice choice) {
        if (tools.isEmpty()) {
            return ToolsCount.NONE;
        }
        String tok = model.tokenizer();
        boolean openai = model.rules() == BillingRules.OPENAI;
        switch (tok) {
            case "cl100k_base":
                return openai(tools, false, openai, "cl100k_base", true);
            case "o200k_base":
                return openai(tools, true, openai, "o200k_base", cookbookModel(model.id()));
            case "claude":
            case "claude-2026":
                return claude(model, tools, choice, tok.equals("claude-2026"));
            case "gemini":
                return gemini(tools);
            default:
                return openai(tools, true, false, "o200k_base", false);
        }
    }

    /** The models the cookbook's o200k_base constants were checked on. */
    private static boolean cookbookModel(String id) {
        return id.startsWith("gpt-4o");
    }

    private static ToolsCount openai(ToolSet tools, boolean o200k, boolean exact, String enc, boolean confirmed) {
        List<Long> per = new ArrayList<>();
        int funcInit = o200k ? FUNC_INIT_O200K : FUNC_INIT_CL100K;
        long sum = 0;
        for (ToolDefinition t : tools.tools()) {
            ToolStats s = t.stats();
            long n = funcInit + (o200k ? s.o200k() : s.cl100k());
            if (s.properties() > 0) {
                n += PROP_INIT + (long) PROP_KEY * s.properties();
            }
            n += (long) ENUM_INIT * s.enumProperties() + (long) ENUM_ITEM * s.enumItems();
            per.add(n);
            sum += n;
        }
        String constants = funcInit + " per function, 3 + 3 per property, −3 + 3 per enum value, 12 to close the list";
        String method = exact
                ? "exact: " + enc + " with OpenAI's function formatting (cookbook num_tokens_for_tools: " + constants
                        + ")"
                        + (confirmed
                                ? ""
                                : "; the cookbook checked these constants on gpt-4o — UNCONFIRMED "
                                        + "for this model, the exact count comes from POST /v1/responses/input_tokens")
                : "estimate: OpenAI's function formatting counted with o200k_base (" + constants + "); this model's "
                        + "own tool template is not published";
        return new ToolsCount(
                sum + FUNC_END, exact, method, per, FUNC_END, "Closing the tool list (OpenAI formatting)");
    }

    private static ToolsCount claude(ModelEntry model, ToolSet tools, ToolChoice choice, boolean tokenizer2026) {
        List<Long> per = new ArrayList<>();
        long sum = 0;
        for (ToolDefinition t : tools.tools()) {
            long n = tokenizer2026
                    ? ceil(t.stats().jsonCl100k() * 135, 100)
                    : t.stats().jsonCl100k();
            per.add(n);
            sum += n;
        }
        AnthropicToolOverhead.Overhead o = AnthropicToolOverhead.of(model.id());
        int shared = o.tokens(choice);
        String choiceText = choice.forcesTool() ? "any/tool" : "auto/none";
        String method = "estimate: definitions as compact JSON, cl100k_base count" + (tokenizer2026 ? " × 1.35" : "")
                + "; + " + shared + " tokens of tool-use system prompt (Anthropic's table for "
                + o.model() + ", tool_choice " + choiceText
                + (o.listed() ? ")" : "; this model is not in the table — UNCONFIRMED)")
                + "; the exact count comes from POST /v1/messages/count_tokens";
        return new ToolsCount(
                sum + shared,
                false,
                method,
                per,
                shared,
                "Tool-use system prompt (Anthropic, tool_choice " + choice + ")");
    }

    private static ToolsCount gemini(ToolSet tools) {
        List<Long> per = new ArrayList<>();
        long sum = 0;
        for (ToolDefinition t : tools.tools()) {
            long n = ceil(t.stats().jsonCodePoints(), 4);
            per.add(n);
            sum += n;
        }
        String method = "estimate: declarations as compact JSON, characters ÷ 4 (Google publishes no tool formatting "
                + "or overhead; the exact count comes from models/{model}:countTokens)";
        return new ToolsCount(sum, false, method, per, 0, "");
    }

    private static long ceil(long v, long den) {
        return (v + den - 1) / den;
    }
}
