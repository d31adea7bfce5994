// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.lab.run;

import dev.costbench.model.provider.ReasoningEffort;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;

/**
 * A reasoning-effort sweep: one variant run at several effort levels becomes one arm per level — a variant of its
 * own, named "Optimized · effort high", with the same prompts and that level in its parameters — so each level has
 * its own row in the results and its own point on the cost–quality chart.
 */
public final class EffortSweep {

    /** Between the variant's name and the level in an arm's name. */
    public static final String SEPARATOR = " · effort ";

    private EffortSweep() {}

    /**
     * The arms of {@code v} at {@code levels} (duplicates dropped, order kept). When {@code v} is the baseline, its
     * first arm is.
     *
     * @throws SpecException without levels
     */
    public static List<ExperimentSpec.VariantSpec> arms(ExperimentSpec.VariantSpec v, List<ReasoningEffort> levels) {
        List<ReasoningEffort> distinct = new ArrayList<>(new LinkedHashSet<>(levels));
        if (distinct.isEmpty()) {
            throw new SpecException("variant \"" + v.name() + "\": an effort sweep needs at least one level");
        }
        List<ExperimentSpec.VariantSpec> out = new ArrayList<>();
        for (int i = 0; i < distinct.size(); i++) {
            ReasoningEffort e = distinct.get(i);
            out.add(v.arm(
                    name(v.name(), e), v.baseline() && i == 0, v.parameters().withEffort(e)));
        }
        return out;
    }

    /** "Optimized · effort high". */
    public static String name(String variant, ReasoningEffort e) {
        return variant + SEPARATOR + e.label().toLowerCase(Locale.ROOT);
    }
}
