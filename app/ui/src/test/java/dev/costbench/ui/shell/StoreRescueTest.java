// SPDX-License-Identifier: Apache-2.0
package dev.costbench.ui.shell;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.costbench.model.lab.LedgerPurpose;
import dev.costbench.model.lab.NewLedgerEntry;
import dev.costbench.store.BackupPolicy;
import dev.costbench.store.H2LabStore;
import dev.costbench.store.StoreMaintenance;
import dev.costbench.ui.common.DirectTaskExecutor;
import dev.costbench.ui.common.RecordingDialogService;
import dev.costbench.ui.common.UiContext;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14.2 in the workbench: a damaged results store is never replaced silently. The user is asked (restore the
 * newest backup, keep the damaged file aside and start empty, go on without the store, quit), and Help ▸ Restore a
 * backup… puts a backup back while the workbench runs. Real H2 stores in a temporary data directory.
 */
class StoreRescueTest {

    private static final BackupPolicy EVERY_START = new BackupPolicy(5, Duration.ZERO, Duration.ofDays(1));

    @TempDir
    Path dir;

    private final RecordingDialogService dialogs = new RecordingDialogService();
    private final UiContext ui = new UiContext(new DirectTaskExecutor(), dialogs);
    private final AtomicBoolean quit = new AtomicBoolean();
    private StoreAccess access;
    private byte[] damaged;

    @BeforeEach
    void aLabWithALedgerEntryAndABackup() throws IOException {
        try (H2LabStore s = H2LabStore.open(dir, EVERY_START)) {
            s.appendLedger(NewLedgerEntry.call(Instant.now(), "openai", "gpt-5", BigDecimal.ONE, LedgerPurpose.OTHER));
        }
        try (H2LabStore s = H2LabStore.open(dir, EVERY_START)) {
            assertEquals(1, StoreMaintenance.backups(dir).size(), "a backup when the existing lab opened");
        }
        access = new StoreAccess(ui, d -> H2LabStore.open(d, EVERY_START), () -> quit.set(true));
    }

    @AfterEach
    void closeStore() {
        access.close();
    }

    private void damage() throws IOException {
        Path file = StoreMaintenance.databaseFile(dir);
        damaged = Arrays.copyOf(Files.readAllBytes(file), 10_000);
        Files.write(file, damaged);
    }

    private void open() {
        access.open(dir, CompletableFuture.completedFuture(null));
    }

    private static long ledgerRows(StoreAccess a) {
        return a.store().ledger(Instant.EPOCH, Instant.now().plusSeconds(60)).size();
    }

    @Test
    void aDamagedStoreAsksAndRestoresTheNewestBackup() throws IOException {
        damage();
        dialogs.answer(0); // Restore the newest backup
        open();
        RecordingDialogService.Shown asked = dialogs.last("choose");
        assertEquals("The results store is damaged", asked.headline());
        assertTrue(asked.detail().contains("CostBench has not changed it"), asked.detail());
        assertTrue(
                asked.detail().contains("Restore the newest backup (")
                        && asked.detail().contains("Quit CostBench"),
                asked.detail());
        assertEquals("open", access.stateProperty().get());
        assertEquals(1, ledgerRows(access), "the ledger entry is back");
        assertTrue(
                dialogs.last("notify").headline().startsWith("Restored the backup of "),
                dialogs.shown().toString());
        assertDamagedFileKept();
        assertFalse(quit.get());
    }

    @Test
    void keepingTheDamagedFileAsideStartsAnEmptyLab() throws IOException {
        damage();
        dialogs.answer(1); // Keep the damaged file aside and start an empty lab
        open();
        assertEquals("open", access.stateProperty().get());
        assertEquals(0, ledgerRows(access));
        assertTrue(
                dialogs.last("notify").headline().contains("kept as"),
                dialogs.shown().toString());
        assertDamagedFileKept();
    }

    @Test
    void cancellingGoesOnWithoutTheStoreAndChangesNothing() throws IOException {
        damage();
        open(); // unscripted: the dialog is closed
        assertEquals("unavailable", access.stateProperty().get());
        assertNull(access.store());
        assertArrayEquals(damaged, Files.readAllBytes(StoreMaintenance.databaseFile(dir)), "left untouched");
        assertFalse(quit.get());
    }

    @Test
    void quitLeavesTheDamagedFileUntouched() throws IOException {
        damage();
        dialogs.answer(3);
        open();
        assertTrue(quit.get());
        assertArrayEquals(damaged, Files.readAllBytes(StoreMaintenance.databaseFile(dir)));
    }

    @Test
    void restoreABackupFromTheMenuKeepsTheStoreInUseAside() {
        open();
        assertEquals("open", access.stateProperty().get());
        access.store()
                .appendLedger(
                        NewLedgerEntry.call(Instant.now(), "anthropic", "claude", BigDecimal.TEN, LedgerPurpose.OTHER));
        assertEquals(2, ledgerRows(access));
        dialogs.answer(0).answer(true);
        access.restoreBackup();
        assertTrue(dialogs.last("confirm").headline().startsWith("Restore the backup of "));
        assertEquals("open", access.stateProperty().get());
        assertEquals(1, ledgerRows(access), "the store as it was when the backup was made");
        assertTrue(
                dialogs.last("notify").headline().contains("is kept as"),
                dialogs.shown().toString());
    }

    @Test
    void restoreCancelledAtTheConfirmationChangesNothing() {
        open();
        access.store()
                .appendLedger(
                        NewLedgerEntry.call(Instant.now(), "anthropic", "claude", BigDecimal.TEN, LedgerPurpose.OTHER));
        dialogs.answer(0).answer(false);
        access.restoreBackup();
        assertEquals(2, ledgerRows(access));
    }

    @Test
    void withoutBackupsTheMenuSaysWhenTheyAreMade(@TempDir Path empty) {
        StoreAccess fresh = new StoreAccess(ui, d -> H2LabStore.open(d, EVERY_START), () -> quit.set(true));
        fresh.open(empty, CompletableFuture.completedFuture(null));
        try {
            fresh.restoreBackup();
            RecordingDialogService.Shown s = dialogs.last("info");
            assertEquals("No backups yet", s.headline());
            assertTrue(s.detail().contains("when it starts"), s.detail());
        } finally {
            fresh.close();
        }
    }

    private void assertDamagedFileKept() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            Path aside = files.filter(p -> p.getFileName().toString().contains("damaged")
                            || p.getFileName().toString().contains("before-restore"))
                    .findFirst()
                    .orElse(null);
            assertNotNull(aside, "the damaged file is kept aside");
            assertArrayEquals(damaged, Files.readAllBytes(aside));
        }
    }
}
