// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.scenario;

import static dev.costbench.model.scenario.Fixtures.compute;
import static dev.costbench.model.scenario.Fixtures.d;
import static dev.costbench.model.scenario.Fixtures.scenario;
import static dev.costbench.model.scenario.Fixtures.usd;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.costbench.model.media.ImageDetail;
import dev.costbench.model.media.MediaResolution;
import dev.costbench.model.scenario.Lever.PromptCaching.Ttl;
import dev.costbench.model.scenario.Lever.PromptTrimming.Part;
import dev.costbench.model.scenario.Lever.Routing.Route;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Each lever on a small workload, and how levers combine: on the same quantity they overlap (never double-counted),
 * on different parts of the bill they multiply.
 */
class LeversTest {

    /** 100,000 calls a month on GPT-4o: 2,000 system + 1,000 few-shot + 1,000 user in, 500 out = $0.015 a call. */
    static RequestType chat() {
        return RequestType.text("chat", Volume.monthly(100_000), "gpt-4o", new TextTokens(2000, 1000, 1000, 500, 0));
    }

    static LeverEntry lever(String id, Lever l) {
        return LeverEntry.of(id, null, l);
    }

    @Test
    void baseline() {
        Waterfall w = compute(scenario(chat()));
        usd("1500", w.baselineMonthly());
        usd("1000", w.baseline().line(BillLine.TEXT_INPUT));
        usd("500", w.baseline().line(BillLine.OUTPUT));
        usd("0.015", w.costPerRequest());
        assertTrue(w.steps().isEmpty());
    }

    // ---- overlap: two levers on the same quantity --------------------------------------------------------------

    @Test
    void twoTrimsOfTheSamePromptPartOverlap() {
        Lever cut30 = new Lever.PromptTrimming(Part.SYSTEM, d("0.3"), null);
        Lever cut20 = new Lever.PromptTrimming(Part.SYSTEM, d("0.2"), null);
        Waterfall big = compute(scenario(chat(), lever("a", cut30), lever("b", cut20)));
        usd("1350", big.steps().get(0).monthlyAfter()); // system 2,000 → 1,400
        usd("0", big.steps().get(1).saving()); // the 20 % cut is inside the 30 % one
        Waterfall small = compute(scenario(chat(), lever("b", cut20), lever("a", cut30)));
        usd("1400", small.steps().get(0).monthlyAfter());
        usd("50", small.steps().get(1).saving()); // only the extra 10 points
        usd("1350", small.optimizedMonthly());
        // The "common mistake": multiplying the headlines (0.7 × 0.8) would claim 44 % off the system prompt, $1,330.
        assertNotEquals(0, d("1330").compareTo(big.optimizedMonthly()));
    }

    @Test
    void exactAndSemanticCachesOverlap() {
        Waterfall w = compute(scenario(
                chat(),
                lever("exact", new Lever.ResponseCache(Lever.ResponseCache.Match.EXACT, d("0.3"))),
                lever("semantic", new Lever.ResponseCache(Lever.ResponseCache.Match.SEMANTIC, d("0.4")))));
        usd("1050", w.steps().get(0).monthlyAfter());
        usd("900", w.optimizedMonthly()); // 40 % of calls served, not 1 − 0.7 × 0.6 = 58 %
        usd("150", w.steps().get(1).saving());
    }

    @Test
    void fewShotTrimmingAndPromptCompressionOverlapOnTheExamples() {
        Waterfall w = compute(scenario(
                chat(),
                lever("fs", new Lever.FewShotTrimming(null, 0L)),
                lever("all", new Lever.PromptTrimming(Part.ALL, d("0.2"), null))));
        usd("1250", w.steps().get(0).monthlyAfter()); // input 3,000
        usd("1100", w.optimizedMonthly()); // system 1,600 + examples 0 (not 800) + user 800
    }

    @Test
    void aLaterPriceSettingReplacesTheEarlierOne() {
        Lever routing = new Lever.Routing(List.of(new Route("gpt-4o-mini", d("0.7")), new Route("gpt-4o", d("0.3"))));
        Lever cascade = new Lever.Cascade("gpt-4o-mini", "gpt-4o", d("0.3"));
        Waterfall w = compute(scenario(chat(), lever("route", routing), lever("cascade", cascade)));
        usd("513", w.steps().get(0).monthlyAfter()); // 0.7 × $0.0009 + 0.3 × $0.015
        usd("540", w.optimizedMonthly()); // every call on mini, 30 % also on GPT-4o
        usd("-27", w.steps().get(1).saving()); // escalated calls pay both models
    }

    // ---- different parts of the bill multiply ------------------------------------------------------------------

