// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.scenario;

import dev.costbench.model.catalog.ModelEntry;
import dev.costbench.model.catalog.ServiceTier;
import dev.costbench.model.scenario.PlanState.Route;
import dev.costbench.model.scenario.PlanState.TypeState;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What the flex and priority levers say about the calls they could not move: a model that does not offer the tier
 * (its calls stay at standard prices, never silently), and calls already taken by the batch API or flex.
 */
final class TierNotes {

    private TierNotes() {}

    static List<String> of(LeverEntry e, PlanState plan, Models models) {
        if (!(e.lever() instanceof Lever.ServiceTierLever l)) {
            return List.of();
        }
        ServiceTier tier = l.tier();
        List<String> notes = new ArrayList<>();
        for (TypeState ts : plan.types) {
            if (!e.appliesTo(ts.rt.id()) || ts.routes.isEmpty()) {
                continue;
            }
            for (Route r : ts.routes) {
                ModelEntry m = models.entry(r.model());
                if (m != null && !m.offers(tier)) {
                    notes.add(m.name() + " does not offer the " + tier.label() + " tier (offered: "
                            + offered(m) + "): the calls of '" + ts.rt.name()
                            + "' stay at standard prices, so this lever changes nothing for them");
                }
            }
            TierShares s = TierShares.of(ts);
            BigDecimal got = tier == ServiceTier.FLEX ? s.flex() : s.priority();
            BigDecimal asked = tier == ServiceTier.FLEX ? ts.flexShare : ts.priorityShare;
            if (got.compareTo(asked) < 0) {
                notes.add("'" + ts.rt.name() + "': "
                        + Validator.pct(
                                tier == ServiceTier.FLEX ? s.batch() : s.batch().add(s.flex()))
                        + " of the calls already go through "
                        + (tier == ServiceTier.FLEX ? "the batch API" : "the batch API or flex") + ", so "
                        + tier.label() + " covers " + Validator.pct(got) + " of them, not " + Validator.pct(asked));
            }
        }
        return notes;
    }

    private static String offered(ModelEntry m) {
        List<String> out = new ArrayList<>();
        for (ServiceTier t : m.serviceTiersOffered()) {
            out.add(t.label().toLowerCase(Locale.ROOT));
        }
        return String.join(", ", out);
    }
}
