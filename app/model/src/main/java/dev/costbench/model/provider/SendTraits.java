// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.provider;

import java.util.List;
import java.util.Locale;

/**
 * What a model accepts on "Send to the API", from its provider and id (the catalog lists prices, not request
 * parameters), and how {@link SendOptions} become each provider's fields:
 * <ul>
 *   <li>OpenAI: reasoning models (GPT-5 family except the {@code -chat-latest} aliases, o1, o3, o4) take
 *       {@code reasoning.effort} (Chat Completions: {@code reasoning_effort}) and refuse {@code temperature}; "none"
 *       is sent as {@code minimal} to the first GPT-5 models and refused by the o-series, which always reason.</li>
 *   <li>Anthropic: Claude 3.7 and Claude 4 and later have extended thinking: effort low / medium / high is
 *       {@code thinking.budget_tokens} 1,024 / 4,096 / 16,384, which must stay below {@code max_tokens}; with
 *       thinking on, Anthropic takes no temperature.</li>
 *   <li>Google: Gemini 2.5 and later think: none / low / medium / high is {@code thinkingConfig.thinkingBudget}
 *       0 / 1,024 / 8,192 / 24,576.</li>
 *   <li>OpenAI-compatible servers: gpt-oss models take {@code reasoning_effort} low / medium / high.</li>
 * </ul>
 */
public final class SendTraits {

    private static final List<String> FIRST_GPT5 = List.of("gpt-5", "gpt-5-mini", "gpt-5-nano", "gpt-5-pro");

    private SendTraits() {}

    /** True when the model reasons and CostBench can set its effort. */
    public static boolean hasReasoning(ProviderId provider, String modelId) {
        String id = modelId.toLowerCase(Locale.ROOT);
        return switch (provider) {
            case OPENAI -> openAiReasoning(id);
            case ANTHROPIC -> id.startsWith("claude-") && (!id.startsWith("claude-3-") || id.startsWith("claude-3-7"));
            case GEMINI -> id.startsWith("gemini-") && !id.startsWith("gemini-1") && !id.startsWith("gemini-2.0");
            case COMPATIBLE -> id.contains("gpt-oss");
        };
    }

    private static boolean openAiReasoning(String id) {
        return (id.startsWith("gpt-5") && !id.endsWith("-chat-latest")) || id.matches("o[134](-.*)?");
    }

    /** Why the model takes no temperature with these options, or null when it takes one. */
    public static String temperatureRefusal(ProviderId provider, String modelId, ReasoningEffort effort) {
        if (provider == ProviderId.OPENAI && openAiReasoning(modelId.toLowerCase(Locale.ROOT))) {
            return "OpenAI's reasoning models (GPT-5, o1, o3, o4) accept no temperature: they sample at their own "
                    + "setting.";
        }
        if (provider == ProviderId.ANTHROPIC && thinking(provider, modelId, effort)) {
            return "Anthropic takes no temperature while extended thinking is on: set Reasoning effort to None "
                    + "to choose a temperature.";
        }
        return null;
    }

    /** What is wrong with {@code options} for this model (and what to do), or null when they can be sent. */
    public static String problem(ProviderId provider, String modelId, SendOptions options) {
        ReasoningEffort effort = options.effort();
        if (effort == null || !hasReasoning(provider, modelId)) {
            return null;
        }
        String id = modelId.toLowerCase(Locale.ROOT);
        if (provider == ProviderId.OPENAI && effort == ReasoningEffort.NONE && id.matches("o[134](-.*)?")) {
            return "OpenAI's o-series models always reason: choose Low, Medium or High effort.";
        }
        if (provider == ProviderId.COMPATIBLE && effort == ReasoningEffort.NONE) {
            return "gpt-oss models always reason: choose Low, Medium or High effort.";
        }
        Integer budget = anthropicBudget(effort);
        if (provider == ProviderId.ANTHROPIC && budget != null && budget >= options.maxOutputTokens()) {
            return String.format(
                    Locale.ROOT,
                    "Anthropic needs the thinking budget (%,d tokens at %s effort) below the output cap: raise Max "
                            + "output tokens above %,d or choose a lower effort.",
                    budget,
                    effort.label().toLowerCase(Locale.ROOT),
                    budget);
        }
        return null;
    }

    /**
     * {@code base} (the prompt) addressed to {@code modelId} with the options in the fields this provider takes;
     * a temperature the model refuses is left out.
     */
    public static ChatRequest apply(ChatRequest base, ProviderId provider, String modelId, SendOptions o) {
        ReasoningEffort effort = hasReasoning(provider, modelId) ? o.effort() : null;
        Double temperature = temperatureRefusal(provider, modelId, effort) == null ? o.temperature() : null;
        Integer budget = null;
        String effortWord = null;
        if (effort != null) {
            switch (provider) {
                case OPENAI ->
                    effortWord = effort == ReasoningEffort.NONE
                            ? (FIRST_GPT5.contains(modelId.toLowerCase(Locale.ROOT)) ? "minimal" : "none")
                            : effort.code();
                case ANTHROPIC -> budget = anthropicBudget(effort);
                case GEMINI -> budget = geminiBudget(effort);
                case COMPATIBLE -> effortWord = effort.code();
            }
        }
        return new ChatRequest(
                modelId,
                base.system(),
                base.systemCache(),
                base.messages(),
                o.maxOutputTokens(),
                temperature,
                base.seed(),
                budget,
                effortWord,
                base.mediaResolution(),
                o.stream(),
                base.openAiApi(),
                base.serviceTier(),
                base.tools());
    }

    /**
     * {@code base} asking {@code modelId} for reasoning effort {@code effort} in the field its provider takes (OpenAI
     * and compatible servers: the effort word; Anthropic, Gemini: the thinking budget of that level), dropping a
     * temperature the model then refuses; everything else (output cap, streaming, tools, service tier) is kept. A
     * model without reasoning gets {@code base} unchanged (check {@link #hasReasoning} first).
     */
    public static ChatRequest withEffort(
            ChatRequest base, ProviderId provider, String modelId, ReasoningEffort effort) {
        if (effort == null || !hasReasoning(provider, modelId)) {
            return base;
        }
        SendOptions o = new SendOptions(base.temperature(), base.maxOutputTokens(), effort, base.stream());
        return apply(base, provider, modelId, o).withModel(base.model()).withTools(base.tools());
    }

    /** The thinking budget effort {@code e} is sent as on {@code provider} (Anthropic, Gemini), else null. */
    public static Integer thinkingBudget(ProviderId provider, ReasoningEffort e) {
        return switch (provider) {
            case ANTHROPIC -> anthropicBudget(e);
            case GEMINI -> geminiBudget(e);
            default -> null;
        };
    }

    private static boolean thinking(ProviderId provider, String modelId, ReasoningEffort effort) {
        return effort != null && effort != ReasoningEffort.NONE && hasReasoning(provider, modelId);
    }

    private static Integer anthropicBudget(ReasoningEffort e) {
        return switch (e) {
            case NONE -> null;
            case LOW -> 1024;
            case MEDIUM -> 4096;
            case HIGH -> 16384;
        };
    }

    private static Integer geminiBudget(ReasoningEffort e) {
        return switch (e) {
            case NONE -> 0;
            case LOW -> 1024;
            case MEDIUM -> 8192;
            case HIGH -> 24576;
        };
    }
}
