// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.lab.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.costbench.model.catalog.CatalogBuilder;
import dev.costbench.model.catalog.CatalogReader;
import dev.costbench.model.catalog.ModelEntry;
import dev.costbench.model.catalog.Origin;
import dev.costbench.model.catalog.ServiceTier;
import dev.costbench.model.cost.CanonicalUsage;
import dev.costbench.model.cost.CostEngine;
import dev.costbench.model.lab.Experiment;
import dev.costbench.model.lab.ExperimentSettings;
import dev.costbench.model.lab.ExperimentStatus;
import dev.costbench.model.lab.Trial;
import dev.costbench.model.lab.TrialCell;
import dev.costbench.model.lab.Variant;
import dev.costbench.model.provider.ProviderId;
import dev.costbench.model.provider.ServiceTierWords;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Trials are priced at the tier the provider served; a change of tier is summed up per model; re-pricing takes a
 * date and follows a promotion's end. Figures computed by hand from the catalog below.
 */
class ServedTierPricingTest {

    /**
     * Input $1 (a promotion until 2026-12-31, then $2), output $4 per 1M tokens; Priority: input $3, output $8 listed;
     * Flex ×0.5.
     */
    private static final String JSON = "{\"sources\":{\"S\":\"test\"},\"models\":[{\"id\":\"tiered\","
            + "\"provider\":\"openai\",\"tier\":\"mid\",\"source\":\"S\",\"asOf\":\"2026-12-01\",\"prices\":{"
            + "\"input\":[{\"value\":1,\"validUntil\":\"2026-12-31\"},{\"value\":2,\"validFrom\":\"2027-01-01\"}],"
            + "\"output\":4},\"serviceTiers\":{\"priority\":{\"prices\":{\"input\":3,\"output\":8}},"
            + "\"flex\":{\"multiplier\":{\"value\":0.5,\"source\":\"S\"}}}}]}";

    private static final ModelEntry TIERED = CatalogBuilder.build(List.of(CatalogReader.read(
                    "test.json", new ByteArrayInputStream(JSON.getBytes(StandardCharsets.UTF_8)), Origin.USER)))
            .find("tiered")
            .orElseThrow();

    private static final CanonicalUsage MILLION_EACH = new CanonicalUsage(1_000_000, 0, 0, 0, 1_000_000, 0);
    private static final LocalDate DEC = LocalDate.of(2026, 12, 15);
    private static final Instant T = Instant.parse("2026-12-15T09:00:00Z");

    private static BigDecimal priced(String served) {
        return CostEngine.price(
                        TIERED, MILLION_EACH, ServedPricing.options(served).at(DEC))
                .total();
    }

    private static void assertUsd(String expected, BigDecimal actual) {
        assertEquals(0, new BigDecimal(expected).compareTo(actual), "expected $" + expected + " got $" + actual);
    }

    @Test
    void aCallIsPricedAtTheTierTheProviderServed() {
        assertUsd("5", priced("default")); // OpenAI's word for standard
        assertUsd("5", priced("standard")); // Anthropic's
        assertUsd("5", priced(null)); // no report (Gemini)
        assertUsd("11", priced("priority"));
        assertUsd("2.5", priced("flex"));
        assertUsd("5", priced("scale")); // a word CostBench does not know: standard …
        assertFalse(ServiceTierWords.known("scale")); // … and flagged
    }

    private static Trial trial(long id, String model, ServiceTier asked, String served, String cost) {
        return RepricingTest.trial(id, 10, model, 1_000_000, 0, 1_000_000, cost, false, false, asked, served);
    }

