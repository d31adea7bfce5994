// SPDX-License-Identifier: Apache-2.0
package dev.costbench.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.costbench.model.cost.CanonicalUsage;
import dev.costbench.model.lab.Experiment;
import dev.costbench.model.lab.ExperimentProgress;
import dev.costbench.model.lab.ExperimentSettings;
import dev.costbench.model.lab.ExperimentStatus;
import dev.costbench.model.lab.JudgeScore;
import dev.costbench.model.lab.LedgerEntry;
import dev.costbench.model.lab.LedgerPurpose;
import dev.costbench.model.lab.MediaBlob;
import dev.costbench.model.lab.NewExperiment;
import dev.costbench.model.lab.NewLedgerEntry;
import dev.costbench.model.lab.NewTrial;
import dev.costbench.model.lab.NewVariant;
import dev.costbench.model.lab.Rating;
import dev.costbench.model.lab.RatingScale;
import dev.costbench.model.lab.SavedScenario;
import dev.costbench.model.lab.TestInput;
import dev.costbench.model.lab.Trial;
import dev.costbench.model.lab.TrialCell;
import dev.costbench.model.lab.Variant;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.SortedMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The store's repositories, on each database ({@link StoreTest}); the H2 file's own behaviour at the end. */
class LabStoreTest {

    private static final List<String> MODELS = List.of("gpt-4o-mini", "claude-haiku-4-5");

    @TempDir
    Path dir;

    private StoreKind.StoreFactory factory;
    private JdbcLabStore store;

    private void open(StoreKind kind) {
        factory = kind.fresh(dir);
        store = factory.open();
    }

    @AfterEach
    void close() {
        if (store != null) {
            store.close();
        }
    }

    @Test
    void createsTheDatabaseFileInTheDataDirectory() {
        open(StoreKind.H2);
        Path file = ((H2LabStore) store).file();
        assertTrue(file.toFile().isFile(), file.toString());
        assertEquals("costbench.mv.db", file.getFileName().toString());
    }

    @StoreTest
    void experimentRoundTrip(StoreKind kind) {
        open(kind);
        ExperimentSettings settings = new ExperimentSettings(null, 512, 2048, "low", true, "{\"verdict\":0.3}");
        Experiment e = store.createExperiment(new NewExperiment(
                "Support tickets",
                new BigDecimal("12.3456789012"),
                10,
                settings,
                List.of("gpt-5", "claude-sonnet-4-5", "gemini-2.5-flash")));
        assertEquals(ExperimentStatus.DRAFT, e.status());
        assertEquals("Support tickets", e.name());
        assertEquals(0, new BigDecimal("12.3456789012").compareTo(e.budgetCapUsd()));
        assertEquals(10, e.repetitions());
        assertEquals(settings, e.settings());
        assertEquals(List.of("gpt-5", "claude-sonnet-4-5", "gemini-2.5-flash"), e.models());
        assertEquals(e, store.loadExperiment(e.id()));

        Experiment noCap = store.createExperiment(new NewExperiment("No cap", null, 1, null, List.of("gpt-5")));
        assertNull(noCap.budgetCapUsd());
        assertEquals(ExperimentSettings.defaults(), noCap.settings());
        assertEquals(
                List.of(noCap.id(), e.id()),
                store.listExperiments().stream().map(Experiment::id).toList(),
                "newest first");

        store.setStatus(e.id(), ExperimentStatus.CANCELLED);
        assertEquals(ExperimentStatus.CANCELLED, store.loadExperiment(e.id()).status());
        assertThrows(NoSuchElementException.class, () -> store.loadExperiment(999));
        assertThrows(NoSuchElementException.class, () -> store.setStatus(999, ExperimentStatus.DONE));
        assertTrue(store.findExperiment(999).isEmpty());
    }

