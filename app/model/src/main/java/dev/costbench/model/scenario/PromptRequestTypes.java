// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.scenario;

import dev.costbench.model.catalog.ModelEntry;
import dev.costbench.model.prompt.ModelTokenCounter;
import dev.costbench.model.prompt.TextStats;
import java.math.BigDecimal;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A scenario request type built from a prompt ("Use this prompt in the scenario planner"): the token counts come
 * from the prompt's per-message {@link TextStats} (already counted by whoever shows the prompt) under the chosen
 * model's tokenizer, so the request type's input equals the input the prompt's cost table shows for that model.
 */
public final class PromptRequestTypes {

    private PromptRequestTypes() {}

    /**
     * The prompt's parts: per-message stats as counted ({@link TextStats#EMPTY} for an empty text, which is not
     * sent), and the request options.
     */
    public record Prompt(
            TextStats system,
            List<TextStats> fewShot,
            TextStats user,
            long outputTokens,
            long reasoningTokens,
            long monthlyRequests) {

        public Prompt {
            system = system == null ? TextStats.EMPTY : system;
            user = user == null ? TextStats.EMPTY : user;
            fewShot = List.copyOf(fewShot);
            if (outputTokens < 0 || reasoningTokens < 0 || monthlyRequests < 0) {
                throw new IllegalArgumentException(
                        "Output tokens, reasoning tokens and requests per month must be " + "0 or more");
            }
        }
    }

    /**
     * A text-only request type named {@code name} (id derived from it, see {@link #idFor}) on {@code model}: system,
     * few-shot and user tokens in the model's own tokenizer (exact or estimated as the cost table does), the chat
     * framing of each message counted with it and the reply priming with the user part.
     */
    public static RequestType of(String name, ModelEntry model, Prompt prompt) {
        Objects.requireNonNull(model, "model");
        List<TextStats> sys = sent(List.of(prompt.system()));
        List<TextStats> shots = sent(prompt.fewShot());
        List<TextStats> all = new ArrayList<>(sys);
        all.addAll(shots);
        all.addAll(sent(List.of(prompt.user())));
        long system = sys.isEmpty()
                ? 0
                : ModelTokenCounter.count(model, sys, sys.size(), false).tokens();
        long prefix = sys.size() + shots.size() == 0
                ? 0
                : ModelTokenCounter.count(model, all, sys.size() + shots.size(), false)
                        .tokens();
        long total = all.isEmpty() ? 0 : ModelTokenCounter.count(model, all).tokens();
        TextTokens text = new TextTokens(
                system, prefix - system, total - prefix, prompt.outputTokens(), prompt.reasoningTokens());
        return new RequestType(
                idFor(name),
                name,
                Volume.monthly(prompt.monthlyRequests()),
                model.id(),
                text,
                List.of(),
                null,
                null,
                BigDecimal.ZERO,
                null,
                null,
                null,
                null);
    }

    /** Messages that are sent: an empty text is not. */
    private static List<TextStats> sent(List<TextStats> stats) {
        return stats.stream().filter(s -> s != null && s.codePoints() > 0).toList();
    }

    /**
     * A stable id from a name the user sees: lower case letters, digits and single dashes ("From the Prompt view ·
     * GPT-5 mini" → "from-the-prompt-view-gpt-5-mini"); "request" when nothing is left.
     */
    public static String idFor(String name) {
        String plain = Normalizer.normalize(name == null ? "" : name, Normalizer.Form.NFKD)
                .replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT);
        String id = plain.replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        return id.isEmpty() ? "request" : id;
    }

    /** {@code id}, or {@code id-2}, {@code id-3}… — the first one not in {@code taken} (for the receiver). */
    public static String uniqueId(String id, Collection<String> taken) {
        if (!taken.contains(id)) {
            return id;
        }
        int n = 2;
        while (taken.contains(id + "-" + n)) {
            n++;
        }
        return id + "-" + n;
    }
}
