// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.cost;

import dev.costbench.model.catalog.ModelEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Where a cost figure may mislead: a request larger than the model accepts is priced like any other, but the
 * provider refuses it, so the figure is never billed. Shown beside the figure by every caller ({@code costbench
 * estimate} prints them under its table; the Prompt view's cost table can show them as a row marker).
 */
public final class CostWarnings {

    private CostWarnings() {}

    /** The warnings for {@code usage} on {@code model}; empty when the request fits. */
    public static List<String> of(ModelEntry model, CanonicalUsage usage) {
        List<String> out = new ArrayList<>();
        if (model == null || usage == null) {
            return out;
        }
        String name = model.name() == null || model.name().isBlank() ? model.id() : model.name();
        long input = usage.totalInput();
        Long window = model.contextWindow();
        if (window != null && window > 0 && input > window) {
            out.add(String.format(
                    Locale.ROOT,
                    "%,d input tokens exceed %s's context window of %,d tokens: the "
                            + "provider refuses such a request, so this cost would never be billed (shorten the input or "
                            + "choose a model with a larger window)",
                    input,
                    name,
                    window));
        }
        long output = usage.billedOutput();
        Long maxOutput = model.maxOutput();
        if (maxOutput != null && maxOutput > 0 && output > maxOutput) {
            out.add(String.format(
                    Locale.ROOT,
                    "%,d output tokens (with reasoning) exceed %s's maximum output of "
                            + "%,d tokens: the answer would be cut there, so the output cost is overstated",
                    output,
                    name,
                    maxOutput));
        }
        return out;
    }
}
