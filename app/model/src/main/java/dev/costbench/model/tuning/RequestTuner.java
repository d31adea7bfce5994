// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.tuning;

import dev.costbench.model.catalog.BillingRules;
import dev.costbench.model.catalog.ModelEntry;
import dev.costbench.model.cost.BillingOptions;
import dev.costbench.model.cost.CostEngine;
import dev.costbench.model.cost.UnitPrices;
import dev.costbench.model.prompt.ModelTokenCounter;
import dev.costbench.model.prompt.Role;
import dev.costbench.model.prompt.TextStats;
import dev.costbench.model.prompt.TokenCount;
import dev.costbench.model.tokens.Encoding;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Suggestions over a whole request rather than one text: the cuts {@link PromptTuner} finds in every text part
 * (system prompt, each few-shot turn, the user message), few-shot selection over the example pairs within a token
 * budget, an output cap from the expected answer length, asking for structured output, a hint to summarize a long
 * conversation history, and an LLM rewrite made elsewhere. Each {@link Item} says which part it changes.
 */
public final class RequestTuner {

    /** Text the structured-output suggestion appends to the system prompt (or to the user message). */
    public static final String STRUCTURED_INSTRUCTION = "Reply only with compact JSON, no explanation.";
    /** A structured answer is assumed to be this long when no expected answer length is given (an estimate). */
    public static final long STRUCTURED_ANSWER_TOKENS = 40;

    private static final Pattern TASK = Pattern.compile("(?i)\\b(?:classif\\w*|categor\\w*|extract\\w*|label\\w*|"
            + "sentiment|tag|tags|score|rate|yes or no|true or false|choose one|pick one|which of)\\b");
    private static final Pattern JSON = Pattern.compile("(?i)json|schema|structured output|response_format");

    /**
     * One text part of the request.
     *
     * @param key   stable identity of the part (e.g. "system", a turn key, "user")
     * @param label shown with the suggestion, e.g. "Example turn 2 (assistant)"
     * @param role  SYSTEM, USER or ASSISTANT; the last USER part is the user message, the others between the system
     *              prompt and it are few-shot turns
     */
    public record TextPart(String key, String label, Role role, String text) {
        public TextPart {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(role, "role");
            text = text == null ? "" : text;
        }
    }

    /**
     * What to look for besides the text cuts.
     *
     * @param fewShotBudget        tokens (o200k_base) the kept examples may use; 0 skips few-shot selection
     * @param fewShotSimilar       keep the examples most similar to the user message (else the most diverse)
     * @param dropJsonDescriptions also drop JSON-schema descriptions
     * @param expectedAnswerTokens expected answer length for the output cap and structured output; null skips the cap
     * @param historyThreshold     turns holding at least this many tokens on the model get a summarization hint
     */
    public record Settings(
            int fewShotBudget,
            boolean fewShotSimilar,
            boolean dropJsonDescriptions,
            Long expectedAnswerTokens,
            long historyThreshold) {
        public static Settings defaults() {
            return new Settings(0, false, false, null, 2_000);
        }
    }

    /**
     * A suggestion and where it applies.
     *
     * @param part      index of the text part its edits apply to; -1 for a request-level suggestion
     * @param dropParts indices of parts the suggestion removes (few-shot selection); empty otherwise
     * @param hint      true when there is nothing to apply automatically (the history summary)
     * @param costUsd   what making the suggestion cost (an LLM rewrite call); null when it cost nothing
     */
    public record Item(
            Suggestion suggestion,
            int part,
            String partLabel,
            List<Integer> dropParts,
            boolean hint,
            BigDecimal costUsd) {
        public Item {
            dropParts = List.copyOf(dropParts);
        }

        /** The suggestion's id, unique within one analysis. */
        public String id() {
            return suggestion.id();
        }
    }

    private RequestTuner() {}

