// SPDX-License-Identifier: Apache-2.0
package dev.costbench.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.costbench.model.lab.LabStoreException;
import dev.costbench.model.lab.NewerStoreException;
import dev.costbench.model.lab.StoreInUseException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 14.2: rolling backups, restore, a failed upgrade put back, a newer database refused, owner-only files. */
class StoreBackupTest {

    @TempDir
    Path dir;

    private static BackupPolicy keep(int n) {
        return new BackupPolicy(n, Duration.ZERO, Duration.ofDays(1));
    }

    @Test
    void aBackupIsMadeWhenAnExistingLabOpensAndOnlyTheNewestAreKept() throws IOException {
        H2LabStore.open(dir, keep(3)).close();
        assertTrue(StoreMaintenance.backups(dir).isEmpty(), "a new, empty lab is not backed up");
        List<String> made = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            try (H2LabStore s = H2LabStore.open(dir, keep(3))) {
                s.saveScenario("daily " + i, "{\"requests\":" + i + "}");
            }
            StoreBackup newest = StoreMaintenance.backups(dir).get(0);
            assertEquals(StoreBackup.Kind.START, newest.kind());
            made.add(newest.name());
        }
        List<StoreBackup> kept = StoreMaintenance.backups(dir);
        assertEquals(
                List.of(made.get(4), made.get(3), made.get(2)),
                kept.stream().map(StoreBackup::name).toList());
        for (StoreBackup b : kept) {
            assertTrue(b.sizeBytes() > 0 && b.sizeBytes() == Files.size(b.file()));
            assertTrue(
                    Duration.between(b.created(), Instant.now()).abs().toMinutes() < 5,
                    b.created().toString());
            assertEquals(dir.toRealPath().resolve("backups"), b.file().getParent());
        }
    }

    @Test
    void aBackupAtStartIsSkippedWhenTheNewestIsRecent() {
        BackupPolicy hourly = new BackupPolicy(10, Duration.ofHours(1), Duration.ofDays(1));
        H2LabStore.open(dir, hourly).close();
        for (int i = 0; i < 3; i++) {
            H2LabStore.open(dir, hourly).close();
        }
        assertEquals(1, StoreMaintenance.backups(dir).size(), "many commands in a row keep the older backups");
    }

    @Test
    void aDailyBackupIsMadeOnceTheNewestIsADayOld() throws IOException {
        H2LabStore.open(dir, keep(10)).close();
        try (H2LabStore s = H2LabStore.open(dir, new BackupPolicy(10, Duration.ZERO, Duration.ofDays(1)))) {
            s.dailyBackupIfDue();
            assertEquals(1, StoreMaintenance.backups(dir).size(), "the start backup is recent");
            StoreBackup start = StoreMaintenance.backups(dir).get(0);
            String old = "costbench-" + StoreFiles.STAMP.format(Instant.now().minus(Duration.ofDays(2))) + "-start.zip";
            Files.move(start.file(), start.file().resolveSibling(old));
            s.dailyBackupIfDue();
            List<StoreBackup> all = StoreMaintenance.backups(dir);
            assertEquals(2, all.size());
            assertEquals(StoreBackup.Kind.DAILY, all.get(0).kind());
            assertTrue(s.backupProblem().isEmpty());
        }
    }

    @Test
    void restoringABackupBringsItsDataBackAndKeepsTheCurrentFileAside() throws IOException {
        StoreBackup backup;
        try (H2LabStore s = H2LabStore.open(dir, keep(10))) {
            s.saveScenario("before", "{}");
            backup = s.backupNow();
            assertEquals(StoreBackup.Kind.MANUAL, backup.kind());
            s.saveScenario("after", "{}");
            assertThrows(
                    StoreInUseException.class,
                    () -> StoreMaintenance.restore(dir, backup),
                    "not while the store is open");
        }
        byte[] current = Files.readAllBytes(StoreMaintenance.databaseFile(dir));
        StoreMaintenance.Restored r = StoreMaintenance.restore(dir, StoreMaintenance.findBackup(dir, backup.name()));
        assertArrayEquals(current, Files.readAllBytes(r.keptAside().orElseThrow()));
        try (H2LabStore s = H2LabStore.open(dir, keep(10))) {
            assertTrue(s.findScenario("before").isPresent());
            assertFalse(s.findScenario("after").isPresent(), "the state of the backup");
        }
    }

    @Test
    void aMigrationThatFailsHalfwayIsUndoneFromTheBackupTakenBeforeIt() throws Exception {
        try (H2LabStore s = H2LabStore.open(dir, keep(10))) {
            s.saveScenario("keep me", "{\"requests\":100}");
        }
        LabStoreException e = assertThrows(
                LabStoreException.class, () -> H2LabStore.open(dir, keep(10), List.of("classpath:db/failing")));
        assertTrue(
                e.getMessage()
                        .contains("It was put back as it was before the upgrade, from the backup " + "costbench-"),
                e.getMessage());
        assertTrue(e.getMessage().contains("Nothing was lost"), e.getMessage());
        StoreBackup before = StoreMaintenance.backups(dir).get(0);
        assertEquals(StoreBackup.Kind.BEFORE_UPGRADE, before.kind());

        Path file = StoreMaintenance.databaseFile(dir);
        try (Connection c = DriverManager.getConnection(
                        H2LabStore.url(file.getParent().resolve("costbench")), "sa", "");
                ResultSet rs = c.createStatement()
                        .executeQuery(
                                "SELECT COUNT(*) FROM "
                                        + "INFORMATION_SCHEMA.COLUMNS WHERE TABLE_NAME = 'EXPERIMENT' AND COLUMN_NAME = 'HALF_DONE'")) {
            rs.next();
            assertEquals(0, rs.getInt(1), "the half-done change is gone");
        }
        try (H2LabStore s = H2LabStore.open(dir, keep(10))) {
            assertEquals(
                    "{\"requests\":100}",
                    s.findScenario("keep me").orElseThrow().json());
        }
        try (Stream<Path> files = Files.list(file.getParent())) {
            assertEquals(
                    1,
                    files.filter(p -> p.getFileName().toString().startsWith("costbench-failed-upgrade-"))
                            .count(),
                    "the half-upgraded file is kept aside");
        }
    }

    @Test
    void aDatabaseFromANewerCostBenchIsRefusedNotMigratedNorWiped() throws Exception {
        try (H2LabStore s = H2LabStore.open(dir, keep(10))) {
            s.saveScenario("keep me", "{}");
        }
        Path file = StoreMaintenance.databaseFile(dir);
        var ds = StoreOpener.dataSource(H2LabStore.url(file.getParent().resolve("costbench")));
        Flyway.configure()
                .dataSource(ds)
                .locations(Schema.LOCATION, "classpath:db/future")
                .load()
                .migrate();
        int backups = StoreMaintenance.backups(dir).size();
        NewerStoreException e = assertThrows(NewerStoreException.class, () -> H2LabStore.open(dir, keep(10)));
        assertEquals("99", e.version());
        assertEquals(file, e.database());
        assertEquals(backups, StoreMaintenance.backups(dir).size(), "refused before anything is done");
        try (Connection c = ds.getConnection();
                ResultSet rs = c.createStatement()
                        .executeQuery("SELECT (SELECT MAX(\"installed_rank\") FROM \"flyway_schema_history\"), "
                                + "(SELECT COUNT(*) FROM scenario)")) {
            rs.next();
            assertEquals(
                    UpgradeTest.migrationVersions().size() + 1,
                    rs.getInt(1),
                    "this version's migrations and the newer V99, nothing more");
            assertEquals(1, rs.getInt(2), "not wiped");
        }
    }

    @Test
    void theStoreAndItsBackupsAreReadableByTheOwnerOnly() throws IOException {
        Assumptions.assumeTrue(
                Files.getFileAttributeView(dir, PosixFileAttributeView.class) != null, "POSIX permissions");
        Path data = dir.resolve("data");
        H2LabStore.open(data, keep(10)).close();
        Path file = StoreMaintenance.databaseFile(data);
        assertEquals("rwx------", perms(data), "the data folder the store made");
        assertEquals("rw-------", perms(file));
        // a file left 0644 by an earlier CostBench is made owner-only when it opens
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        H2LabStore.open(data, keep(10)).close();
        assertEquals("rw-------", perms(file));
        StoreBackup b = StoreMaintenance.backups(data).get(0);
        assertEquals("rwx------", perms(b.file().getParent()));
        assertEquals("rw-------", perms(b.file()));
        Path aside = StoreMaintenance.restore(data, b).keptAside().orElseThrow();
        assertEquals("rw-------", perms(aside));
        assertEquals("rw-------", perms(file), "the restored file");
    }

    @Test
    void aFailedBackupDoesNotStopTheStoreButIsReported() throws IOException {
        H2LabStore.open(dir, keep(10)).close();
        Files.writeString(dir.resolve("backups"), "not a folder");
        try (H2LabStore s = H2LabStore.open(dir, keep(10))) {
            assertTrue(
                    s.backupProblem().orElseThrow().startsWith("Could not back up the lab database into "),
                    s.backupProblem().toString());
            assertTrue(s.listExperiments().isEmpty());
        }
    }

    private static String perms(Path p) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
    }
}