    @StoreTest
    void variantsAndInputsKeepTheirOrderAndContent(StoreKind kind) {
        open(kind);
        Experiment e = store.createExperiment(new NewExperiment("x", null, 1, null, MODELS));
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 1, 2, 3};
        String hash = store.putMedia(png, "image/png");
        Variant base =
                store.addVariant(e.id(), new NewVariant("baseline", true, "{\"system\":\"long\"}", List.of(hash)));
        Variant opt = store.addVariant(e.id(), new NewVariant("optimized", false, "{\"system\":\"short\"}"));
        assertEquals(List.of(base, opt), store.variants(e.id()));
        assertEquals(List.of(hash), base.mediaHashes());
        assertEquals(0, base.position());
        assertEquals(1, opt.position());
        assertTrue(base.baseline());

        Map<String, String> vars = new LinkedHashMap<>();
        vars.put("zeta", "last letter");
        vars.put("alpha", "multi\nline ✓");
        TestInput in = store.addInput(e.id(), "row 1", vars);
        TestInput empty = store.addInput(e.id(), null, Map.of());
        assertEquals(List.of(in, empty), store.inputs(e.id()));
        assertEquals(List.of("zeta", "alpha"), List.copyOf(in.variables().keySet()), "insertion order kept");
        assertEquals("", empty.label());