    @Test
    void leversOnDifferentComponentsMultiplyInAnyOrder() {
        LeverEntry trim = lever("trim", new Lever.PromptTrimming(Part.SYSTEM, d("0.5"), null));
        LeverEntry cache = lever("cache", new Lever.ResponseCache(null, d("0.4")));
        LeverEntry batch = lever("batch", new Lever.Batch(BigDecimal.ONE));
        RequestType t = chat().withBatchableShare(BigDecimal.ONE);
        Waterfall a = compute(scenario(t, trim, cache, batch));
        usd("1250", a.steps().get(0).monthlyAfter()); // × 5/6
        usd("750", a.steps().get(1).monthlyAfter()); // × 0.6
        usd("375", a.optimizedMonthly()); // × 0.5: 1,500 × 5/6 × 0.6 × 0.5
        Waterfall b = compute(scenario(t, batch, cache, trim));
        usd("375", b.optimizedMonthly());
        usd("750", b.steps().get(0).saving()); // the same lever saves a different amount in another order
        usd("300", b.steps().get(1).saving());
        usd("75", b.steps().get(2).saving());
    }

    // ---- each lever --------------------------------------------------------------------------------------------

    @Test
    void outputAndReasoningCaps() {
        usd(
                "1200",
                compute(scenario(chat(), lever("cap", new Lever.OutputCap(200))))
                        .optimizedMonthly());
        usd(
                "0",
                compute(scenario(chat(), lever("cap", new Lever.OutputCap(800))))
                        .steps()
                        .get(0)
                        .saving());
        RequestType thinking = chat().withText(new TextTokens(2000, 1000, 1000, 500, 2000));
        Waterfall w = compute(scenario(thinking, lever("think", new Lever.ReasoningCap(1000))));
        usd("3500", w.baselineMonthly());
        usd("2000", w.baseline().line(BillLine.REASONING));
        usd("2500", w.optimizedMonthly());
    }

    @Test
    void providerSwitch() {
        usd(
                "1200",
                compute(scenario(chat(), lever("p", new Lever.ProviderSwitch("gpt-4o", "gpt-4.1"))))
                        .optimizedMonthly());
    }

    @Test
    void promptCachingByProviderRules() {
        // OpenAI: reads at $1.25, no write fee before GPT-5.6 (misses pay the input price).
        Waterfall openai = compute(scenario(chat(), lever("c", new Lever.PromptCaching(d("0.9"), null))));
        usd("1162.5", openai.optimizedMonthly());
        usd("337.5", openai.optimized().line(BillLine.CACHE_READ));
        usd("75", openai.optimized().line(BillLine.CACHE_WRITE));
        // Anthropic: 5-minute writes at 1.25×, 1-hour writes at 2×, reads at 0.1×.
        RequestType claude = chat().withModel("claude-sonnet-4-5");
        usd("1950", compute(scenario(claude)).baselineMonthly());
        usd(
                "1243.5",
                compute(scenario(claude, lever("c", new Lever.PromptCaching(d("0.9"), Ttl.FIVE_MINUTES))))
                        .optimizedMonthly());
        usd(
                "1311",
                compute(scenario(claude, lever("c", new Lever.PromptCaching(d("0.9"), Ttl.ONE_HOUR))))
                        .optimizedMonthly());
        // A low hit rate costs more than no caching at all: the write premium on 90 % of the calls.
        Waterfall low = compute(scenario(claude, lever("c", new Lever.PromptCaching(d("0.1"), Ttl.FIVE_MINUTES))));
        usd("-121.5", low.steps().get(0).saving());
        // Batch halves the cache reads and writes too.
        Waterfall both = compute(scenario(
                claude.withBatchableShare(BigDecimal.ONE),
                lever("c", new Lever.PromptCaching(d("0.9"), Ttl.FIVE_MINUTES)),
                lever("b", new Lever.Batch(null))));
        usd("621.75", both.optimizedMonthly());
    }

    @Test
    void promptCachingBelowTheMinimumCacheableLengthDoesNothing() {
        RequestType small = chat().withText(new TextTokens(500, 0, 1000, 500, 0));
        Waterfall w = compute(scenario(small, lever("c", new Lever.PromptCaching(d("0.9"), null))));
        usd("0", w.steps().get(0).saving());
        assertTrue(
                w.warnings().get(0).contains("below gpt-4o's minimum cacheable length of 1,024 tokens"),
                w.warnings().toString());
    }