    @Test
    void aDowngradeIsSummedUpPerModel() {
        List<Trial> trials = new ArrayList<>();
        for (int i = 1; i <= 40; i++) {
            trials.add(trial(i, "tiered", ServiceTier.PRIORITY, i <= 3 ? "default" : "priority", "11"));
        }
        trials.add(trial(41, "claude", ServiceTier.STANDARD, "priority", "1"));
        trials.add(trial(42, "claude", ServiceTier.STANDARD, "standard", "1"));
        trials.add(trial(43, "gemini", ServiceTier.STANDARD, null, "1"));
        List<ServedPricing.Change> changes = ServedPricing.changes(trials);
        assertEquals(2, changes.size());
        assertFalse(changes.get(0).upgrade());
        assertTrue(changes.get(1).upgrade());
        assertEquals(
                List.of(
                        "Tiered: asked for Priority, served default on 3 of 40 trials — priced at Standard",
                        "Claude: asked for Standard, served priority on 1 of 2 trials — priced at Priority"),
                ServedPricing.describe(trials, id -> id.substring(0, 1).toUpperCase() + id.substring(1)));
    }

    @Test
    void rePricingAtADateFollowsThePromotionsEnd() {
        Experiment e = new Experiment(
                1, "december", T, ExperimentStatus.DONE, null, 9, ExperimentSettings.defaults(), List.of("tiered"));
        List<Variant> vs = List.of(new Variant(10, 1, 0, "base", true, "{}", List.of()));
        List<Trial> trials = List.of(trial(1, "tiered", null, "default", "5"), trial(2, "tiered", null, "flex", "2.5"));
        Repricing dec = Repricing.of(e, vs, trials, id -> Optional.of(TIERED), DEC);
        assertUsd("7.5", dec.nowTotalUsd());
        assertEquals(DEC, dec.pricedAt());
        Repricing jan = Repricing.of(e, vs, trials, id -> Optional.of(TIERED), LocalDate.of(2027, 1, 1));
        // input $2 after the promotion: standard 2 + 4, flex half of that
        assertUsd("9", jan.nowTotalUsd());
        assertUsd("7.5", jan.thenTotalUsd());
        assertEquals(20.0, jan.totalChangePercent(), 1e-9);
    }

    @Test
    void aTierAProviderCannotBeAskedForIsRefusedWithWhatItTakes() {
        assertEquals("flex", ServiceTierWords.request(ProviderId.OPENAI, ServiceTier.FLEX));
        assertEquals("auto", ServiceTierWords.request(ProviderId.ANTHROPIC, ServiceTier.PRIORITY));
        assertEquals(null, ServiceTierWords.request(ProviderId.GEMINI, ServiceTier.STANDARD));
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class, () -> ServiceTierWords.request(ProviderId.ANTHROPIC, ServiceTier.FLEX));
        assertTrue(e.getMessage().contains("Anthropic API cannot be asked for the Flex service tier"), e.getMessage());
        assertThrows(
                IllegalArgumentException.class,
                () -> ServiceTierWords.request(ProviderId.GEMINI, ServiceTier.PRIORITY));
    }

    /** A run asked for {@code tier} on gpt-5 (priority and flex prices in the built-in catalog). */
    private static RunPlan plan(ServiceTier tier) {
        ExperimentSpec s = RunPlanTest.spec(1, List.of("gpt-5"), 500);
        ExperimentSpec.Params p = new ExperimentSpec.Params(null, 500, null, null, null, tier);
        return RunPlan.of(new ExperimentSpec(
                s.name(), null, s.variants(), s.inputs(), s.models(), 1, null, false, p, true, null, s.quality()));
    }

    @Test
    void theBudgetReservesTheDearerOfTheTierAskedAndStandard() {
        Estimator est = new Estimator(CatalogBuilder.builtIn()::find);
        RunPlan standard = plan(ServiceTier.STANDARD);
        RunPlan priority = plan(ServiceTier.PRIORITY);
        RunPlan flex = plan(ServiceTier.FLEX);
        TrialCell cell = standard.cells().get(0);
        BigDecimal std = est.worstCase(standard, cell, 1);
        assertTrue(est.worstCase(priority, cell, 1).compareTo(std) > 0, "priority costs more than standard");
        assertEquals(0, est.worstCase(flex, cell, 1).compareTo(std), "flex may be served as standard");
        assertTrue(est.cell(flex, cell, null)
                        .highUsd()
                        .compareTo(est.cell(standard, cell, null).highUsd())
                < 0);
    }
}
