// SPDX-License-Identifier: Apache-2.0
package dev.costbench.cli.command;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.costbench.cli.term.Args;
import dev.costbench.cli.term.Json;
import dev.costbench.cli.term.UsageException;
import dev.costbench.model.catalog.Catalog;
import dev.costbench.model.catalog.ModelEntry;
import dev.costbench.model.catalog.PriceStatus;
import dev.costbench.model.catalog.ServiceTier;
import dev.costbench.model.cost.BillingOptions;
import dev.costbench.model.cost.CostBreakdown;
import dev.costbench.model.cost.CostLine;
import dev.costbench.model.cost.CostRow;
import dev.costbench.model.cost.Money;
import dev.costbench.model.cost.PromptCostTable;
import dev.costbench.model.cost.PromptOptions;
import dev.costbench.model.prompt.TextStats;
import dev.costbench.model.prompt.TokenCount;
import dev.costbench.model.tools.ToolChoice;
import dev.costbench.model.tools.ToolSet;
import dev.costbench.model.tools.ToolTokenCounter;
import dev.costbench.model.tools.ToolsCostTable;
import dev.costbench.model.tools.ToolsCount;
import dev.costbench.model.tools.ToolsFormatException;
import dev.costbench.model.tools.ToolsJson;
import java.io.IOException;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code costbench estimate}: what a prompt (or a token count) costs per request, per 1,000 requests and per month,
 * per model.
 */
public final class EstimateCommand {

    public static final Args.Options ESTIMATE = Args.Options.of(
            "estimate",
            Set.of(
                    "system",
                    "prompt",
                    "input-tokens",
                    "cached-tokens",
                    "output-tokens",
                    "reasoning-tokens",
                    "monthly",
                    "models",
                    "tier",
                    "at",
                    "rate-card",
                    "tools",
                    "tool-choice"),
            Set.of("batch", "residency", "json"));

    private final Context ctx;
    private final PrintStream out;

    public EstimateCommand(Context ctx) {
        this.ctx = ctx;
        this.out = ctx.out();
    }

    public int run(List<String> argv) throws IOException {
        Args a = Args.parse(argv, ESTIMATE);
        a.noPositional();
        Catalog catalog = ctx.catalog();
        List<ModelEntry> models = Context.select(catalog, a.get("models"));
        long output = a.nonNegative("output-tokens", 500);
        long reasoning = a.nonNegative("reasoning-tokens", 0);
        long monthly = a.nonNegative("monthly", 100_000);
        long cached = a.nonNegative("cached-tokens", 0);
        PromptOptions opts = new PromptOptions(output, reasoning, false, a.flag("batch"), a.flag("residency"), monthly);
        BillingOptions billing = new BillingOptions(a.flag("batch"), a.flag("residency"), tier(a), pricedAt(a))
                .withRateCard(RateCardOption.read(a));
        if (a.get("models") != null
                && billing.serviceTier() != ServiceTier.STANDARD
                && billing.serviceTier() != ServiceTier.BATCH) {
            for (ModelEntry m : models) {
                if (!m.offers(billing.serviceTier())) {
                    throw new UsageException(m.name() + " does not offer the "
                            + billing.serviceTier().label()
                            + " tier (it offers: "
                            + m.serviceTiersOffered().stream()
                                    .map(ServiceTier::id)
                                    .collect(Collectors.joining(", ")) + "); choose one of those with --tier");
                }
            }
        }
        ToolSet tools = tools(a);
        ToolChoice choice = toolChoice(a);
        Map<String, ToolsCount> toolCounts = new LinkedHashMap<>();
        for (ModelEntry m : models) {
            toolCounts.put(m.id(), ToolTokenCounter.count(m, tools, choice));
        }
        List<CostRow> rows;
        if (a.get("input-tokens") != null) {
            if (a.get("system") != null || a.get("prompt") != null) {
                throw new UsageException("--input-tokens replaces counting: give it or --system/--prompt, not both");
            }
            long input = a.nonNegative("input-tokens", 0);
            if (cached > input) {
                throw new UsageException("--cached-tokens (" + cached + ") exceeds --input-tokens (" + input + ")");
            }
            rows = new ArrayList<>();
            for (ModelEntry m : models) {
                TokenCount in = ToolsCostTable.plus(TokenCount.given(input), toolCounts.get(m.id()));
                rows.add(PromptCostTable.row(m, in, cached, opts, billing));
            }
        } else {
            if (a.get("system") == null && a.get("prompt") == null) {
                throw new UsageException("estimate needs --prompt F, --system F or --input-tokens N");
            }
            List<TextStats> messages = new ArrayList<>();
            int prefix = 0;
            if (a.get("system") != null) {
                messages.add(TextStats.of(ctx.input().text(a.get("system"))));
                prefix = 1;
            }
            if (a.get("prompt") != null) {
                messages.add(TextStats.of(ctx.input().text(a.get("prompt"))));
            }
            rows = new ArrayList<>();
            for (ModelEntry m : models) {
                CostRow counted = PromptCostTable.compute(List.of(m), messages, prefix, opts)
                        .get(0);
                TokenCount in = ToolsCostTable.plus(counted.input(), toolCounts.get(m.id()));
                long c = Math.min(cached, in.tokens());
                rows.add(PromptCostTable.row(m, in, c, opts, billing));
            }
        }
        rows.sort(Comparator.comparing((CostRow r) -> r.model().tier()).thenComparing(CostRow::perRequest));
        if (a.flag("json")) {
            printJson(rows, tools, toolCounts);
        } else {
            printTable(rows, opts, billing);
            if (!tools.isEmpty()) {
                printTools(rows, tools, toolCounts);
            }
        }
        return 0;
    }

