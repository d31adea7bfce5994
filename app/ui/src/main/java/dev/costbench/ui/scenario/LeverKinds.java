// SPDX-License-Identifier: Apache-2.0
package dev.costbench.ui.scenario;

import dev.costbench.model.catalog.Catalog;
import dev.costbench.model.catalog.ModelEntry;
import dev.costbench.model.catalog.PriceKind;
import dev.costbench.model.scenario.Lever;
import dev.costbench.model.scenario.RequestType;
import dev.costbench.model.workload.agent.AgentTask;
import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;

/** The levers the "+ Lever" menu offers, each made with a moderate starting value. */
final class LeverKinds {

    static final List<String> ALL = List.of(
            "Frame sampling",
            "Low media resolution",
            "Downscale images",
            "Crop",
            "Event gating",
            "Response cache",
            "Precompute once",
            "Prompt trimming",
            "Few-shot trimming",
            "Output cap",
            "Reasoning cap",
            "Routing to a cheaper model",
            "Cascade",
            "Prompt caching",
            "Batch API",
            "Flex processing",
            "Priority processing",
            "Cap steps",
            "Better planner model",
            "Summarize history",
            "History window",
            "Fewer, shorter chunks",
            "Prune tools");

    private LeverKinds() {}

    /**
     * A lever of {@code kind} for a workload whose first request type is {@code first} (null: none).
     *
     * @throws IllegalArgumentException saying what is missing when the lever needs a cheaper model and the catalog
     *     has none
     */
    static Lever create(String kind, RequestType first, Catalog catalog) {
        String model = first == null ? "gpt-5" : first.model();
        long out = first == null ? 500 : Math.max(16, first.text().output());
        AgentTask agent = first == null ? null : first.agent();
        return switch (kind) {
            case "Frame sampling" ->
                new Lever.FrameSampling(Lever.FrameSampling.Strategy.UNIFORM, new BigDecimal("0.2"));
            case "Low media resolution" -> new Lever.LowMediaResolution(null, null, null, null);
            case "Downscale images" -> new Lever.Downscale(768, null, null);
            case "Crop" -> new Lever.Crop(new BigDecimal("0.5"), null, null);
            case "Event gating" -> new Lever.EventGating(new BigDecimal("0.3"));
            case "Response cache" -> new Lever.ResponseCache(Lever.ResponseCache.Match.EXACT, new BigDecimal("0.2"));
            case "Precompute once" -> new Lever.Precompute(new BigDecimal("0.3"));
            case "Prompt trimming" ->
                new Lever.PromptTrimming(Lever.PromptTrimming.Part.ALL, new BigDecimal("0.2"), null);
            case "Few-shot trimming" -> new Lever.FewShotTrimming(new BigDecimal("0.5"), null);
            case "Output cap" -> new Lever.OutputCap(Math.max(16, out * 3 / 4));
            case "Reasoning cap" -> new Lever.ReasoningCap(1024);
            case "Routing to a cheaper model" -> {
                String cheap = requireCheaper(catalog, model);
                yield new Lever.Routing(List.of(
                        new Lever.Routing.Route(cheap, new BigDecimal("0.7")),
                        new Lever.Routing.Route(model, new BigDecimal("0.3"))));
            }
            case "Cascade" -> new Lever.Cascade(requireCheaper(catalog, model), model, new BigDecimal("0.2"));
            case "Prompt caching" ->
                new Lever.PromptCaching(new BigDecimal("0.6"), Lever.PromptCaching.Ttl.FIVE_MINUTES);
            case "Flex processing" -> new Lever.Flex(new BigDecimal("0.3"), new BigDecimal("0.05"));
            case "Priority processing" -> new Lever.Priority(new BigDecimal("0.2"));
            case "Cap steps" -> new Lever.StepCap(agent == null ? 10 : Math.max(1, agent.maxSteps() / 2));
            case "Better planner model" ->
                new Lever.BetterPlanner(
                        require(sibling(catalog, model, false), "stronger", model),
                        agent == null
                                ? new BigDecimal("0.05")
                                : agent.failureRate().divide(BigDecimal.valueOf(2)));
            case "Summarize history" -> new Lever.Summarize(5, null);
            case "History window" -> new Lever.HistoryWindow(6);
            case "Fewer, shorter chunks" ->
                new Lever.Rerank(
                        first != null && first.isRetrievalType()
                                ? Math.max(1, first.retrieval().chunks() / 2)
                                : 4,
                        null);
            case "Prune tools" -> new Lever.PruneTools(new BigDecimal("0.4"), null);
            default -> new Lever.Batch(BigDecimal.ONE);
        };
    }

    private static String requireCheaper(Catalog catalog, String model) {
        return require(cheaperSibling(catalog, model), "cheaper", model);
    }

    private static String require(String sibling, String what, String model) {
        if (sibling == null) {
            throw new IllegalArgumentException("No " + what + " model of the same provider in the catalog for " + model
                    + ". Pick another model for the first request type, or add one to your catalog.");
        }
        return sibling;
    }

    /** The cheapest model of the same provider in a cheaper tier, or null. */
    static String cheaperSibling(Catalog c, String id) {
        return sibling(c, id, true);
    }

    /** The cheapest model of the same provider in a cheaper ({@code cheaper}) or stronger tier, or null. */
    private static String sibling(Catalog c, String id, boolean cheaper) {
        ModelEntry m = c.find(id).orElse(null);
        if (m == null) {
            return null;
        }
        return c.models().stream()
                .filter(x -> x.provider().equals(m.provider()) && !x.id().equals(id))
                .filter(x -> cheaper
                        ? x.tier().ordinal() > m.tier().ordinal()
                        : x.tier().ordinal() < m.tier().ordinal())
                .filter(x -> x.prices().get(PriceKind.INPUT) != null)
                .min(Comparator.comparing(x -> x.prices().get(PriceKind.INPUT).perMTok()))
                .map(ModelEntry::id)
                .orElse(null);
    }
}
