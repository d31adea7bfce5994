// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.lab.run;

import dev.costbench.model.catalog.ServiceTier;
import dev.costbench.model.cost.BillingOptions;
import dev.costbench.model.lab.Trial;
import dev.costbench.model.provider.ServiceTierWords;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Trials are priced at the tier the provider served, not the one asked for: OpenAI "default" and Anthropic
 * "standard" at Standard prices, "flex" at Flex, "priority" at Priority; no report and a word CostBench does not
 * know at Standard (the latter with a note). This class gives those billing options and, per model, where the
 * served tier differed from the one asked for.
 */
public final class ServedPricing {

    private ServedPricing() {}

    /** How a call the provider says {@code served} served is billed (interactive, no residency). */
    public static BillingOptions options(String served) {
        return BillingOptions.INTERACTIVE.withTier(ServiceTierWords.pricedAs(served));
    }

    /**
     * One model's trials whose served tier differed from the one asked for.
     *
     * @param modelId   the catalog id
     * @param requested the tier asked for
     * @param served    the provider's word for what it served instead
     * @param changed   how many trials it served so
     * @param reported  how many of the model's successful trials reported a tier
     */
    public record Change(String modelId, ServiceTier requested, String served, int changed, int reported) {

        /** True when the served tier is priced higher than the one asked for (a rough order: flex < standard < …). */
        public boolean upgrade() {
            return rank(ServiceTierWords.pricedAs(served)) > rank(requested);
        }

        /** "asked for Priority, served default on 3 of 40 trials — priced at Standard", with the model's name first. */
        public String describe(String modelName) {
            String known = ServiceTierWords.known(served)
                    ? "priced at " + ServiceTierWords.pricedAs(served).label()
                    : "a tier CostBench does not know: priced at Standard";
            return String.format(
                    Locale.ROOT,
                    "%s: asked for %s, served %s on %d of %d trial%s — %s",
                    modelName,
                    requested.label(),
                    served,
                    changed,
                    reported,
                    reported == 1 ? "" : "s",
                    known);
        }

        private static int rank(ServiceTier t) {
            return switch (t) {
                case BATCH -> 0;
                case FLEX -> 1;
                case STANDARD -> 2;
                case PRIORITY -> 3;
                case FAST -> 4;
            };
        }
    }

    /** Per model (in the order the trials come) and served word, the successful trials served another tier. */
    public static List<Change> changes(List<Trial> trials) {
        Map<String, Integer> reported = new LinkedHashMap<>();
        Map<String, Map<String, int[]>> changed = new LinkedHashMap<>();
        Map<String, ServiceTier> asked = new LinkedHashMap<>();
        for (Trial t : trials) {
            if (!t.succeeded() || t.fromCache() || t.servedTier() == null) {
                continue;
            }
            String model = t.cell().modelId();
            reported.merge(model, 1, Integer::sum);
            if (t.tierChanged()) {
                asked.putIfAbsent(model, t.requestedTierOrStandard());
                changed.computeIfAbsent(model, k -> new TreeMap<>())
                        .computeIfAbsent(t.servedTier().toLowerCase(Locale.ROOT), k -> new int[1])[0]++;
            }
        }
        List<Change> out = new ArrayList<>();
        changed.forEach((model, byWord) -> byWord.forEach(
                (word, n) -> out.add(new Change(model, asked.get(model), word, n[0], reported.get(model)))));
        return out;
    }

    /** The sentences of {@link #changes}, each model named by {@code names}. */
    public static List<String> describe(List<Trial> trials, Function<String, String> names) {
        List<String> out = new ArrayList<>();
        for (Change c : changes(trials)) {
            out.add(c.describe(names.apply(c.modelId())));
        }
        return out;
    }
}
