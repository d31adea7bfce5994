// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.costbench.model.scenario.ScenarioFiles.ScenarioFileException;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Issue 14 part 4: scenario numbers are checked against their declared ranges before the engine computes. */
class ScenarioNumbersTest {

    /** Only a guard against hangs (the amount 1e100000000 spun for minutes); not a speed target. */
    private static final Duration HANG_GUARD = Duration.ofSeconds(30);

    private static String sample() {
        return ScenarioFiles.toJson(ScenarioFiles.sample("seed000-support-tickets"));
    }

    @Test
    void aHugeAmountInAFileIsRefusedWithItsFieldWithoutSpinning() {
        String json = sample().replaceFirst("\"amount\": 1000000", "\"amount\": 1e100000000");
        ScenarioFileException e = assertTimeoutPreemptively(
                HANG_GUARD,
                () -> assertThrows(ScenarioFileException.class, () -> ScenarioFiles.fromJson(json, "x.json")));
        assertEquals(
                "x.json: workload.requestTypes[0].volume.amount: 1E+100000000 is out of range (0 to "
                        + "1000000000000 requests)",
                e.getMessage());
    }

    @Test
    void anAmountWrittenAsTextIsCheckedToo() {
        String json = sample().replaceFirst("\"amount\": 1000000", "\"amount\": \"1e100000000\"");
        ScenarioFileException e = assertTimeoutPreemptively(
                HANG_GUARD,
                () -> assertThrows(ScenarioFileException.class, () -> ScenarioFiles.fromJson(json, "x.json")));
        assertTrue(
                e.getMessage()
                        .startsWith(
                                "x.json: workload.requestTypes[0].volume.amount: 1E+100000000 is out of " + "range"),
                e.getMessage());
    }

    @Test
    void daysPerMonthZeroIsRefusedNotSilentlyThirty() {
        assertTrue(sample().contains("\"daysPerMonth\": 30"), sample());
        String json = sample().replaceFirst("\"daysPerMonth\": 30", "\"daysPerMonth\": 0");
        ScenarioFileException e =
                assertThrows(ScenarioFileException.class, () -> ScenarioFiles.fromJson(json, "x.json"));
        assertEquals("x.json: workload.daysPerMonth: 0 is out of range (1 to 31 days)", e.getMessage());
        String half = sample().replaceFirst("\"daysPerMonth\": 30", "\"daysPerMonth\": 30.5");
        e = assertThrows(ScenarioFileException.class, () -> ScenarioFiles.fromJson(half, "x.json"));
        assertEquals("x.json: workload.daysPerMonth: 30.5 is not a whole number (1 to 31 days)", e.getMessage());
    }

    @Test
    void sharesAndTokensOutOfRangeNameTheField() {
        String json = sample().replaceFirst("\"repeatRate\": 0.85", "\"repeatRate\": 85");
        ScenarioFileException e =
                assertThrows(ScenarioFileException.class, () -> ScenarioFiles.fromJson(json, "x.json"));
        assertEquals(
                "x.json: workload.requestTypes[0].repeatRate: 85 is out of range (0 to 1, a share: 0 = 0 %, "
                        + "1 = 100 %)",
                e.getMessage());
    }

    @Test
    void theValidatorRefusesAHugeAmountBuiltInCodeWithoutComputing() {
        Scenario s = ScenarioFiles.sample("seed000-support-tickets");
        Scenario huge = s.withWorkload(s.workload()
                .mapTypes(t -> t.id().equals("ticket-image")
                        ? new RequestType(
                                t.id(),
                                t.name(),
                                t.volume().withAmount(new BigDecimal("1e100000000")),
                                t.model(),
                                t.text(),
                                t.images(),
                                t.audio(),
                                t.video(),
                                t.batchableShare(),
                                t.repeatRate(),
                                null,
                                null,
                                null)
                        : t));
        List<FieldError> errors =
                assertTimeoutPreemptively(HANG_GUARD, () -> ScenarioEngine.validate(huge, Fixtures.CATALOG));
        assertEquals(
                List.of(new FieldError(
                        "requestTypes[0].volume.amount", "1E+100000000 is out of range (0 to 1000000000000 requests)")),
                errors);
        assertThrows(
                InvalidScenarioException.class,
                () -> assertTimeoutPreemptively(HANG_GUARD, () -> ScenarioEngine.compute(huge, Fixtures.CATALOG)));
    }
}
