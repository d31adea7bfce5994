// SPDX-License-Identifier: Apache-2.0
package dev.costbench.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.costbench.model.lab.StoreInUseException;
import dev.costbench.model.lab.TrialCell;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code costbench store check}: reads everything read-only and reports, without changing the file. */
class StoreCheckTest {

    @TempDir
    Path dir;

    @Test
    void aSoundLabIsReadCompletelyAndLeftUnchanged() throws Exception {
        try (H2LabStore s = H2LabStore.open(dir, new BackupPolicy(10, Duration.ZERO, Duration.ofDays(1)))) {
            Fixtures.Setup e = Fixtures.setup(s, "tickets", 2, 2, List.of("gpt-4o-mini"), 1);
            var t = Fixtures.success(
                    e.id(),
                    new TrialCell(e.variants().get(0).id(), e.inputs().get(0).id(), "gpt-4o-mini", 1));
            s.addTrial(t, Fixtures.charge(t));
            s.putMedia(new byte[] {1, 2, 3}, "image/png");
            assertThrows(StoreInUseException.class, () -> StoreMaintenance.check(dir), "not while it is open");
        }
        byte[] before = Files.readAllBytes(StoreMaintenance.databaseFile(dir));
        StoreCheck c = StoreMaintenance.check(dir);
        assertTrue(c.ok(), c.problems().toString());
        assertTrue(
                c.findings().contains("Schema version " + UpgradeTest.CURRENT_VERSION),
                c.findings().toString());
        assertTrue(
                c.findings().stream().anyMatch(f -> f.matches("\\s+trial\\s+1 rows")),
                c.findings().toString());
        assertTrue(
                c.findings().stream().anyMatch(f -> f.matches("\\s+ledger\\s+1 rows")),
                c.findings().toString());
        assertTrue(
                c.findings().stream().anyMatch(f -> f.matches("\\s+media_blob\\s+1 rows")),
                c.findings().toString());
        assertTrue(
                c.findings().stream().anyMatch(f -> f.matches("\\s+send_history\\s+0 rows")),
                c.findings().toString());
        assertTrue(
                c.findings().contains("File structure: sound (H2's check)"),
                c.findings().toString());
        assertArrayEquals(before, Files.readAllBytes(StoreMaintenance.databaseFile(dir)), "read-only");
    }

    @Test
    void aDamagedLabIsReportedAndLeftUnchanged() throws Exception {
        H2LabStore.open(dir).close();
        Path file = StoreMaintenance.databaseFile(dir);
        byte[] damaged = Arrays.copyOf(Files.readAllBytes(file), 9000);
        Files.write(file, damaged);
        StoreCheck c = StoreMaintenance.check(dir);
        assertFalse(c.ok());
        assertEquals(1, c.problems().size());
        assertTrue(
                c.problems()
                        .get(0)
                        .matches("The database is damaged: the file was cut short: it ends at 9,000 "
                                + "bytes, before its newest data \\(at [0-9,]+ bytes\\)\\."),
                c.problems().toString());
        assertArrayEquals(damaged, Files.readAllBytes(file));
    }

    @Test
    void noLabYetIsNothingToCheck() {
        StoreCheck c = StoreMaintenance.check(dir);
        assertTrue(c.ok());
        assertTrue(
                c.findings().get(0).startsWith("No lab database at "),
                c.findings().toString());
    }
}
