// SPDX-License-Identifier: Apache-2.0
package dev.costbench.store;

import dev.costbench.model.lab.DamagedStoreException;
import dev.costbench.model.lab.LabStoreException;
import dev.costbench.model.lab.StoreInUseException;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.h2.jdbcx.JdbcDataSource;

/**
 * Opening the database so that a damaged file is never rewritten.
 * <ol>
 *   <li>No file: a new database is made under a temporary name, its schema created, and only then renamed to
 *       {@code costbench.mv.db}. So an existing file always held a complete lab, and one without a lab in it is
 *       damaged, never "new".</li>
 *   <li>A file: it must first open read-only ({@link ReadOnly}), where H2 writes nothing. A damaged file stops here,
 *       unchanged, with a {@link DamagedStoreException}. Then it opens for writing, with {@code IFEXISTS=TRUE} so H2
 *       never makes a database in its place.</li>
 *   <li>A database from a newer CostBench is refused before anything is written. One that lacks migrations is
 *       backed up first; when a migration fails, the half-upgraded file is kept aside and the backup put back.</li>
 * </ol>
 */
final class StoreOpener {

    private static final int DATABASE_ALREADY_OPEN = 90020;

    /** The databases this process holds open (H2 would share them between two stores). */
    static final Set<Path> OPEN_IN_THIS_PROCESS = ConcurrentHashMap.newKeySet();

    /** An open, current database. */
    record Opened(Path dir, Path base, Path file, Connection conn, Optional<String> backupProblem) {}

    private StoreOpener() {}

    /** The data directory, made if needed, as a real path. */
    static Path dataDir(Path dataDir) {
        Path dir;
        try {
            boolean made = !Files.isDirectory(dataDir);
            Files.createDirectories(dataDir);
            dir = dataDir.toRealPath();
            Path name = dir.getFileName();
            if (made
                    || (name != null && name.toString().toLowerCase(Locale.ROOT).equals("costbench"))) {
                StoreFiles.ownerOnly(dir); // ours: it holds the lab, its backups and H2's temporary files
            }
        } catch (IOException e) {
            throw new LabStoreException("Cannot create the data directory " + dataDir + ": " + e.getMessage(), e);
        }
        if (dir.toString().contains(";")) {
            throw new LabStoreException("The data directory " + dir + " contains ';', which the database URL cannot "
                    + "hold; choose another with COSTBENCH_DATA_DIR.");
        }
        return dir;
    }

