// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.scenario;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Seed 001's two break-even calculators, exact except for the final divisions (20 significant digits).
 * <ul>
 *   <li>{@link #fineTuning}: fine-tuning once vs paying for few-shot examples on every request;</li>
 *   <li>{@link #selfHosting}: renting GPUs vs paying an API per token, at a given utilization. Unlike the seed it
 *       also checks that the hardware can serve the break-even volume at all.</li>
 * </ul>
 */
public final class BreakEven {

    private static final MathContext MC = new MathContext(20);
    private static final BigDecimal MILLION = BigDecimal.valueOf(1_000_000);
    private static final BigDecimal SECONDS_PER_DAY = BigDecimal.valueOf(86_400);

    private BreakEven() {}

    /**
     * Few-shot prompting vs a fine-tuned model.
     *
     * @param requestsPerMonth       requests a month
     * @param fewShotTokens          example tokens per request that fine-tuning removes
     * @param otherInputTokens       the rest of the prompt, sent either way
     * @param outputTokens           output tokens per request
     * @param inputPerMTok           base model input price
     * @param outputPerMTok          base model output price
     * @param fineTunedInputPerMTok  fine-tuned model input price (null: as the base model, the seed's assumption)
     * @param fineTunedOutputPerMTok fine-tuned model output price (null: as the base model)
     * @param trainingUsd            one-time cost: data preparation and training
     */
    public record FineTuning(
            BigDecimal requestsPerMonth,
            long fewShotTokens,
            long otherInputTokens,
            long outputTokens,
            BigDecimal inputPerMTok,
            BigDecimal outputPerMTok,
            BigDecimal fineTunedInputPerMTok,
            BigDecimal fineTunedOutputPerMTok,
            BigDecimal trainingUsd) {}

    /**
     * @param monthlySaving          prompting − fine-tuned, per month (negative when fine-tuning costs more to run)
     * @param breakEvenMonths        training ÷ monthly saving; null when it never pays back
     * @param requestsToPayBackInOneMonth the monthly volume at which training pays back within one month; null when
     *                               a fine-tuned request saves nothing
     */
    public record FineTuningResult(
            BigDecimal promptingMonthly,
            BigDecimal fineTunedMonthly,
            BigDecimal monthlySaving,
            BigDecimal breakEvenMonths,
            BigDecimal requestsToPayBackInOneMonth) {}

    public static FineTuningResult fineTuning(FineTuning in) {
        BigDecimal ftIn = in.fineTunedInputPerMTok() == null ? in.inputPerMTok() : in.fineTunedInputPerMTok();
        BigDecimal ftOut = in.fineTunedOutputPerMTok() == null ? in.outputPerMTok() : in.fineTunedOutputPerMTok();
        BigDecimal promptingPer = BigDecimal.valueOf(in.fewShotTokens() + in.otherInputTokens())
                .multiply(in.inputPerMTok())
                .add(BigDecimal.valueOf(in.outputTokens()).multiply(in.outputPerMTok()))
                .movePointLeft(6);
        BigDecimal ftPer = BigDecimal.valueOf(in.otherInputTokens())
                .multiply(ftIn)
                .add(BigDecimal.valueOf(in.outputTokens()).multiply(ftOut))
                .movePointLeft(6);
        BigDecimal prompting = promptingPer.multiply(in.requestsPerMonth());
        BigDecimal ft = ftPer.multiply(in.requestsPerMonth());
        BigDecimal saving = prompting.subtract(ft);
        BigDecimal perRequest = promptingPer.subtract(ftPer);
        return new FineTuningResult(
                prompting,
                ft,
                saving,
                saving.signum() > 0 ? in.trainingUsd().divide(saving, MC) : null,
                perRequest.signum() > 0 ? in.trainingUsd().divide(perRequest, MC) : null);
    }

    /**
     * Self-hosting vs an API.
     *
     * @param tokensPerDay              the workload
     * @param apiPerMTok                the API's price per 1M tokens
     * @param replicaMonthlyUsd         one replica (all its GPUs) for a month; see {@link #monthly}
     * @param throughputTokensPerSecond what one replica serves at full load
     * @param utilization               share of the time the replica does useful work (0–1]
     * @param daysPerMonth              30 in the seeds
     */
    public record SelfHosting(
            BigDecimal tokensPerDay,
            BigDecimal apiPerMTok,
            BigDecimal replicaMonthlyUsd,
            BigDecimal throughputTokensPerSecond,
            BigDecimal utilization,
            int daysPerMonth) {}

    /**
     * @param replicas                 replicas the workload needs at the utilization (at least one)
     * @param capacityTokensPerDay     what one replica serves a day at the utilization
     * @param breakEvenTokensPerDay    one replica's cost ÷ the API price: the seed's break-even, which ignores
     *                                 capacity
     * @param breakEvenWithinCapacity  true when one replica can actually serve its break-even volume
     * @param selfHostedPerMTok        one replica's cost per 1M tokens when it runs at the utilization
     * @param breakEvenUtilization     the utilization at which that cost equals the API price (above 1: never)
     */
    public record SelfHostingResult(
            BigDecimal apiMonthly,
            long replicas,
            BigDecimal selfHostedMonthly,
            BigDecimal capacityTokensPerDay,
            BigDecimal breakEvenTokensPerDay,
            boolean breakEvenWithinCapacity,
            BigDecimal selfHostedPerMTok,
            BigDecimal breakEvenUtilization) {

        public BigDecimal monthlySaving() {
            return apiMonthly.subtract(selfHostedMonthly);
        }
    }

    /** A replica's month from an hourly price (seed 001: $40 an hour × 24 × 30 = $28,800). */
    public static BigDecimal monthly(BigDecimal hourlyUsd, int daysPerMonth) {
        return hourlyUsd.multiply(BigDecimal.valueOf(24L * daysPerMonth));
    }

    public static SelfHostingResult selfHosting(SelfHosting in) {
        BigDecimal days = BigDecimal.valueOf(in.daysPerMonth());
        BigDecimal api =
                in.tokensPerDay().multiply(in.apiPerMTok()).multiply(days).movePointLeft(6);
        BigDecimal fullCapacity = in.throughputTokensPerSecond().multiply(SECONDS_PER_DAY);
        BigDecimal capacity = fullCapacity.multiply(in.utilization());
        long replicas = Math.max(
                1, in.tokensPerDay().divide(capacity, 0, RoundingMode.CEILING).longValueExact());
        BigDecimal hosted = in.replicaMonthlyUsd().multiply(BigDecimal.valueOf(replicas));
        BigDecimal perDay = in.replicaMonthlyUsd().divide(days, MC);
        BigDecimal breakEven = perDay.multiply(MILLION).divide(in.apiPerMTok(), MC);
        BigDecimal perMTok = perDay.multiply(MILLION).divide(capacity, MC);
        return new SelfHostingResult(
                api,
                replicas,
                hosted,
                capacity,
                breakEven,
                breakEven.compareTo(capacity) <= 0,
                perMTok,
                breakEven.divide(fullCapacity, MC));
    }
}
