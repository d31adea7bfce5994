// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.scenario;

import java.math.BigDecimal;
import java.util.List;

/**
 * Heavy-tail users: how many conversations (or tasks, or requests) of one request type a user makes in a month, as
 * three percentiles, and the plan prices to test against them. The engine fits a lognormal to the three percentiles
 * ({@link Lognormal#fit}) for the share of users above break-even; the bills per user at p50 / p90 / p99 use the
 * typed percentiles themselves.
 *
 * @param requestType the id of the request type the units count; null: the first conversation, agent or retrieval
 *                    type, else the first type
 * @param p50         units per user per month at the median
 * @param p90         at the 90th percentile (at least p50)
 * @param p99         at the 99th percentile (at least p90)
 * @param users       users a month; null: the workload's users
 * @param planPrices  the monthly plan prices per user to test (USD)
 */
public record HeavyTail(
        String requestType, BigDecimal p50, BigDecimal p90, BigDecimal p99, Long users, List<BigDecimal> planPrices) {

    public HeavyTail {
        requestType = requestType == null || requestType.isBlank() ? null : requestType;
        planPrices = planPrices == null ? List.of() : List.copyOf(planPrices);
    }
}
