// SPDX-License-Identifier: Apache-2.0
package dev.costbench.store;

import dev.costbench.model.app.AppDirs;
import dev.costbench.model.lab.DamagedStoreException;
import dev.costbench.model.lab.LabStoreException;
import dev.costbench.model.lab.NewerStoreException;
import dev.costbench.model.lab.StoreInUseException;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
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
 * <p><b>Structure.</b> This class opens and closes the database file ({@link StoreOpener}) and keeps its backups; the
 * repositories and what they share with the team store on PostgreSQL ({@link ServerLabStore}) are in
 * {@link JdbcLabStore}.
 */
public final class H2LabStore extends JdbcLabStore {

    /** The database's base name; H2 adds {@code .mv.db}. */
    public static final String DATABASE_NAME = "costbench";

    private final Path base;
    private final Path dir;
    private final Path file;
    private final BackupPolicy policy;
    private final ScheduledExecutorService daily;
    private volatile String backupProblem;

    private H2LabStore(StoreOpener.Opened opened, BackupPolicy policy) throws SQLException {
        super(new Tx(opened.conn(), opened.file().toString(), Dialect.H2, Authors.current()));
        this.base = opened.base();
        this.dir = opened.dir();
        this.file = opened.file();
        this.policy = policy;
        this.backupProblem = opened.backupProblem().orElse(null);
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
    public String location() {
        return file.toString();
    }

    @Override
    public void close() {
        daily.shutdownNow();
        tx.close(() -> StoreOpener.OPEN_IN_THIS_PROCESS.remove(base));
    }
}
