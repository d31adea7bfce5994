// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.tuning;

import dev.costbench.model.tokens.Encoding;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * One proposed cut with what it saves. Text suggestions carry exact {@link TextEdit}s made for the analysed text;
 * the output cap carries {@code maxTokens} instead and no edits.
 *
 * @param id                stable within one analysis, e.g. {@code filler-please}
 * @param title             one line, e.g. "Remove “please” (3×)"
 * @param detail            why, and what to check
 * @param edits             the text edits, non-overlapping, made for the analysed text
 * @param tokensSaved       the real count difference per encoding (o200k_base, cl100k_base) after applying the edits
 * @param modelTokensSaved  the same on the target model (an estimate when the model has no public tokenizer)
 * @param modelTokensExact  false when {@code modelTokensSaved} is an estimate
 * @param usdPerRequest     exact saving per request on the target model; null when unpriced
 * @param usdPerMonth       {@code usdPerRequest} times the monthly requests; null when unpriced
 * @param maxTokens         for {@link SuggestionKind#OUTPUT_CAP}: the suggested max_tokens; else null
 */
public record Suggestion(
        String id,
        SuggestionKind kind,
        String title,
        String detail,
        List<TextEdit> edits,
        Map<Encoding, Integer> tokensSaved,
        long modelTokensSaved,
        boolean modelTokensExact,
        BigDecimal usdPerRequest,
        BigDecimal usdPerMonth,
        Long maxTokens) {

    public Suggestion {
        edits = List.copyOf(TextEdit.sorted(edits));
        tokensSaved = Map.copyOf(tokensSaved);
    }

    /** The text with this suggestion applied; {@code text} must be the text it was made for. */
    public String apply(String text) {
        return TextEdit.applyAll(text, edits);
    }

    /** The edits that undo this suggestion on the text {@link #apply} returned. */
    public List<TextEdit> undoEdits() {
        return TextEdit.inverse(edits);
    }

    /** The text before this suggestion, from the text {@link #apply} returned. */
    public String undo(String applied) {
        return TextEdit.applyAll(applied, undoEdits());
    }

    public int tokensSaved(Encoding e) {
        return tokensSaved.getOrDefault(e.ranks(), 0);
    }
}
