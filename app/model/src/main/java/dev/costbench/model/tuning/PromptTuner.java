// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.tuning;

import dev.costbench.model.catalog.ModelEntry;
import dev.costbench.model.catalog.Price;
import dev.costbench.model.cost.CostEngine;
import dev.costbench.model.cost.UnitPrices;
import dev.costbench.model.prompt.TextStats;
import dev.costbench.model.prompt.TokenCount;
import dev.costbench.model.tokens.Encoding;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Finds the waste in a prompt and prices each cut. Every text suggestion's saving is measured, not guessed: the
 * prompt is counted before and after applying that suggestion alone, under o200k_base and cl100k_base and on the
 * target model. Suggestions that save nothing on any of them are dropped. After accepting one, analyse the new
 * text again (offsets of the others refer to the old text), or use {@link #applyAll}.
 */
public final class PromptTuner {

    /** The encodings savings are reported for (o200k_harmony counts as o200k_base). */
    public static final List<Encoding> ENCODINGS = List.of(Encoding.O200K_BASE, Encoding.CL100K_BASE);

    /** Headroom the output cap leaves above the expected answer. */
    public static final double CAP_HEADROOM = 1.25;

    /**
     * @param text     the text after the accepted suggestions
     * @param accepted the suggestions applied
     * @param skipped  those left out because their edits overlap an accepted one
     */
    public record Applied(String text, List<Suggestion> accepted, List<Suggestion> skipped) {}

    private PromptTuner() {}

    /** All suggestions for {@code text}, largest saving on the target model first. */
    public static List<Suggestion> suggest(String text, TuneOptions options) {
        List<Candidate> candidates = new ArrayList<>();
        candidates.addAll(WhitespaceWaste.find(text));
        candidates.addAll(Phrases.filler(text));
        candidates.addAll(RepeatedSentences.find(text));
        candidates.addAll(Phrases.verbose(text));
        candidates.addAll(JsonBlocks.minify(text));
        if (options.dropJsonDescriptions()) {
            candidates.addAll(JsonBlocks.dropDescriptions(text));
        }
        Candidate fewShot = fewShot(text, options);
        if (fewShot != null) {
            candidates.add(fewShot);
        }
        ModelEntry model = options.model();
        TextStats statsBefore = TextStats.of(text);
        Map<Encoding, Integer> before = counts(statsBefore);
        TokenCount modelBefore = ModelTokens.of(model, statsBefore);
        UnitPrices prices = CostEngine.unitPrices(model, modelBefore.tokens(), options.billing());
        List<Suggestion> out = new ArrayList<>();
        for (Candidate c : candidates) {
            String after = TextEdit.applyAll(text, c.edits());
            Map<Encoding, Integer> saved = new EnumMap<>(Encoding.class);
            TextStats statsAfter = TextStats.of(after);
            Map<Encoding, Integer> countsAfter = counts(statsAfter);
            boolean any = false;
            for (Encoding e : ENCODINGS) {
                int s = before.get(e) - countsAfter.get(e);
                saved.put(e, s);
                any |= s > 0;
            }
            long modelSaved =
                    modelBefore.tokens() - ModelTokens.of(model, statsAfter).tokens();
            if (!any && modelSaved <= 0) {
                continue;
            }
            BigDecimal perRequest = usd(prices.input(), modelSaved);
            out.add(new Suggestion(
                    c.id(),
                    c.kind(),
                    c.title(),
                    c.detail(),
                    c.edits(),
                    saved,
                    modelSaved,
                    modelBefore.exact(),
                    perRequest,
                    monthly(perRequest, options.monthlyRequests()),
                    null));
        }
        Suggestion cap = outputCap(options, prices.output());
        if (cap != null) {
            out.add(cap);
        }
        out.sort(Comparator.comparingLong((Suggestion s) -> -s.modelTokensSaved())
                .thenComparing(s -> -s.tokensSaved(Encoding.O200K_BASE)));
        return out;
    }

    /**
     * Applies {@code suggestions} (made for {@code text}) in the given order, skipping any whose edits overlap one
     * already applied. Characters outside the applied edits are kept.
     */
    public static Applied applyAll(String text, List<Suggestion> suggestions) {
        List<TextEdit> edits = new ArrayList<>();
        List<Suggestion> accepted = new ArrayList<>();
        List<Suggestion> skipped = new ArrayList<>();
        for (Suggestion s : suggestions) {
            if (TextEdit.disjoint(edits, s.edits())) {
                edits.addAll(s.edits());
                accepted.add(s);
            } else {
                skipped.add(s);
            }
        }
        return new Applied(TextEdit.applyAll(text, edits), accepted, skipped);
    }

    /**
     * The suggested max_tokens for an expected answer length: {@value #CAP_HEADROOM}× headroom, rounded up to a
     * multiple of 16.
     */
    public static long outputCap(long expectedAnswerTokens) {
        long c = (long) Math.ceil(expectedAnswerTokens * CAP_HEADROOM);
        return Math.max(16, (c + 15) / 16 * 16);
    }

    static Suggestion outputCap(TuneOptions o, Price outputPrice) {
        if (o.expectedAnswerTokens() == null || o.expectedAnswerTokens() <= 0) {
            return null;
        }
        long cap = outputCap(o.expectedAnswerTokens());
        long current = o.currentOutputTokens() == null ? 0 : o.currentOutputTokens();
        long saved = Math.max(0, current - cap);
        BigDecimal perRequest = usd(outputPrice, saved);
        String detail = "Answers are expected to be about " + o.expectedAnswerTokens() + " tokens; a cap of " + cap
                + " stops runaway answers. "
                + (o.currentOutputTokens() == null
                        ? "Give today's average output to price the saving. "
                        : "Today's answers average " + current + " tokens. ")
                + "On reasoning models max_tokens also bounds the reasoning tokens: leave room for them.";
        return new Suggestion(
                "output-cap",
                SuggestionKind.OUTPUT_CAP,
                "Cap the output at " + cap + " tokens",
                detail,
                List.of(),
                Map.of(),
                saved,
                true,
                perRequest,
                monthly(perRequest, o.monthlyRequests()),
                cap);
    }

    private static Candidate fewShot(String text, TuneOptions o) {
        List<TextRange> ranges = o.fewShotExamples();
        if (ranges.isEmpty() || o.fewShotBudget() <= 0) {
            return null;
        }
        List<String> examples = ranges.stream().map(r -> r.of(text)).toList();
        FewShotSelector.Selection sel = o.fewShotInput() == null
                ? FewShotSelector.mostDiverse(examples, Encoding.O200K_BASE, o.fewShotBudget())
                : FewShotSelector.mostSimilar(examples, o.fewShotInput(), Encoding.O200K_BASE, o.fewShotBudget());
        if (sel.dropped().isEmpty()) {
            return null;
        }
        List<TextEdit> edits = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (int i : sel.dropped()) {
            TextRange r = ranges.get(i);
            edits.add(TextEdit.of(text, r.start(), r.end(), ""));
            names.add(Integer.toString(i + 1));
        }
        String how = o.fewShotInput() == null ? "the most diverse" : "the most similar to the input";
        return new Candidate(
                "few-shot",
                SuggestionKind.FEW_SHOT,
                "Keep " + sel.selected().size() + " of "
                        + ranges.size() + " examples within " + o.fewShotBudget() + " tokens (drop "
                        + String.join(", ", names)
                        + ")",
                "Keeps " + how + " examples (token-set Jaccard, o200k_base) that fit the budget.",
                edits);
    }

    static Map<Encoding, Integer> counts(TextStats stats) {
        Map<Encoding, Integer> m = new EnumMap<>(Encoding.class);
        m.put(Encoding.O200K_BASE, (int) stats.o200k());
        m.put(Encoding.CL100K_BASE, (int) stats.cl100k());
        return m;
    }

    static BigDecimal usd(Price price, long tokens) {
        return price == null
                ? null
                : price.perMTok().multiply(BigDecimal.valueOf(tokens)).movePointLeft(6);
    }

    static BigDecimal monthly(BigDecimal perRequest, long monthlyRequests) {
        return perRequest == null ? null : perRequest.multiply(BigDecimal.valueOf(monthlyRequests));
    }
}
