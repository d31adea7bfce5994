// SPDX-License-Identifier: Apache-2.0
package dev.costbench.ui.scenario;

import dev.costbench.model.cost.Money;
import dev.costbench.model.scenario.AgentTaskFigures;
import dev.costbench.model.scenario.Scenario;
import dev.costbench.model.scenario.Waterfall;
import dev.costbench.model.scenario.WaterfallStep;
import java.math.BigDecimal;
import java.math.RoundingMode;

/** The planner's figures in words, every amount through the one money formatter ({@link Money#format}). */
final class Figures {

    private Figures() {}

    /** "Monthly $135,000.00 → $4,680.00, saving $130,320.00 (96.5 %) · optimized yearly … · per request …". */
    static String totals(Waterfall w) {
        BigDecimal saving = w.baselineMonthly().subtract(w.optimizedMonthly());
        StringBuilder t = new StringBuilder();
        t.append("Monthly ")
                .append(Money.format(w.baselineMonthly()))
                .append(" → ")
                .append(Money.format(w.optimizedMonthly()))
                .append(", saving ")
                .append(Money.format(saving));
        if (w.baselineMonthly().signum() != 0) {
            t.append(" (")
                    .append(saving.movePointRight(2)
                            .divide(w.baselineMonthly(), 1, RoundingMode.HALF_UP)
                            .toPlainString())
                    .append(" %)");
        }
        t.append(" · optimized yearly ").append(Money.format(w.optimizedYearly()));
        if (w.costPerRequest() != null) {
            t.append(" · per request ").append(Money.format(w.costPerRequest()));
        }
        if (w.costPerUser() != null) {
            t.append(" · per user ").append(Money.format(w.costPerUser()));
        }
        if (w.costPerVideoHour() != null) {
            t.append(" · per hour of video ").append(Money.format(w.costPerVideoHour()));
        }
        return t.toString();
    }

    /** " · per successful task of “Research agent” $0.05 → $0.04" for each agent task type; "" without one. */
    static String agentTasks(Scenario s, Waterfall w) {
        StringBuilder t = new StringBuilder();
        for (AgentTaskFigures f : AgentTaskFigures.of(s, w)) {
            t.append(" · ").append(f.line().replace("Per successful", "per successful"));
        }
        return t.toString();
    }

    /** What one lever does to the monthly bill: "saves $4,680.00/mo", "adds …", or "off" when it has no step. */
    static String step(WaterfallStep step) {
        if (step == null) {
            return "off";
        }
        return (step.saving().signum() >= 0 ? "saves " : "adds ")
                + Money.format(step.saving().abs()) + "/mo";
    }

    /** "“other”: $X → $Y a month (+$Z vs this scenario)". */
    static String compare(String name, Waterfall other, Waterfall current) {
        BigDecimal diff =
                other.optimizedMonthly().subtract(current == null ? BigDecimal.ZERO : current.optimizedMonthly());
        return "“" + ScenarioNames.display(name) + "”: " + Money.format(other.baselineMonthly()) + " → "
                + Money.format(other.optimizedMonthly()) + " a month (" + (diff.signum() >= 0 ? "+" : "−")
                + Money.format(diff.abs()) + " vs this scenario)";
    }

    /** A chart's label for an amount. */
    static String amount(BigDecimal usd) {
        return Money.format(usd);
    }
}
