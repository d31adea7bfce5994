// SPDX-License-Identifier: Apache-2.0
package dev.costbench.store;

import dev.costbench.model.lab.DamagedStoreException;
import dev.costbench.model.lab.LabStoreException;
import dev.costbench.model.lab.StoreInUseException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;

/**
 * What can be done to the lab database while no store has it open: list and restore backups, keep a damaged file
 * aside and start afresh, check it. These are the ways out of a {@link DamagedStoreException}; a window closes its
 * store first, calls one of these, and opens the store again.
 */
public final class StoreMaintenance {

    private StoreMaintenance() {}

    /** What a restore did. */
    public record Restored(StoreBackup backup, Path database, Optional<Path> keptAside) {}

    /** The database file of {@code dataDir} (it may not exist yet). */
    public static Path databaseFile(Path dataDir) {
        return H2LabStore.databaseFile(real(dataDir));
    }

    /** The folder the backups of {@code dataDir} are kept in. */
    public static Path backupFolder(Path dataDir) {
        return Backups.folder(real(dataDir));
    }

    /** The backups of the store in {@code dataDir}, newest first. */
    public static List<StoreBackup> backups(Path dataDir) {
        Path dir = real(dataDir);
        try {
            return Backups.list(dir);
        } catch (IOException e) {
            throw new LabStoreException("Cannot list the backups in " + Backups.folder(dir) + ": " + e.getMessage(), e);
        }
    }

    /**
     * The backup a user named: its file name (as {@code costbench store backups} lists it) or its path.
     *
     * @throws NoSuchElementException when there is no such backup
     */
    public static StoreBackup findBackup(Path dataDir, String nameOrPath) {
        Path wanted = Path.of(nameOrPath).getFileName();
        return backups(dataDir).stream()
                .filter(b -> b.file().getFileName().equals(wanted))
                .findFirst()
                .orElseThrow(
                        () -> new NoSuchElementException("no backup " + nameOrPath + " in " + backupFolder(dataDir)));
    }

    /**
     * Puts {@code backup} back as the lab database. The current file, damaged or not, is first kept aside next to it
     * ({@code costbench-before-restore-<time>.mv.db}); nothing is deleted. The backup is checked before it replaces
     * anything: a damaged backup changes nothing.
     *
     * @throws StoreInUseException when a store (in this or another process) has the database open
     */
    public static Restored restore(Path dataDir, StoreBackup backup) {
        Path dir = real(dataDir);
        Path file = H2LabStore.databaseFile(dir);
        requireClosed(dir, file);
        Path restoringBase = dir.resolve(H2LabStore.DATABASE_NAME + "-restoring");
        Path restoring = dir.resolve(restoringBase.getFileName() + ".mv.db");
        try {
            try {
                Backups.extract(backup, restoring);
            } catch (IOException e) {
                Files.deleteIfExists(restoring);
                throw new LabStoreException(
                        "The backup " + backup.name() + " cannot be read (" + e.getMessage()
                                + "); nothing was changed. Pick another with 'costbench store backups'.",
                        e);
            }
            try {
                ReadOnly.requireReadable(restoringBase, restoring);
            } catch (DamagedStoreException e) {
                Files.deleteIfExists(restoring);
                throw new LabStoreException(
                        "The backup " + backup.name() + " is damaged too (" + e.reason()
                                + "); nothing was changed. Pick another with 'costbench store backups'.",
                        e);
            }
            Optional<Path> aside = Optional.empty();
            if (Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
                aside = Optional.of(StoreFiles.asideName(file, "before-restore", Instant.now()));
                Files.move(file, aside.get());
            }
            Files.move(restoring, file, StandardCopyOption.ATOMIC_MOVE);
            StoreFiles.ownerOnly(file);
            return new Restored(backup, file, aside);
        } catch (IOException e) {
            throw new LabStoreException(
                    "Could not restore the backup " + backup.file() + " to " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Keeps the current database aside ({@code costbench-damaged-<time>.mv.db}, or {@code costbench-set-aside-…}
     * when it was readable) so that the next open starts an empty lab. Empty when there was no database.
     *
     * @throws StoreInUseException when a store has the database open
     */
    public static Optional<Path> keepAsideAndStartNew(Path dataDir) {
        Path dir = real(dataDir);
        Path file = H2LabStore.databaseFile(dir);
        if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            return Optional.empty();
        }
        requireClosed(dir, file);
        String why = isDamaged(dir) ? "damaged" : "set-aside";
        Path aside = StoreFiles.asideName(file, why, Instant.now());
        try {
            Files.move(file, aside);
            return Optional.of(aside);
        } catch (IOException e) {
            throw new LabStoreException("Could not keep " + file + " aside as " + aside + ": " + e.getMessage(), e);
        }
    }

    /** True when the database of {@code dataDir} exists and cannot be read (checked read-only: nothing is written). */
    public static boolean isDamaged(Path dataDir) {
        Path dir = real(dataDir);
        Path file = H2LabStore.databaseFile(dir);
        if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            return false;
        }
        requireClosed(dir, file);
        try {
            ReadOnly.requireReadable(dir.resolve(H2LabStore.DATABASE_NAME), file);
            return false;
        } catch (DamagedStoreException e) {
            return true;
        }
    }

    /** Checks the database read-only: every table read, row counts, H2's own structure check. */
    public static StoreCheck check(Path dataDir) {
        Path dir = real(dataDir);
        Path file = H2LabStore.databaseFile(dir);
        if (Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            requireClosed(dir, file);
        }
        return IntegrityCheck.run(dir, file);
    }

    private static void requireClosed(Path dir, Path file) {
        if (StoreOpener.OPEN_IN_THIS_PROCESS.contains(dir.resolve(H2LabStore.DATABASE_NAME))
                || StoreFiles.lockedByAnotherProcess(file)) {
            throw new StoreInUseException(file, null);
        }
    }

    private static Path real(Path dataDir) {
        try {
            return dataDir.toRealPath();
        } catch (IOException e) {
            return dataDir.toAbsolutePath().normalize();
        }
    }
}