    /** Opens (creating or upgrading) the store in {@code dataDir}; the caller closes {@link Opened#conn()}. */
    static Opened open(Path dataDir, BackupPolicy policy, List<String> extraLocations) {
        Path dir = dataDir(dataDir);
        Path base = dir.resolve(H2LabStore.DATABASE_NAME);
        Path file = H2LabStore.databaseFile(dir);
        if (!OPEN_IN_THIS_PROCESS.add(base)) {
            throw new StoreInUseException(file, null);
        }
        Connection conn = null;
        try {
            boolean created = false;
            if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
                created = create(dir, file, extraLocations);
            }
            if (!created) {
                ReadOnly.requireReadable(base, file);
            }
            StoreFiles.ownerOnly(file);
            JdbcDataSource ds = dataSource(H2LabStore.url(base) + ";IFEXISTS=TRUE");
            // This connection holds the database open (and H2's file lock) until the store closes.
            conn = ds.getConnection();
            Flyway flyway = Schema.flyway(ds, extraLocations);
            Schema.refuseNewer(flyway, file);
            StoreBackup before = null;
            if (Schema.hasPending(flyway)) {
                before = Backups.make(conn, dir, StoreBackup.Kind.BEFORE_UPGRADE, policy.keep());
                try {
                    Schema.migrateQuietly(flyway);
                } catch (FlywayException e) {
                    closeQuietly(conn);
                    conn = null;
                    throw putBack(file, before, e);
                }
            }
            Optional<String> problem = Optional.empty();
            if (!created && before == null) {
                problem = backupIfDue(conn, dir, StoreBackup.Kind.START, policy.startEvery(), policy.keep());
            }
            return new Opened(dir, base, file, conn, problem);
        } catch (SQLException | IOException | RuntimeException e) {
            closeQuietly(conn);
            OPEN_IN_THIS_PROCESS.remove(base);
            if (e instanceof SQLException && Jdbc.hasErrorCode(e, DATABASE_ALREADY_OPEN)) {
                throw new StoreInUseException(file, e);
            }
            if (e instanceof LabStoreException) {
                throw (LabStoreException) e;
            }
            throw new LabStoreException("Cannot open the database at " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * A backup of kind {@code kind} when the newest backup is older than {@code every} (or there is none). A failure
     * does not stop the store: it is returned, for the caller to show.
     */
    static Optional<String> backupIfDue(Connection conn, Path dir, StoreBackup.Kind kind, Duration every, int keep) {
        try {
            Optional<Instant> newest = Backups.newest(dir);
            if (newest.isEmpty() || !newest.get().plus(every).isAfter(Instant.now())) {
                Backups.make(conn, dir, kind, keep);
            }
            return Optional.empty();
        } catch (SQLException | IOException e) {
            return Optional.of("Could not back up the lab database into " + Backups.folder(dir) + ": " + e.getMessage()
                    + ". Check the free space and the folder's permissions.");
        }
    }

    /**
     * Makes a new database: created and migrated under a temporary name, then renamed into place. False when
     * another process made one meanwhile (it is opened instead).
     */
    private static boolean create(Path dir, Path file, List<String> extraLocations) throws SQLException, IOException {
        Path tmpBase = dir.resolve(H2LabStore.DATABASE_NAME + "-new");
        Path tmp = H2LabStore.databaseFile(dir).resolveSibling(tmpBase.getFileName() + ".mv.db");
        Files.deleteIfExists(tmp); // left by a creation that was interrupted: it never held data
        JdbcDataSource ds = dataSource(H2LabStore.url(tmpBase));
        try (Connection c = ds.getConnection()) {
            Schema.flyway(ds, extraLocations).migrate();
        } catch (FlywayException e) {
            Files.deleteIfExists(tmp);
            throw new LabStoreException(
                    "Could not create the database at " + file + ": " + Schema.firstLine(e.getMessage()), e);
        }
        StoreFiles.ownerOnly(tmp);
        try {
            Files.move(tmp, file);
            return true;
        } catch (FileAlreadyExistsException e) {
            Files.deleteIfExists(tmp);
            return false;
        }
    }

    /** After a failed migration: keeps the half-upgraded file aside and puts the pre-upgrade backup back. */
    private static LabStoreException putBack(Path file, StoreBackup before, FlywayException cause) {
        String failure = Schema.firstLine(cause.getMessage());
        try {
            Path aside = StoreFiles.asideName(file, "failed-upgrade", Instant.now());
            Path restoring = file.resolveSibling(H2LabStore.DATABASE_NAME + "-restoring.mv.db");
            Backups.extract(before, restoring);
            Files.move(file, aside);
            Files.move(restoring, file, StandardCopyOption.ATOMIC_MOVE);
            return new LabStoreException(
                    "Upgrading the lab database " + file + " to this CostBench's format failed ("
                            + failure + "). It was put back as it was before the upgrade, from the backup "
                            + before.name()
                            + "; the half-upgraded file is kept as " + aside.getFileName() + ". Nothing was lost: keep "
                            + "using the earlier CostBench and report this problem.",
                    cause);
        } catch (IOException e) {
            return new LabStoreException(
                    "Upgrading the lab database " + file + " failed (" + failure + ") and "
                            + "putting back the backup " + before.file() + " failed too (" + e.getMessage()
                            + "). Copy that "
                            + "backup somewhere safe; 'costbench store restore " + before.name() + "' puts it back.",
                    cause);
        }
    }

    static JdbcDataSource dataSource(String url) {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL(url);
        ds.setUser("sa");
        ds.setPassword("");
        return ds;
    }

    static void closeQuietly(Connection c) {
        if (c != null) {
            try {
                c.close();
            } catch (SQLException ignored) {
                // nothing to add
            }
        }
    }
}
