// SPDX-License-Identifier: Apache-2.0
package dev.costbench.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.costbench.model.lab.DamagedStoreException;
import dev.costbench.model.lab.LabStoreException;
import dev.costbench.model.lab.TrialCell;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 14.2: a damaged database is refused with a {@link DamagedStoreException} and never rewritten. Before, H2
 * opened a file truncated to its headers (or with its data blocks damaged) as a new, empty database and wrote it
 * over the user's experiments, trials and ledger.
 */
class DamagedStoreTest {

    static final BackupPolicy EVERY_START = new BackupPolicy(10, Duration.ZERO, Duration.ofDays(1));

    @TempDir
    Path dir;

    Path file;
    byte[] good;

    @BeforeEach
    void aLabWithExperimentsTrialsAndLedger() throws IOException {
        try (H2LabStore s = H2LabStore.open(dir, EVERY_START)) {
            for (int n = 0; n < 3; n++) {
                Fixtures.Setup e = Fixtures.setup(s, "tickets " + n, 2, 3, List.of("gpt-4o-mini"), 1);
                for (var v : e.variants()) {
                    for (var i : e.inputs()) {
                        var t = Fixtures.success(e.id(), new TrialCell(v.id(), i.id(), "gpt-4o-mini", 1));
                        s.addTrial(t, Fixtures.charge(t));
                    }
                }
            }
        }
        try (H2LabStore s = H2LabStore.open(dir, EVERY_START)) {
            assertEquals(1, StoreMaintenance.backups(dir).size(), "a backup when the existing lab opened");
            file = s.file();
        }
        good = Files.readAllBytes(file);
    }

    @ParameterizedTest(name = "truncated to {0} bytes")
    @ValueSource(ints = {0, 1, 100, 4096, 8000, 8192, 9000, 10000, 11000, 12288, 16384, 20000, -1})
    void aTruncatedFileIsRefusedAndLeftAsItIs(int size) throws IOException {
        // -1: cut where the data the file header points to begins (a cut that removes only the newest chunks of a
        // longer file is what a crash leaves too; H2 then opens the last complete state, as after a crash)
        int n = size == -1 ? newestChunk() : size;
        byte[] damaged = Arrays.copyOf(good, n);
        Files.write(file, damaged);
        assertRefusedUnchanged(damaged);
    }

