// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.workload.conversation;

import dev.costbench.model.catalog.ModelEntry;
import dev.costbench.model.prompt.ModelTokenCounter;
import dev.costbench.model.prompt.TextStats;
import java.util.List;

/**
 * The size of one part of a conversation (the system prompt, the tools, a message): a token count as given, or a
 * text counted on each model as one chat message (an OpenAI model adds the cookbook's 3 tokens per message).
 *
 * @param tokens the tokens as given; null when {@code text} is counted instead
 * @param text   the counts of the text; null when {@code tokens} is given
 */
public record Sized(Long tokens, TextStats text) {

    public static final Sized NONE = tokens(0);

    public Sized {
        if ((tokens == null) == (text == null)) {
            throw new IllegalArgumentException("a size is either tokens or text");
        }
        if (tokens != null && tokens < 0) {
            throw new IllegalArgumentException("token counts must not be negative");
        }
    }

    public static Sized tokens(long n) {
        return new Sized(n, null);
    }

    public static Sized text(String s) {
        return new Sized(null, TextStats.of(s));
    }

    /** True when the size is counted from text (so it is exact only where the model's tokenizer is public). */
    public boolean counted() {
        return text != null;
    }

    /** The tokens this part adds to a request on {@code model}. */
    public long on(ModelEntry model) {
        if (tokens != null) {
            return tokens;
        }
        if (text.codePoints() == 0) {
            return 0;
        }
        return ModelTokenCounter.count(model, List.of(text), 1, false).tokens();
    }
}