    /** {@code --tools F}: the tools file, refused with the reader's message when it is not a tools array. */
    private ToolSet tools(Args a) throws IOException {
        String file = a.get("tools");
        if (file == null) {
            if (a.get("tool-choice") != null) {
                throw new UsageException("--tool-choice needs --tools F");
            }
            return ToolSet.EMPTY;
        }
        ToolSet t;
        try {
            t = ToolsJson.parse(ctx.input().text(file));
        } catch (ToolsFormatException e) {
            throw new UsageException("--tools " + file + ": " + e.getMessage());
        }
        if (t.isEmpty()) {
            throw new UsageException("--tools " + file + " has no function definitions; give a tools array with at "
                    + "least one function, or leave --tools out");
        }
        return t;
    }

    /** {@code --tool-choice auto|none|any|tool} (default auto). */
    private static ToolChoice toolChoice(Args a) {
        try {
            return a.get("tool-choice") == null ? ToolChoice.AUTO : ToolChoice.parse(a.get("tool-choice"));
        } catch (IllegalArgumentException e) {
            throw new UsageException("--tool-choice: " + e.getMessage());
        }
    }

    /** The breakdown line of the tools, once per distinct count and method, naming the models it applies to. */
    private void printTools(List<CostRow> rows, ToolSet tools, Map<String, ToolsCount> counts) {
        Map<String, List<String>> lines = new LinkedHashMap<>();
        for (CostRow r : rows) {
            lines.computeIfAbsent(toolsLine(tools, counts.get(r.model().id())), k -> new ArrayList<>())
                    .add(r.model().id());
        }
        StringBuilder b = new StringBuilder();
        lines.forEach((line, ids) ->
                b.append(line).append(" — ").append(String.join(", ", ids)).append('\n'));
        out.print(b);
    }

    /** "Tools (N definitions): X tokens (how counted)". */
    static String toolsLine(ToolSet tools, ToolsCount c) {
        return "Tools (" + tools.size() + (tools.size() == 1 ? " definition" : " definitions") + "): "
                + String.format("%,d", c.tokens()) + " tokens (" + c.method() + ")";
    }

    /** {@code --tier}, with {@code --batch} as its alias; null when neither is given. */
    private static ServiceTier tier(Args a) {
        String t = a.get("tier");
        if (t == null) {
            return a.flag("batch") ? ServiceTier.BATCH : ServiceTier.STANDARD;
        }
        ServiceTier tier;
        try {
            tier = ServiceTier.parse(t);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--tier: " + e.getMessage());
        }
        if (a.flag("batch") && tier != ServiceTier.BATCH) {
            throw new UsageException("--batch is --tier batch: it cannot be combined with --tier " + tier.id());
        }
        return tier;
    }

    /** {@code --at YYYY-MM-DD}, or today (UTC). */
    private LocalDate pricedAt(Args a) {
        return PriceDate.parse(a.get("at"), ctx.clock());
    }

