// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.lab.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.costbench.model.lab.Experiment;
import dev.costbench.model.lab.ExperimentSettings;
import dev.costbench.model.lab.ExperimentStatus;
import dev.costbench.model.lab.LabStore;
import dev.costbench.model.lab.Trial;
import dev.costbench.model.lab.Variant;
import java.lang.reflect.Proxy;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The whole results computation on a seed-004-like experiment: a verbose baseline against an optimized prompt. */
class LabResultsTest {

    private static final List<Variant> VARIANTS =
            List.of(Fixture.variant(10, 0, "verbose", true), Fixture.variant(20, 1, "optimized", false));
    private static final List<String> MODELS = List.of("gpt-5", "claude-sonnet");
    private static final String SETTINGS = "{\"checks\":[{\"type\":\"contains\",\"value\":\"password\","
            + "\"ignoreCase\":true},{\"type\":\"max_chars\",\"limit\":200}],\"verdict\":{\"minSavingPercent\":30,"
            + "\"maxQualityDropPercent\":5,\"qualityMeasure\":\"rouge_l\",\"requireSignificance\":true}}";

    /** 5 tickets × 3 repetitions × 2 models; the optimized prompt costs about 35 % less and answers alike. */
    private static List<Trial> run(boolean optimizedAnswersDiffer) {
        Fixture f = new Fixture();
        Random rng = new Random(1);
        List<Trial> t = new ArrayList<>();
        for (String model : MODELS) {
            double scale = model.equals("gpt-5") ? 1 : 2.5;
            for (int input = 1; input <= 5; input++) {
                for (int rep = 1; rep <= 3; rep++) {
                    double base = (0.010 + 0.001 * input) * scale * (1 + 0.05 * rng.nextGaussian());
                    double opt = base * (0.65 + 0.02 * rng.nextGaussian());
                    String answer = "Ticket " + input + ": reset your password with the link we sent, then sign in"
                            + (rep == 2 ? " again." : ".");
                    String optAnswer = optimizedAnswersDiffer
                            ? "We could not find ticket " + input + " anywhere."
                            : answer.replace("we sent", "we emailed");
                    t.add(f.ok(
                            10,
                            input,
                            model,
                            rep,
                            Fixture.USAGE,
                            usd(base),
                            usd(base * 0.98),
                            900L + rep,
                            120L,
                            answer,
                            false));
                    t.add(f.ok(
                            20,
                            input,
                            model,
                            rep,
                            Fixture.USAGE,
                            usd(opt),
                            usd(opt),
                            700L + rep,
                            100L,
                            optAnswer,
                            false));
                }
            }
        }
        t.add(f.failed(20, 1, "gpt-5", 1)); // an earlier failed attempt of a cell that later succeeded
        return t;
    }

    private static String usd(double x) {
        return BigDecimal.valueOf(x).setScale(10, RoundingMode.HALF_EVEN).toPlainString();
    }

    @Test
    void adoptsTheOptimizedPrompt() {
        ExperimentData data = new ExperimentData(VARIANTS, MODELS, run(false), List.of(), List.of());
        ExperimentResults r = LabResults.analyze(data, SETTINGS, StatsOptions.defaults());
        assertEquals(10, r.baselineVariantId());
        assertEquals(4, r.summaries().size());
        assertEquals(
                List.of("verbose/gpt-5", "verbose/claude-sonnet", "optimized/gpt-5", "optimized/claude-sonnet"),
                r.summaries().stream()
                        .map(s -> s.variantName() + "/" + s.modelId())
                        .toList());
        VariantModelSummary opt = r.summary(20, "gpt-5").orElseThrow();
        assertEquals(16, opt.trials());
        assertEquals(1, opt.failed());
        assertEquals(15, opt.costPerCall().n());
        assertEquals(702, opt.p50LatencyMs(), 1e-9); // 701, 702, 703 for each ticket

        // per model, then pooled
        assertEquals(3, r.comparisons().size());
        assertNull(r.comparisons().get(2).modelId());
        for (ExperimentResults.Comparison c : r.comparisons()) {
            assertEquals(MeanComparison.Method.PAIRED_T, c.cost().method());
            assertEquals(c.modelId() == null ? 30 : 15, c.cost().pairs());
            assertTrue(
                    c.cost().savingPercent() > 33 && c.cost().savingPercent() < 37,
                    c.cost().describe());
            assertTrue(c.cost().significant());
            assertEquals(QualityMeasure.ROUGE_L, c.quality().measure());
            assertEquals(
                    Verdict.Outcome.ADOPT, c.verdict().outcome(), c.verdict().sentence());
            assertTrue(
                    c.verdict().sentence().startsWith("Adopt: saving 3"),
                    c.verdict().sentence());
        }
        // the baseline's repetitions differ by a word ("again"), so its self-similarity is below 1 and the optimized
        // answers ("emailed" for "sent") are judged against that
        QualitySummary q = r.qualityOf(20, "gpt-5").orElseThrow();
        assertTrue(q.baselineRougeL().mean() < 1);
        assertTrue(q.rougeL().mean() > 0.85, q.rougeL().toString());
        assertEquals(1.0, q.checks().passRate());
        assertEquals(2, q.checks().perCheck().size());

        assertEquals(20, r.cheapestHoldingQuality().orElseThrow().variantId());
        assertEquals("gpt-5", r.cheapestHoldingQuality().orElseThrow().modelId());
        // reproducible to the last digit
        assertEquals(r, LabResults.analyze(data, SETTINGS, StatsOptions.defaults()));
    }

