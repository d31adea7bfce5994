// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.workload.conversation;

import dev.costbench.model.catalog.ModelEntry;
import dev.costbench.model.cost.CostBreakdown;
import dev.costbench.model.cost.CostEngine;
import dev.costbench.model.cost.RequestShape;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Prices a conversation turn by turn: turn t's request carries the system prompt, the tools, the history the
 * strategy keeps and the user's message t; its output is the assistant's answer t. Every request is priced by
 * {@link CostEngine} (cache reads and writes, long context, batch, tiers, the rate card).
 *
 * <ul>
 *   <li>Full history: the request carries every earlier turn.
 *   <li>Prompt caching: the same requests, the growing prefix served from the cache ({@link PrefixCache}).
 *   <li>Summarize every N turns: after turns N, 2N, … a summarizer call (its instructions, the previous summary and
 *       the turns since, in; the summary, out) folds those turns into one summary; requests carry the summary and the
 *       turns since. No summary is made after the last turn (nothing would use it).
 *   <li>Last N turns: the request carries the last N turns only.
 * </ul>
 */
public final class ConversationPricer {

    private ConversationPricer() {}

    /**
     * Each of {@code strategies} on {@code model}, with its saving and payoff turn against full history (priced
     * whether asked for or not).
     *
     * @param summarizer the model that writes summaries; null: {@code model}
     */
    public static List<StrategyCost> price(
            Conversation c, ModelEntry model, ModelEntry summarizer, List<Strategy> strategies, ConversationOptions o) {
        Run full = run(c, model, summarizer, Strategy.FULL, o);
        List<StrategyCost> out = new ArrayList<>();
        for (Strategy s : strategies) {
            Run r = s.equals(Strategy.FULL) ? full : run(c, model, summarizer, s, o);
            BigDecimal saving = full.total.subtract(r.total);
            Integer payoff = s.equals(Strategy.FULL) ? null : payoff(full.turns, r.turns);
            out.add(new StrategyCost(s, model, r.turns, r.total, r.complete, saving, payoff, r.notes));
        }
        return out;
    }

    /** The first turn from which {@code other}'s cumulative cost stays below {@code full}'s to the end; else null. */
    static Integer payoff(List<TurnCost> full, List<TurnCost> other) {
        Integer first = null;
        for (int i = full.size() - 1; i >= 0; i--) {
            if (other.get(i).cumulativeUsd().compareTo(full.get(i).cumulativeUsd()) < 0) {
                first = i + 1;
            } else {
                break;
            }
        }
        return first;
    }

    private record Run(List<TurnCost> turns, BigDecimal total, boolean complete, List<String> notes) {}

    private static Run run(Conversation c, ModelEntry model, ModelEntry summarizer, Strategy s, ConversationOptions o) {
        ModelEntry sm = summarizer == null ? model : summarizer;
        List<String> notes = new ArrayList<>();
        PrefixCache cache =
                s.kind() == Strategy.Kind.CACHE ? new PrefixCache(model, o.ttl(), c.turnGapSeconds(), notes) : null;
        long fixed = c.system().on(model) + c.tools().on(model);
        int n = c.turns().size();
        long[] user = new long[n];
        long[] answer = new long[n];
        for (int i = 0; i < n; i++) {
            user[i] = c.turns().get(i).user().on(model);
            answer[i] = c.turns().get(i).assistant().on(model);
        }
        long summary = 0; // tokens of the current summary (0: none yet)
        int since = 0; // first turn (0-based) not folded into the summary
        List<TurnCost> turns = new ArrayList<>();
        BigDecimal cumulative = BigDecimal.ZERO;
        boolean complete = true;
        for (int t = 0; t < n; t++) {
            int from = s.kind() == Strategy.Kind.WINDOW ? Math.max(0, t - s.n()) : since;
            long history = summary + sum(user, answer, from, t);
            long input = fixed + history + user[t];
            PrefixCache.Split split = cache == null ? PrefixCache.Split.NONE : cache.next(input);
            CostBreakdown b = CostEngine.estimate(
                    model,
                    new RequestShape(input, split.read(), split.write5m(), split.write1h(), answer[t], 0),
                    o.billing());
            complete &= b.complete();
            BigDecimal cost = b.total();
            BigDecimal summarizerUsd = BigDecimal.ZERO;
            boolean fold = s.kind() == Strategy.Kind.SUMMARIZE && (t + 1) % s.n() == 0 && t + 1 < n;
            if (fold) {
                long in = o.summarizerPromptTokens() + summary + sum(user, answer, since, t + 1);
                CostBreakdown sb = CostEngine.estimate(sm, RequestShape.of(in, c.summaryTokens()), o.billing());
                complete &= sb.complete();
                summarizerUsd = sb.total();
                cost = cost.add(summarizerUsd);
            }
            cumulative = cumulative.add(cost);
            turns.add(new TurnCost(
                    t + 1,
                    input,
                    split.read(),
                    split.write5m() + split.write1h(),
                    answer[t],
                    history + user[t] + answer[t],
                    summarizerUsd,
                    cost,
                    cumulative));
            if (fold) {
                summary = c.summaryTokens();
                since = t + 1;
            }
        }
        if (s.kind() == Strategy.Kind.SUMMARIZE) {
            notes.add(String.format(
                    Locale.ROOT,
                    "Summaries of %,d tokens written by %s (its instructions: %,d tokens); none after the last turn.",
                    c.summaryTokens(),
                    sm.name(),
                    o.summarizerPromptTokens()));
        }
        if (!complete) {
            notes.add("A price these requests need is not listed for " + model.name()
                    + (sm == model ? "" : " or " + sm.name()) + ": the figures cover only the priced part.");
        }
        return new Run(turns, cumulative, complete, notes);
    }

    /** The tokens of turns {@code from} (inclusive) to {@code to} (exclusive), both messages. */
    private static long sum(long[] user, long[] answer, int from, int to) {
        long s = 0;
        for (int i = from; i < to; i++) {
            s += user[i] + answer[i];
        }
        return s;
    }
}