    /** All suggestions for the request, largest monthly saving first (unpriced ones last). */
    public static List<Item> suggest(
            List<TextPart> parts,
            long outputTokens,
            ModelEntry model,
            long monthly,
            BillingOptions billing,
            Settings s) {
        List<Item> out = new ArrayList<>();
        TuneOptions base =
                new TuneOptions(model, monthly, billing, s.dropJsonDescriptions(), null, null, List.of(), 0, null);
        for (int i = 0; i < parts.size(); i++) {
            TextPart p = parts.get(i);
            if (p.text().isBlank()) {
                continue;
            }
            for (Suggestion sg : PromptTuner.suggest(p.text(), base)) {
                Suggestion named = new Suggestion(
                        p.key() + ":" + sg.id(),
                        sg.kind(),
                        sg.title(),
                        sg.detail(),
                        sg.edits(),
                        sg.tokensSaved(),
                        sg.modelTokensSaved(),
                        sg.modelTokensExact(),
                        sg.usdPerRequest(),
                        sg.usdPerMonth(),
                        sg.maxTokens());
                out.add(new Item(named, i, p.label(), List.of(), false, null));
            }
        }
        UnitPrices prices = CostEngine.unitPrices(model, totalTokens(model, parts), billing);
        Item few = fewShot(parts, model, monthly, prices, s);
        if (few != null) {
            out.add(few);
        }
        if (s.expectedAnswerTokens() != null && s.expectedAnswerTokens() > 0) {
            TuneOptions o = base.withOutput(s.expectedAnswerTokens(), outputTokens);
            Suggestion cap = PromptTuner.outputCap(o, prices.output());
            if (cap != null && cap.modelTokensSaved() > 0) {
                out.add(new Item(cap, -1, "Request", List.of(), false, null));
            }
        }
        Item structured = structured(parts, outputTokens, model, monthly, prices, s);
        if (structured != null) {
            out.add(structured);
        }
        Item history = history(parts, model, monthly, prices, s);
        if (history != null) {
            out.add(history);
        }
        out.sort(Comparator.comparing((Item it) -> it.suggestion().usdPerMonth() == null
                        ? BigDecimal.valueOf(-1)
                        : it.suggestion().usdPerMonth())
                .reversed()
                .thenComparing(it -> -it.suggestion().tokensSaved(Encoding.O200K_BASE)));
        return out;
    }

    /**
     * An LLM rewrite of part {@code part} as a suggestion: one edit replacing the whole text by {@code rewritten},
     * its saving measured like any other, and {@code callCostUsd}, what the rewrite call cost, carried with it.
     */
    public static Item rewrite(
            List<TextPart> parts,
            int part,
            String rewritten,
            String byModel,
            ModelEntry model,
            long monthly,
            BillingOptions billing,
            BigDecimal callCostUsd) {
        TextPart p = parts.get(part);
        String text = p.text();
        TextEdit edit = TextEdit.of(text, 0, text.length(), rewritten);
        TextStats before = TextStats.of(text);
        TextStats after = TextStats.of(rewritten);
        Map<Encoding, Integer> saved = saved(before, after);
        TokenCount mb = ModelTokens.of(model, before);
        long modelSaved = mb.tokens() - ModelTokens.of(model, after).tokens();
        UnitPrices prices = CostEngine.unitPrices(model, totalTokens(model, parts), billing);
        BigDecimal perRequest = PromptTuner.usd(prices.input(), modelSaved);
        double ratio = text.isEmpty() ? 1 : rewritten.length() / (double) text.length();
        Suggestion s = new Suggestion(
                p.key() + ":rewrite",
                SuggestionKind.REWRITE,
                String.format(
                        Locale.ROOT,
                        "Rewrite of the %s by %s (%.0f %% of its length)",
                        p.label().toLowerCase(Locale.ROOT),
                        byModel,
                        ratio * 100),
                "A cheaper model rewrote this part to about half its length. Read it before accepting, and check "
                        + "the answers in the A/B lab: a rewrite can drop an instruction.",
                List.of(edit),
                saved,
                modelSaved,
                mb.exact(),
                perRequest,
                PromptTuner.monthly(perRequest, monthly),
                null);
        return new Item(s, part, p.label(), List.of(), false, callCostUsd);
    }