    @Test
    void keepsTheBaselineWhenAnswersChange() {
        ExperimentData data = new ExperimentData(VARIANTS, MODELS, run(true), List.of(), List.of());
        ExperimentResults r = LabResults.analyze(data, SETTINGS, StatsOptions.defaults());
        ExperimentResults.Comparison c = r.comparison(20, "gpt-5").orElseThrow();
        assertEquals(Verdict.Outcome.KEEP_BASELINE, c.verdict().outcome());
        assertTrue(
                c.verdict().sentence().contains(" but similarity 0."),
                c.verdict().sentence());
        assertTrue(
                c.verdict().sentence().endsWith("drops more than the 5 % allowed"),
                c.verdict().sentence());
        assertEquals(0.0, r.qualityOf(20, "gpt-5").orElseThrow().checks().passRate());
        // the cheapest configuration that holds the quality is then the baseline on the cheaper model
        assertEquals(10, r.cheapestHoldingQuality().orElseThrow().variantId());
        assertEquals("gpt-5", r.cheapestHoldingQuality().orElseThrow().modelId());
    }

    @Test
    void earlyInTheRun() {
        Fixture f = new Fixture();
        List<Trial> t = List.of(f.ok(10, 1, "gpt-5", 1, "0.01", "hello"));
        ExperimentResults r = LabResults.analyze(
                new ExperimentData(VARIANTS, MODELS, t, List.of(), List.of()),
                List.of(),
                VerdictThresholds.defaults(),
                StatsOptions.defaults());
        assertEquals(4, r.summaries().size());
        assertEquals(
                Verdict.Outcome.NOT_ENOUGH_DATA,
                r.comparison(20, "gpt-5").orElseThrow().verdict().outcome());
        assertEquals(10, r.cheapestHoldingQuality().orElseThrow().variantId());

        ExperimentResults nothing = LabResults.analyze(
                new ExperimentData(VARIANTS, MODELS, List.of(), List.of(), List.of()), "{}", StatsOptions.defaults());
        assertTrue(nothing.cheapestHoldingQuality().isEmpty());
        assertTrue(
                nothing.comparisons().stream().allMatch(c -> c.verdict().outcome() == Verdict.Outcome.NOT_ENOUGH_DATA));
        assertThrows(
                IllegalArgumentException.class,
                () -> LabResults.analyze(
                        new ExperimentData(List.of(), MODELS, List.of(), List.of(), List.of()),
                        "{}",
                        StatsOptions.defaults()));
        assertThrows(IllegalArgumentException.class, () -> LabResults.checksFromSettings("{not json"));
    }

    @Test
    void settingsJson() {
        assertEquals(
                List.of(Check.contains("password").ignoringCase(), Check.maxChars(200)),
                LabResults.checksFromSettings(SETTINGS));
        assertEquals(VerdictThresholds.defaults(), LabResults.thresholdsFromSettings(SETTINGS));
        assertEquals(List.of(), LabResults.checksFromSettings(null));
        assertEquals(VerdictThresholds.defaults(), LabResults.thresholdsFromSettings("{}"));
    }

    @Test
    void loadsFromTheStore() {
        List<Trial> trials = run(false);
        Experiment e = new Experiment(
                1, "seed 004", Fixture.T0, ExperimentStatus.DONE, null, 3, ExperimentSettings.defaults(), MODELS);
        LabStore store = (LabStore) Proxy.newProxyInstance(
                LabStore.class.getClassLoader(),
                new Class<?>[] {LabStore.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "loadExperiment" -> e;
                    case "variants" -> VARIANTS;
                    case "trials" -> trials;
                    case "ratings", "judgeScores" -> List.of();
                    default -> throw new UnsupportedOperationException(method.getName());
                });
        ExperimentData d = ExperimentData.load(store, 1);
        assertEquals(MODELS, d.models());
        assertEquals(trials.size(), d.trials().size());
        assertEquals(10, d.baseline().id());
    }

