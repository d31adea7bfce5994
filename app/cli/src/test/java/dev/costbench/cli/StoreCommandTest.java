// SPDX-License-Identifier: Apache-2.0
package dev.costbench.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.costbench.model.lab.ExperimentSettings;
import dev.costbench.model.lab.NewExperiment;
import dev.costbench.store.H2LabStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code costbench store …} and what the other commands say about a damaged lab database (issue 14.2). */
class StoreCommandTest extends UserDataTest {

    Path file;

    @BeforeEach
    void aLabWithOneBackup() {
        try (H2LabStore store = H2LabStore.open(data)) {
            store.createExperiment(
                    new NewExperiment("tickets", null, 1, ExperimentSettings.defaults(), List.of("gpt-4o-mini")));
        }
        try (H2LabStore store = H2LabStore.open(data)) { // an existing lab: backed up as it opens
            file = store.file();
        }
    }

    @Test
    void aDamagedLabIsReportedInOneLineAndLeftUntouchedThenRestored() throws Exception {
        assertEquals(0, CliRun.of("", "store", "check").code());
        byte[] damaged = Arrays.copyOf(Files.readAllBytes(file), 10_000);
        Files.write(file, damaged);

        CliRun list = CliRun.of("", "ab", "list");
        assertEquals(1, list.code(), list.err());
        assertEquals("", list.out(), "never \"no experiments yet\"");
        String line = list.err().strip();
        assertFalse(line.contains("\n"), line);
        assertTrue(line.startsWith("costbench: The lab database " + file + " is damaged ("), line);
        assertTrue(line.contains("'costbench store restore [BACKUP]'") && line.contains("'costbench store new'"), line);
        assertArrayEquals(damaged, Files.readAllBytes(file), "left untouched");

        CliRun check = CliRun.of("", "store", "check");
        assertEquals(1, check.code());
        assertTrue(check.out().contains("PROBLEM: The database is damaged: "), check.out());
        assertArrayEquals(damaged, Files.readAllBytes(file));

        CliRun backups = CliRun.of("", "store", "backups");
        assertEquals(0, backups.code(), backups.err());
        assertTrue(backups.out().contains("when CostBench started"), backups.out());

        assertEquals(
                2,
                CliRun.of("", "store", "restore", "costbench-19990101-000000-manual.zip")
                        .code());
        CliRun restore = CliRun.of("", "store", "restore");
        assertEquals(0, restore.code(), restore.err());
        assertTrue(restore.out().startsWith("Restored costbench-"), restore.out());
        assertTrue(
                restore.out()
                        .contains("the previous file is kept as "
                                + file.getParent().resolve("costbench-before-restore-")),
                restore.out());

        CliRun after = CliRun.of("", "ab", "list");
        assertEquals(0, after.code(), after.err());
        assertTrue(after.out().contains("tickets"), after.out());
    }

    @Test
    void newKeepsADamagedFileAsideAndRefusesASoundOne() throws Exception {
        CliRun sound = CliRun.of("", "store", "new");
        assertEquals(2, sound.code());
        assertTrue(sound.err().startsWith("costbench: the lab database " + file + " is not damaged"), sound.err());

        Files.write(file, new byte[0]);
        CliRun fresh = CliRun.of("", "store", "new");
        assertEquals(0, fresh.code(), fresh.err());
        assertTrue(fresh.out().contains("costbench-damaged-"), fresh.out());
        CliRun list = CliRun.of("", "ab", "list");
        assertEquals(0, list.code(), list.err());
        assertFalse(list.out().contains("tickets"));
    }

    @Test
    void backupAddsOneAndBadInputIsExit2() {
        CliRun b = CliRun.of("", "store", "backup");
        assertEquals(0, b.code(), b.err());
        assertTrue(
                b.out()
                        .startsWith("Backed up to "
                                + file.getParent().resolve("backups").resolve("costbench-")),
                b.out());
        assertTrue(CliRun.of("", "store", "backups").out().contains("made by hand"));
        assertEquals(2, CliRun.of("", "store").code());
        assertEquals(2, CliRun.of("", "store", "fix").code());
        assertEquals(2, CliRun.of("", "store", "check", "extra").code());
    }
}
