// SPDX-License-Identifier: Apache-2.0
package dev.costbench.ui.workload.conversation;

import dev.costbench.model.cost.Money;
import dev.costbench.model.workload.conversation.Strategy;
import dev.costbench.model.workload.conversation.StrategyCost;
import dev.costbench.model.workload.conversation.TurnCost;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The priced strategies in the words the view shows: table rows and chart lines with their tooltips. */
public final class ConversationResults {

    /** One row of the strategies table. */
    public record Row(String strategy, String perConversation, String saving, String payoff, String history) {}

    /** One point of a chart line: the cumulative cost after a turn (exact), and its tooltip. */
    public record Point(int turn, BigDecimal cumulativeUsd, String tooltip) {}

    /** One chart line: a strategy's cumulative cost by turn. */
    public record Line(String name, List<Point> points) {
        public Line {
            points = List.copyOf(points);
        }
    }

    private ConversationResults() {}

    static Row row(StrategyCost r) {
        boolean full = r.strategy().equals(Strategy.FULL);
        return new Row(
                r.strategy().label(),
                Money.format(r.totalUsd()) + (r.complete() ? "" : " (part unpriced)"),
                full ? "—" : Money.format(r.savingUsd()),
                full ? "—" : r.payoffTurn() == null ? "never" : "from turn " + r.payoffTurn(),
                String.format(Locale.ROOT, "%,d tokens", r.finalHistoryTokens()));
    }

    static Line line(StrategyCost r) {
        List<Point> points = new ArrayList<>();
        for (TurnCost t : r.turns()) {
            StringBuilder tip = new StringBuilder()
                    .append(r.strategy().label())
                    .append(" — turn ")
                    .append(t.turn())
                    .append("\nSo far: ")
                    .append(Money.format(t.cumulativeUsd()))
                    .append("\nThis turn: ")
                    .append(Money.format(t.costUsd()));
            if (t.summarizerUsd().signum() != 0) {
                tip.append(" (with the summary made after it: ")
                        .append(Money.format(t.summarizerUsd()))
                        .append(')');
            }
            tip.append(String.format(Locale.ROOT, "\nInput %,d tokens", t.inputTokens()));
            if (t.cachedTokens() > 0 || t.cacheWriteTokens() > 0) {
                tip.append(String.format(
                        Locale.ROOT,
                        " (%,d read from the cache, %,d written)",
                        t.cachedTokens(),
                        t.cacheWriteTokens()));
            }
            tip.append(String.format(Locale.ROOT, ", output %,d", t.outputTokens()));
            points.add(new Point(t.turn(), t.cumulativeUsd(), tip.toString()));
        }
        return new Line(r.strategy().label(), points);
    }
}
