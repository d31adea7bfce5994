// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.scenario;

import java.util.ArrayList;
import java.util.List;

/**
 * Seed 003's four questions ("Which Levers For Which Workload"), answered, give the lever families to pre-select.
 * Two families apply to every workload: processing less media and routing to the cheapest model that can do the job.
 */
public final class LeverAdvice {

    private LeverAdvice() {}

    /**
     * A lever type to pre-select or to leave off, and why.
     *
     * @param type     the lever's type name as scenario files spell it ({@code "batch"}, {@code "promptCaching"} …)
     * @param suggested true to pre-select, false to leave off
     */
    public record Advice(String type, boolean suggested, String reason) {}

    /**
     * @param realTime     must it answer in real time?
     * @param inputRepeats does the input repeat?
     * @param steadyLoad   is the load steady around the clock?
     * @param spiky        is it spiky and unpredictable?
     */
    public static List<Advice> advise(boolean realTime, boolean inputRepeats, boolean steadyLoad, boolean spiky) {
        List<Advice> a = new ArrayList<>();
        String always = "applies to every workload";
        for (String t : List.of(
                "frameSampling",
                "lowMediaResolution",
                "downscale",
                "crop",
                "promptTrimming",
                "outputCap",
                "routing",
                "cascade")) {
            a.add(new Advice(t, true, always));
        }
        if (realTime) {
            a.add(new Advice("batch", false, "real time: the batch API answers within 24 hours"));
            a.add(new Advice("promptCaching", true, "real time: caching and routing still apply"));
        } else {
            a.add(new Advice("batch", true, "it can wait: the batch API halves the price"));
            a.add(new Advice("precompute", true, "work that can wait can be computed once and stored"));
        }
        if (inputRepeats) {
            a.add(new Advice("promptCaching", true, "the input repeats: cache the shared prefix"));
            a.add(new Advice("responseCache", true, "the input repeats: answer repeats from a cache"));
        } else {
            a.add(new Advice("responseCache", false, "every request is unique: a response cache does almost nothing"));
        }
        if (steadyLoad) {
            a.add(new Advice(
                    "selfHosting",
                    true,
                    "steady load: reserved capacity for the floor can beat per-token " + "prices at volume"));
        }
        if (spiky) {
            a.add(new Advice("eventGating", true, "spiky load: run the expensive model only when something happens"));
            if (!steadyLoad) {
                a.add(new Advice("selfHosting", false, "spiky load: hardware you rent by the hour sits idle"));
            }
        }
        return List.copyOf(a);
    }
}
