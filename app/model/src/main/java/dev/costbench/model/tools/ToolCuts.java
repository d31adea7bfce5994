// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.tools;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** The schema-pruning cuts for a tool set on one model, largest saving first. */
public final class ToolCuts {

    private ToolCuts() {}

    /** For each tool: removing it, and (when its descriptions have more than one sentence) shortening them. */
    public static List<ToolCut> suggest(ToolPricing p, ToolSet tools) {
        ToolsCount now = p.count(tools);
        List<ToolCut> cuts = new ArrayList<>();
        for (ToolDefinition t : tools.tools()) {
            String name = t.name();
            cuts.add(cut(p, tools, now, ToolCut.Kind.REMOVE, name, tools.without(name)));
            ToolDefinition shorter = t.withShortDescriptions();
            if (shorter != t) {
                cuts.add(cut(p, tools, now, ToolCut.Kind.SHORTEN, name, tools.replace(name, shorter)));
            }
        }
        cuts.removeIf(c -> c.tokensSaved() <= 0);
        cuts.sort(Comparator.comparing(ToolCut::tokensSaved, Comparator.reverseOrder()));
        return cuts;
    }

    private static ToolCut cut(
            ToolPricing p, ToolSet before, ToolsCount now, ToolCut.Kind kind, String name, ToolSet after) {
        long saved = now.tokens() - p.count(after).tokens();
        BigDecimal per = p.saving(p.promptTokens() + now.tokens(), saved);
        String title = kind == ToolCut.Kind.REMOVE
                ? "Remove tool “" + name + "”"
                : "Shorten the descriptions of tool “" + name + "” to their first sentence";
        return new ToolCut(kind, name, title, saved, now.exact(), per, p.perMonth(per), before, after);
    }
}