        String unknown = MediaBlob.sha256(new byte[] {9});
        assertThrows(
                IllegalArgumentException.class,
                () -> store.addVariant(e.id(), new NewVariant("v", false, "{}", List.of(unknown))));
        assertThrows(NoSuchElementException.class, () -> store.addInput(999, "x", Map.of()));
    }

    @StoreTest
    void trialRoundTripKeepsEveryField(StoreKind kind) {
        open(kind);
        Fixtures.Setup s = Fixtures.setup(store, "t", 2, 1, MODELS, 2);
        TrialCell cell =
                new TrialCell(s.variants().get(1).id(), s.inputs().get(0).id(), "claude-haiku-4-5", 2);
        NewTrial ok = Fixtures.success(s.id(), cell);
        Trial saved = store.addTrial(ok);
        assertEquals(s.id(), saved.experimentId());
        assertEquals(cell, saved.cell());
        assertEquals(ok.requestHash(), saved.requestHash());
        assertEquals(ok.usage(), saved.usage());
        assertEquals(0, ok.costUsd().compareTo(saved.costUsd()));
        assertTrue(saved.costComplete());
        assertEquals(ok.pricesJson(), saved.pricesJson());
        assertEquals(0, ok.estimatedCostUsd().compareTo(saved.estimatedCostUsd()));
        assertEquals(ok.latencyMs(), saved.latencyMs());
        assertEquals(ok.ttftMs(), saved.ttftMs());
        assertEquals("stop", saved.finishReason());
        assertEquals(ok.outputText(), saved.outputText());
        assertNull(saved.errorText());
        assertFalse(saved.fromCache());
        assertEquals(kind.kept(ok.started()), saved.started(), "instants survive to the database's precision");
        assertEquals(kind.kept(ok.finished()), saved.finished());
        assertTrue(saved.succeeded());

        Trial failed = store.addTrial(Fixtures.failure(s.id(), cell));
        assertNull(failed.usage());
        assertNull(failed.costUsd());
        assertEquals("HTTP 529 overloaded", failed.errorText());
        assertEquals(1500L, failed.latencyMs());
        assertFalse(failed.succeeded());
        assertEquals(List.of(saved, failed), store.trials(s.id()));
        assertEquals(saved, store.findTrial(saved.id()).orElseThrow());
    }

    @StoreTest
    void aTrialMustBeAPlannedCellOfItsExperiment(StoreKind kind) {
        open(kind);
        Fixtures.Setup a = Fixtures.setup(store, "a", 1, 1, MODELS, 2);
        Fixtures.Setup b = Fixtures.setup(store, "b", 1, 1, MODELS, 2);
        long v = a.variants().get(0).id();
        long i = a.inputs().get(0).id();
        assertThrows(
                IllegalArgumentException.class,
                () -> store.addTrial(Fixtures.success(
                        a.id(), new TrialCell(b.variants().get(0).id(), i, "gpt-4o-mini", 1))),
                "variant of another experiment");
        assertThrows(
                IllegalArgumentException.class,
                () -> store.addTrial(Fixtures.success(
                        a.id(), new TrialCell(v, b.inputs().get(0).id(), "gpt-4o-mini", 1))),
                "input of another experiment");
        assertThrows(
                IllegalArgumentException.class,
                () -> store.addTrial(Fixtures.success(a.id(), new TrialCell(v, i, "gpt-5", 1))),
                "model not in the experiment");
        assertThrows(
                IllegalArgumentException.class,
                () -> store.addTrial(Fixtures.success(a.id(), new TrialCell(v, i, "gpt-4o-mini", 3))),
                "repetition beyond N");
        assertThrows(
                NoSuchElementException.class,
                () -> store.addTrial(Fixtures.success(999, new TrialCell(v, i, "gpt-4o-mini", 1))));
        assertTrue(store.trials(a.id()).isEmpty(), "nothing half-written");
    }

    @StoreTest
    void missingTrialsAreThePlannedCellsWithoutASuccess(StoreKind kind) {
        open(kind);
        Fixtures.Setup s = Fixtures.setup(store, "m", 2, 2, MODELS, 3);
        List<TrialCell> all = store.missingTrials(s.id());
        assertEquals(2 * 2 * 2 * 3, all.size());
        assertEquals(all.size(), new HashSet<>(all).size());
        for (int k = 0; k < all.size(); k++) {
            assertEquals(k / 8 + 1, all.get(k).repetition(), "whole rounds first");
        }
        TrialCell first = all.get(0);
        assertEquals(new TrialCell(s.variants().get(0).id(), s.inputs().get(0).id(), "gpt-4o-mini", 1), first);

        store.addTrial(Fixtures.success(s.id(), all.get(0)));
        store.addTrial(Fixtures.success(s.id(), all.get(5)));
        store.addTrial(Fixtures.failure(s.id(), all.get(7)));
        List<TrialCell> missing = store.missingTrials(s.id());
        assertEquals(all.size() - 2, missing.size());
        assertFalse(missing.contains(all.get(0)));
        assertFalse(missing.contains(all.get(5)));
        assertTrue(missing.contains(all.get(7)), "a failed cell is retried");

        ExperimentProgress p = store.progress(s.id());
        assertEquals(24, p.planned());
        assertEquals(2, p.succeeded());
        assertEquals(1, p.failed());
        assertEquals(22, p.missing());

        store.addTrial(Fixtures.success(s.id(), all.get(7)));
        assertFalse(store.missingTrials(s.id()).contains(all.get(7)));
        for (TrialCell c : store.missingTrials(s.id())) {
            store.addTrial(Fixtures.success(s.id(), c));
        }
        assertTrue(store.missingTrials(s.id()).isEmpty());
        assertEquals(24, store.progress(s.id()).succeeded());

        Experiment noInputs = store.createExperiment(new NewExperiment("none", null, 2, null, MODELS));
        store.addVariant(noInputs.id(), new NewVariant("v", true, "{}"));
        assertTrue(store.missingTrials(noInputs.id()).isEmpty(), "no inputs: nothing planned");
        assertThrows(NoSuchElementException.class, () -> store.missingTrials(999));
    }

    @StoreTest
    void aTrialAndItsLedgerEntryAreCommittedTogether(StoreKind kind) {
        open(kind);
        Fixtures.Setup s = Fixtures.setup(store, "l", 1, 1, MODELS, 2);
        TrialCell cell = store.missingTrials(s.id()).get(0);
        NewTrial t = Fixtures.success(s.id(), cell);
        Trial saved = store.addTrial(t, Fixtures.charge(t));
        List<LedgerEntry> ledger = store.ledger(Instant.EPOCH, Instant.now().plusSeconds(3600 * 24 * 3650L));
        assertEquals(1, ledger.size());
        LedgerEntry e = ledger.get(0);
        assertEquals(saved.id(), e.trialId());
        assertEquals(s.id(), e.experimentId());
        assertEquals(LedgerPurpose.TRIAL, e.purpose());
        assertEquals(0, t.costUsd().compareTo(e.costUsd()));

        // A ledger entry that cannot be written takes its trial with it: one transaction.
        NewTrial t2 = Fixtures.success(s.id(), store.missingTrials(s.id()).get(0));
        NewLedgerEntry tooBig = new NewLedgerEntry(
                Instant.now(), "openai", "gpt-4o-mini", new BigDecimal("1E+10"), null, null, LedgerPurpose.TRIAL);
        assertThrows(IllegalArgumentException.class, () -> store.addTrial(t2, tooBig));
        assertEquals(List.of(saved), store.trials(s.id()));
        assertEquals(
                1,
                store.ledger(Instant.EPOCH, Instant.parse("2100-01-01T00:00:00Z"))
                        .size());
    }

    @StoreTest
    void spendingPerExperimentPurposeAndDay(StoreKind kind) {
        open(kind);
        Fixtures.Setup s = Fixtures.setup(store, "spend", 1, 1, MODELS, 1);
        Fixtures.Setup other = Fixtures.setup(store, "other", 1, 1, MODELS, 1);
        Instant late = Instant.parse("2026-11-20T23:30:00Z");
        Instant early = Instant.parse("2026-11-21T00:30:00Z");
        TrialCell cell = store.missingTrials(s.id()).get(0);
        NewTrial t = Fixtures.success(s.id(), cell);
        Trial trial = store.addTrial(
                t,
                new NewLedgerEntry(
                        late, "openai", cell.modelId(), new BigDecimal("0.10"), null, null, LedgerPurpose.TRIAL));
        store.appendLedger(new NewLedgerEntry(
                early,
                "anthropic",
                "claude-sonnet-4-5",
                new BigDecimal("0.0300000001"),
                s.id(),
                trial.id(),
                LedgerPurpose.JUDGE));
        store.appendLedger(
                NewLedgerEntry.call(early, "anthropic", "claude-sonnet-4-5", null, LedgerPurpose.COUNT_TOKENS));
        store.appendLedger(NewLedgerEntry.call(
                early.plusSeconds(60), "openai", "gpt-4o-mini", new BigDecimal("0.000001"), LedgerPurpose.PING));
        store.appendLedger(new NewLedgerEntry(
                early, "openai", "gpt-4o-mini", new BigDecimal("5"), other.id(), null, LedgerPurpose.TRIAL));

        assertEquals(0, new BigDecimal("0.1300000001").compareTo(store.spentOnExperiment(s.id())));
        assertEquals(0, new BigDecimal("0.10").compareTo(store.spentOnExperiment(s.id(), LedgerPurpose.TRIAL)));
        assertEquals(0, new BigDecimal("0.0300000001").compareTo(store.spentOnExperiment(s.id(), LedgerPurpose.JUDGE)));
        assertEquals(0, BigDecimal.ZERO.compareTo(store.spentOnExperiment(999)));
        assertEquals(0, store.progress(s.id()).spentUsd().compareTo(store.spentOnExperiment(s.id())));

        ZoneId utc = ZoneOffset.UTC;
        assertEquals(0, new BigDecimal("0.10").compareTo(store.spentOnDay(LocalDate.of(2026, 11, 20), utc)));
        assertEquals(0, new BigDecimal("5.0300010001").compareTo(store.spentOnDay(LocalDate.of(2026, 11, 21), utc)));
        ZoneId berlin = ZoneId.of("Europe/Berlin"); // UTC+1 in November: 23:30Z is already the 21st
        SortedMap<LocalDate, BigDecimal> perDay =
                store.spentPerDay(LocalDate.of(2026, 11, 19), LocalDate.of(2026, 11, 22), berlin);
        assertEquals(Set.of(LocalDate.of(2026, 11, 21)), perDay.keySet());
        assertEquals(0, new BigDecimal("5.1300010001").compareTo(perDay.get(LocalDate.of(2026, 11, 21))));

        List<LedgerEntry> day21 = store.ledger(early, early.plusSeconds(3600));
        assertEquals(4, day21.size());
        assertNull(
                day21.stream()
                        .filter(x -> x.purpose() == LedgerPurpose.COUNT_TOKENS)
                        .findFirst()
                        .orElseThrow()
                        .costUsd(),
                "unpriced stays null, never $0");
        assertThrows(
                NoSuchElementException.class,
                () -> store.appendLedger(
                        new NewLedgerEntry(early, "openai", "gpt-5", BigDecimal.ONE, 999L, null, LedgerPurpose.TRIAL)));
    }

    @StoreTest
    void moneyIsExactToTenDecimals(StoreKind kind) {
        open(kind);
        Fixtures.Setup s = Fixtures.setup(store, "money", 1, 1, MODELS, 1);
        LedgerEntry exact = store.appendLedger(new NewLedgerEntry(
                Instant.now(),
                "openai",
                "gpt-5",
                new BigDecimal("1234567890.0123456789"),
                s.id(),
                null,
                LedgerPurpose.TRIAL));
        assertEquals(new BigDecimal("1234567890.0123456789"), exact.costUsd());
        LedgerEntry tiny = store.appendLedger(new NewLedgerEntry(
                Instant.now(), "openai", "gpt-5", new BigDecimal("0.000000037500"), s.id(), null, LedgerPurpose.TRIAL));
        assertEquals(0, new BigDecimal("0.0000000375").compareTo(tiny.costUsd()));
        LedgerEntry finer = store.appendLedger(new NewLedgerEntry(
                Instant.now(), "openai", "gpt-5", new BigDecimal("0.00000000375"), s.id(), null, LedgerPurpose.TRIAL));
        assertEquals(0, new BigDecimal("0.0000000038").compareTo(finer.costUsd()), "rounded half-even at 1e-10");
        assertEquals(0, new BigDecimal("1234567890.0123457202").compareTo(store.spentOnExperiment(s.id())));
        assertThrows(
                IllegalArgumentException.class,
                () -> store.appendLedger(new NewLedgerEntry(
                        Instant.now(),
                        "openai",
                        "gpt-5",
                        new BigDecimal("10000000000"),
                        null,
                        null,
                        LedgerPurpose.TRIAL)));
    }

    @StoreTest
    void ratingsReplaceAndJudgeScoresAccumulate(StoreKind kind) {
        open(kind);
        Fixtures.Setup s = Fixtures.setup(store, "r", 1, 1, MODELS, 1);
        Trial t = store.addTrial(
                Fixtures.success(s.id(), store.missingTrials(s.id()).get(0)));
        Rating up = store.rate(t.id(), RatingScale.THUMBS, 1, null);
        Rating five = store.rate(t.id(), RatingScale.FIVE_POINT, 4, "good, a bit long");
        assertEquals(up.id(), five.id(), "one rating per trial");
        assertEquals(List.of(five), store.ratings(s.id()));
        assertEquals(4, five.value());
        assertThrows(IllegalArgumentException.class, () -> store.rate(t.id(), RatingScale.FIVE_POINT, 0, null));
        assertThrows(IllegalArgumentException.class, () -> store.rate(t.id(), RatingScale.THUMBS, 2, null));
        assertThrows(NoSuchElementException.class, () -> store.rate(999, RatingScale.THUMBS, 1, null));

        JudgeScore j1 = store.addJudgeScore(t.id(), "claude-sonnet-4-5", "Correct and polite, 1-10", 8.5, "ok");
        JudgeScore j2 = store.addJudgeScore(t.id(), "gpt-5", "Correct and polite, 1-10", 9, null);
        assertEquals(List.of(j1, j2), store.judgeScores(s.id()));
        assertThrows(IllegalArgumentException.class, () -> store.addJudgeScore(t.id(), "m", "r", Double.NaN, null));
    }

    @StoreTest
    void scenariosCrud(StoreKind kind) {
        open(kind);
        SavedScenario a = store.saveScenario("chatbot 10k/day", "{\"requests\":10000}");
        SavedScenario b = store.saveScenario("batch nightly", "{\"requests\":500,\"batch\":true}");
        assertEquals(List.of(b, a), store.listScenarios(), "by name");
        SavedScenario a2 = store.saveScenario("chatbot 10k/day", "{\"requests\":12000}");
        assertEquals(a.id(), a2.id());
        assertEquals(a.created(), a2.created());
        assertEquals(
                "{\"requests\":12000}",
                store.findScenario("chatbot 10k/day").orElseThrow().json());
        assertThrows(IllegalArgumentException.class, () -> store.renameScenario("chatbot 10k/day", "batch nightly"));
        assertTrue(store.renameScenario("chatbot 10k/day", "chatbot 12k/day"));
        assertFalse(store.renameScenario("nope", "x"));
        assertTrue(store.findScenario("chatbot 10k/day").isEmpty());
        assertTrue(store.deleteScenario("chatbot 12k/day"));
        assertFalse(store.deleteScenario("chatbot 12k/day"));
        assertEquals(List.of(b), store.listScenarios());
    }

    @StoreTest
    void mediaIsStoredOncePerContent(StoreKind kind) throws SQLException {
        open(kind);
        byte[] jpeg = new byte[300_000];
        for (int i = 0; i < jpeg.length; i++) {
            jpeg[i] = (byte) (i * 31);
        }
        String h1 = store.putMedia(jpeg, "image/jpeg");
        String h2 = store.putMedia(jpeg.clone(), "image/jpeg");
        assertEquals(h1, h2);
        assertEquals(MediaBlob.sha256(jpeg), h1);
        MediaBlob blob = store.getMedia(h1).orElseThrow();
        assertArrayEquals(jpeg, blob.data());
        assertEquals("image/jpeg", blob.mimeType());
        assertTrue(store.getMedia(MediaBlob.sha256(new byte[0])).isEmpty());
        String other = store.putMedia(new byte[] {1}, "audio/wav");
        assertNotEquals(h1, other);
        store.close();
        try (Connection c = connect(kind);
                ResultSet rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM media_blob")) {
            rs.next();
            assertEquals(2, rs.getInt(1));
        }
        store = factory.open();
    }

    /** A plain connection to the database {@link #store} was opened on (closed: H2 allows one owner). */
    private Connection connect(StoreKind kind) throws SQLException {
        if (kind == StoreKind.H2) {
            try {
                return DriverManager.getConnection(
                        H2LabStore.url(dir.toRealPath().resolve("costbench")), "sa", "");
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
        StoreUrl url = ((ServerLabStore) store).url();
        return DriverManager.getConnection(url.jdbcUrl(), url.user(), url.password());
    }

    @StoreTest
    void deletingKeepsTheLedger(StoreKind kind) {
        open(kind);
        Fixtures.Setup s = Fixtures.setup(store, "d", 1, 2, MODELS, 1);
        List<TrialCell> cells = store.missingTrials(s.id());
        NewTrial t1 = Fixtures.success(s.id(), cells.get(0));
        NewTrial t2 = Fixtures.success(s.id(), cells.get(1));
        Trial a = store.addTrial(t1, Fixtures.charge(t1));
        Trial b = store.addTrial(t2, Fixtures.charge(t2));
        store.rate(a.id(), RatingScale.THUMBS, 1, null);
        BigDecimal spent = store.spentOnExperiment(s.id());

        assertTrue(store.deleteTrial(a.id()));
        assertFalse(store.deleteTrial(a.id()));
        assertTrue(store.ratings(s.id()).isEmpty());
        assertTrue(store.missingTrials(s.id()).contains(cells.get(0)));
        assertEquals(0, spent.compareTo(store.spentOnExperiment(s.id())), "the money was spent");

        assertTrue(store.deleteExperiment(s.id()));
        assertFalse(store.deleteExperiment(s.id()));
        assertTrue(store.findExperiment(s.id()).isEmpty());
        assertTrue(store.findTrial(b.id()).isEmpty());
        assertTrue(store.variants(s.id()).isEmpty());
        List<LedgerEntry> ledger = store.ledger(Instant.EPOCH, Instant.parse("2100-01-01T00:00:00Z"));
        assertEquals(2, ledger.size());
        for (LedgerEntry e : ledger) {
            assertNull(e.trialId());
            assertNull(e.experimentId());
        }
        assertEquals(
                0,
                spent.compareTo(store.spentOnDay(LocalDate.of(2026, 11, 20), ZoneOffset.UTC)),
                "the day's spending still counts deleted experiments");
    }

    @StoreTest
    void storedAnswerIsTheLatestRealSuccess(StoreKind kind) {
        open(kind);
        Fixtures.Setup s = Fixtures.setup(store, "cache", 1, 1, MODELS, 3);
        List<TrialCell> cells = store.missingTrials(s.id());
        NewTrial first = Fixtures.success(s.id(), cells.get(0));
        assertTrue(store.storedAnswer(first.requestHash()).isEmpty());
        Trial real = store.addTrial(first);
        NewTrial second = Fixtures.success(s.id(), cells.get(2));
        NewTrial reused = Fixtures.reused(
                s.id(), second.cell(), first.requestHash(), second.usage(), second.costUsd(), real.outputText());
        Trial cached = store.addTrial(reused);
        assertTrue(cached.fromCache());
        assertEquals(
                real.id(), store.storedAnswer(first.requestHash()).orElseThrow().id(), "never a reuse");
        store.addTrial(
                NewTrial.failure(s.id(), cells.get(4), first.requestHash(), "timeout", Instant.now(), Instant.now()));
        assertEquals(
                real.id(), store.storedAnswer(first.requestHash()).orElseThrow().id(), "never a failure");
    }

    @Test
    void runningExperimentsAreInterruptedOnTheNextOpen() {
        open(StoreKind.H2);
        Fixtures.Setup running = Fixtures.setup(store, "running", 1, 1, MODELS, 2);
        Fixtures.Setup done = Fixtures.setup(store, "done", 1, 1, MODELS, 1);
        store.setStatus(running.id(), ExperimentStatus.RUNNING);
        store.setStatus(done.id(), ExperimentStatus.DONE);
        Trial t = store.addTrial(
                Fixtures.success(running.id(), store.missingTrials(running.id()).get(0)));
        assertTrue(store.interruptedOnOpen().isEmpty());
        store.close();

        store = factory.open();
        assertEquals(List.of(running.id()), store.interruptedOnOpen());
        assertEquals(
                ExperimentStatus.INTERRUPTED, store.loadExperiment(running.id()).status());
        assertEquals(ExperimentStatus.DONE, store.loadExperiment(done.id()).status());
        assertEquals(List.of(t), store.trials(running.id()));
        assertEquals(2 * 1 * 1 * 2 - 1, store.missingTrials(running.id()).size());
        store.close();

        store = factory.open();
        assertTrue(store.interruptedOnOpen().isEmpty(), "reported once");
    }

    @StoreTest
    void aClosedStoreRefusesWork(StoreKind kind) {
        open(kind);
        store.close();
        store.close(); // idempotent
        assertThrows(IllegalStateException.class, () -> store.listExperiments());
        store = factory.open();
    }

    @Test
    void openWithoutArgumentsUsesTheConfiguredDataDirectory(@TempDir Path other) {
        open(StoreKind.H2);
        String before = System.getProperty("costbench.dataDir");
        System.setProperty("costbench.dataDir", other.toString());
        try (H2LabStore s = H2LabStore.open()) {
            assertEquals(other.toRealPath().resolve("costbench.mv.db"), s.file());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } finally {
            if (before == null) {
                System.clearProperty("costbench.dataDir");
            } else {
                System.setProperty("costbench.dataDir", before);
            }
        }
    }

    @StoreTest
    void usageOfAFailedCallMayBeKnown(StoreKind kind) {
        open(kind);
        Fixtures.Setup s = Fixtures.setup(store, "partial", 1, 1, MODELS, 1);
        TrialCell cell = store.missingTrials(s.id()).get(0);
        NewTrial cut = new NewTrial(
                s.id(),
                cell,
                "h",
                new CanonicalUsage(10, 0, 0, 0, 5, 0),
                new BigDecimal("0.01"),
                false,
                null,
                null,
                10L,
                null,
                "length",
                "partial answ",
                "stream broke",
                false,
                Instant.now(),
                Instant.now(),
                null,
                null);
        Trial t = store.addTrial(cut);
        assertEquals(cut.usage(), t.usage());
        assertFalse(t.costComplete());
        assertTrue(store.missingTrials(s.id()).contains(cell), "an error leaves the cell to retry");
    }
}
