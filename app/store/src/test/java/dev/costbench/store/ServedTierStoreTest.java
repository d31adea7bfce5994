// SPDX-License-Identifier: Apache-2.0
package dev.costbench.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.costbench.model.catalog.ServiceTier;
import dev.costbench.model.lab.NewTrial;
import dev.costbench.model.lab.Trial;
import dev.costbench.model.lab.TrialCell;
import dev.costbench.model.provider.ChatResult;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Schema version 7: each trial keeps the service tier asked for and the one served; History counts the changes. */
class ServedTierStoreTest {

    @TempDir
    Path dir;

    /** A successful trial as the runner records it: asked for {@code asked}, the provider reporting {@code served}. */
    private static NewTrial tiered(long experimentId, TrialCell cell, ServiceTier asked, String served) {
        NewTrial t = Fixtures.success(experimentId, cell);
        ChatResult answer = new ChatResult(
                t.outputText(), t.usage(), Map.of(), "stop", cell.modelId(), "r", Duration.ZERO, null, "{}", served);
        return NewTrial.success(
                experimentId, cell, t.requestHash(), answer, null, null, false, t.started(), t.finished(), asked);
    }

    @Test
    void theTiersRoundTripAndHistoryCountsTheChanges() {
        try (H2LabStore store = H2LabStore.open(dir)) {
            Fixtures.Setup s = Fixtures.setup(store, "tiers", 1, 1, List.of("gpt-5"), 3);
            long v = s.variants().get(0).id();
            long in = s.inputs().get(0).id();
            Trial down =
                    store.addTrial(tiered(s.id(), new TrialCell(v, in, "gpt-5", 1), ServiceTier.PRIORITY, "default"));
            store.addTrial(tiered(s.id(), new TrialCell(v, in, "gpt-5", 2), ServiceTier.PRIORITY, "priority"));
            store.addTrial(Fixtures.success(s.id(), new TrialCell(v, in, "gpt-5", 3)));

            List<Trial> back = store.trials(s.id());
            assertEquals(ServiceTier.PRIORITY, back.get(0).requestedTier());
            assertEquals("default", back.get(0).servedTier());
            assertEquals("priority", back.get(1).servedTier());
            assertNull(back.get(2).requestedTier());
            assertNull(back.get(2).servedTier());
            assertEquals(1, store.overviews().get(0).tierChanged());

            store.deleteTrial(down.id());
            assertEquals(0, store.overviews().get(0).tierChanged());
        }
    }

    /** From every earlier version: old trials read as asked for Standard with no report, and new ones store tiers. */
    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4, 5})
    void upgradeToVersion7KeepsTheTrialsAndStoresTiers(int from) throws Exception {
        Assumptions.assumeTrue(UpgradeTest.migrationVersions().contains(from), "no migration V" + from);
        UpgradeTest.flyway(dir, Integer.toString(from)).migrate();
        try (Connection c = UpgradeTest.dataSource(dir).getConnection();
                Statement st = c.createStatement()) {
            st.execute("INSERT INTO experiment (name, created_at, status, budget_cap_usd, repetitions, "
                    + "temperature, max_output_tokens, reasoning_budget, reasoning_effort, reuse_answers, "
                    + "extra_json) VALUES ('run', TIMESTAMP WITH TIME ZONE '2026-06-01 09:00:00+00', 'DONE', NULL, "
                    + "2, NULL, 256, NULL, NULL, FALSE, '{}')");
            st.execute("INSERT INTO experiment_model VALUES (1, 0, 'gpt-5')");
            st.execute("INSERT INTO variant (experiment_id, ordinal, name, baseline, prompt_json) VALUES "
                    + "(1, 0, 'baseline', TRUE, '{}')");
            st.execute("INSERT INTO test_input (experiment_id, ordinal, label) VALUES (1, 0, 'a')");
            String when = "TIMESTAMP WITH TIME ZONE '2026-06-01 09:30:00+00'";
            st.execute("INSERT INTO trial (experiment_id, variant_id, input_id, model_id, repetition, "
                    + "cost_complete, output_text, started_at, finished_at) VALUES "
                    + "(1, 1, 1, 'gpt-5', 1, FALSE, 'Ships today.', " + when + ", " + when + ")");
            if (from >= 4) { // the store writes an experiment's totals with it since version 4
                st.execute("INSERT INTO experiment_totals (experiment_id, trials) VALUES (1, 1)");
            }
        }
        try (H2LabStore store = H2LabStore.open(dir)) {
            assertEquals(
                    Integer.toString(UpgradeTest.CURRENT_VERSION),
                    UpgradeTest.flyway(dir, null).info().current().getVersion().getVersion());
            Trial old = store.trials(1).get(0);
            assertNull(old.requestedTier());
            assertNull(old.servedTier());
            assertEquals(ServiceTier.STANDARD, old.requestedTierOrStandard());
            assertEquals(0, store.overviews().get(0).tierChanged());
            store.addTrial(tiered(1, new TrialCell(1, 1, "gpt-5", 2), ServiceTier.FLEX, "default"));
            assertEquals("default", store.trials(1).get(1).servedTier());
            assertEquals(1, store.overviews().get(0).tierChanged());
        }
    }
}
