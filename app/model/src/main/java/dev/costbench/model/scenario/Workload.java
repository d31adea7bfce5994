// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * What the application does in a month: one or more request types.
 *
 * @param users        monthly active users, for the cost per user; null when not known
 * @param daysPerMonth days in a month for per-day volumes (30, as the seeds count)
 * @param heavyTail    units per user per month as percentiles, with plan prices; null when not asked
 * @param budget       a monthly budget to find the first breach of under growth; null when not asked
 */
public record Workload(
        List<RequestType> requestTypes, Long users, int daysPerMonth, HeavyTail heavyTail, Budget budget) {

    public Workload {
        requestTypes = requestTypes == null ? List.of() : List.copyOf(requestTypes);
        daysPerMonth = daysPerMonth == 0 ? 30 : daysPerMonth;
    }

    /** A workload without heavy-tail users or a budget (as files written before them are read). */
    public Workload(List<RequestType> requestTypes, Long users, int daysPerMonth) {
        this(requestTypes, users, daysPerMonth, null, null);
    }

    public Workload withHeavyTail(HeavyTail h) {
        return new Workload(requestTypes, users, daysPerMonth, h, budget);
    }

    public Workload withBudget(Budget b) {
        return new Workload(requestTypes, users, daysPerMonth, heavyTail, b);
    }

    public static Workload of(RequestType... types) {
        return new Workload(List.of(types), null, 30);
    }

    public Workload withUsers(Long u) {
        return new Workload(requestTypes, u, daysPerMonth, heavyTail, budget);
    }

    public Workload withRequestTypes(List<RequestType> types) {
        return new Workload(types, users, daysPerMonth, heavyTail, budget);
    }

    /** A copy with every request type changed by {@code f}. */
    public Workload mapTypes(UnaryOperator<RequestType> f) {
        List<RequestType> out = new ArrayList<>();
        for (RequestType t : requestTypes) {
            out.add(f.apply(t));
        }
        return withRequestTypes(out);
    }
}
