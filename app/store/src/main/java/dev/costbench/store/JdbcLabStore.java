// SPDX-License-Identifier: Apache-2.0
package dev.costbench.store;

import dev.costbench.model.catalog.team.SharedCatalogRepository;
import dev.costbench.model.lab.BatchRepository;
import dev.costbench.model.lab.Experiment;
import dev.costbench.model.lab.ExperimentOverview;
import dev.costbench.model.lab.ExperimentProgress;
import dev.costbench.model.lab.ExperimentSettings;
import dev.costbench.model.lab.ExperimentSnapshot;
import dev.costbench.model.lab.ExperimentStatus;
import dev.costbench.model.lab.JudgeFailure;
import dev.costbench.model.lab.JudgeScore;
import dev.costbench.model.lab.LabStore;
import dev.costbench.model.lab.LedgerEntry;
import dev.costbench.model.lab.LedgerPurpose;
import dev.costbench.model.lab.MediaBlob;
import dev.costbench.model.lab.NewExperiment;
import dev.costbench.model.lab.NewLedgerEntry;
import dev.costbench.model.lab.NewSentRequest;
import dev.costbench.model.lab.NewTrial;
import dev.costbench.model.lab.NewVariant;
import dev.costbench.model.lab.Rating;
import dev.costbench.model.lab.RatingScale;
import dev.costbench.model.lab.SavedScenario;
import dev.costbench.model.lab.SentRequest;
import dev.costbench.model.lab.SimilarityScore;
import dev.costbench.model.lab.TestInput;
import dev.costbench.model.lab.Trial;
import dev.costbench.model.lab.TrialCell;
import dev.costbench.model.lab.Variant;
import dev.costbench.model.lab.calibration.CalibrationSample;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;

/**
 * The lab store over JDBC, whichever the database: one repository per area ({@link H2ExperimentRepository},
 * {@link H2TrialRepository}, {@link H2JudgingRepository}, {@link H2ScenarioRepository}, {@link H2LedgerRepository},
 * {@link H2MediaRepository}, {@link H2SendHistoryRepository}; their SQL is standard and runs on H2 and PostgreSQL,
 * what differs is in {@link Dialect}), sharing one connection and one transaction at a time through {@link Tx}.
 * {@link H2LabStore} is the embedded file; {@link ServerLabStore} the team store on a PostgreSQL server.
 */
public abstract class JdbcLabStore implements LabStore {

    final Tx tx;
    private final List<Long> interruptedOnOpen;

    private final H2ExperimentRepository experiments;
    private final H2TrialRepository trials;
    private final H2JudgingRepository judging;
    private final H2ScenarioRepository scenarios;
    private final H2LedgerRepository ledger;
    private final H2MediaRepository media;
    private final H2SendHistoryRepository sent;
    private final H2BatchRepository batches;
    private final H2CalibrationRepository calibration;
    private final H2SharedCatalogRepository sharedCatalog;

    JdbcLabStore(Tx tx) {
        this.tx = tx;
        this.experiments = new H2ExperimentRepository(tx);
        this.trials = new H2TrialRepository(tx);
        this.judging = new H2JudgingRepository(tx);
        this.scenarios = new H2ScenarioRepository(tx);
        this.ledger = new H2LedgerRepository(tx);
        this.media = new H2MediaRepository(tx);
        this.sent = new H2SendHistoryRepository(tx);
        this.batches = new H2BatchRepository(tx, trials);
        this.calibration = new H2CalibrationRepository(tx);
        this.sharedCatalog = new H2SharedCatalogRepository(tx);
        this.interruptedOnOpen = tx.dialect().singleOwner() ? List.copyOf(experiments.markInterrupted()) : List.of();
    }

    /** Who this client's new experiments, scenarios and ledger rows are recorded as created by. */
    public String author() {
        return tx.author();
    }

    /** Records this client's new rows as created by {@code name} (the setting "Your name in the team store"). */
    public void author(String name) {
        tx.author(Authors.clean(name));
    }

    /** The database's kind as users know it: "H2" or "PostgreSQL". */
    public String databaseName() {
        return tx.dialect().displayName();
    }

    /** Where the database is, as users may be shown it (a file, or a server URL without any password). */
    public abstract String location();

    /**
     * True for a team store (a server several clients share), false for this computer's own file. Only a team store
     * shares catalog overrides: on the file, the personal {@code catalog.json} is the user catalog.
     */
    public boolean teamStore() {
        return !tx.dialect().singleOwner();
    }

    /**
     * The team catalog's revisions kept in this store (a port apart from {@link LabStore}'s areas). It works on both
     * databases; the app uses it only on a {@link #teamStore() team store}.
     */
    public SharedCatalogRepository sharedCatalog() {
        return sharedCatalog;
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

    /** The batches of batch runs, kept in this store (a port apart from {@link LabStore}'s areas). */
    public BatchRepository batches() {
        return batches;
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
}
