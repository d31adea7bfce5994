// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.scenario;

import dev.costbench.model.cost.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The self-hosted GPUs of a month's bill, priced by capacity: for each self-hosted model (a self-hosting lever, or a
 * custom model with {@link CustomModel.SelfHosted}) the instances its tokens need at the stated throughput and
 * utilization, rounded up to whole instances (at least one), each paid for every hour of the month (or its monthly
 * price). The cost goes to the request types in proportion to the tokens they send.
 */
final class SelfHostedGpus {

    private static final BigDecimal HOUR = BigDecimal.valueOf(3600);

    private SelfHostedGpus() {}

    /** One self-hosted model's month: its instances and cost, and the sentence of assumptions behind them. */
    record Month(String model, long instances, BigDecimal usd, String note) {}

    /**
     * Prices {@code hosts} (by model id) for a month of {@code days} days, the tokens each request type sends to each
     * in {@code tokens} (model → type → tokens); adds each model's cost to {@code byType}.
     */
    static List<Month> price(
            Map<String, Lever.SelfHosting> hosts,
            Map<String, Map<String, BigDecimal>> tokens,
            int days,
            Map<String, BigDecimal> byType) {
        BigDecimal hours = BigDecimal.valueOf(days * 24L);
        List<Month> out = new ArrayList<>();
        for (Map.Entry<String, Lever.SelfHosting> e : hosts.entrySet()) {
            Lever.SelfHosting sh = e.getValue();
            Map<String, BigDecimal> perType = tokens.getOrDefault(e.getKey(), Map.of());
            BigDecimal total = perType.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
            BigDecimal instanceCost =
                    sh.monthlyUsd() != null ? sh.monthlyUsd() : sh.hourlyUsd().multiply(hours);
            long n = replicas(total, sh, hours);
            BigDecimal cost = instanceCost.multiply(BigDecimal.valueOf(n));
            out.add(new Month(e.getKey(), n, cost, note(e.getKey(), sh, total, n, hours, cost)));
            if (total.signum() == 0) {
                byType.merge("(idle " + e.getKey() + ")", cost, BigDecimal::add);
                continue;
            }
            // Each request type carries the hardware in proportion to the tokens it sends.
            BigDecimal left = cost;
            List<Map.Entry<String, BigDecimal>> list = List.copyOf(perType.entrySet());
            for (int i = 0; i < list.size(); i++) {
                BigDecimal part = i == list.size() - 1
                        ? left
                        : cost.multiply(list.get(i).getValue()).divide(total, ScenarioEngine.MC);
                byType.merge(list.get(i).getKey(), part, BigDecimal::add);
                left = left.subtract(part);
            }
        }
        return out;
    }

    /** The hosts of a plan: the custom models that are self-hosted, then the levers' (a lever on the same id wins). */
    static Map<String, Lever.SelfHosting> hosts(Map<String, Lever.SelfHosting> custom, PlanState plan) {
        Map<String, Lever.SelfHosting> all = new LinkedHashMap<>(custom);
        all.putAll(plan.selfHosted);
        return all;
    }

    /** Replicas needed for {@code tokens} a month at the host's throughput and utilization: at least one. */
    static long replicas(BigDecimal tokens, Lever.SelfHosting sh, BigDecimal hours) {
        if (sh.throughputTokensPerSecond() == null || tokens.signum() == 0) {
            return 1;
        }
        return Math.max(
                1, tokens.divide(capacity(sh, hours), 0, RoundingMode.CEILING).longValueExact());
    }

    /** Tokens one instance serves in {@code hours} at the host's throughput and utilization. */
    static BigDecimal capacity(Lever.SelfHosting sh, BigDecimal hours) {
        return sh.throughputTokensPerSecond().multiply(HOUR).multiply(hours).multiply(sh.utilization());
    }

    /**
     * "llama-70b: 2 instances × 720 h × $4.00 an hour = $5,760.00 for 1,500,000,000 tokens a month; one instance
     * serves 1,036,800,000 tokens a month at 400 tokens/s and 100 % utilization, rounded up to whole instances".
     */
    static String note(
            String model, Lever.SelfHosting sh, BigDecimal tokens, long n, BigDecimal hours, BigDecimal usd) {
        String each = sh.monthlyUsd() != null
                ? Money.format(sh.monthlyUsd()) + " a month"
                : Pricer.plain(hours) + " h × " + Money.format(sh.hourlyUsd()) + " an hour";
        StringBuilder b = new StringBuilder(String.format(
                Locale.ROOT,
                "%s: %d instance%s × %s = %s for %s tokens a month",
                model,
                n,
                n == 1 ? "" : "s",
                each,
                Money.format(usd),
                Pricer.plain(tokens)));
        if (sh.throughputTokensPerSecond() == null) {
            b.append("; no throughput given: one instance");
        } else {
            b.append(String.format(
                    Locale.ROOT,
                    "; one instance serves %s tokens a month at %s tokens/s and %s utilization, rounded up to whole "
                            + "instances",
                    Pricer.plain(capacity(sh, hours)),
                    Pricer.plain(sh.throughputTokensPerSecond()),
                    Validator.pct(sh.utilization())));
        }
        return b.toString();
    }
}
