// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.tuning;

import dev.costbench.model.catalog.ModelEntry;
import dev.costbench.model.prompt.ModelTokenCounter;
import dev.costbench.model.prompt.TextStats;
import dev.costbench.model.prompt.TokenCount;
import java.util.List;

/** Token counts of text fragments on a model, without the chat-format framing a whole message adds. */
final class ModelTokens {

    private ModelTokens() {}

    /** The tokens {@code stats} add to a prompt on {@code model} (exact or an estimate, as the model allows). */
    static TokenCount of(ModelEntry model, TextStats stats) {
        if (stats.codePoints() == 0) {
            return new TokenCount(0, true, "empty");
        }
        TokenCount c = ModelTokenCounter.count(model, List.of(stats), 1, false);
        String method = c.method();
        int plus = method.indexOf(" + ");
        if (plus < 0 || !c.exact()) {
            return c;
        }
        return new TokenCount(
                c.tokens() - ModelTokenCounter.perMessageOverhead(model),
                c.exact(),
                plus < 0 ? method : method.substring(0, plus));
    }

    static TokenCount of(ModelEntry model, String text) {
        return of(model, TextStats.of(text));
    }
}