    @Test
    void batchShareIsAShareOfWhatCanWait() {
        Waterfall w = compute(scenario(chat().withBatchableShare(d("0.5")), lever("b", new Lever.Batch(null))));
        usd("1125", w.optimizedMonthly()); // half at $0.015, half at the batch $0.0075
        Waterfall none = compute(scenario(chat(), lever("b", new Lever.Batch(null))));
        usd("0", none.steps().get(0).saving());
        assertTrue(none.steps().get(0).notes().get(0).contains("batchable share is 0 %"));
    }

    @Test
    void gatingCachingAndPrecompute() {
        Waterfall gate = compute(scenario(chat(), lever("g", new Lever.EventGating(d("0.02")))));
        usd("30", gate.optimizedMonthly()); // "cuts the expensive model's invocations roughly fiftyfold"
        Waterfall both = compute(scenario(
                chat(),
                lever("g", new Lever.EventGating(d("0.02"))),
                lever("c", new Lever.ResponseCache(null, d("0.4")))));
        usd("18", both.optimizedMonthly()); // different quantities: 0.02 × 0.6
        Waterfall pre = compute(scenario(
                chat(),
                lever("c", new Lever.ResponseCache(null, d("0.4"))),
                lever("p", new Lever.Precompute(d("0.9")))));
        usd("150", pre.optimizedMonthly()); // both reuse stored answers: the larger share counts, once
        usd("0.0015", pre.costPerRequest()); // per request arriving, cache hits included
    }

    @Test
    void routingMixAcrossTiers() {
        Lever routing = new Lever.Routing(List.of(new Route("gpt-4o-mini", d("0.7")), new Route("gpt-4o", d("0.3"))));
        Waterfall w = compute(scenario(chat(), lever("r", routing)));
        usd("513", w.optimizedMonthly());
        Lever cascade = new Lever.Cascade("gpt-4o-mini", null, d("0.3"));
        usd("540", compute(scenario(chat(), lever("c", cascade))).optimizedMonthly()); // expensive: the baseline model
    }

    @Test
    void growthOverTheYear() {
        RequestType growing = chat().withVolume(Volume.monthly(100_000).withGrowth(d("0.1")));
        Waterfall w = compute(scenario(growing));
        BigDecimal sum = BigDecimal.ZERO;
        for (int k = 0; k < 12; k++) {
            sum = sum.add(d("1.1").pow(k));
        }
        usd(d("1500").multiply(sum).toPlainString(), w.baselineYearly());
        usd("1500", w.baselineMonthly());
        RequestType daily = chat().withVolume(Volume.daily(1000));
        usd("450", compute(scenario(daily)).baselineMonthly()); // 30 days
    }

    @Test
    void costPerUser() {
        Scenario s = Scenario.of("users", Workload.of(chat()).withUsers(5000L), List.of());
        usd("0.3", compute(s).costPerUser());
    }

    // ---- media -------------------------------------------------------------------------------------------------

    /** 10,000 requests a month of one 1000×1000 image on Claude Sonnet 4.5: ⌈1000/28⌉² = 1,296 tokens (W3). */
    static RequestType photos() {
        return new RequestType(
                "photos",
                null,
                Volume.monthly(10_000),
                "claude-sonnet-4-5",
                null,
                List.of(ImageInput.of(1, 1000, 1000)),
                null,
                null,
                null,
                null,
                null,
                null,
                null);
    }

    @Test
    void cropAndDownscaleOnImagesOverlap() {
        Waterfall w = compute(scenario(
                photos(),
                lever("crop", new Lever.Crop(d("0.25"), null, null)),
                lever("down500", new Lever.Downscale(500, null, null)),
                lever("down250", new Lever.Downscale(250, null, null))));
        usd("38.88", w.baselineMonthly()); // 1,296 × $3/1M × 10,000
        usd("9.72", w.steps().get(0).monthlyAfter()); // 500×500: 18² = 324 tokens
        usd("0", w.steps().get(1).saving()); // already 500 px: the crop did it
        usd("2.43", w.optimizedMonthly()); // 250×250: 9² = 81 tokens
        usd("2.43", w.optimized().line(BillLine.MEDIA_INPUT));
    }

    @Test
    void lowDetailOnOpenAiImages() {
        RequestType t = photos().withModel("gpt-4o"); // 1000×1000 high: 768×768, 4 tiles, 765 tokens
        Waterfall w =
                compute(scenario(t, lever("low", new Lever.LowMediaResolution(null, ImageDetail.LOW, null, null))));
        usd("19.125", w.baselineMonthly());
        usd("2.125", w.optimizedMonthly()); // 85 tokens
    }

