// SPDX-License-Identifier: Apache-2.0
package dev.costbench.cli.command;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.costbench.cli.term.Fmt;
import dev.costbench.cli.term.Json;
import dev.costbench.model.catalog.Catalog;
import dev.costbench.model.catalog.ModelEntry;
import dev.costbench.model.cost.Money;
import dev.costbench.model.lab.Experiment;
import dev.costbench.model.lab.ExperimentProgress;
import dev.costbench.model.lab.LabStore;
import dev.costbench.model.lab.LedgerPurpose;
import dev.costbench.model.lab.judge.JudgeResult;
import dev.costbench.model.lab.run.Estimator;
import dev.costbench.model.lab.run.ExperimentSpec;
import dev.costbench.model.lab.run.RatedTrials;
import dev.costbench.model.lab.run.RunEstimate;
import dev.costbench.model.lab.run.RunResult;
import dev.costbench.model.lab.run.RunSummary;
import dev.costbench.model.lab.run.SummaryStatistics;
import dev.costbench.model.lab.stats.SuccessCost;
import dev.costbench.model.ratecard.RateCard;
import java.io.IOException;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * What {@code costbench ab …} prints about an experiment: the estimate before a run, the media it sends, and the
 * summary (text, or JSON with {@code --json}) with the judge's figures apart.
 */
final class AbReport {

    private final PrintStream out;
    private final SummaryStatistics stats;

    /** Printing on {@code out}, with {@code stats} computing the summary's figures. */
    AbReport(PrintStream out, SummaryStatistics stats) {
        this.out = out;
        this.stats = stats;
    }

    /** Each variant's attached media with its input tokens per model (included in INPUT/CALL above). */
    static void printMedia(ExperimentSpec spec, Catalog cat, PrintStream to) {
        for (ExperimentSpec.VariantSpec v : spec.variants()) {
            for (ExperimentSpec.MediaSpec m : v.media()) {
                StringBuilder tokens = new StringBuilder();
                for (ExperimentSpec.ModelSpec ms : spec.models()) {
                    cat.find(ms.id())
                            .ifPresent(e -> tokens.append(tokens.length() == 0 ? "" : ", ")
                                    .append(ms.id())
                                    .append(mediaTokens(Estimator.mediaTokens(e, m))));
                }
                to.println("  media of " + v.name() + ": " + m.describe()
                        + (tokens.length() == 0 ? "" : " — tokens: " + tokens));
            }
        }
    }

    private static String mediaTokens(long t) {
        return t < 0 ? " takes none" : String.format(Locale.ROOT, " ≈%,d", t);
    }

    static void printEstimate(String name, RunEstimate e, PrintStream to) {
        to.printf(
                Locale.ROOT,
                "Estimate for \"%s\": %d calls, %s – %s%s%n",
                name,
                e.calls(),
                Money.format(e.lowUsd()),
                Money.format(e.highUsd()),
                e.alreadySpentUsd().signum() > 0 ? " (spent so far " + Money.format(e.alreadySpentUsd()) + ")" : "");
        to.println("  low: the expected (or observed) answer lengths; high: every call at its output cap");
        if (!e.lines().isEmpty()) {
            int vw = Math.max(
                    7,
                    e.lines().stream().mapToInt(l -> l.variant().length()).max().orElse(0));
            int mw = Math.max(
                    5,
                    e.lines().stream().mapToInt(l -> l.model().length()).max().orElse(0));
            to.printf(
                    Locale.ROOT,
                    "  %-" + vw + "s  %-" + mw + "s  %5s  %10s  %10s  %10s%n",
                    "VARIANT",
                    "MODEL",
                    "CALLS",
                    "INPUT/CALL",
                    "LOW",
                    "HIGH");
            for (RunEstimate.Line l : e.lines()) {
                to.printf(
                        Locale.ROOT,
                        "  %-" + vw + "s  %-" + mw + "s  %5d  %10s  %10s  %10s%n",
                        l.variant(),
                        l.model(),
                        l.calls(),
                        (l.inputExact() ? "" : "≈") + l.inputTokensPerCall(),
                        Fmt.usd(l.lowUsd()),
                        Fmt.usd(l.highUsd()));
            }
        }
        e.toolsSentences().forEach(t -> to.println("  " + t));
        if (!e.unpricedModels().isEmpty()) {
            to.println("  not in the catalog, counted as $0: " + String.join(", ", e.unpricedModels()));
        }
        if (e.budgetUsd() != null) {
            to.println("  budget cap " + Money.format(e.budgetUsd())
                    + (e.likelyHitsBudget()
                            ? ": even the low end passes it; the run will stop at the cap"
                            : e.mayHitBudget()
                                    ? ": the high end passes it; the run stops before spending past it"
                                    : ": the whole range fits"));
        } else {
            to.println("  no budget cap (--budget USD sets one)");
        }
    }

