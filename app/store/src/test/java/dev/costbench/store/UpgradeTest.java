// SPDX-License-Identifier: Apache-2.0
package dev.costbench.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.costbench.model.catalog.ServiceTier;
import dev.costbench.model.cost.CanonicalUsage;
import dev.costbench.model.lab.Experiment;
import dev.costbench.model.lab.ExperimentOverview;
import dev.costbench.model.lab.ExperimentSettings;
import dev.costbench.model.lab.ExperimentStatus;
import dev.costbench.model.lab.LabStoreException;
import dev.costbench.model.lab.LedgerEntry;
import dev.costbench.model.lab.LedgerPurpose;
import dev.costbench.model.lab.MediaBlob;
import dev.costbench.model.lab.NewBatch;
import dev.costbench.model.lab.NewExperiment;
import dev.costbench.model.lab.NewLedgerEntry;
import dev.costbench.model.lab.NewSentRequest;
import dev.costbench.model.lab.NewTrial;
import dev.costbench.model.lab.RatingScale;
import dev.costbench.model.lab.SimilarityScore;
import dev.costbench.model.lab.Trial;
import dev.costbench.model.lab.TrialCell;
import dev.costbench.model.lab.Variant;
import dev.costbench.model.lab.calibration.CalibrationSample;
import dev.costbench.model.lab.calibration.CalibrationSample.Source;
import dev.costbench.model.provider.ProviderId;
import dev.costbench.model.provider.ReasoningEffort;
import dev.costbench.model.provider.SendOptions;
import dev.costbench.model.provider.batch.BatchState;
import dev.costbench.model.provider.batch.BatchStatus;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A database written by every earlier schema version opens with the current store, keeps its data and works with
 * the new schema. When a migration V(n+1) is added, add an upgrade test from Vn here (the first test fails until then).
 */
class UpgradeTest {

    /** An experiment row as every schema version since 1 takes it; the values follow in brackets. */
    private static final String INSERT_EXPERIMENT = "INSERT INTO experiment (name, created_at, status, budget_cap_usd,"
            + " repetitions, temperature, max_output_tokens, reasoning_budget, reasoning_effort, reuse_answers,"
            + " extra_json) VALUES ";

