// SPDX-License-Identifier: Apache-2.0
package dev.costbench.store;

import dev.costbench.model.app.AppDirs;
import dev.costbench.model.lab.DamagedStoreException;
import dev.costbench.model.lab.Experiment;
import dev.costbench.model.lab.ExperimentOverview;
import dev.costbench.model.lab.ExperimentProgress;
import dev.costbench.model.lab.ExperimentSettings;
import dev.costbench.model.lab.ExperimentSnapshot;
import dev.costbench.model.lab.ExperimentStatus;
import dev.costbench.model.lab.JudgeFailure;
import dev.costbench.model.lab.JudgeScore;
import dev.costbench.model.lab.LabStore;
import dev.costbench.model.lab.LabStoreException;
import dev.costbench.model.lab.LedgerEntry;
import dev.costbench.model.lab.LedgerPurpose;
import dev.costbench.model.lab.MediaBlob;
import dev.costbench.model.lab.NewExperiment;
import dev.costbench.model.lab.NewLedgerEntry;
import dev.costbench.model.lab.NewSentRequest;
import dev.costbench.model.lab.NewTrial;
import dev.costbench.model.lab.NewVariant;
import dev.costbench.model.lab.NewerStoreException;
import dev.costbench.model.lab.Rating;
import dev.costbench.model.lab.RatingScale;
import dev.costbench.model.lab.SavedScenario;
import dev.costbench.model.lab.SentRequest;
import dev.costbench.model.lab.SimilarityScore;
import dev.costbench.model.lab.StoreInUseException;
import dev.costbench.model.lab.TestInput;
import dev.costbench.model.lab.Trial;
import dev.costbench.model.lab.TrialCell;
import dev.costbench.model.lab.Variant;
import dev.costbench.model.lab.calibration.CalibrationSample;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The lab store in an embedded H2 file database, {@code costbench.mv.db} in the data directory.
 *
 * <p><b>Durability.</b> The URL sets {@code WRITE_DELAY=0}: H2 then writes each commit to the file before the
 * commit returns. With H2's default (500 ms) a committed transaction stays in memory until a background writer
 * flushes it, so a killed process could lose trials it had already reported as saved. Each trial is written when it
 * finishes, a few per second at most, so the extra write per commit costs nothing noticeable.
 *
 * <p><b>A second instance</b> gets a {@link StoreInUseException} with a clear message, rather than H2's
 * {@code AUTO_SERVER=TRUE} mode. Why:
 * <ul>
 *   <li>Crash recovery relies on a single owner. On open, an experiment still marked RUNNING means the previous
 *       session died mid-run, so the store marks it INTERRUPTED and the runner resumes its missing trials. With
 *       AUTO_SERVER a second window would find the first window's live run RUNNING: marking it interrupted would be
 *       false, and resuming it would repeat real, paid calls and let two runners spend against one budget cap that
 *       neither can reserve across processes.</li>
 *   <li>AUTO_SERVER makes whichever process opened the file first run a TCP server for the rest of its life, and
 *       hands the database over to another process when that one exits; every process must use exactly the same
 *       URL flags. That is more moving parts (a listening port in a desktop app, a server
 *       hand-over in the middle of a run) for no feature the user asked for.</li>
 *   <li>The user's need is simple: one CostBench owns the lab. A message naming the file tells them what to do.</li>
 * </ul>
 * H2 reports the other process as error 90020 (the file is locked); within one JVM H2 would happily share the
 * database between two connections, so the store keeps its own registry of open files and refuses the second one
 * the same way. The OS releases H2's file lock when a process dies, even when it is killed.
 *
 * <p><b>Structure.</b> This class opens and closes the database ({@link StoreOpener}) and keeps its backups; the work
 * is done by one repository per area ({@link H2ExperimentRepository}, {@link H2TrialRepository},
 * {@link H2JudgingRepository}, {@link H2ScenarioRepository}, {@link H2LedgerRepository}, {@link H2MediaRepository},
 * {@link H2SendHistoryRepository}, {@link H2CalibrationRepository}),
 * which share one connection and one transaction at a time through {@link Tx}.
 */
public final class H2LabStore implements LabStore {

