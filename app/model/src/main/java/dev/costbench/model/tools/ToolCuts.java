// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.tools;

import dev.costbench.model.catalog.ModelEntry;
import dev.costbench.model.cost.BillingOptions;
import dev.costbench.model.cost.PromptOptions;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** The schema-pruning cuts for a tool set on one model, largest saving first. */
public final class ToolCuts {

    private ToolCuts() {}

    /**
     * For each tool: removing it, and (when its descriptions have more than one sentence) shortening them.
     *
     * @param promptTokens the request's input tokens without the tools
     */
    public static List<ToolCut> suggest(
            ModelEntry model,
            ToolSet tools,
            ToolChoice choice,
            long promptTokens,
            PromptOptions options,
            BillingOptions billing) {
        ToolsCount now = ToolTokenCounter.count(model, tools, choice);
        long total = promptTokens + now.tokens();
        List<ToolCut> cuts = new ArrayList<>();
        for (ToolDefinition t : tools.tools()) {
            cuts.add(cut(
                    ToolCut.Kind.REMOVE,
                    t.name(),
                    "Remove tool “" + t.name() + "”",
                    tools,
                    tools.without(t.name()),
                    model,
                    choice,
                    now,
                    total,
                    options,
                    billing));
            ToolDefinition shorter = t.withShortDescriptions();
            if (shorter != t) {
                cuts.add(cut(
                        ToolCut.Kind.SHORTEN,
                        t.name(),
                        "Shorten the descriptions of tool “" + t.name() + "” to their first sentence",
                        tools,
                        tools.replace(t.name(), shorter),
                        model,
                        choice,
                        now,
                        total,
                        options,
                        billing));
            }
        }
        cuts.removeIf(c -> c.tokensSaved() <= 0);
        cuts.sort(Comparator.comparing(ToolCut::tokensSaved, Comparator.reverseOrder()));
        return cuts;
    }

    private static ToolCut cut(
            ToolCut.Kind kind,
            String name,
            String title,
            ToolSet before,
            ToolSet after,
            ModelEntry m,
            ToolChoice choice,
            ToolsCount now,
            long total,
            PromptOptions o,
            BillingOptions b) {
        ToolsCount then = ToolTokenCounter.count(m, after, choice);
        long saved = now.tokens() - then.tokens();
        BigDecimal per = ToolMeter.saving(m, total, saved, o, b);
        return new ToolCut(
                kind,
                name,
                title,
                saved,
                now.exact(),
                per,
                per == null ? null : per.multiply(BigDecimal.valueOf(o.monthlyRequests())),
                before,
                after);
    }
}
