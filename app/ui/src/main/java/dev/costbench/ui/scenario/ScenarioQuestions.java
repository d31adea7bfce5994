// SPDX-License-Identifier: Apache-2.0
package dev.costbench.ui.scenario;

import dev.costbench.model.catalog.Catalog;
import dev.costbench.model.catalog.ModelEntry;
import dev.costbench.model.scenario.Lever;
import dev.costbench.model.scenario.LeverAdvice;
import dev.costbench.model.scenario.LeverEntry;
import dev.costbench.model.scenario.RequestType;
import dev.costbench.model.scenario.Scenario;
import dev.costbench.model.scenario.TextTokens;
import dev.costbench.model.scenario.Volume;
import dev.costbench.model.scenario.Workload;
import dev.costbench.ui.common.Form;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** "New from questions…": seed 003's four questions pick the levers that apply to a new text workload. */
final class ScenarioQuestions {

    private ScenarioQuestions() {}

    /** The four questions and the workload's size, as a form. */
    static Form form(Catalog catalog) {
        List<String> models =
                catalog.models().stream().map(ModelEntry::id).sorted().toList();
        return new Form(
                "New scenario",
                "Four questions pick the levers that apply (“Which levers for which " + "workload”)",
                List.of(
                        Form.Field.check("realTime", "Must it answer in real time?", true),
                        Form.Field.check(
                                "repeats",
                                "Does the input repeat (same prompts, same documents, same questions)?",
                                false),
                        Form.Field.check("steady", "Is the load steady around the clock?", false),
                        Form.Field.check("spiky", "Is it spiky and unpredictable?", false),
                        Form.Field.text("volume", "Requests per month", "1000000"),
                        Form.Field.choice("model", "Model", "gpt-5", models),
                        Form.Field.text("prompt", "Prompt tokens (system part is half)", "2000"),
                        Form.Field.text("output", "Output tokens", "400")));
    }

    /**
     * The scenario the form's answers call for.
     *
     * @throws IllegalArgumentException saying which answer is not a whole number
     */
    static Scenario fromForm(Map<String, String> a, Catalog catalog) {
        return fromAnswers(
                yes(a, "realTime"),
                yes(a, "repeats"),
                yes(a, "steady"),
                yes(a, "spiky"),
                whole(a, "volume", "Requests per month"),
                a.getOrDefault("model", "gpt-5").trim(),
                whole(a, "prompt", "Prompt tokens"),
                whole(a, "output", "Output tokens"),
                catalog);
    }

    private static boolean yes(Map<String, String> a, String key) {
        return Boolean.parseBoolean(a.get(key));
    }

    private static long whole(Map<String, String> a, String key, String label) {
        String v = a.getOrDefault(key, "").trim().replace(",", "").replace("_", "");
        try {
            long n = Long.parseLong(v);
            if (n >= 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(
                label + " must be a whole number of zero or more (was “" + a.getOrDefault(key, "") + "”).");
    }

    /** A new text workload with the levers seed 003's answers call for, at moderate starting values. */
    static Scenario fromAnswers(
            boolean realTime,
            boolean repeats,
            boolean steady,
            boolean spiky,
            long perMonth,
            String model,
            long promptTokens,
            long outputTokens,
            Catalog catalog) {
        RequestType t = RequestType.text(
                "requests",
                Volume.monthly(perMonth),
                model,
                new TextTokens(promptTokens / 2, 0, promptTokens - promptTokens / 2, outputTokens, 0));
        String cheap = LeverKinds.cheaperSibling(catalog, model);
        Map<String, Boolean> on = new LinkedHashMap<>();
        for (LeverAdvice.Advice a : LeverAdvice.advise(realTime, repeats, steady, spiky)) {
            on.merge(a.type(), a.suggested(), (x, y) -> x && y);
        }
        List<LeverEntry> levers = new ArrayList<>();
        levers.add(entry(
                "trim",
                "Trim the prompt 20 %",
                on.getOrDefault("promptTrimming", false),
                new Lever.PromptTrimming(Lever.PromptTrimming.Part.ALL, new BigDecimal("0.20"), null)));
        levers.add(entry(
                "cap",
                "Cap the output",
                on.getOrDefault("outputCap", false),
                new Lever.OutputCap(Math.max(16, outputTokens * 3 / 4))));
        if (cheap != null) {
            levers.add(entry(
                    "route",
                    "Route 70 % to " + cheap,
                    on.getOrDefault("routing", false),
                    new Lever.Routing(List.of(
                            new Lever.Routing.Route(cheap, new BigDecimal("0.70")),
                            new Lever.Routing.Route(model, new BigDecimal("0.30"))))));
        }
        levers.add(entry(
                "cache",
                "Prompt caching, 60 % hits",
                on.getOrDefault("promptCaching", false),
                new Lever.PromptCaching(new BigDecimal("0.60"), Lever.PromptCaching.Ttl.FIVE_MINUTES)));
        levers.add(entry(
                "respcache",
                "Response cache, 15 % hits",
                on.getOrDefault("responseCache", false),
                new Lever.ResponseCache(Lever.ResponseCache.Match.EXACT, new BigDecimal("0.15"))));
        levers.add(entry(
                "gate",
                "Event gating: 40 % pass",
                on.getOrDefault("eventGating", false),
                new Lever.EventGating(new BigDecimal("0.40"))));
        levers.add(entry(
                "batch",
                "Batch the work that can wait",
                on.getOrDefault("batch", false),
                new Lever.Batch(new BigDecimal("0.80"))));
        return new Scenario(
                "New scenario",
                "Built from the four questions of \u201cWhich levers for which workload\u201d",
                List.of(
                        "real time: " + realTime,
                        "input repeats: " + repeats,
                        "steady load: " + steady,
                        "spiky: " + spiky),
                new Workload(List.of(t), null, 30),
                List.of(),
                levers);
    }

    private static LeverEntry entry(String id, String label, boolean on, Lever lever) {
        return new LeverEntry(id, label, on, List.of(), null, lever);
    }
}
