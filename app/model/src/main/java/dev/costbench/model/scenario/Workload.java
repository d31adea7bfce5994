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
 */
public record Workload(List<RequestType> requestTypes, Long users, int daysPerMonth) {

    public Workload {
        requestTypes = requestTypes == null ? List.of() : List.copyOf(requestTypes);
        daysPerMonth = daysPerMonth == 0 ? 30 : daysPerMonth;
    }

    public static Workload of(RequestType... types) {
        return new Workload(List.of(types), null, 30);
    }

    public Workload withUsers(Long u) {
        return new Workload(requestTypes, u, daysPerMonth);
    }

    public Workload withRequestTypes(List<RequestType> types) {
        return new Workload(types, users, daysPerMonth);
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