    /** The preview is the cost part of the full analysis: same rows and t statistics, no bootstrap. */
    @Test
    void previewHasTheFullAnalysisCostsWithoutBootstrap() {
        ExperimentData data = new ExperimentData(VARIANTS, MODELS, run(false), List.of(), List.of());
        ExperimentResults full = LabResults.analyze(data, SETTINGS, StatsOptions.defaults());
        LabResults.Preview p = LabResults.preview(data, StatsOptions.defaults());
        assertEquals(full.baselineVariantId(), p.baselineVariantId());
        assertEquals(full.summaries().size(), p.summaries().size());
        for (int i = 0; i < p.summaries().size(); i++) {
            VariantModelSummary a = full.summaries().get(i);
            VariantModelSummary b = p.summaries().get(i);
            assertNull(b.costPerCall().bootstrapCi());
            assertTrue(a.costPerCall().bootstrapCi() != null);
            // everything else is the same
            assertEquals(a.costPerCall().meanCi(), b.costPerCall().meanCi());
            assertEquals(a.meanCostUsd(), b.meanCostUsd());
            assertEquals(a.latencyMs(), b.latencyMs());
            assertEquals(a.inputTokens(), b.inputTokens());
            assertEquals(a.trials(), b.trials());
            assertEquals(a.failed(), b.failed());
            assertEquals(a.billedTotalUsd(), b.billedTotalUsd());
        }
        assertEquals(full.comparisons().size(), p.costs().size());
        for (int i = 0; i < p.costs().size(); i++) {
            CostComparison a = full.comparisons().get(i).cost();
            CostComparison b = p.costs().get(i);
            assertEquals(a.modelId(), b.modelId());
            assertEquals(a.optimizedVariantId(), b.optimizedVariantId());
            assertEquals(a.savingPerCallCi(), b.savingPerCallCi());
            assertEquals(a.savingPercentCi(), b.savingPercentCi());
            assertEquals(a.pValue(), b.pValue());
            assertEquals(a.describe(), b.describe());
            assertTrue(a.savingPercentBootstrapCi() != null);
            assertNull(b.savingPercentBootstrapCi());
            assertNull(b.savingPerCallBootstrapCi());
        }
    }

    /** Two analyses of the same data give equal results: the caches inside change no number. */
    @Test
    void analysisIsReproducible() {
        ExperimentData data = new ExperimentData(VARIANTS, MODELS, run(true), List.of(), List.of());
        assertEquals(
                LabResults.analyze(data, SETTINGS, StatsOptions.defaults()),
                LabResults.analyze(data, SETTINGS, StatsOptions.defaults()));
    }

    /**
     * Stored similarities give the same results without computing them again; a stored score whose outputs changed
     * since (same trial ids, other text) is computed again.
     */
    @Test
    void storedSimilaritiesGiveTheSameResults() {
        ExperimentData data = new ExperimentData(VARIANTS, MODELS, run(false), List.of(), List.of());
        StatsOptions o = StatsOptions.defaults();
        SimilarityCache first = SimilarityCache.empty();
        ExperimentResults fresh = LabResults.analyze(
                data, LabResults.checksFromSettings(SETTINGS), LabResults.thresholdsFromSettings(SETTINGS), o, first);
        assertTrue(
                first.computed().size() > 20,
                "every pair computed: " + first.computed().size());
        assertEquals(fresh, LabResults.analyze(data, SETTINGS, o));

        SimilarityCache stored = new SimilarityCache(first.computed());
        assertEquals(
                fresh,
                LabResults.analyze(
                        data,
                        LabResults.checksFromSettings(SETTINGS),
                        LabResults.thresholdsFromSettings(SETTINGS),
                        o,
                        stored));
        assertEquals(List.of(), stored.computed(), "nothing computed again");

        // the same trials with other optimized answers: the stored scores are stale
        ExperimentData changed = new ExperimentData(VARIANTS, MODELS, run(true), List.of(), List.of());
        SimilarityCache stale = new SimilarityCache(first.computed());
        ExperimentResults redone = LabResults.analyze(
                changed,
                LabResults.checksFromSettings(SETTINGS),
                LabResults.thresholdsFromSettings(SETTINGS),
                o,
                stale);
        assertEquals(LabResults.analyze(changed, SETTINGS, o), redone);
        assertTrue(!stale.computed().isEmpty(), "the changed outputs were compared again");
    }
}