    @Test
    void anEmptyFileSaysSo() throws IOException {
        Files.write(file, new byte[0]);
        DamagedStoreException e = assertRefusedUnchanged(new byte[0]);
        assertEquals("the file is empty", e.reason());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"both file headers", "every block's first bytes", "all data after the headers"})
    void aFileWithFlippedBytesIsRefusedAndLeftAsItIs(String where) throws IOException {
        byte[] damaged = good.clone();
        switch (where) {
            case "both file headers" -> {
                flip(damaged, 10, 16);
                flip(damaged, 4096 + 10, 16);
            }
            case "every block's first bytes" -> {
                for (int b = 8192; b < damaged.length; b += 4096) {
                    flip(damaged, b, 64);
                }
            }
            default -> flip(damaged, 8192, damaged.length - 8192);
        }
        Files.write(file, damaged);
        assertRefusedUnchanged(damaged);
    }

    @Test
    void aDatabaseWithoutALabInItIsDamagedNotNew() throws Exception {
        // what the old store left behind: H2's empty database written over the lab
        Files.delete(file);
        try (Connection c =
                DriverManager.getConnection(H2LabStore.url(dir.toRealPath().resolve("costbench")), "sa", "")) {
            c.createStatement().execute("CREATE TABLE other (id INT)");
        }
        byte[] foreign = Files.readAllBytes(file);
        DamagedStoreException e = assertRefusedUnchanged(foreign);
        assertEquals("it holds no CostBench lab: its tables are missing", e.reason());
    }

    @Test
    void restoringABackupKeepsTheDamagedFileAside() throws IOException {
        byte[] damaged = Arrays.copyOf(good, 10_000);
        Files.write(file, damaged);
        assertThrows(DamagedStoreException.class, () -> H2LabStore.open(dir, EVERY_START));
        assertTrue(StoreMaintenance.isDamaged(dir));

        StoreBackup newest = StoreMaintenance.backups(dir).get(0);
        StoreMaintenance.Restored r = StoreMaintenance.restore(dir, newest);
        assertArrayEquals(damaged, Files.readAllBytes(r.keptAside().orElseThrow()), "kept aside as it was");
        assertTrue(r.keptAside().get().getFileName().toString().startsWith("costbench-before-restore-"));
        try (H2LabStore s = H2LabStore.open(dir, EVERY_START)) {
            assertEquals(3, s.listExperiments().size());
            long id = s.listExperiments().get(0).id();
            assertEquals(6, s.trials(id).size());
            assertEquals(
                    18,
                    s.ledger(Instant.EPOCH, Instant.parse("2100-01-01T00:00:00Z"))
                            .size());
            assertTrue(s.spentOnExperiment(id).compareTo(BigDecimal.ZERO) > 0);
        }
    }

    @Test
    void startingAnEmptyLabKeepsTheDamagedFileAside() throws IOException {
        byte[] damaged = Arrays.copyOf(good, 12_288);
        Files.write(file, damaged);
        assertThrows(DamagedStoreException.class, () -> H2LabStore.open(dir, EVERY_START));
        Path aside = StoreMaintenance.keepAsideAndStartNew(dir).orElseThrow();
        assertTrue(
                aside.getFileName().toString().matches("costbench-damaged-\\d{8}-\\d{6}\\.mv\\.db"), aside.toString());
        assertArrayEquals(damaged, Files.readAllBytes(aside));
        try (H2LabStore s = H2LabStore.open(dir, EVERY_START)) {
            assertTrue(s.listExperiments().isEmpty());
        }
        assertArrayEquals(damaged, Files.readAllBytes(aside), "the new lab did not touch it");
    }

    @Test
    void aDamagedBackupIsNotRestored() throws IOException {
        StoreBackup newest = StoreMaintenance.backups(dir).get(0);
        Files.write(newest.file(), Arrays.copyOf(Files.readAllBytes(newest.file()), 300));
        var e = assertThrows(LabStoreException.class, () -> StoreMaintenance.restore(dir, newest));
        assertTrue(e.getMessage().contains("nothing was changed"), e.getMessage());
        assertArrayEquals(good, Files.readAllBytes(file));
    }

    private DamagedStoreException assertRefusedUnchanged(byte[] damaged) throws IOException {
        int backups = StoreMaintenance.backups(dir).size();
        DamagedStoreException e = assertThrows(DamagedStoreException.class, () -> H2LabStore.open(dir, EVERY_START));
        assertEquals(file, e.database());
        assertTrue(e.getMessage().startsWith("The lab database " + file + " is damaged ("), e.getMessage());
        assertTrue(e.getMessage().contains("'costbench store restore [BACKUP]'"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), "one line for the command line");
        assertTrue(e.userMessage().contains("restore a backup"), e.userMessage());
        assertArrayEquals(damaged, Files.readAllBytes(file), "the damaged file is left exactly as it was");
        // and again: a second attempt neither repairs nor replaces it
        assertThrows(DamagedStoreException.class, () -> H2LabStore.open(dir, EVERY_START));
        assertArrayEquals(damaged, Files.readAllBytes(file));
        assertEquals(backups, StoreMaintenance.backups(dir).size(), "a damaged file is not backed up");
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(
                    List.of(),
                    files.map(p -> p.getFileName().toString())
                            .filter(n -> n.endsWith(".mv.db") && !n.equals("costbench.mv.db"))
                            .toList());
        }
        return e;
    }

    private static void flip(byte[] b, int from, int n) {
        for (int i = from; i < Math.min(b.length, from + n); i++) {
            b[i] ^= (byte) 0x5a;
        }
    }

    /** The offset of the newest chunk, from the file header ({@code block:<hex>}). */
    private int newestChunk() {
        String header = new String(good, 0, 4096, StandardCharsets.ISO_8859_1);
        Matcher m = Pattern.compile("block:([0-9a-f]+)").matcher(header);
        assertTrue(m.find(), header);
        return Integer.parseInt(m.group(1), 16) * 4096;
    }
}
