// SPDX-License-Identifier: Apache-2.0
package dev.costbench.cli.command;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.costbench.cli.term.Args;
import dev.costbench.cli.term.Json;
import dev.costbench.cli.term.Table;
import dev.costbench.cli.term.UsageException;
import dev.costbench.model.catalog.ModelEntry;
import dev.costbench.model.cost.BillingOptions;
import dev.costbench.model.cost.Money;
import dev.costbench.model.tuning.PromptDiff;
import java.io.IOException;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * {@code costbench diff BASELINE OPTIMIZED}: a prompt cost gate for CI — exit 1 when any model's input cost grows
 * beyond {@code --max-increase}.
 */
public final class DiffCommand {

    public static final Args.Options DIFF =
            Args.Options.of("diff", Set.of("models", "max-increase", "monthly"), Set.of("json", "batch"));

    private final Context ctx;
    private final PrintStream out;

    public DiffCommand(Context ctx) {
        this.ctx = ctx;
        this.out = ctx.out();
    }

    public int run(List<String> argv) throws IOException {
        Args a = Args.parse(argv, DIFF);
        if (a.positional.size() != 2) {
            throw new UsageException("diff needs two files: costbench diff baseline.txt optimized.txt");
        }
        BigDecimal limit = percent(a.get("max-increase"));
        long monthly = a.nonNegative("monthly", 0);
        String before = read(a.positional.get(0));
        String after = read(a.positional.get(1));
        List<ModelEntry> selected = ctx.models(a.get("models"));
        List<PromptDiff.Row> rows = PromptDiff.compare(
                selected, before, after, monthly, a.flag("batch") ? BillingOptions.BATCH : BillingOptions.INTERACTIVE);
        List<String> failed = new ArrayList<>();
        for (PromptDiff.Row r : rows) {
            if (r.exceeds(limit)) {
                failed.add(r.model().id());
            }
        }
        if (a.flag("json")) {
            ObjectNode root = Json.object();
            root.put("baseline", a.positional.get(0));
            root.put("optimized", a.positional.get(1));
            root.put("maxIncreasePercent", limit);
            root.put("monthlyRequests", monthly);
            root.put("pass", failed.isEmpty());
            ArrayNode arr = root.putArray("models");
            for (PromptDiff.Row r : rows) {
                ObjectNode o = arr.addObject();
                o.put("model", r.model().id());
                o.put("baselineTokens", r.baselineTokens().tokens());
                o.put("optimizedTokens", r.optimizedTokens().tokens());
                o.put("deltaTokens", r.deltaTokens());
                o.put("tokensExact", r.baselineTokens().exact());
                o.put("baselineUsd", Money.exact(r.baselineUsd()));
                o.put("optimizedUsd", Money.exact(r.optimizedUsd()));
                o.put("deltaUsd", Money.exact(r.deltaUsd()));
                o.put(
                        "increasePercent",
                        r.increasePct() == null
                                ? null
                                : r.increasePct()
                                        .setScale(4, RoundingMode.HALF_UP)
                                        .stripTrailingZeros()
                                        .toPlainString());
                if (monthly > 0) {
                    o.put("monthlyDeltaUsd", Money.exact(r.monthlyDelta()));
                }
                o.put("priced", r.priced());
                o.put("exceeds", r.exceeds(limit));
            }
            ArrayNode f = root.putArray("failed");
            failed.forEach(f::add);
            out.println(Json.pretty(root));
        } else {
            printDiff(rows, limit, monthly, failed);
        }
        return failed.isEmpty() ? 0 : 1;
    }

    private void printDiff(List<PromptDiff.Row> rows, BigDecimal limit, long monthly, List<String> failed) {
        List<String[]> cells = new ArrayList<>();
        cells.add(
                monthly > 0
                        ? new String[] {"MODEL", "TOKENS", "→", "Δ TOKENS", "$/REQ", "→", "Δ %", "Δ $/MONTH", ""}
                        : new String[] {"MODEL", "TOKENS", "→", "Δ TOKENS", "$/REQ", "→", "Δ %", ""});
        for (PromptDiff.Row r : rows) {
            List<String> c = new ArrayList<>(List.of(
                    r.model().id(),
                    r.baselineTokens().display(),
                    r.optimizedTokens().display(),
                    signed(r.deltaTokens()),
                    r.priced() ? Money.format(r.baselineUsd()) : "unpriced",
                    r.priced() ? Money.format(r.optimizedUsd()) : "unpriced",
                    pct(r)));
            if (monthly > 0) {
                c.add(r.priced() ? (r.monthlyDelta().signum() > 0 ? "+" : "") + Money.format(r.monthlyDelta()) : "");
            }
            c.add(r.exceeds(limit) ? "FAIL" : "");
            cells.add(c.toArray(new String[0]));
        }
        out.print(Table.render(cells, 1));
        String lim = limit.stripTrailingZeros().toPlainString() + " %";
        if (failed.isEmpty()) {
            out.println("OK: no model's input cost grows by more than " + lim + ".");
        } else {
            out.println("FAIL: input cost grows by more than " + lim + " on " + String.join(", ", failed) + ".");
        }
    }

    private static String pct(PromptDiff.Row r) {
        if (!r.priced()) {
            return "";
        }
        if (r.increasePct() == null) {
            return "+∞";
        }
        BigDecimal p = r.increasePct().setScale(1, RoundingMode.HALF_UP);
        return (p.signum() > 0 ? "+" : "") + p.toPlainString() + " %";
    }

    private static String signed(long n) {
        return n > 0 ? "+" + n : Long.toString(n);
    }

    /** "5%", "5" or "2.5 %" → 5, 5, 2.5 (percent). */
    static BigDecimal percent(String v) {
        if (v == null) {
            return BigDecimal.ZERO;
        }
        String s = v.trim();
        if (s.endsWith("%")) {
            s = s.substring(0, s.length() - 1).trim();
        }
        BigDecimal p;
        try {
            p = new BigDecimal(s);
        } catch (NumberFormatException e) {
            throw new UsageException("--max-increase must be a percentage like 5%, got '" + v + "'");
        }
        if (p.signum() < 0) {
            throw new UsageException("--max-increase must not be negative, got '" + v + "'");
        }
        return p;
    }

    private String read(String file) throws IOException {
        return ctx.input().text(file);
    }
}