    /** The schema versions that have an upgrade test below, and the current one. */
    private static final List<Integer> TESTED_EARLIER_VERSIONS = List.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13);

    static final int CURRENT_VERSION = 14;

    private static final OffsetDateTime T = OffsetDateTime.of(2026, 6, 1, 9, 30, 0, 0, ZoneOffset.UTC);

    @TempDir
    Path dir;

    @Test
    void everyEarlierSchemaVersionHasAnUpgradeTest() throws IOException, URISyntaxException {
        Path migrations = Path.of(UpgradeTest.class.getResource("/db/migration").toURI());
        Pattern name = Pattern.compile("V(\\d+)__.+\\.sql");
        List<Integer> versions;
        try (Stream<Path> files = Files.list(migrations)) {
            versions = files.map(p -> name.matcher(p.getFileName().toString()))
                    .filter(Matcher::matches)
                    .map(m -> Integer.parseInt(m.group(1)))
                    .sorted()
                    .toList();
        }
        assertEquals(
                CURRENT_VERSION,
                versions.get(versions.size() - 1),
                "a new migration: add an upgrade test " + "from the previous version and update CURRENT_VERSION");
        assertEquals(versions.subList(0, versions.size() - 1), TESTED_EARLIER_VERSIONS);
    }

    @Test
    void aNewDatabaseIsAtTheCurrentVersion() {
        H2LabStore.open(dir).close();
        assertEquals(
                Integer.toString(CURRENT_VERSION),
                flyway(dir, null).info().current().getVersion().getVersion());
    }

    @Test
    void upgradeFromVersion1KeepsTheDataAndTheNewSchemaWorks() throws Exception {
        byte[] image = {1, 2, 3, 4, 5};
        String hash = MediaBlob.sha256(image);
        flyway(dir, "1").migrate();
        try (Connection c = dataSource(dir).getConnection();
                Statement st = c.createStatement()) {
            st.execute(
                    INSERT_EXPERIMENT + "('Tickets v1', TIMESTAMP WITH TIME ZONE '2026-06-01 09:00:00+00', 'RUNNING', "
                            + "5.0000000001, 2, 0.7, 256, NULL, NULL, FALSE, '{\"checks\":[]}')");
            st.execute("INSERT INTO experiment_model VALUES (1, 0, 'gpt-4o-mini'), (1, 1, 'claude-haiku-4-5')");
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO media_blob VALUES (?, 'image/png', 5, ?, ?)")) {
                ps.setString(1, hash);
                ps.setBytes(2, image);
                ps.setObject(3, T);
                ps.executeUpdate();
            }
            st.execute("INSERT INTO variant (experiment_id, ordinal, name, baseline, prompt_json) VALUES "
                    + "(1, 0, 'baseline', TRUE, '{\"system\":\"long\"}'), "
                    + "(1, 1, 'optimized', FALSE, '{\"system\":\"short\"}')");
            st.execute("INSERT INTO variant_media VALUES (1, 0, '" + hash + "')");
            st.execute("INSERT INTO test_input (experiment_id, ordinal, label) VALUES (1, 0, 'ticket A')");
            st.execute("INSERT INTO test_input_var VALUES (1, 0, 'ticket', 'Where is my order?')");
            st.execute(
                    "INSERT INTO trial (experiment_id, variant_id, input_id, model_id, repetition, request_hash, "
                            + "uncached_input_tokens, cache_read_tokens, cache_write_5m_tokens, cache_write_1h_tokens, "
                            + "output_tokens, reasoning_tokens, cost_usd, cost_complete, prices_json, latency_ms, ttft_ms, "
                            + "finish_reason, output_text, error_text, started_at, finished_at) VALUES "
                            + "(1, 1, 1, 'gpt-4o-mini', 1, 'h-100', 1200, 0, 0, 0, 150, 0, 0.0002700000, TRUE, "
                            + "'{\"total\":\"0.00027\"}', 900, 210, 'stop', 'Your order ships today.', NULL, "
                            + "TIMESTAMP WITH TIME ZONE '2026-06-01 09:30:00+00', TIMESTAMP WITH TIME ZONE '2026-06-01 09:30:01+00'), "
                            + "(1, 2, 1, 'gpt-4o-mini', 1, 'h-101', NULL, NULL, NULL, NULL, NULL, NULL, NULL, FALSE, NULL, "
                            + "3000, NULL, NULL, NULL, 'HTTP 429', "
                            + "TIMESTAMP WITH TIME ZONE '2026-06-01 09:31:00+00', TIMESTAMP WITH TIME ZONE '2026-06-01 09:31:03+00')");
            st.execute("INSERT INTO rating (trial_id, scale, rating_value, user_comment, created_at) VALUES "
                    + "(1, 'FIVE_POINT', 4, 'fine', TIMESTAMP WITH TIME ZONE '2026-06-01 10:00:00+00')");
            st.execute("INSERT INTO scenario (name, scenario_json, created_at, updated_at) VALUES ('daily', "
                    + "'{\"requests\":100}', TIMESTAMP WITH TIME ZONE '2026-06-01 10:00:00+00', "
                    + "TIMESTAMP WITH TIME ZONE '2026-06-01 10:00:00+00')");
            st.execute("INSERT INTO ledger (occurred_at, provider, model_id, cost_usd, trial_id, purpose) VALUES "
                    + "(TIMESTAMP WITH TIME ZONE '2026-06-01 09:30:01+00', 'openai', 'gpt-4o-mini', 0.00027, 1, 'trial'), "
                    + "(TIMESTAMP WITH TIME ZONE '2026-06-01 09:31:03+00', 'openai', 'gpt-4o-mini', NULL, 2, 'trial'), "
                    + "(TIMESTAMP WITH TIME ZONE '2026-06-01 08:00:00+00', 'anthropic', 'claude-haiku-4-5', 0.000001, "
                    + "NULL, 'count_tokens')");
        }

        try (H2LabStore store = H2LabStore.open(dir)) {
            assertEquals(Integer.toString(CURRENT_VERSION), flywayVersion(dir));
            assertEquals(List.of(1L), store.interruptedOnOpen(), "was RUNNING when the old version died");
            Experiment e = store.loadExperiment(1);
            assertEquals("Tickets v1", e.name());
            assertEquals(ExperimentStatus.INTERRUPTED, e.status());
            assertEquals(0, new BigDecimal("5.0000000001").compareTo(e.budgetCapUsd()));
            assertEquals(List.of("gpt-4o-mini", "claude-haiku-4-5"), e.models());
            assertEquals(0.7, e.settings().temperature());

            List<Variant> variants = store.variants(1);
            assertEquals(
                    List.of("baseline", "optimized"),
                    variants.stream().map(Variant::name).toList());
            assertEquals(List.of(hash), variants.get(0).mediaHashes());
            assertArrayEquals(image, store.getMedia(hash).orElseThrow().data());
            assertEquals(
                    Map.of("ticket", "Where is my order?"),
                    store.inputs(1).get(0).variables());

            Trial ok = store.findTrial(1).orElseThrow();
            assertEquals(new CanonicalUsage(1200, 0, 0, 0, 150, 0), ok.usage());
            assertEquals(0, new BigDecimal("0.00027").compareTo(ok.costUsd()));
            assertEquals("Your order ships today.", ok.outputText());
            assertFalse(ok.fromCache(), "V2 default for old trials");
            assertNull(ok.estimatedCostUsd());
            assertEquals(Instant.parse("2026-06-01T09:30:01Z"), ok.finished());
            assertEquals("HTTP 429", store.findTrial(2).orElseThrow().errorText());
            assertEquals(4, store.ratings(1).get(0).value());
            assertEquals(
                    "{\"requests\":100}",
                    store.findScenario("daily").orElseThrow().json());

            // V2 filled ledger.experiment_id from the trials: the old spending counts for the experiment.
            assertEquals(0, new BigDecimal("0.00027").compareTo(store.spentOnExperiment(1)));
            List<LedgerEntry> ledger = store.ledger(Instant.EPOCH, Instant.parse("2100-01-01T00:00:00Z"));
            assertEquals(3, ledger.size());
            assertNull(ledger.get(0).experimentId(), "the token count had no trial");
            assertEquals(LedgerPurpose.COUNT_TOKENS, ledger.get(0).purpose());
            assertEquals(1L, ledger.get(1).experimentId());

            // The missing cells: 2 variants x 1 input x 2 models x 2 repetitions, minus the one success.
            List<TrialCell> missing = store.missingTrials(1);
            assertEquals(7, missing.size());
            assertTrue(missing.contains(new TrialCell(2, 1, "gpt-4o-mini", 1)), "the failed one is retried");

            // The new schema works: a reused answer, an estimate, a judge score, new ids after the old ones.
            TrialCell cell = new TrialCell(2, 1, "gpt-4o-mini", 1);
            Trial reused = store.addTrial(new NewTrial(
                    1,
                    cell,
                    "h-100",
                    ok.usage(),
                    ok.costUsd(),
                    true,
                    null,
                    new BigDecimal("0.0003"),
                    0L,
                    null,
                    "stop",
                    ok.outputText(),
                    null,
                    true,
                    Instant.now(),
                    Instant.now(),
                    null,
                    null));
            assertTrue(reused.fromCache());
            assertEquals(3, reused.id(), "identity continues after the migrated rows");
            assertEquals(0, new BigDecimal("0.0003").compareTo(reused.estimatedCostUsd()));
            assertEquals(1, store.storedAnswer("h-100").orElseThrow().id());
            store.addJudgeScore(1, "claude-sonnet-4-5", "helpful 1-10", 7, "clear");
            assertEquals(1, store.judgeScores(1).size());
            store.rate(reused.id(), RatingScale.THUMBS, 1, null);
            assertEquals(6, store.missingTrials(1).size());
        }
    }

    /**
     * V4 (History totals) from every earlier version: V1, V2 and V3 (judge failures). The
     * data uses only V1 columns, which every later version keeps.
     */
    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3})
    void upgradeToVersion4FillsTheHistoryTotals(int from) throws Exception {
        Assumptions.assumeTrue(migrationVersions().contains(from), "no migration V" + from + " on this branch");
        flyway(dir, Integer.toString(from)).migrate();
        try (Connection c = dataSource(dir).getConnection();
                Statement st = c.createStatement()) {
            for (int e = 1; e <= 2; e++) {
                st.execute(INSERT_EXPERIMENT + "('run " + e + "', TIMESTAMP WITH TIME ZONE '2026-06-0" + e
                        + " 09:00:00+00', 'DONE', NULL, 1, NULL, 256, NULL, NULL, FALSE, '{}')");
                st.execute("INSERT INTO experiment_model VALUES (" + e + ", 0, 'gpt-4o-mini')");
                st.execute("INSERT INTO variant (experiment_id, ordinal, name, baseline, prompt_json) VALUES (" + e
                        + ", 0, 'baseline', TRUE, '{}')");
                st.execute("INSERT INTO test_input (experiment_id, ordinal, label) VALUES (" + e + ", 0, 'a')");
            }
            String cols = "INSERT INTO trial (experiment_id, variant_id, input_id, model_id, repetition, "
                    + "uncached_input_tokens, cache_read_tokens, cache_write_5m_tokens, cache_write_1h_tokens, "
                    + "output_tokens, reasoning_tokens, cost_usd, cost_complete, error_text, started_at, finished_at) "
                    + "VALUES ";
            String when = "TIMESTAMP WITH TIME ZONE '2026-06-01 09:30:00+00'";
            st.execute(cols + "(1, 1, 1, 'gpt-4o-mini', 1, 100, 0, 0, 0, 10, 0, 0.0000210000, TRUE, NULL, " + when
                    + ", " + when + "), (1, 1, 1, 'gpt-4o-mini', 1, NULL, NULL, NULL, NULL, NULL, NULL, NULL, FALSE, "
                    + "'HTTP 500', " + when + ", " + when + "), (2, 2, 2, 'gpt-4o-mini', 1, 200, 0, 0, 0, 10, 0, "
                    + "0.0000360000, TRUE, NULL, " + when + ", " + when + ")");
            st.execute("INSERT INTO ledger (occurred_at, provider, model_id, cost_usd, trial_id, purpose) VALUES ("
                    + when + ", 'openai', 'gpt-4o-mini', 0.000021, 1, 'trial'), (" + when
                    + ", 'openai', 'gpt-4o-mini', 0.000036, 3, 'trial')");
            if (from >= 2) {
                st.execute("UPDATE ledger SET experiment_id = (SELECT t.experiment_id FROM trial t "
                        + "WHERE t.id = ledger.trial_id)");
            }
        }
        try (H2LabStore store = H2LabStore.open(dir)) {
            assertEquals(Integer.toString(CURRENT_VERSION), flywayVersion(dir));
            List<ExperimentOverview> all = store.overviews();
            assertEquals(
                    List.of(2L, 1L), all.stream().map(ExperimentOverview::id).toList());
            ExperimentOverview one = all.get(1);
            assertEquals(2, one.trials());
            assertEquals(1, one.failed());
            assertEquals(0, new BigDecimal("0.000021").compareTo(one.trialCostUsd()));
            assertEquals(0, new BigDecimal("0.000021").compareTo(one.spentUsd()));
            assertEquals(0, new BigDecimal("0.000036").compareTo(all.get(0).spentUsd()));
            // and the totals keep up after the upgrade
            store.deleteTrial(1);
            assertEquals(1, store.overviews().get(1).trials());
            assertEquals(0, store.overviews().get(1).trialCostUsd().signum());
        }
    }

    /**
     * V5 (stored output similarities) from every earlier version: the trials stay, no similarity is stored yet, and
     * the new table stores, replaces, follows a deleted trial and forgets. The data uses only V1 columns.
     */
    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4})
    void upgradeToVersion5StoresOutputSimilarities(int from) throws Exception {
        fillAt(from, st -> {
            st.execute(INSERT_EXPERIMENT + "('run', TIMESTAMP WITH TIME ZONE '2026-06-01 09:00:00+00', 'DONE', NULL, "
                    + "2, NULL, 256, NULL, NULL, FALSE, '{}')");
            st.execute("INSERT INTO experiment_model VALUES (1, 0, 'gpt-4o-mini')");
            st.execute("INSERT INTO variant (experiment_id, ordinal, name, baseline, prompt_json) VALUES "
                    + "(1, 0, 'baseline', TRUE, '{}'), (1, 1, 'brief', FALSE, '{}')");
            st.execute("INSERT INTO test_input (experiment_id, ordinal, label) VALUES (1, 0, 'a')");
            String when = "TIMESTAMP WITH TIME ZONE '2026-06-01 09:30:00+00'";
            st.execute("INSERT INTO trial (experiment_id, variant_id, input_id, model_id, repetition, "
                    + "cost_complete, output_text, started_at, finished_at) VALUES "
                    + "(1, 1, 1, 'gpt-4o-mini', 1, FALSE, 'Your order ships today by post.', " + when + ", " + when
                    + "), (1, 1, 1, 'gpt-4o-mini', 2, FALSE, 'Your order ships today.', " + when + ", " + when
                    + "), (1, 2, 1, 'gpt-4o-mini', 1, FALSE, 'Ships today.', " + when + ", " + when + ")");
        });
        try (H2LabStore store = H2LabStore.open(dir)) {
            assertEquals(Integer.toString(CURRENT_VERSION), flywayVersion(dir));
            assertEquals(3, store.trials(1).size());
            assertTrue(store.similarityScores(1).isEmpty(), "computed when first opened");
            var s1 = new SimilarityScore(3, 1, 77L, 0.4, 0.5);
            var s2 = new SimilarityScore(2, 1, 78L, 0.9, 0.875);
            store.saveSimilarityScores(1, List.of(s1, s2));
            assertEquals(Set.of(s1, s2), Set.copyOf(store.similarityScores(1)));
            // a score computed again replaces the stored one for its pair
            var again = new SimilarityScore(3, 1, 79L, 0.25, 0.3333333333333333);
            store.saveSimilarityScores(1, List.of(again));
            assertEquals(Set.of(again, s2), Set.copyOf(store.similarityScores(1)));
            // a pair with a trial of another experiment, or a missing one, is not stored
            store.saveSimilarityScores(1, List.of(new SimilarityScore(3, 99, 1L, 0, 0)));
            assertEquals(2, store.similarityScores(1).size());
            // deleting a trial deletes the scores it takes part in (as the scored output or as the reference)
            store.deleteTrial(2);
            assertEquals(List.of(again), store.similarityScores(1));
            store.deleteTrial(1);
            assertTrue(store.similarityScores(1).isEmpty());
            store.saveSimilarityScores(1, List.of(new SimilarityScore(3, 3, 5L, 1, 1)));
            store.forgetSimilarityScores(1);
            assertTrue(store.similarityScores(1).isEmpty());
        }
    }

    /**
     * V6 ("Send to the API" history) from every earlier version: the scenarios stay, no history is there yet, and
     * the new table keeps, lists and deletes calls.
     */
    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4, 5})
    void upgradeToVersion6KeepsASendHistory(int from) throws Exception {
        fillAt(from, st -> {
            st.execute("INSERT INTO scenario (name, scenario_json, created_at, updated_at) VALUES ('kept', '{}', "
                    + "TIMESTAMP WITH TIME ZONE '2026-06-01 09:00:00+00', "
                    + "TIMESTAMP WITH TIME ZONE '2026-06-01 09:00:00+00')");
        });
        try (H2LabStore store = H2LabStore.open(dir)) {
            assertEquals(Integer.toString(CURRENT_VERSION), flywayVersion(dir));
            assertTrue(store.findScenario("kept").isPresent());
            assertTrue(store.sentHistory("untitled").isEmpty());
            var kept = store.addSent(new NewSentRequest(
                    "untitled",
                    T.toInstant(),
                    "openai",
                    "gpt-5-mini",
                    new SendOptions(null, 500, ReasoningEffort.LOW, true),
                    "Hello",
                    new CanonicalUsage(10, 0, 0, 0, 5, 3),
                    new BigDecimal("0.00001"),
                    null,
                    null,
                    null));
            assertEquals(List.of(kept), store.sentHistory("untitled"));
            assertTrue(store.deleteSent(kept.id()));
            assertTrue(store.sentHistory("untitled").isEmpty());
        }
    }

    /**
     * V7 (service tiers) from every earlier version: old trials read as asked for Standard with no report, and new
     * ones store tiers.
     */
    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4, 5, 6})
    void upgradeToVersion7KeepsTheTrialsAndStoresTiers(int from) throws Exception {
        fillAt(from, st -> oneTrial(st, from));
        try (H2LabStore store = H2LabStore.open(dir)) {
            assertEquals(Integer.toString(CURRENT_VERSION), flywayVersion(dir));
            Trial old = store.trials(1).get(0);
            assertNull(old.requestedTier());
            assertNull(old.servedTier());
            assertEquals(ServiceTier.STANDARD, old.requestedTierOrStandard());
            assertEquals(0, store.overviews().get(0).tierChanged());
            store.addTrial(ServedTierStoreTest.tiered(1, new TrialCell(1, 1, "gpt-5", 2), ServiceTier.FLEX, "default"));
            assertEquals("default", store.trials(1).get(1).servedTier());
            assertEquals(1, store.overviews().get(0).tierChanged());
        }
    }

    /**
     * V8 (the service tier of "Send to the API" calls) from V6 and V7: a call kept before reads as asked for Standard
     * with no report, and new calls keep the tier asked for and the tier served.
     */
    @ParameterizedTest
    @ValueSource(ints = {6, 7})
    void upgradeToVersion8KeepsTheSendHistoryAndStoresTiers(int from) throws Exception {
        fillAt(
                from,
                st -> st.execute("INSERT INTO send_history (workspace, sent_at, provider, model_id, "
                        + "max_output_tokens, stream, answer) VALUES ('untitled', TIMESTAMP WITH TIME ZONE "
                        + "'2026-06-01 09:00:00+00', 'openai', 'gpt-5', 500, TRUE, 'Old answer')"));
        try (H2LabStore store = H2LabStore.open(dir)) {
            assertEquals(Integer.toString(CURRENT_VERSION), flywayVersion(dir));
            NewSentRequest old = store.sentHistory("untitled").get(0).call();
            assertEquals("Old answer", old.answer());
            assertNull(old.requestedTier());
            assertNull(old.servedTier());
            assertEquals(ServiceTier.STANDARD, old.requestedTierOrStandard());
            store.addSent(new NewSentRequest(
                    "untitled",
                    T.plusHours(1).toInstant(),
                    "openai",
                    "gpt-5",
                    new SendOptions(null, 500, null, true),
                    "New answer",
                    new CanonicalUsage(10, 0, 0, 0, 5, 0),
                    new BigDecimal("0.0001"),
                    null,
                    ServiceTier.PRIORITY,
                    "default"));
            NewSentRequest now = store.sentHistory("untitled").get(0).call();
            assertEquals(ServiceTier.PRIORITY, now.requestedTier());
            assertEquals("default", now.servedTier());
        }
    }

    /**
     * V9 (batch runs) from V8 with an experiment and a trial: the trial stays, and a batch of the experiment is kept,
     * its outcome recorded as a trial once (a second collect writes nothing), and deleting the experiment drops it.
     */
    @Test
    void upgradeToVersion9KeepsTheTrialsAndStoresBatches() throws Exception {
        fillAt(8, st -> oneTrial(st, 8));
        try (H2LabStore store = H2LabStore.open(dir)) {
            assertEquals(Integer.toString(CURRENT_VERSION), flywayVersion(dir));
            assertEquals("Ships today.", store.trials(1).get(0).outputText());
            assertTrue(store.batches().batches().isEmpty());
            TrialCell cell = new TrialCell(1, 1, "gpt-5", 2);
            BatchStatus sent = new BatchStatus(
                    ProviderId.OPENAI,
                    "batch_abc",
                    BatchState.PENDING,
                    "validating",
                    1,
                    0,
                    0,
                    T.toInstant(),
                    T.plusHours(24).toInstant(),
                    null);
            store.batches().saveBatch(new NewBatch(1, sent, Map.of("v1-i1-m0-r2", cell), T.toInstant()));
            assertEquals(Set.of(cell), store.batches().cellsInOpenBatches(1));
            NewTrial answer = NewTrial.failure(1, cell, null, "batch expired", T.toInstant(), T.toInstant());
            assertTrue(store.batches()
                    .collect("batch_abc", "v1-i1-m0-r2", answer, null)
                    .isPresent());
            assertTrue(store.batches()
                    .collect("batch_abc", "v1-i1-m0-r2", answer, null)
                    .isEmpty());
            assertEquals(2, store.trials(1).size());
            assertEquals(1, store.batches().findBatch("batch_abc").orElseThrow().collected());
            assertTrue(store.deleteExperiment(1));
            assertTrue(store.batches().batches().isEmpty());
        }
    }

    /** Experiment 1 (2 repetitions of gpt-5) with one trial, "Ships today.", as schema version {@code from} takes it. */
    private static void oneTrial(Statement st, int from) throws SQLException {
        st.execute(INSERT_EXPERIMENT + "('run', TIMESTAMP WITH TIME ZONE '2026-06-01 09:00:00+00', 'DONE', NULL, "
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

    /**
     * V10 (who created each experiment, scenario and ledger row) from V8 (and V9 where the branch has it): rows kept
     * before show no creator, new ones the store's author; History says so.
     */
    @ParameterizedTest
    @ValueSource(ints = {8, 9})
    void upgradeToVersion10KeepsTheRowsWithoutACreatorAndRecordsNewOnes(int from) throws Exception {
        fillAt(from, st -> {
            st.execute(INSERT_EXPERIMENT + "('Before', TIMESTAMP WITH TIME ZONE '2026-06-01 09:00:00+00', 'DONE', "
                    + "NULL, 1, NULL, 500, NULL, NULL, FALSE, '{}')");
            st.execute("INSERT INTO experiment_totals (experiment_id) SELECT id FROM experiment");
            st.execute("INSERT INTO scenario (name, scenario_json, created_at, updated_at) VALUES ('Old', '{}', "
                    + "TIMESTAMP WITH TIME ZONE '2026-06-01 09:00:00+00', TIMESTAMP WITH TIME ZONE "
                    + "'2026-06-01 09:00:00+00')");
        });
        try (H2LabStore store = H2LabStore.open(dir)) {
            assertEquals(Integer.toString(CURRENT_VERSION), flywayVersion(dir));
            store.author("alice");
            assertNull(store.overviews().get(0).createdBy());
            store.createExperiment(new NewExperiment("After", null, 1, null, List.of("gpt-5")));
            assertEquals(
                    "alice",
                    store.overviews().stream()
                            .filter(o -> o.experiment().name().equals("After"))
                            .findFirst()
                            .orElseThrow()
                            .createdBy());
            assertTrue(store.findScenario("Old").isPresent());
        }
    }

    /** V11 (what `store copy` copied) from V10: the store keeps its history and takes a copy into it. */
    @Test
    void upgradeToVersion11TakesACopyOfAnotherStore(@TempDir Path other) throws Exception {
        fillAt(
                10,
                st -> st.execute("INSERT INTO scenario (name, scenario_json, created_at, updated_at) VALUES "
                        + "('Kept', '{}', TIMESTAMP WITH TIME ZONE '2026-06-01 09:00:00+00', TIMESTAMP WITH TIME ZONE "
                        + "'2026-06-01 09:00:00+00')"));
        try (H2LabStore source = H2LabStore.open(other)) {
            source.saveScenario("Copied", "{}");
            try (H2LabStore store = H2LabStore.open(dir)) {
                assertEquals(Integer.toString(CURRENT_VERSION), flywayVersion(dir));
                assertTrue(StoreCopy.copy(source, store).verified());
                assertEquals(2, store.listScenarios().size());
            }
        }
    }

    /**
     * V12 (token counts kept for calibration) from V11: the send history stays, and counts are kept and reset.
     */
    @Test
    void upgradeToVersion12KeepsTheSendHistoryAndKeepsCalibrationCounts() throws Exception {
        try (H2LabStore store = upgradedFrom(
                11,
                "INSERT INTO send_history (workspace, sent_at, provider, model_id, max_output_tokens, stream, answer) "
                        + "VALUES ('untitled', TIMESTAMP WITH TIME ZONE '2026-06-01 09:00:00+00', 'anthropic', "
                        + "'claude-haiku-4-5', 500, TRUE, 'Old answer')")) {
            assertEquals(
                    "Old answer", store.sentHistory("untitled").get(0).call().answer());
            assertTrue(store.calibrationSamples().isEmpty());
            store.addCalibrationSample(new CalibrationSample(
                    T.toInstant(), "anthropic", "claude-haiku-4-5", "claude", "text", Source.SEND, 100, 112, 0));
            assertEquals(112, store.calibrationSamples().get(0).actual());
            assertEquals(1, store.resetCalibration("claude"));
        }
    }

    /**
     * V13 (the team catalog's revisions) from V12: the calibration counts stay, and the team catalog starts empty and
     * takes revisions.
     */
    @Test
    void upgradeToVersion13KeepsCalibrationCountsAndStartsAnEmptyTeamCatalog() throws Exception {
        fillAt(
                12,
                st -> st.execute("INSERT INTO calibration_sample (counted_at, provider, model_id, family, kind, "
                        + "source, estimate, actual) VALUES (TIMESTAMP WITH TIME ZONE '2026-06-01 09:00:00+00', "
                        + "'anthropic', 'claude-haiku-4-5', 'claude', 'text', 'send', 100, 112)"));
        try (H2LabStore store = H2LabStore.open(dir)) {
            assertEquals(Integer.toString(CURRENT_VERSION), flywayVersion(dir));
            assertEquals(112, store.calibrationSamples().get(0).actual());
            assertTrue(store.sharedCatalog().latestSharedCatalog().isEmpty());
            store.author("ana");
            assertEquals(
                    1,
                    store.sharedCatalog()
                            .publishSharedCatalog(0, "{\"models\": []}")
                            .number());
            assertEquals(
                    "ana",
                    store.sharedCatalog().sharedCatalogRevisions(5).get(0).author());
        }
    }

    /**
     * V14 (the Gemma 3 estimate of a Gemini count) from V13: the counts kept stay, without a Gemma 3 estimate, and a
     * new Gemini count keeps one.
     */
    @Test
    void upgradeToVersion14KeepsTheCountsAndKeepsGemma3Estimates() throws Exception {
        try (H2LabStore store = upgradedFrom(
                13,
                "INSERT INTO calibration_sample (counted_at, provider, model_id, family, kind, source, estimate, "
                        + "actual) VALUES (TIMESTAMP WITH TIME ZONE '2026-06-01 09:00:00+00', 'gemini', "
                        + "'gemini-2.5-flash', 'gemini', 'text', 'count', 100, 93)")) {
            CalibrationSample old = store.calibrationSamples().get(0);
            assertEquals(93, old.actual());
            assertEquals(0, old.gemma3Estimate());
            store.addCalibrationSample(new CalibrationSample(
                    T.toInstant(), "gemini", "gemini-2.5-flash", "gemini", "code", Source.COUNT, 120, 131, 128));
            assertEquals(128, store.calibrationSamples().get(1).gemma3Estimate());
            assertEquals(2, store.resetCalibration("gemini"));
        }
    }

    /**
     * The store built at schema version {@code from} with one statement run there, then opened (which upgrades it)
     * and checked to be at the current version.
     */
    private H2LabStore upgradedFrom(int from, String sql) throws Exception {
        fillAt(from, st -> st.execute(sql));
        H2LabStore store = H2LabStore.open(dir);
        assertEquals(Integer.toString(CURRENT_VERSION), flywayVersion(dir));
        return store;
    }

    /** Statements that fill a database at an earlier schema version. */
    @FunctionalInterface
    private interface Fill {
        void into(Statement st) throws SQLException;
    }

    /** Builds the database at schema version {@code from} (skipped on a branch without it) and fills it. */
    private void fillAt(int from, Fill fill) throws Exception {
        Assumptions.assumeTrue(migrationVersions().contains(from), "no migration V" + from + " on this branch");
        flyway(dir, Integer.toString(from)).migrate();
        try (Connection c = dataSource(dir).getConnection();
                Statement st = c.createStatement()) {
            fill.into(st);
        }
    }

    static List<Integer> migrationVersions() throws IOException, URISyntaxException {
        Path migrations = Path.of(UpgradeTest.class.getResource("/db/migration").toURI());
        Pattern name = Pattern.compile("V(\\d+)__.+\\.sql");
        try (Stream<Path> files = Files.list(migrations)) {
            return files.map(p -> name.matcher(p.getFileName().toString()))
                    .filter(Matcher::matches)
                    .map(m -> Integer.parseInt(m.group(1)))
                    .sorted()
                    .toList();
        }
    }

    @Test
    void upgradeFromVersion2KeepsTheJudgeScoresAndRecordsJudgeFailures() throws Exception {
        flyway(dir, "2").migrate();
        try (Connection c = dataSource(dir).getConnection();
                Statement st = c.createStatement()) {
            st.execute(INSERT_EXPERIMENT
                    + "('Judged v2', TIMESTAMP WITH TIME ZONE '2026-06-01 09:00:00+00', 'DONE', NULL, 1, "
                    + "NULL, 256, NULL, NULL, FALSE, '{\"verdict\":{\"minSavingPercent\":30}}')");
            st.execute("INSERT INTO experiment_model VALUES (1, 0, 'gpt-4o-mini')");
            st.execute("INSERT INTO variant (experiment_id, ordinal, name, baseline, prompt_json) VALUES "
                    + "(1, 0, 'baseline', TRUE, '{}')");
            st.execute("INSERT INTO test_input (experiment_id, ordinal, label) VALUES (1, 0, 'ticket A')");
            st.execute("INSERT INTO trial (experiment_id, variant_id, input_id, model_id, repetition, request_hash, "
                    + "cost_complete, output_text, started_at, finished_at) VALUES (1, 1, 1, 'gpt-4o-mini', 1, 'h', "
                    + "FALSE, 'Ships today.', TIMESTAMP WITH TIME ZONE '2026-06-01 09:30:00+00', "
                    + "TIMESTAMP WITH TIME ZONE '2026-06-01 09:30:01+00')");
            st.execute("INSERT INTO judge_score (trial_id, judge_model, rubric, score, rationale, created_at) VALUES "
                    + "(1, 'gpt-4o-mini', 'helpful 1-5', 4, 'clear', TIMESTAMP WITH TIME ZONE "
                    + "'2026-06-01 10:00:00+00')");
            st.execute(
                    "INSERT INTO ledger (occurred_at, provider, model_id, cost_usd, experiment_id, trial_id, purpose) "
                            + "VALUES (TIMESTAMP WITH TIME ZONE '2026-06-01 10:00:00+00', 'openai', 'gpt-4o-mini', 0.00001, 1, "
                            + "1, 'judge')");
        }
        try (H2LabStore store = H2LabStore.open(dir)) {
            assertEquals(Integer.toString(CURRENT_VERSION), flywayVersion(dir));
            assertEquals(1, store.judgeScores(1).size());
            assertEquals(4.0, store.judgeScores(1).get(0).score());
            assertEquals("clear", store.judgeScores(1).get(0).rationale());
            assertTrue(store.judgeFailures(1).isEmpty());
            assertEquals(0, new BigDecimal("0.00001").compareTo(store.spentOnExperiment(1, LedgerPurpose.JUDGE)));

            // V3: a failure is kept with its reason and its ledger entry, apart from the scores
            store.addJudgeFailure(
                    1,
                    "gpt-4o-mini",
                    "helpful 1-5",
                    "the judge's score 7 is outside the scale 1–5",
                    NewLedgerEntry.call(
                            Instant.now(), "openai", "gpt-4o-mini", new BigDecimal("0.00002"), LedgerPurpose.JUDGE));
            assertEquals(1, store.judgeScores(1).size(), "a failure is not a score");
            assertEquals(
                    "the judge's score 7 is outside the scale 1–5",
                    store.judgeFailures(1).get(0).error());
            assertEquals(0, new BigDecimal("0.00003").compareTo(store.spentOnExperiment(1, LedgerPurpose.JUDGE)));
            assertEquals(0, BigDecimal.ZERO.compareTo(store.spentOnExperiment(1, LedgerPurpose.TRIAL)));

            // settings can be edited after the run (checks, thresholds, the judge)
            Experiment e = store.loadExperiment(1);
            store.updateSettings(
                    1, new ExperimentSettings(null, 256, null, null, false, "{\"verdict\":{\"minSavingPercent\":20}}"));
            assertEquals(
                    "{\"verdict\":{\"minSavingPercent\":20}}",
                    store.loadExperiment(1).settings().extraJson());
            assertEquals(e.status(), store.loadExperiment(1).status());
        }
    }

    @Test
    void aDatabaseFromANewerCostBenchIsRefusedClearly() throws SQLException {
        H2LabStore.open(dir).close();
        Flyway.configure()
                .dataSource(dataSource(dir))
                .locations(Schema.LOCATION, "classpath:db/future")
                .load()
                .migrate();
        LabStoreException e = assertThrows(LabStoreException.class, () -> H2LabStore.open(dir));
        assertTrue(e.getMessage().contains("written by a newer CostBench (schema version 99)"), e.getMessage());
        // and the refusal released the database
        try (Connection c = dataSource(dir).getConnection()) {
            assertTrue(c.isValid(1));
        }
    }

    static JdbcDataSource dataSource(Path dir) {
        JdbcDataSource ds = new JdbcDataSource();
        try {
            ds.setURL(H2LabStore.url(dir.toRealPath().resolve(H2LabStore.DATABASE_NAME)));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        ds.setUser("sa");
        ds.setPassword("");
        return ds;
    }

    static Flyway flyway(Path dir, String target) {
        var config = Flyway.configure().dataSource(dataSource(dir)).locations(Schema.LOCATION);
        if (target != null) {
            config.target(target);
        }
        return config.load();
    }

    private static String flywayVersion(Path dir) {
        return flyway(dir, null).info().current().getVersion().getVersion();
    }
}
