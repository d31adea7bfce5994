// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.scenario;

import dev.costbench.model.catalog.ModelEntry;
import dev.costbench.model.catalog.ServiceTier;
import dev.costbench.model.cost.BillingOptions;
import dev.costbench.model.scenario.PlanState.TypeState;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The billing modes a request type's units (agent tasks, conversations) are sent at on one model: the
 * {@link TierShares} of its levers, a tier the model does not offer falling back to standard, flex retries paid
 * twice. The parts' shares add up to 1 plus the flex retries.
 */
final class TierSplit {

    /** {@code share} of the units billed with {@code options}. */
    record Part(BigDecimal share, BillingOptions options) {}

    private TierSplit() {}

    static List<Part> of(TypeState ts, ModelEntry m, LocalDate date) {
        TierShares s = TierShares.of(ts);
        BigDecimal standard = s.standard();
        BigDecimal flex = s.flex();
        BigDecimal priority = s.priority();
        if (flex.signum() > 0 && !m.offers(ServiceTier.FLEX)) {
            standard = standard.add(flex);
            flex = BigDecimal.ZERO;
        }
        if (priority.signum() > 0 && !m.offers(ServiceTier.PRIORITY)) {
            standard = standard.add(priority);
            priority = BigDecimal.ZERO;
        }
        BillingOptions interactive = BillingOptions.INTERACTIVE.at(date);
        List<Part> out = new ArrayList<>();
        add(out, standard, interactive);
        add(out, s.batch(), BillingOptions.BATCH.at(date));
        add(out, flex.multiply(BigDecimal.ONE.add(ts.flexRetry)), interactive.withTier(ServiceTier.FLEX));
        add(out, priority, interactive.withTier(ServiceTier.PRIORITY));
        return out;
    }

    private static void add(List<Part> out, BigDecimal share, BillingOptions o) {
        if (share.signum() > 0) {
            out.add(new Part(share, o));
        }
    }
}