    private void printTable(List<CostRow> rows, PromptOptions o, BillingOptions billing) {
        List<String[]> cells = new ArrayList<>();
        cells.add(new String[] {
            "MODEL",
            "PROVIDER",
            "TIER",
            "INPUT",
            "CACHED",
            "OUTPUT",
            "$/REQUEST",
            "$/1K REQ",
            "$/MONTH (" + String.format("%,d", o.monthlyRequests()) + ")",
            "NOTES"
        });
        for (CostRow r : rows) {
            String flags = r.breakdown().flags().stream()
                    .filter(s -> s != PriceStatus.LISTED)
                    .map(PriceStatus::marker)
                    .collect(Collectors.joining(","));
            if (!r.complete()) {
                flags = flags.isEmpty() ? "unpriced" : "unpriced," + flags;
            }
            cells.add(new String[] {
                r.model().id(),
                r.model().providerName(),
                r.model().tier().id(),
                r.input().display(),
                Long.toString(r.cachedTokens()),
                Long.toString(r.outputTokens()),
                money(r, r.perRequest()),
                money(r, r.per1000()),
                money(r, r.perMonth()),
                flags
            });
        }
        int[] w = new int[cells.get(0).length];
        for (String[] row : cells) {
            for (int i = 0; i < row.length; i++) {
                w[i] = Math.max(w[i], row[i].length());
            }
        }
        StringBuilder b = new StringBuilder();
        for (String[] row : cells) {
            for (int i = 0; i < row.length; i++) {
                boolean right = i >= 3 && i <= 8;
                String c = row[i];
                String pad = " ".repeat(w[i] - c.length());
                b.append(right ? pad + c : c + (i == row.length - 1 ? "" : pad));
                if (i < row.length - 1) {
                    b.append("  ");
                }
            }
            b.append('\n');
        }
        b.append("≈ marks an estimated token count (no public tokenizer); ")
                .append("UNCONFIRMED / CONFLICT mark prices sources do not confirm or disagree on.\n");
        b.append("Prices in force on ")
                .append(billing.at())
                .append(", service tier: ")
                .append(billing.serviceTier().label())
                .append(".\n");
        for (CostRow r : rows) {
            r.warnings()
                    .forEach(warning -> b.append("warning: ").append(warning).append('\n'));
        }
        for (CostRow r : rows) {
            r.breakdown().notes().stream()
                    .filter(n ->
                            n.startsWith("On " + billing.at()) || n.contains(" tier is not offered for this model"))
                    .forEach(n -> b.append("note: ")
                            .append(r.model().name())
                            .append(": ")
                            .append(n)
                            .append('\n'));
        }
        out.print(b);
    }

    private static String money(CostRow r, BigDecimal v) {
        return r.breakdown().unpriced() ? "unpriced" : Money.format(v);
    }

    private void printJson(List<CostRow> rows, ToolSet tools, Map<String, ToolsCount> toolCounts) throws IOException {
        ArrayNode arr = Json.array();
        for (CostRow r : rows) {
            ObjectNode o = arr.addObject();
            o.put("model", r.model().id());
            o.put("provider", r.model().provider());
            o.put("tier", r.model().tier().id());
            o.put("inputTokens", r.input().tokens());
            o.put("inputTokensExact", r.input().exact());
            o.put("inputTokensMethod", r.input().method());
            o.put("cachedTokens", r.cachedTokens());
            o.put("outputTokens", r.outputTokens());
            o.put("costUsd", Money.exact(r.perRequest()));
            o.put("complete", r.complete());
            o.put("serviceTier", r.breakdown().options().serviceTier().id());
            o.put(
                    "pricedAt",
                    r.breakdown().options().at() == null
                            ? null
                            : r.breakdown().options().at().toString());
            if (!tools.isEmpty()) {
                ToolsCount c = toolCounts.get(r.model().id());
                ObjectNode t = o.putObject("tools");
                t.put("definitions", tools.size());
                t.put("format", tools.format().label());
                t.put("tokens", c.tokens());
                t.put("exact", c.exact());
                t.put("method", c.method());
                t.put("sharedTokens", c.shared());
                t.put("line", toolsLine(tools, c));
            }
            ArrayNode flags = o.putArray("flags");
            r.breakdown().flags().forEach(f -> flags.add(f.name()));
            breakdownJson(o.putArray("breakdown"), r.breakdown());
            ArrayNode notes = o.putArray("notes");
            r.breakdown().notes().forEach(notes::add);
            ArrayNode warnings = o.putArray("warnings");
            r.warnings().forEach(warnings::add);
        }
        out.println(Json.pretty(arr));
    }

    /**
     * A breakdown's lines as {@code [{item, tokens, pricePerMTok, usd, source, asOf, status, rule}]}; status RULE marks
     * a zero-amount line that only says which rule applied (service tier, long context), RATE_CARD a rate-card line.
     */
    static void breakdownJson(ArrayNode bd, CostBreakdown b) {
        for (CostLine l : b.lines()) {
            ObjectNode li = bd.addObject();
            li.put("item", l.item());
            li.put("tokens", l.tokens());
            li.put(
                    "pricePerMTok",
                    l.price() == null ? null : Money.exact(l.price().perMTok()));
            li.put("usd", l.usd() == null ? null : Money.exact(l.usd()));
            li.put("source", l.price() == null ? null : l.price().source());
            li.put("asOf", l.price() == null ? null : l.price().asOf());
            li.put(
                    "status",
                    l.price() != null
                            ? l.price().status().name()
                            : l.usd() == null ? "UNPRICED" : l.item().startsWith("Rate card: ") ? "RATE_CARD" : "RULE");
            li.put("rule", l.rule());
        }
    }
}
