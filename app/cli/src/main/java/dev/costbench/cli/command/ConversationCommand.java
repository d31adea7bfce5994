// SPDX-License-Identifier: Apache-2.0
package dev.costbench.cli.command;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.costbench.cli.term.Args;
import dev.costbench.cli.term.Input;
import dev.costbench.cli.term.Json;
import dev.costbench.cli.term.Table;
import dev.costbench.cli.term.UsageException;
import dev.costbench.model.catalog.Catalog;
import dev.costbench.model.catalog.ModelEntry;
import dev.costbench.model.cost.BillingOptions;
import dev.costbench.model.cost.Money;
import dev.costbench.model.tuning.CacheTtl;
import dev.costbench.model.workload.conversation.Conversation;
import dev.costbench.model.workload.conversation.ConversationFiles;
import dev.costbench.model.workload.conversation.ConversationOptions;
import dev.costbench.model.workload.conversation.ConversationPricer;
import dev.costbench.model.workload.conversation.Strategy;
import dev.costbench.model.workload.conversation.StrategyCost;
import dev.costbench.model.workload.conversation.TurnCost;
import java.io.IOException;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * {@code costbench conversation FILE|SAMPLE}: a conversation priced turn by turn under each history strategy (full,
 * prompt caching, summarize every N turns, the last N turns), per model.
 */
public final class ConversationCommand {

    public static final Args.Options CONVERSATION = Args.Options.of(
            "conversation",
            Set.of("turns", "strategy", "models", "summary-tokens", "summarizer", "ttl", "turn-gap", "at"),
            Set.of("json", "batch"));

    /** The strategies compared when none is named. */
    static final List<Strategy> DEFAULT_STRATEGIES =
            List.of(Strategy.FULL, Strategy.CACHE, Strategy.summarize(5), Strategy.window(5));

    private final Context ctx;
    private final PrintStream out;

    public ConversationCommand(Context ctx) {
        this.ctx = ctx;
        this.out = ctx.out();
    }

    public int run(List<String> argv) throws IOException {
        Args a = Args.parse(argv, CONVERSATION);
        if (a.positional.size() != 1) {
            throw new UsageException("conversation needs one FILE or sample name: costbench conversation chat.json "
                    + "(samples: " + String.join(", ", ConversationFiles.SAMPLES) + ")");
        }
        Conversation c = load(a.positional.get(0));
        if (a.get("turns") != null) {
            c = c.withTurns(a.wholeNumber("turns", 1, 1, ConversationFiles.MAX_TURNS));
        }
        if (a.get("turn-gap") != null) {
            c = c.withTurnGap(a.wholeNumber("turn-gap", 60, 0, 31_536_000));
        }
        if (a.get("summary-tokens") != null) {
            c = c.withSummary((long) a.wholeNumber("summary-tokens", 200, 0, 100_000_000), null);
        }
        List<Strategy> strategies = strategies(a);
        Catalog catalog = ctx.catalog();
        List<ModelEntry> models;
        if (a.get("models") != null) {
            models = Context.select(catalog, a.get("models"));
            if (models.isEmpty()) {
                throw new UsageException("--models names no model (costbench catalog list shows the ids)");
            }
        } else if (c.modelId() != null) {
            String id = c.modelId();
            models = List.of(catalog.find(id)
                    .orElseThrow(() -> new UsageException("the conversation's model '" + id + "' is not in the "
                            + "catalog: pick one with --models (costbench catalog list shows the ids)")));
        } else {
            throw new UsageException("the conversation names no model: pick one with --models ID "
                    + "(costbench catalog list shows the ids)");
        }
        String sid = a.get("summarizer") != null ? a.get("summarizer").trim() : c.summarizerId();
        ModelEntry summarizer = sid == null
                ? null
                : catalog.find(sid)
                        .orElseThrow(() -> new UsageException(
                                "unknown summarizer model '" + sid + "' (costbench catalog list shows the ids)"));
        ConversationOptions options = new ConversationOptions(
                ttl(a.get("ttl")),
                ConversationOptions.DEFAULT_SUMMARIZER_PROMPT_TOKENS,
                new BillingOptions(a.flag("batch"), false).at(PriceDate.parse(a.get("at"), ctx.clock())));
        List<StrategyCost> results = new ArrayList<>();
        for (ModelEntry m : models) {
            results.addAll(ConversationPricer.price(c, m, summarizer, strategies, options));
        }
        if (a.flag("json")) {
            out.println(Json.pretty(json(c, options, results)));
        } else {
            out.print(text(c, options, results));
        }
        return 0;
    }

    private Conversation load(String arg) throws IOException {
        try {
            if (arg.equals("-") || Files.exists(Path.of(arg)) || !ConversationFiles.SAMPLES.contains(arg)) {
                return ConversationFiles.fromJson(ctx.input().text(arg), Input.name(arg));
            }
            return ConversationFiles.sample(arg);
        } catch (ConversationFiles.ConversationFileException e) {
            throw new UsageException(e.getMessage());
        }
    }

    private static List<Strategy> strategies(Args a) {
        List<Strategy> out = new ArrayList<>();
        for (String v : a.all("strategy")) {
            for (String s : v.split(",")) {
                try {
                    Strategy st = Strategy.parse(s);
                    if (!out.contains(st)) {
                        out.add(st);
                    }
                } catch (IllegalArgumentException e) {
                    throw new UsageException("--strategy: " + e.getMessage());
                }
            }
        }
        return out.isEmpty() ? DEFAULT_STRATEGIES : out;
    }