    private static Item fewShot(List<TextPart> parts, ModelEntry model, long monthly, UnitPrices prices, Settings s) {
        if (s.fewShotBudget() <= 0) {
            return null;
        }
        int userIdx = lastUser(parts);
        List<List<Integer>> examples = new ArrayList<>();
        for (int i = 0; i < parts.size(); i++) {
            TextPart p = parts.get(i);
            if (i == userIdx || p.role() == Role.SYSTEM) {
                continue;
            }
            boolean pairs = p.role() == Role.USER
                    && i + 1 < parts.size()
                    && i + 1 != userIdx
                    && parts.get(i + 1).role() == Role.ASSISTANT;
            examples.add(pairs ? List.of(i, i + 1) : List.of(i));
            if (pairs) {
                i++;
            }
        }
        if (examples.size() < 2) {
            return null;
        }
        List<String> texts = examples.stream()
                .map(ex -> String.join(
                        "\n", ex.stream().map(k -> parts.get(k).text()).toList()))
                .toList();
        FewShotSelector.Selection sel = s.fewShotSimilar() && userIdx >= 0
                ? FewShotSelector.mostSimilar(texts, parts.get(userIdx).text(), Encoding.O200K_BASE, s.fewShotBudget())
                : FewShotSelector.mostDiverse(texts, Encoding.O200K_BASE, s.fewShotBudget());
        if (sel.dropped().isEmpty()) {
            return null;
        }
        List<Integer> drop = new ArrayList<>();
        List<String> names = new ArrayList<>();
        TextStats dropped = TextStats.EMPTY;
        long modelSaved = 0;
        boolean exact = true;
        for (int e : sel.dropped()) {
            names.add(Integer.toString(e + 1));
            for (int k : examples.get(e)) {
                drop.add(k);
                TextStats st = TextStats.of(parts.get(k).text());
                dropped = dropped.plus(st);
                TokenCount c = ModelTokens.of(model, st);
                exact &= c.exact();
                modelSaved += c.tokens()
                        + (model.rules() == BillingRules.OPENAI && st.codePoints() > 0
                                ? ModelTokenCounter.TOKENS_PER_MESSAGE
                                : 0);
            }
        }
        BigDecimal perRequest = PromptTuner.usd(prices.input(), modelSaved);
        String how = s.fewShotSimilar() ? "most similar to the user message" : "most diverse";
        Suggestion sg = new Suggestion(
                "few-shot",
                SuggestionKind.FEW_SHOT,
                "Keep " + sel.selected().size() + " of "
                        + examples.size() + " examples within " + s.fewShotBudget() + " tokens (drop example "
                        + String.join(", ", names) + ")",
                "Keeps the " + how + " examples (token-set Jaccard, o200k_base) "
                        + "that fit the budget; the dropped turns are removed from the request.",
                List.of(),
                PromptTuner.counts(dropped),
                modelSaved,
                exact,
                perRequest,
                PromptTuner.monthly(perRequest, monthly),
                null);
        return new Item(sg, -1, "Few-shot turns", drop, false, null);
    }