    /** The database's base name; H2 adds {@code .mv.db}. */
    public static final String DATABASE_NAME = "costbench";

    private final Path base;
    private final Path dir;
    private final Path file;
    private final Tx tx;
    private final BackupPolicy policy;
    private final List<Long> interruptedOnOpen;
    private final ScheduledExecutorService daily;
    private volatile String backupProblem;

    private final H2ExperimentRepository experiments;
    private final H2TrialRepository trials;
    private final H2JudgingRepository judging;
    private final H2ScenarioRepository scenarios;
    private final H2LedgerRepository ledger;
    private final H2MediaRepository media;
    private final H2SendHistoryRepository sent;
    private final H2CalibrationRepository calibration;

    private H2LabStore(StoreOpener.Opened opened, BackupPolicy policy) throws SQLException {
        this.base = opened.base();
        this.dir = opened.dir();
        this.file = opened.file();
        this.tx = new Tx(opened.conn(), file);
        this.policy = policy;
        this.backupProblem = opened.backupProblem().orElse(null);
        this.experiments = new H2ExperimentRepository(tx);
        this.trials = new H2TrialRepository(tx);
        this.judging = new H2JudgingRepository(tx);
        this.scenarios = new H2ScenarioRepository(tx);
        this.ledger = new H2LedgerRepository(tx);
        this.media = new H2MediaRepository(tx);
        this.sent = new H2SendHistoryRepository(tx);
        this.calibration = new H2CalibrationRepository(tx);
        this.interruptedOnOpen = List.copyOf(experiments.markInterrupted());
        long period = Math.max(
                1000,
                Math.min(policy.dailyEvery().toMillis(), Duration.ofHours(1).toMillis()));
        this.daily = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "CostBench store backups");
            t.setDaemon(true);
            return t;
        });
        daily.scheduleWithFixedDelay(this::dailyBackupIfDue, period, period, TimeUnit.MILLISECONDS);
    }

    /** Opens (creating or upgrading) the store in the user's data directory ({@link AppDirs#dataDir()}). */
    public static H2LabStore open() {
        return open(AppDirs.dataDir());
    }

    /**
     * Opens (creating or upgrading) the store in {@code dataDir}, with the user's backup setting.
     *
     * @throws StoreInUseException   when another CostBench holds it
     * @throws DamagedStoreException when the file exists but cannot be read (it is left unchanged)
     * @throws NewerStoreException   when a newer CostBench wrote it
     * @throws LabStoreException     when it cannot be created, read or upgraded
     */
    public static H2LabStore open(Path dataDir) {
        return open(dataDir, BackupPolicy.fromSettings());
    }

    /** Opens the store in {@code dataDir} with this backup policy; see {@link #open(Path)}. */
    public static H2LabStore open(Path dataDir, BackupPolicy policy) {
        return open(dataDir, policy, List.of());
    }

    /** With more migration locations (tests add a newer or a failing migration). */
    static H2LabStore open(Path dataDir, BackupPolicy policy, List<String> extraLocations) {
        StoreOpener.Opened opened = StoreOpener.open(dataDir, policy, extraLocations);
        try {
            return new H2LabStore(opened, policy);
        } catch (SQLException | RuntimeException e) {
            StoreOpener.closeQuietly(opened.conn());
            StoreOpener.OPEN_IN_THIS_PROCESS.remove(opened.base());
            throw new LabStoreException("Cannot open the database at " + opened.file() + ": " + e.getMessage(), e);
        }
    }

    /** Backs the store up now (a consistent copy, taken while it stays open) and returns the new backup. */
    public StoreBackup backupNow() {
        return tx.run("back up the database", c -> {
            try {
                return Backups.make(c, dir, StoreBackup.Kind.MANUAL, policy.keep());
            } catch (IOException e) {
                throw new LabStoreException(
                        "Could not back up the database " + file + " into "
                                + Backups.folder(dir) + ": " + e.getMessage()
                                + ". Check the free space and the folder's "
                                + "permissions.",
                        e);
            }
        });
    }

    /** Makes the daily backup when the newest backup is older than the policy's day. */
    void dailyBackupIfDue() {
        tx.ifOpen(() -> backupProblem = StoreOpener.backupIfDue(
                        tx.connection(), dir, StoreBackup.Kind.DAILY, policy.dailyEvery(), policy.keep())
                .orElse(null));
    }

    /** Why the last automatic backup failed, if it did (for the UI to show); empty when backups work. */
    public Optional<String> backupProblem() {
        return Optional.ofNullable(backupProblem);
    }

    /** The data directory the store lives in (its backups are in its {@code backups} folder). */
    public Path dataDir() {
        return dir;
    }

    /** Where the database of {@code dataDir} lives. */
    public static Path databaseFile(Path dataDir) {
        return dataDir.resolve(DATABASE_NAME + ".mv.db");
    }

    /** The JDBC URL of the database with this base path (no {@code .mv.db}). */
    static String url(Path base) {
        return "jdbc:h2:file:" + base.toAbsolutePath() + ";WRITE_DELAY=0";
    }

    /** The database file. */
    public Path file() {
        return file;
    }

    @Override
    public void close() {
        daily.shutdownNow();
        tx.close(() -> StoreOpener.OPEN_IN_THIS_PROCESS.remove(base));
    }

    // ---- ExperimentRepository ----

    @Override
    public Experiment createExperiment(NewExperiment spec) {
        return experiments.createExperiment(spec);
    }

    @Override
    public List<Experiment> listExperiments() {
        return experiments.listExperiments();
    }

    @Override
    public List<ExperimentOverview> overviews() {
        return experiments.overviews();
    }

    @Override
    public Experiment importExperiment(ExperimentSnapshot snapshot) {
        return experiments.importExperiment(snapshot);
    }

    @Override
    public Optional<Experiment> findExperiment(long experimentId) {
        return experiments.findExperiment(experimentId);
    }

    @Override
    public Experiment loadExperiment(long experimentId) {
        return experiments.loadExperiment(experimentId);
    }

    @Override
    public void setStatus(long experimentId, ExperimentStatus status) {
        experiments.setStatus(experimentId, status);
    }

    @Override
    public void updateSettings(long experimentId, ExperimentSettings settings) {
        experiments.updateSettings(experimentId, settings);
    }

    @Override
    public boolean deleteExperiment(long experimentId) {
        return experiments.deleteExperiment(experimentId);
    }

    @Override
    public List<Long> interruptedOnOpen() {
        return interruptedOnOpen;
    }

    @Override
    public ExperimentProgress progress(long experimentId) {
        return experiments.progress(experimentId);
    }

    @Override
    public Variant addVariant(long experimentId, NewVariant variant) {
        return experiments.addVariant(experimentId, variant);
    }

    @Override
    public List<Variant> variants(long experimentId) {
        return experiments.variants(experimentId);
    }

    @Override
    public TestInput addInput(long experimentId, String label, Map<String, String> variables) {
        return experiments.addInput(experimentId, label, variables);
    }

    @Override
    public List<TestInput> inputs(long experimentId) {
        return experiments.inputs(experimentId);
    }

    @Override
    public Trial addTrial(NewTrial trial) {
        return trials.addTrial(trial);
    }

    @Override
    public Trial addTrial(NewTrial trial, NewLedgerEntry charge) {
        return trials.addTrial(trial, charge);
    }

    @Override
    public List<Trial> trials(long experimentId) {
        return trials.trials(experimentId);
    }

    @Override
    public Optional<Trial> findTrial(long trialId) {
        return trials.findTrial(trialId);
    }

    @Override
    public boolean deleteTrial(long trialId) {
        return trials.deleteTrial(trialId);
    }

    @Override
    public List<TrialCell> missingTrials(long experimentId) {
        return trials.missingTrials(experimentId);
    }

    @Override
    public Optional<Trial> storedAnswer(String requestHash) {
        return trials.storedAnswer(requestHash);
    }

    // ---- JudgingRepository ----

    @Override
    public Rating rate(long trialId, RatingScale scale, int value, String comment) {
        return judging.rate(trialId, scale, value, comment);
    }

    @Override
    public List<Rating> ratings(long experimentId) {
        return judging.ratings(experimentId);
    }

    @Override
    public JudgeScore addJudgeScore(long trialId, String judgeModel, String rubric, double score, String rationale) {
        return judging.addJudgeScore(trialId, judgeModel, rubric, score, rationale);
    }

    @Override
    public JudgeScore addJudgeScore(
            long trialId, String judgeModel, String rubric, double score, String rationale, NewLedgerEntry charge) {
        return judging.addJudgeScore(trialId, judgeModel, rubric, score, rationale, charge);
    }

    @Override
    public JudgeFailure addJudgeFailure(
            long trialId, String judgeModel, String rubric, String error, NewLedgerEntry charge) {
        return judging.addJudgeFailure(trialId, judgeModel, rubric, error, charge);
    }

    @Override
    public List<JudgeFailure> judgeFailures(long experimentId) {
        return judging.judgeFailures(experimentId);
    }

    @Override
    public List<JudgeScore> judgeScores(long experimentId) {
        return judging.judgeScores(experimentId);
    }

    @Override
    public List<SimilarityScore> similarityScores(long experimentId) {
        return judging.similarityScores(experimentId);
    }

    @Override
    public void saveSimilarityScores(long experimentId, Collection<SimilarityScore> scores) {
        judging.saveSimilarityScores(experimentId, scores);
    }

    @Override
    public void forgetSimilarityScores(long experimentId) {
        judging.forgetSimilarityScores(experimentId);
    }

    // ---- ScenarioRepository ----

    @Override
    public SavedScenario saveScenario(String name, String json) {
        return scenarios.saveScenario(name, json);
    }

    @Override
    public List<SavedScenario> listScenarios() {
        return scenarios.listScenarios();
    }

    @Override
    public Optional<SavedScenario> findScenario(String name) {
        return scenarios.findScenario(name);
    }

    @Override
    public boolean renameScenario(String from, String to) {
        return scenarios.renameScenario(from, to);
    }

    @Override
    public boolean deleteScenario(String name) {
        return scenarios.deleteScenario(name);
    }

    // ---- CalibrationRepository ----

    @Override
    public void addCalibrationSample(CalibrationSample sample) {
        calibration.addCalibrationSample(sample);
    }

    @Override
    public List<CalibrationSample> calibrationSamples() {
        return calibration.calibrationSamples();
    }

    @Override
    public int resetCalibration(String family) {
        return calibration.resetCalibration(family);
    }

    // ---- LedgerRepository ----

    @Override
    public LedgerEntry appendLedger(NewLedgerEntry entry) {
        return ledger.appendLedger(entry);
    }

    @Override
    public List<LedgerEntry> ledger(Instant from, Instant to) {
        return ledger.ledger(from, to);
    }

    @Override
    public BigDecimal spentOnExperiment(long experimentId) {
        return ledger.spentOnExperiment(experimentId);
    }

    @Override
    public BigDecimal spentOnExperiment(long experimentId, LedgerPurpose purpose) {
        return ledger.spentOnExperiment(experimentId, purpose);
    }

    @Override
    public Map<Long, BigDecimal> spentPerTrial(long experimentId, LedgerPurpose purpose) {
        return ledger.spentPerTrial(experimentId, purpose);
    }

    @Override
    public BigDecimal spentOnDay(LocalDate day, ZoneId zone) {
        return ledger.spentOnDay(day, zone);
    }

    @Override
    public SortedMap<LocalDate, BigDecimal> spentPerDay(LocalDate from, LocalDate to, ZoneId zone) {
        return ledger.spentPerDay(from, to, zone);
    }

    // ---- MediaRepository ----

    @Override
    public String putMedia(byte[] data, String mimeType) {
        return media.putMedia(data, mimeType);
    }

    @Override
    public Optional<MediaBlob> getMedia(String sha256) {
        return media.getMedia(sha256);
    }

    // ---- SendHistoryRepository ----

    @Override
    public SentRequest addSent(NewSentRequest entry) {
        return sent.addSent(entry);
    }

    @Override
    public List<SentRequest> sentHistory(String workspace) {
        return sent.sentHistory(workspace);
    }

    @Override
    public boolean deleteSent(long id) {
        return sent.deleteSent(id);
    }
}