    void summary(LabStore store, long id, RunResult result, RunEstimate estimate, boolean json) throws IOException {
        summary(store, id, result, estimate, json, null);
    }

    void summary(LabStore store, long id, RunResult result, RunEstimate estimate, boolean json, JudgeResult judged)
            throws IOException {
        summary(store, id, result, estimate, json, judged, id2 -> Optional.empty(), RateCard.NONE);
    }

    /**
     * The summary with every cost per call and per successful task recomputed from the stored usage with
     * {@code card} ({@link RateCard#NONE}: list price, as stored); {@code find} gives the catalog's models.
     */
    void summary(
            LabStore store,
            long id,
            RunResult result,
            RunEstimate estimate,
            boolean json,
            JudgeResult judged,
            Function<String, Optional<ModelEntry>> find,
            RateCard card)
            throws IOException {
        boolean rated = !card.isEmpty();
        RunSummary s = RunSummary.of(store, id, stats, RatedTrials.pricing(find, card));
        JudgeFigures jf = JudgeFigures.of(store, id);
        Map<SuccessCost.Key, SuccessCost> success =
                SuccessCost.load(store, id, RatedTrials.pricing(find, card), RatedTrials.judgePricing(find, card));
        Map<String, Long> variantIds = new LinkedHashMap<>();
        store.variants(id).forEach(v -> variantIds.put(v.name(), v.id()));
        Experiment e = store.loadExperiment(id);
        ExperimentProgress p = store.progress(id);
        if (json) {
            ObjectNode o = Json.object();
            o.put("experimentId", id);
            o.put("name", e.name());
            o.put("status", e.status().name());
            o.put("rateCard", rated ? "on" : "off");
            o.put("prices", RatedTrials.basis(rated));
            if (result != null) {
                o.put("outcome", result.outcome().name());
                o.put("message", result.message());
                o.put("lastError", result.lastError());
                o.put("spentThisRunUsd", Money.exact(result.spentThisRunUsd()));
                o.put("calls", result.calls());
                o.put("cached", result.cached());
                o.put("failedAttempts", result.failedAttempts());
            }
            o.put("budgetUsd", Money.exact(result != null ? result.budgetUsd() : e.budgetCapUsd()));
            o.put("spentUsd", Money.exact(p.spentUsd()));
            o.put("trialSpentUsd", Money.exact(store.spentOnExperiment(id, LedgerPurpose.TRIAL)));
            o.put("judgeSpentUsd", Money.exact(jf.spent()));
            jf.json(o.putObject("judge"), judged);
            o.put("planned", p.planned());
            o.put("done", p.succeeded());
            o.put("missing", p.missing());
            if (estimate != null) {
                ObjectNode est = o.putObject("estimate");
                est.put("calls", estimate.calls());
                est.put("lowUsd", Money.exact(estimate.lowUsd()));
                est.put("highUsd", Money.exact(estimate.highUsd()));
                ArrayNode un = est.putArray("unpricedModels");
                estimate.unpricedModels().forEach(un::add);
            }
            ArrayNode rows = o.putArray("results");
            for (RunSummary.Row r : s.rows()) {
                ObjectNode ro = rows.addObject();
                ro.put("variant", r.variant());
                ro.put("baseline", r.baseline());
                ro.put("model", r.model());
                ro.put("trials", r.trials());
                ro.put("failed", r.failed());
                ro.put("cached", r.cached());
                ro.put("meanCostUsd", Money.exact(r.meanCostUsd()));
                ro.put("totalCostUsd", Money.exact(r.totalCostUsd()));
                ro.put("p50LatencyMs", r.p50LatencyMs());
                ro.put("meanInputTokens", r.meanInputTokens());
                ro.put("meanOutputTokens", r.meanOutputTokens());
                successJson(ro, success.get(new SuccessCost.Key(variantIds.getOrDefault(r.variant(), -1L), r.model())));
                jf.row(ro, r.variant(), r.model());
            }
            ArrayNode perTask = o.putArray("costPerSuccessfulTask");
            variantIds.forEach((name, vid) -> {
                SuccessCost c = success.get(new SuccessCost.Key(vid, null));
                if (c != null) {
                    successJson(perTask.addObject().put("variant", name), c);
                }
            });
            ArrayNode cs = o.putArray("comparisons");
            for (RunSummary.Comparison c : s.comparisons()) {
                ObjectNode co = cs.addObject();
                co.put("model", c.model());
                co.put("baseline", c.baseline());
                co.put("variant", c.variant());
                co.put("baselineMeanCostUsd", Money.exact(c.baselineMeanCostUsd()));
                co.put("variantMeanCostUsd", Money.exact(c.variantMeanCostUsd()));
                co.put("savingPct", c.savingPct());
                if (c.savingPctInterval() == null) {
                    co.putNull("savingPctInterval");
                } else {
                    co.putObject("savingPctInterval")
                            .put("low", c.savingPctInterval().low())
                            .put("high", c.savingPctInterval().high())
                            .put("level", c.savingPctInterval().level());
                }
                co.put("significant", c.significant());
                jf.comparison(co, c.variant(), c.model());
            }
            o.put("statistics", s.method());
            out.println(Json.pretty(o));
            return;
        }
        out.printf(
                Locale.ROOT,
                "experiment %d \"%s\": %s, %d of %d trials done, spent %s%s%s%n",
                id,
                e.name(),
                e.status(),
                p.succeeded(),
                p.planned(),
                Money.format(p.spentUsd()),
                e.budgetCapUsd() == null ? "" : " (cap " + Money.format(e.budgetCapUsd()) + ")",
                jf.spent().signum() == 0
                        ? ""
                        : " — trials " + Money.format(store.spentOnExperiment(id, LedgerPurpose.TRIAL)) + " · judge "
                                + Money.format(jf.spent()));
        if (rated) {
            out.println("costs per call and per successful task at your rates (--rate-card on): recomputed from the "
                    + "trials' usage; the spent figures are at list price");
        }
        int vw = Math.max(
                7,
                s.rows().stream().mapToInt(r -> r.variant().length() + 2).max().orElse(0));
        int mw = Math.max(
                5, s.rows().stream().mapToInt(r -> r.model().length()).max().orElse(0));
        out.printf(
                Locale.ROOT,
                "%-" + vw + "s  %-" + mw + "s  %6s  %6s  %6s  %12s  %12s  %8s%n",
                "VARIANT",
                "MODEL",
                "TRIALS",
                "FAILED",
                "CACHED",
                "MEAN $/CALL",
                "TOTAL $",
                "P50 MS");
        for (RunSummary.Row r : s.rows()) {
            out.printf(
                    Locale.ROOT,
                    "%-" + vw + "s  %-" + mw + "s  %6d  %6d  %6d  %12s  %12s  %8s%n",
                    r.variant() + (r.baseline() ? " *" : ""),
                    r.model(),
                    r.trials(),
                    r.failed(),
                    r.cached(),
                    Fmt.usd(r.meanCostUsd(), "—"),
                    Fmt.usd(r.totalCostUsd(), "—"),
                    r.p50LatencyMs() == null ? "—" : r.p50LatencyMs().toString());
        }
        out.println("* baseline");
        variantIds.forEach((name, vid) -> {
            SuccessCost c = success.get(new SuccessCost.Key(vid, null));
            if (c != null) {
                out.println("Cost per successful task, " + name + ": " + c.describe());
            }
        });
        for (RunSummary.Comparison c : s.comparisons()) {
            out.printf(
                    Locale.ROOT,
                    "%s vs %s on %s: %s%s%n",
                    c.variant(),
                    c.baseline(),
                    c.model(),
                    c.savingPct() == null
                            ? "no priced trials to compare"
                            : String.format(
                                    Locale.ROOT,
                                    "%s %.1f %% per call (%s → %s)",
                                    c.savingPct() >= 0 ? "saves" : "costs",
                                    Math.abs(c.savingPct()),
                                    Money.format(c.baselineMeanCostUsd()),
                                    Money.format(c.variantMeanCostUsd())),
                    c.savingPctInterval() == null
                            ? ""
                            : String.format(
                                    Locale.ROOT,
                                    ", %.0f %% interval %.1f to " + "%.1f %%",
                                    c.savingPctInterval().level() * 100,
                                    c.savingPctInterval().low(),
                                    c.savingPctInterval().high()));
        }
        jf.text(out);
    }

