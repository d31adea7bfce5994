// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.prompt;

import dev.costbench.model.catalog.BillingRules;
import dev.costbench.model.catalog.ModelEntry;
import dev.costbench.model.tokens.OpenTokenizers;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Turns a prompt's {@link TextStats} into each model's input token count: exact for the OpenAI encodings (with the
 * chat-format overhead of {@code provider-rules.md} §1.2) and for open models whose own tokenizer is shipped or
 * loaded (with their chat template's fixed tokens), an estimate labelled with its method otherwise.
 */
public final class ModelTokenCounter {

    /** OpenAI cookbook: 3 tokens per message, 3 to prime the reply. */
    public static final int TOKENS_PER_MESSAGE = 3;

    public static final int REPLY_PRIMING = 3;

    private ModelTokenCounter() {}

    /** The input tokens of all {@code messages} on {@code model}. */
    public static TokenCount count(ModelEntry model, List<TextStats> messages) {
        return count(model, messages, messages.size(), true);
    }

    /**
     * The tokens of the first {@code n} messages; {@code withReply} adds the reply priming (the whole prompt) or not
     * (a cached prefix).
     */
    public static TokenCount count(ModelEntry model, List<TextStats> messages, int n, boolean withReply) {
        TextStats sum = TextStats.EMPTY;
        int nonEmpty = 0;
        for (int i = 0; i < n && i < messages.size(); i++) {
            sum = sum.plus(messages.get(i));
            nonEmpty++;
        }
        String tok = model.tokenizer();
        boolean chatOverhead = model.rules() == BillingRules.OPENAI && nonEmpty > 0;
        long overhead = chatOverhead ? (long) TOKENS_PER_MESSAGE * nonEmpty + (withReply ? REPLY_PRIMING : 0) : 0;
        String overheadText = chatOverhead
                ? " + " + overhead + " chat-format tokens (3 per message + 3 reply "
                        + "priming, OpenAI cookbook; UNCONFIRMED for GPT-4.1, GPT-5 and o-series)"
                : "";
        switch (tok) {
            case "o200k_base":
                return new TokenCount(sum.o200k() + overhead, true, "exact: o200k_base" + overheadText);
            case "o200k_harmony":
                return new TokenCount(
                        sum.o200k() + overhead, true, "exact: o200k_harmony (o200k_base ranks)" + overheadText);
            case "cl100k_base":
                return new TokenCount(sum.cl100k() + overhead, true, "exact: cl100k_base" + overheadText);
            case "claude":
                return new TokenCount(
                        sum.cl100k(),
                        false,
                        "estimate: cl100k_base count (Anthropic publishes no "
                                + "tokenizer; the exact count comes from POST /v1/messages/count_tokens)");
            case "claude-2026":
                return new TokenCount(
                        ceilTimes(sum.cl100k(), 135, 100),
                        false,
                        "estimate: cl100k_base count × 1.35 "
                                + "(Claude's 2026 tokenizer uses up to 35 % more tokens; exact via /v1/messages/count_tokens)");
            case "gemini":
                return new TokenCount(
                        ceilTimes(sum.codePoints(), 1, 4),
                        false,
                        "estimate: characters ÷ 4 (Google's "
                                + "rule of thumb; the exact count comes from models/{model}:countTokens)");
            default:
                Optional<OpenTokenizers.Info> open = OpenTokenizers.info(tok);
                if (open.isPresent()) {
                    return openModel(open.get(), sum, nonEmpty, withReply);
                }
                return new TokenCount(
                        sum.o200k(), false, "estimate: o200k_base count (the model's own tokenizer is not bundled)");
        }
    }

    /**
     * An open model whose catalog entry names its tokenizer: exact with that tokenizer plus its chat template's fixed
     * tokens when the tokenizer is shipped or loaded, else today's labelled o200k_base estimate.
     */
    private static TokenCount openModel(OpenTokenizers.Info info, TextStats sum, int messages, boolean withReply) {
        OptionalLong exact = sum.open().count(info.name());
        if (exact.isEmpty()) {
            String why = sum.open() == OpenText.UNKNOWN
                    ? "the " + info.displayName() + " counts where the texts are known, as in the cost table"
                    : "the " + info.displayName() + " is not loaded: Catalog ▸ Load tokenizer.json… adds it";
            return new TokenCount(sum.o200k(), false, "estimate: o200k_base count (" + why + ")");
        }
        long overhead = messages == 0 ? 0 : (long) info.perMessage() * messages + (withReply ? info.replyPriming() : 0);
        String overheadText = overhead == 0
                ? ""
                : " + " + overhead + " chat-template tokens (" + info.perMessage() + " per message"
                        + (withReply ? " + " + info.replyPriming() + " reply priming" : "") + ": " + info.template()
                        + ")";
        return new TokenCount(exact.getAsLong() + overhead, true, "exact: " + info.displayName() + overheadText);
    }

    /**
     * The fixed tokens {@link #count} adds for each message on {@code model} when it counts exactly: the OpenAI
     * cookbook's 3, an open model's chat template's, else 0.
     */
    public static int perMessageOverhead(ModelEntry model) {
        if (model.rules() == BillingRules.OPENAI) {
            return TOKENS_PER_MESSAGE;
        }
        return OpenTokenizers.info(model.tokenizer())
                .map(OpenTokenizers.Info::perMessage)
                .orElse(0);
    }

    private static long ceilTimes(long v, long num, long den) {
        return (v * num + den - 1) / den;
    }
}
