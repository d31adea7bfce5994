// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.scenario;

import static dev.costbench.model.scenario.Fixtures.CATALOG;
import static dev.costbench.model.scenario.Fixtures.d;
import static dev.costbench.model.scenario.Fixtures.scenario;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.costbench.model.scenario.Lever.Routing.Route;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Inputs refused inline: each error names its field, for a message next to it. */
class ValidationTest {

    private static List<FieldError> errors(Scenario s) {
        return ScenarioEngine.validate(s, CATALOG);
    }

    private static void only(Scenario s, String field, String messagePart) {
        List<FieldError> e = errors(s);
        assertEquals(1, e.size(), e.toString());
        assertEquals(field, e.get(0).field());
        assertTrue(e.get(0).message().contains(messagePart), e.get(0).message());
    }

    private static LeverEntry lever(Lever l) {
        return LeverEntry.of("l", null, l);
    }

    @Test
    void samplesAreValid() {
        for (String name : ScenarioFiles.SAMPLES) {
            assertEquals(List.of(), errors(ScenarioFiles.sample(name)), name);
        }
    }

    @Test
    void hitRateAbove100PercentIsRefused() {
        only(
                scenario(LeversTest.chat(), lever(new Lever.ResponseCache(null, d("1.2")))),
                "levers[0].hitRate",
                "A hit rate above 100 % is impossible, got 120 %");
        only(
                scenario(LeversTest.chat(), lever(new Lever.PromptCaching(d("-0.1"), null))),
                "levers[0].hitRate",
                "must not be negative");
    }

    @Test
    void hitRateAboveTheRepeatRateIsRefused() {
        RequestType t = LeversTest.chat().withRepeatRate(d("0.3"));
        only(
                scenario(t, lever(new Lever.ResponseCache(null, d("0.4")))),
                "levers[0].hitRate",
                "the hit rate (40 %) is above the repeat rate of 'chat' (30 %)");
    }

    @Test
    void negativeVolumeIsRefused() {
        RequestType t = LeversTest.chat().withVolume(new Volume(d("-5"), Volume.Period.DAY, null));
        only(scenario(t), "requestTypes[0].volume.amount", "the volume must not be negative, got -5");
    }

    @Test
    void escalationAboveOneIsRefused() {
        only(
                scenario(LeversTest.chat(), lever(new Lever.Cascade("gpt-4o-mini", null, d("1.5")))),
                "levers[0].escalationRate",
                "between 0 and 1, got 1.5");
    }

    @Test
    void routingSharesMustAddUpAndModelsExist() {
        only(
                scenario(
                        LeversTest.chat(),
                        lever(new Lever.Routing(
                                List.of(new Route("gpt-4o-mini", d("0.7")), new Route("gpt-4o", d("0.2")))))),
                "levers[0].routes",
                "the shares add up to 90 %, not 100 %");
        only(
                scenario(LeversTest.chat(), lever(new Lever.Routing(List.of(new Route("gpt-9", BigDecimal.ONE))))),
                "levers[0].routes[0].model",
                "unknown model 'gpt-9'");
    }

    @Test
    void workloadFields() {
        RequestType t = RequestType.text("chat", Volume.monthly(1), "nope", new TextTokens(-1, 0, 0, 0, 0))
                .withBatchableShare(d("2"));
        List<FieldError> e = errors(scenario(t, LeverEntry.of("x", null, new Lever.Batch(null), "other")));
        assertEquals(
                List.of(
                        "requestTypes[0].text.system",
                        "requestTypes[0].batchableShare",
                        "requestTypes[0].model",
                        "levers[0].appliesTo"),
                e.stream().map(FieldError::field).toList());
        assertTrue(errors(Scenario.of("empty", Workload.of(), List.of()))
                .get(0)
                .message()
                .contains("at least one request type"));
    }

    @Test
    void customModelsCanBeReferenced() {
        RequestType t = LeversTest.chat().withModel("my-model");
        assertEquals(List.of(), errors(Fixtures.scenario(t, List.of(CustomModel.of("my-model", "1", "2")))));
        usdCheck(Fixtures.scenario(t, List.of(CustomModel.of("my-model", "1", "2"))));
    }

    private static void usdCheck(Scenario s) {
        // 4,000 × $1 + 500 × $2 per 1M = $0.005 a call
        Fixtures.usd("500", Fixtures.compute(s).baselineMonthly());
    }

    @Test
    void computeRefusesAnInvalidScenarioWithTheSameErrors() {
        Scenario bad = scenario(
                LeversTest.chat(),
                lever(new Lever.ResponseCache(null, d("1.5"))),
                LeverEntry.of("m", null, new Lever.Cascade("gpt-4o-mini", null, d("2"))));
        InvalidScenarioException e = assertThrows(InvalidScenarioException.class, () -> Fixtures.compute(bad));
        assertEquals(errors(bad), e.errors());
        assertEquals(2, e.errors().size());
        assertTrue(e.getMessage().endsWith("(and 1 more)"), e.getMessage());
    }
}
