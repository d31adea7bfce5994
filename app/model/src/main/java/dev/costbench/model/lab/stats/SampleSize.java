// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.lab.stats;

import dev.costbench.model.cost.Money;
import java.math.BigDecimal;
import java.util.Locale;

/**
 * The answer of {@link PowerAnalysis}.
 *
 * @param relativeDifference the difference to detect (0.10 = 10 %)
 * @param cv                 the coefficient of variation used
 * @param paired             whether the design pairs trials by cell
 * @param alpha              two-sided significance level
 * @param power              the power
 * @param trialsPerVariant   trials needed per variant (per model); for a paired design, pairs
 * @param costUsd            the cost of those trials for both variants, or null when no cost per call was given
 */
public record SampleSize(
        double relativeDifference,
        double cv,
        boolean paired,
        double alpha,
        double power,
        long trialsPerVariant,
        BigDecimal costUsd) {

    /** Trials for both variants together. */
    public long totalTrials() {
        return 2 * trialsPerVariant;
    }

    /** Repetitions per input needed to reach {@link #trialsPerVariant} with {@code inputs} test inputs. */
    public long repetitionsFor(int inputs) {
        if (inputs <= 0) {
            throw new IllegalArgumentException("inputs must be positive");
        }
        return (trialsPerVariant + inputs - 1) / inputs;
    }

    /**
     * "To detect a 10 % cost difference at 80 % power (α = 0.05, two-sided) you need about 142 trials per variant
     * (unpaired, CV 0.30), about $1.23."
     */
    public String sentence() {
        StringBuilder s = new StringBuilder(String.format(
                Locale.ROOT,
                "To detect a %s cost difference at %s power (α = %s, two-sided) you need about %,d %s per variant "
                        + "(%s, CV %.2f)",
                StatsFormat.percent(relativeDifference * 100),
                StatsFormat.percent(power * 100),
                trim(alpha),
                trialsPerVariant,
                trialsPerVariant == 1 ? "trial" : "trials",
                paired ? "paired" : "unpaired",
                cv));
        if (costUsd != null) {
            s.append(", about ").append(Money.format(costUsd));
        }
        return s.append('.').toString();
    }

    private static String trim(double x) {
        return BigDecimal.valueOf(x).stripTrailingZeros().toPlainString();
    }
}