    private static Item structured(
            List<TextPart> parts, long outputTokens, ModelEntry model, long monthly, UnitPrices prices, Settings s) {
        StringBuilder all = new StringBuilder();
        int target = -1;
        for (int i = 0; i < parts.size(); i++) {
            TextPart p = parts.get(i);
            all.append(p.text()).append('\n');
            if (p.role() == Role.SYSTEM && !p.text().isBlank()) {
                target = i;
            }
        }
        if (target < 0) {
            target = lastUser(parts);
        }
        if (target < 0 || JSON.matcher(all).find() || !TASK.matcher(all).find()) {
            return null;
        }
        long answer = s.expectedAnswerTokens() == null ? STRUCTURED_ANSWER_TOKENS : s.expectedAnswerTokens();
        long outSaved = outputTokens - answer;
        if (outSaved <= 0) {
            return null;
        }
        String text = parts.get(target).text();
        String sep = text.isEmpty() || text.endsWith("\n\n") ? "" : text.endsWith("\n") ? "\n" : "\n\n";
        TextEdit edit = new TextEdit(text.length(), text.length(), "", sep + STRUCTURED_INSTRUCTION);
        TextStats added = TextStats.of(TextEdit.applyAll(text, List.of(edit)));
        TextStats before = TextStats.of(text);
        Map<Encoding, Integer> saved = saved(before, added);
        long inputAdded = ModelTokens.of(model, added).tokens()
                - ModelTokens.of(model, before).tokens();
        BigDecimal out = PromptTuner.usd(prices.output(), outSaved);
        BigDecimal in = PromptTuner.usd(prices.input(), inputAdded);
        BigDecimal perRequest = out == null || in == null ? null : out.subtract(in);
        if (perRequest != null && perRequest.signum() <= 0) {
            return null;
        }
        Suggestion sg = new Suggestion(
                "structured-output",
                SuggestionKind.STRUCTURED_OUTPUT,
                "Ask for structured output (≈ " + outSaved + " fewer output tokens)",
                "The prompt asks for a classification or extraction in prose. A JSON answer (better: the API's "
                        + "response_format / JSON schema) of about " + answer + " tokens instead of " + outputTokens
                        + " is an estimate; the instruction adds " + inputAdded + " input tokens. Check that "
                        + "nothing reads the prose.",
                List.of(edit),
                saved,
                outSaved,
                false,
                perRequest,
                PromptTuner.monthly(perRequest, monthly),
                null);
        return new Item(sg, target, parts.get(target).label(), List.of(), false, null);
    }

    private static Item history(List<TextPart> parts, ModelEntry model, long monthly, UnitPrices prices, Settings s) {
        int userIdx = lastUser(parts);
        List<Integer> turns = new ArrayList<>();
        for (int i = 0; i < parts.size(); i++) {
            if (i != userIdx
                    && parts.get(i).role() != Role.SYSTEM
                    && !parts.get(i).text().isBlank()) {
                turns.add(i);
            }
        }
        if (turns.size() < 4) {
            return null;
        }
        List<Integer> older = turns.subList(0, turns.size() - 2);
        long tokens = 0;
        for (int i : older) {
            tokens += ModelTokens.of(model, parts.get(i).text()).tokens();
        }
        if (tokens < s.historyThreshold()) {
            return null;
        }
        long summary = Math.max(50, tokens / 10);
        long saved = tokens - summary;
        BigDecimal perRequest = PromptTuner.usd(prices.input(), saved);
        Suggestion sg = new Suggestion(
                "history-summary",
                SuggestionKind.HISTORY_SUMMARY,
                "Summarize the " + older.size() + " older turns (≈ " + saved + " tokens less)",
                "The turns before the last exchange hold " + tokens + " tokens. A running summary of them (assumed "
                        + "≈ " + summary + " tokens, 10 %) keeps the facts for less; write it, or have a cheap "
                        + "model write it, and keep the last exchange verbatim. The saving is an estimate.",
                List.of(),
                Map.of(),
                saved,
                false,
                perRequest,
                PromptTuner.monthly(perRequest, monthly),
                null);
        return new Item(sg, -1, "Chat history", List.of(), true, null);
    }

    /** Tokens saved per reported encoding going from {@code before} to {@code after}. */
    private static Map<Encoding, Integer> saved(TextStats before, TextStats after) {
        Map<Encoding, Integer> saved = new EnumMap<>(Encoding.class);
        Map<Encoding, Integer> cb = PromptTuner.counts(before);
        Map<Encoding, Integer> ca = PromptTuner.counts(after);
        for (Encoding e : PromptTuner.ENCODINGS) {
            saved.put(e, cb.get(e) - ca.get(e));
        }
        return saved;
    }

    private static int lastUser(List<TextPart> parts) {
        for (int i = parts.size() - 1; i >= 0; i--) {
            if (parts.get(i).role() == Role.USER) {
                return i;
            }
        }
        return -1;
    }

    private static long totalTokens(ModelEntry model, List<TextPart> parts) {
        long t = 0;
        for (TextPart p : parts) {
            t += ModelTokens.of(model, p.text()).tokens();
        }
        return t;
    }
}
