// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.lab.stats;

import dev.costbench.model.cost.CanonicalUsage;
import dev.costbench.model.lab.Trial;
import dev.costbench.model.lab.TrialCell;
import dev.costbench.model.lab.Variant;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** Builds stored-looking trials for the statistics tests. */
final class Fixture {

    static final Instant T0 = Instant.parse("2026-11-20T10:00:00Z");
    static final CanonicalUsage USAGE = new CanonicalUsage(1000, 200, 0, 0, 300, 50);

    private long nextId = 1;

    static Variant variant(long id, int position, String name, boolean baseline) {
        return new Variant(id, 1, position, name, baseline, "{}", List.of());
    }

    /** A successful real call. */
    Trial ok(long variant, long input, String model, int rep, String costUsd, String output) {
        return ok(variant, input, model, rep, USAGE, costUsd, null, 1000L, 200L, output, false);
    }

    Trial ok(
            long variant,
            long input,
            String model,
            int rep,
            CanonicalUsage usage,
            String costUsd,
            String estimate,
            Long latencyMs,
            Long ttftMs,
            String output,
            boolean cached) {
        return new Trial(
                nextId++,
                1,
                new TrialCell(variant, input, model, rep),
                "h",
                usage,
                costUsd == null ? null : new BigDecimal(costUsd),
                costUsd != null,
                null,
                estimate == null ? null : new BigDecimal(estimate),
                latencyMs,
                ttftMs,
                "stop",
                output,
                null,
                cached,
                T0,
                T0.plusMillis(latencyMs == null ? 0 : latencyMs),
                null,
                null);
    }

    Trial failed(long variant, long input, String model, int rep) {
        return failure(new TrialCell(variant, input, model, rep), null, null, false, "HTTP 500");
    }

    /** A failure the provider billed (e.g. cut by a timeout after output started). */
    Trial failedBilled(long variant, long input, String model, int rep, String costUsd) {
        return failure(
                new TrialCell(variant, input, model, rep), USAGE, new BigDecimal(costUsd), true, "stream broken");
    }

    /** A failure after 1.5 s. */
    private Trial failure(TrialCell cell, CanonicalUsage usage, BigDecimal costUsd, boolean complete, String error) {
        return new Trial(
                nextId++,
                1,
                cell,
                "h",
                usage,
                costUsd,
                complete,
                null,
                null,
                1500L,
                null,
                null,
                null,
                error,
                false,
                T0,
                T0.plusMillis(1500),
                null,
                null);
    }
}
