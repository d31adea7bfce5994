// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.lab.run;

import dev.costbench.model.prompt.Role;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/** The support-ticket experiment the runner tests (live and batch) run. */
public final class TicketSpecs {

    private TicketSpecs() {}

    /** 2 variants × 2 inputs × {gpt-4o-mini, claude-haiku-4-5} × reps, output capped at 200 tokens, not streamed. */
    public static ExperimentSpec tickets(int reps, BigDecimal budget, boolean cache) {
        return new ExperimentSpec(
                "tickets",
                null,
                List.of(
                        new ExperimentSpec.VariantSpec(
                                "verbose",
                                true,
                                "You are an expert in analyzing support tickets. "
                                        + "Determine the issue, the severity and the resolution.",
                                List.of(new ExperimentSpec.MessageSpec(Role.USER, "Ticket {{id}}: {{text}}")),
                                ExperimentSpec.Params.NONE),
                        ExperimentSpec.VariantSpec.of("optimized", false, "Analyze. Return JSON.", "{{text}}")),
                List.of(
                        new ExperimentSpec.InputSpec("T-1", Map.of("id", "1", "text", "I was charged twice")),
                        new ExperimentSpec.InputSpec("T-2", Map.of("id", "2", "text", "I cannot log in"))),
                List.of(ExperimentSpec.ModelSpec.of("gpt-4o-mini"), ExperimentSpec.ModelSpec.of("claude-haiku-4-5")),
                reps,
                budget,
                cache,
                new ExperimentSpec.Params(null, 200, null, null, null),
                false,
                null);
    }
}