    /**
     * {@code successes}, {@code trialsCounted}, {@code spentWithFailuresUsd} (failed trials, retries and judge calls
     * included), {@code judgeSpentUsd}, {@code costPerSuccessUsd} (null when no trial succeeded) and its text.
     */
    private static void successJson(ObjectNode o, SuccessCost c) {
        if (c == null) {
            o.put("successes", 0);
            o.putNull("costPerSuccessUsd");
            o.put("costPerSuccess", "no successful trial");
            return;
        }
        o.put("successes", c.successes());
        o.put("trialsCounted", c.trials());
        o.put("spentWithFailuresUsd", Money.exact(c.spentUsd()));
        o.put("judgeSpentUsd", Money.exact(c.judgeUsd()));
        o.put("costPerSuccessUsd", Money.exact(c.perSuccessUsd()));
        o.put("costPerSuccess", c.headline());
    }

    static void experimentJson(ObjectNode o, Experiment e, ExperimentProgress p) {
        o.put("id", e.id());
        o.put("name", e.name());
        o.put("created", e.created().toString());
        o.put("status", e.status().name());
        o.put("planned", p.planned());
        o.put("done", p.succeeded());
        o.put("failed", p.failed());
        o.put("spentUsd", Money.exact(p.spentUsd()));
        o.put("budgetUsd", Money.exact(e.budgetCapUsd()));
        ArrayNode m = o.putArray("models");
        e.models().forEach(m::add);
    }
}
