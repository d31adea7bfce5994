// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.lab.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.costbench.model.lab.calibration.CalibrationSample;
import dev.costbench.model.provider.ProviderId;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A/B trials keep the input their provider reported for calibration, for models whose count is an estimate. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class RunnerCalibrationTest extends StoreWithFakes {

    @Test
    void everyClaudeTrialKeepsItsReportedInputBesideTheEstimateAndExactModelsKeepNone() throws Exception {
        fakes.put(ProviderId.OPENAI, new FakeClient(ProviderId.OPENAI, (req, n) -> FakeClient.Reply.after(1)));
        fakes.put(ProviderId.ANTHROPIC, new FakeClient(ProviderId.ANTHROPIC, (req, n) -> FakeClient.Reply.after(1)));
        Runner r = new Runner(store, id -> client(id), FakeClient.CATALOG::find, 2, Runner.DEFAULT_ATTEMPTS);
        RunPlan plan = r.create(RunnerTest.spec(1, null, false));
        RunResult res = r.run(plan.experimentId(), null, new RunnerTest.Recorder());
        assertEquals(RunResult.Outcome.COMPLETED, res.outcome(), res.message());
        List<CalibrationSample> kept = store.calibrationSamples();
        assertEquals(4, kept.size(), "2 variants × 2 inputs on claude-haiku-4-5; none for gpt-4o-mini (exact)");
        assertTrue(kept.stream()
                .allMatch(s -> s.family().equals("claude")
                        && s.model().equals("claude-haiku-4-5")
                        && s.source() == CalibrationSample.Source.TRIAL
                        && s.estimate() > 0
                        && s.actual() > 0));
    }
}