    /** 15 minutes of 1080p video with its audio track, 1,000 requests a month. */
    static RequestType quarterHours(String model) {
        VideoInput v = new VideoInput(d("0.25"), BigDecimal.ONE, 1920, 1080, true, null, null, null);
        return new RequestType(
                "clips", null, Volume.monthly(1000), model, null, null, null, v, null, null, null, null, null);
    }

    @Test
    void frameSamplingAndLowResolutionMultiplyOnGeminiVideo() {
        // 15 min at 1 fps on Gemini 2.5 Flash: 900 × 258 frame tokens ($0.30) + 900 × 32 audio tokens ($1.00).
        Waterfall w = compute(scenario(
                quarterHours("gemini-2.5-flash"),
                lever("sample", new Lever.FrameSampling(Lever.FrameSampling.Strategy.UNIFORM, d("0.5"))),
                lever("low", new Lever.LowMediaResolution(MediaResolution.LOW, null, null, null)),
                lever("down", new Lever.Downscale(512, null, null))));
        usd("98.46", w.baselineMonthly()); // 1,000 × (232,200 × 0.30 + 28,800 × 1.00) / 1M
        usd("28.8", w.baseline().line(BillLine.AUDIO_INPUT));
        usd("63.63", w.steps().get(0).monthlyAfter()); // half the frames
        usd("37.71", w.steps().get(1).monthlyAfter()); // 66 instead of 258 per frame
        usd("0", w.steps().get(2).saving()); // Gemini bills a frame by media resolution, not by its pixels
        usd("0.15084", w.costPerVideoHour());
    }

    @Test
    void downscaleHelpsWhereFramesAreSentAsImages() {
        Waterfall w = compute(scenario(quarterHours("gpt-4o"), lever("down", new Lever.Downscale(512, null, null))));
        usd("2486.25", w.baselineMonthly()); // 900 frames × 1,105 tokens × $2.50/1M × 1,000
        usd("573.75", w.optimizedMonthly()); // 512×288: one tile, 255 tokens
        assertTrue(
                w.warnings().stream().anyMatch(s -> s.contains("audio track is not sent")),
                w.warnings().toString());
    }

    @Test
    void rulesCannotShrinkTypedTokensButMeasuredOnesCan() {
        RequestType typed = photos().withImages(List.of(new ImageInput(BigDecimal.ONE, 1000, 1000, 1296L)));
        Waterfall w = compute(scenario(typed, lever("down", new Lever.Downscale(250, null, null))));
        usd("0", w.steps().get(0).saving());
        assertTrue(w.steps().get(0).notes().get(0).contains("give the measured tokens per image"));
        Waterfall m = compute(scenario(typed, lever("down", new Lever.Downscale(250, 81L, null))));
        usd("2.43", m.optimizedMonthly());
    }

    @Test
    void aLeverWithNothingToActOnSaysSo() {
        Waterfall w = compute(scenario(chat(), lever("fps", new Lever.FrameSampling(null, d("0.5")))));
        usd("0", w.steps().get(0).saving());
        assertEquals(
                "Frame sampling (uniform) has nothing to act on in 'chat'",
                w.steps().get(0).notes().get(0));
    }

    // ---- infrastructure ----------------------------------------------------------------------------------------

    @Test
    void selfHostingAddsReplicasWhenTheTokensNeedThem() {
        Scenario s = ScenarioFiles.sample("seed001-self-hosting");
        Scenario twice = s.withWorkload(s.workload().mapTypes(t -> t.withVolume(Volume.daily(200_000))));
        Waterfall w = compute(twice);
        usd("5400", w.baselineMonthly());
        usd("57600", w.optimizedMonthly()); // 6.0B tokens a month > 5.184B per replica: 2 replicas
        usd("57600", w.optimized().line(BillLine.SELF_HOSTING));
        usd("57600", w.optimized().byRequestType().get("generation"));
        Scenario spot = s.withEnabled("self-host-on-demand", false).withEnabled("self-host-spot", true);
        usd("10000", compute(spot).optimizedMonthly());
    }

    @Test
    void waterfallTotalsAreConsistent() {
        for (String name : ScenarioFiles.SAMPLES) {
            Waterfall w = Fixtures.sample(name);
            BigDecimal savings = BigDecimal.ZERO;
            for (WaterfallStep st : w.steps()) {
                savings = savings.add(st.saving());
                BigDecimal lines = st.bill().lines().values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
                BigDecimal types = st.bill().byRequestType().values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
                assertEquals(0, lines.compareTo(st.monthlyAfter()), name);
                assertEquals(0, types.subtract(st.monthlyAfter()).abs().compareTo(d("1e-20")) < 0 ? 0 : 1, name);
            }
            assertEquals(0, savings.compareTo(w.saving()), name);
        }
    }
}
