// SPDX-License-Identifier: Apache-2.0
package dev.costbench.store;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.AclEntry;
import java.nio.file.attribute.AclEntryFlag;
import java.nio.file.attribute.AclEntryPermission;
import java.nio.file.attribute.AclEntryType;
import java.nio.file.attribute.AclFileAttributeView;
import java.nio.file.attribute.FileOwnerAttributeView;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;

/**
 * The store's files on disk: owner-only permissions, the names of files kept aside, and whether another process
 * holds the database.
 *
 * <p>Permissions: on POSIX systems files are 0600 and directories 0700; on Windows the ACL is replaced by one entry
 * granting the owner full control (inherited by what a directory holds). Best effort: a file system that supports
 * neither keeps its own rules.
 */
final class StoreFiles {

    /** Time stamps in file names: UTC, sortable, no characters Windows refuses. */
    static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT).withZone(ZoneOffset.UTC);

    static final DateTimeFormatter STAMP_PARSER = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT);

    private StoreFiles() {}

    /** Makes a file (0600) or directory (0700) readable and writable by its owner only; best effort. */
    static void ownerOnly(Path p) {
        try {
            boolean dir = Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS);
            PosixFileAttributeView posix = Files.getFileAttributeView(p, PosixFileAttributeView.class);
            if (posix != null) {
                posix.setPermissions(PosixFilePermissions.fromString(dir ? "rwx------" : "rw-------"));
                return;
            }
            AclFileAttributeView acl = Files.getFileAttributeView(p, AclFileAttributeView.class);
            if (acl != null) {
                UserPrincipal owner = Files.getFileAttributeView(p, FileOwnerAttributeView.class)
                        .getOwner();
                AclEntry.Builder entry = AclEntry.newBuilder()
                        .setType(AclEntryType.ALLOW)
                        .setPrincipal(owner)
                        .setPermissions(EnumSet.allOf(AclEntryPermission.class));
                if (dir) {
                    entry.setFlags(AclEntryFlag.FILE_INHERIT, AclEntryFlag.DIRECTORY_INHERIT);
                }
                acl.setAcl(List.of(entry.build()));
            }
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            // best effort: the file system keeps its own rules
        }
    }

    /**
     * The name a file of the store is kept aside under, next to it: {@code costbench-damaged-20261207-064000.mv.db}.
     * A number is added when that name is taken.
     */
    static Path asideName(Path database, String why, Instant now) {
        Path dir = database.getParent();
        String stem = H2LabStore.DATABASE_NAME + "-" + why + "-" + STAMP.format(now);
        Path p = dir.resolve(stem + ".mv.db");
        for (int i = 2; Files.exists(p, LinkOption.NOFOLLOW_LINKS); i++) {
            p = dir.resolve(stem + "-" + i + ".mv.db");
        }
        return p;
    }

    /**
     * True when another process holds the database: H2 keeps a lock on the file while it is open. The file is
     * opened for writing only to ask for the lock; nothing is written.
     */
    static boolean lockedByAnotherProcess(Path database) {
        if (!Files.isRegularFile(database)) {
            return false;
        }
        try (FileChannel ch = FileChannel.open(database, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            FileLock lock = ch.tryLock();
            if (lock == null) {
                return true;
            }
            lock.release();
            return false;
        } catch (OverlappingFileLockException e) {
            // held in this process: by a store (the callers check those) or left by H2 after a failed open
            return false;
        } catch (IOException e) {
            return false; // cannot tell: the move or copy that follows reports its own failure
        }
    }
}