    private static CacheTtl ttl(String v) {
        String t = v == null ? "5m" : v.trim().toLowerCase(Locale.ROOT);
        return switch (t) {
            case "5m" -> CacheTtl.FIVE_MINUTES;
            case "1h" -> CacheTtl.ONE_HOUR;
            default -> throw new UsageException("--ttl must be 5m or 1h, got '" + v + "'");
        };
    }

    static ObjectNode json(Conversation c, ConversationOptions o, List<StrategyCost> results) {
        ObjectNode root = Json.object();
        root.put("conversation", c.name());
        root.put("turnCount", c.turns().size());
        root.put("turnGapSeconds", c.turnGapSeconds());
        root.put("cacheTtl", o.ttl() == CacheTtl.ONE_HOUR ? "1h" : "5m");
        root.put("pricesAt", String.valueOf(o.billing().at()));
        ArrayNode arr = root.putArray("strategies");
        for (StrategyCost r : results) {
            ObjectNode s = arr.addObject();
            s.put("strategy", r.strategy().id());
            s.put("label", r.strategy().label());
            s.put("model", r.model().id());
            s.put("modelName", r.model().name());
            s.put("totalCostUsd", Money.exact(r.totalUsd()));
            s.put("savingVsFullUsd", Money.exact(r.savingUsd()));
            if (r.payoffTurn() == null) {
                s.putNull("payoffTurn");
            } else {
                s.put("payoffTurn", r.payoffTurn());
            }
            s.put("finalHistoryTokens", r.finalHistoryTokens());
            s.put("complete", r.complete());
            ArrayNode notes = s.putArray("notes");
            r.notes().forEach(notes::add);
            ArrayNode turns = s.putArray("turns");
            for (TurnCost t : r.turns()) {
                turns.addObject()
                        .put("turn", t.turn())
                        .put("inputTokens", t.inputTokens())
                        .put("cachedTokens", t.cachedTokens())
                        .put("cacheWriteTokens", t.cacheWriteTokens())
                        .put("outputTokens", t.outputTokens())
                        .put("historyTokens", t.historyTokens())
                        .put("summarizerCostUsd", Money.exact(t.summarizerUsd()))
                        .put("costUsd", Money.exact(t.costUsd()))
                        .put("cumulativeCostUsd", Money.exact(t.cumulativeUsd()));
            }
        }
        return root;
    }

    static String text(Conversation c, ConversationOptions o, List<StrategyCost> results) {
        StringBuilder b = new StringBuilder();
        b.append(String.format(
                Locale.ROOT,
                "%s: %,d turns, %d s apart; prompt cache %s; prices of %s%n",
                c.name(),
                c.turns().size(),
                c.turnGapSeconds(),
                o.ttl().label(),
                o.billing().at()));
        ModelEntry shown = null;
        List<String[]> summary = new ArrayList<>();
        for (StrategyCost r : results) {
            if (r.model() != shown) {
                flush(b, summary);
                shown = r.model();
                b.append('\n').append(shown.name()).append(" · ").append(shown.providerName());
                b.append(" (").append(shown.id()).append(")\n");
                summary.add(
                        new String[] {"STRATEGY", "$/CONVERSATION", "SAVES VS FULL", "PAYS OFF", "HISTORY AT END", ""});
            }
            summary.add(new String[] {
                r.strategy().label(),
                money(r, r.totalUsd()),
                r.strategy().equals(Strategy.FULL) ? "-" : money(r, r.savingUsd()),
                r.payoffTurn() == null ? "-" : "from turn " + r.payoffTurn(),
                String.format(Locale.ROOT, "%,d tokens", r.finalHistoryTokens()),
                ""
            });
        }
        flush(b, summary);
        for (StrategyCost r : results) {
            b.append('\n')
                    .append(r.strategy().label())
                    .append(" — ")
                    .append(r.model().name())
                    .append('\n');
            List<String[]> rows = new ArrayList<>();
            rows.add(new String[] {"TURN", "INPUT", "CACHED", "WRITTEN", "OUTPUT", "COST", "CUMULATIVE", "NOTE"});
            for (TurnCost t : r.turns()) {
                rows.add(new String[] {
                    Integer.toString(t.turn()),
                    String.format(Locale.ROOT, "%,d", t.inputTokens()),
                    String.format(Locale.ROOT, "%,d", t.cachedTokens()),
                    String.format(Locale.ROOT, "%,d", t.cacheWriteTokens()),
                    String.format(Locale.ROOT, "%,d", t.outputTokens()),
                    Money.format(t.costUsd()),
                    Money.format(t.cumulativeUsd()),
                    t.summarizerUsd().signum() == 0 ? "" : "summary made: " + Money.format(t.summarizerUsd())
                });
            }
            b.append(Table.render(rows, 1));
            for (String n : r.notes()) {
                b.append("note: ").append(n).append('\n');
            }
        }
        return b.toString();
    }

    private static void flush(StringBuilder b, List<String[]> rows) {
        if (!rows.isEmpty()) {
            b.append(Table.render(rows, 1));
            rows.clear();
        }
    }

    private static String money(StrategyCost r, BigDecimal usd) {
        return Money.format(usd) + (r.complete() ? "" : " (part unpriced)");
    }
}
