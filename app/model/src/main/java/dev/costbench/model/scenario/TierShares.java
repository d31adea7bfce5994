// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.scenario;

import dev.costbench.model.scenario.PlanState.TypeState;
import java.math.BigDecimal;

/**
 * How a request type's calls split between the service tiers its levers ask for. The batch API, flex and priority act
 * on the same calls (the billing mode), so they never overlap: batch takes its share first, flex takes at most what
 * batch leaves, priority at most what both leave, and the rest stays at standard. Two levers can therefore never
 * save on more calls than there are.
 *
 * @param standard share billed at standard prices
 * @param batch    share sent through the batch API
 * @param flex     share sent at flex (before retries)
 * @param priority share sent at priority
 */
record TierShares(BigDecimal standard, BigDecimal batch, BigDecimal flex, BigDecimal priority) {

    static TierShares of(TypeState ts) {
        BigDecimal batch = ts.batchShare.min(BigDecimal.ONE);
        BigDecimal left = BigDecimal.ONE.subtract(batch);
        BigDecimal flex = ts.flexShare.min(left);
        left = left.subtract(flex);
        BigDecimal priority = ts.priorityShare.min(left);
        return new TierShares(left.subtract(priority), batch, flex, priority);
    }

    /** True when flex or priority asked for more calls than the tiers before them left over. */
    boolean clipped(TypeState ts) {
        return flex.compareTo(ts.flexShare) < 0 || priority.compareTo(ts.priorityShare) < 0;
    }
}
