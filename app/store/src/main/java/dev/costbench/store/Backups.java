// SPDX-License-Identifier: Apache-2.0
package dev.costbench.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * The backups folder next to the database: {@code backups/costbench-20261207-064000-start.zip}, one zip per backup
 * made by H2's {@code BACKUP TO} (a transactionally consistent copy, taken while the store stays open). The name
 * holds the time (UTC) and the kind; a number is added when two backups fall in the same second.
 */
final class Backups {

    static final String FOLDER = "backups";

    private static final Pattern NAME =
            Pattern.compile("costbench-(\\d{8}-\\d{6})-(start|daily|before-upgrade|manual)(?:-(\\d+))?\\.zip");

    /** Newest first: by the time in the name, then (within one second) the file's time and number. */
    private static final Comparator<StoreBackup> NEWEST_FIRST = Comparator.comparing(StoreBackup::created)
            .thenComparing(Backups::modified)
            .thenComparing(b -> sequence(b.name()))
            .reversed();

    private Backups() {}

    static Path folder(Path dataDir) {
        return dataDir.resolve(FOLDER);
    }

    /** The backups in {@code dataDir}, newest first; none when there is no backups folder. */
    static List<StoreBackup> list(Path dataDir) throws IOException {
        Path dir = folder(dataDir);
        List<StoreBackup> out = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return out;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "costbench-*.zip")) {
            for (Path p : files) {
                parse(p).ifPresent(out::add);
            }
        }
        out.sort(NEWEST_FIRST);
        return out;
    }

    private static Optional<StoreBackup> parse(Path p) throws IOException {
        Matcher m = NAME.matcher(p.getFileName().toString());
        if (!m.matches() || !Files.isRegularFile(p)) {
            return Optional.empty();
        }
        Instant created =
                LocalDateTime.parse(m.group(1), StoreFiles.STAMP_PARSER).toInstant(ZoneOffset.UTC);
        StoreBackup.Kind kind =
                StoreBackup.Kind.valueOf(m.group(2).toUpperCase(Locale.ROOT).replace('-', '_'));
        return Optional.of(new StoreBackup(p, created, Files.size(p), kind));
    }

    private static long modified(StoreBackup b) {
        try {
            return Files.getLastModifiedTime(b.file()).toMillis();
        } catch (IOException e) {
            return 0;
        }
    }

    private static int sequence(String name) {
        Matcher m = NAME.matcher(name);
        return m.matches() && m.group(3) != null ? Integer.parseInt(m.group(3)) : 1;
    }

    /** The newest backup's time, if any. */
    static Optional<Instant> newest(Path dataDir) throws IOException {
        List<StoreBackup> all = list(dataDir);
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(0).created());
    }

    /**
     * Backs up the open database of {@code c} into the backups folder, then deletes all but the newest {@code keep}.
     * The zip is written under a temporary name and renamed when complete, so a listed backup is never partial.
     */
    static StoreBackup make(Connection c, Path dataDir, StoreBackup.Kind kind, int keep)
            throws SQLException, IOException {
        Path dir = folder(dataDir);
        Files.createDirectories(dir);
        StoreFiles.ownerOnly(dir);
        Instant now = Instant.now();
        String stem = "costbench-" + StoreFiles.STAMP.format(now) + "-" + kind.code();
        Path target = dir.resolve(stem + ".zip");
        for (int i = 2; Files.exists(target); i++) {
            target = dir.resolve(stem + "-" + i + ".zip");
        }
        Path part = dir.resolve(target.getFileName() + ".part");
        try (Statement st = c.createStatement()) {
            st.execute("BACKUP TO '" + part.toAbsolutePath().toString().replace("'", "''") + "'");
        }
        StoreFiles.ownerOnly(part);
        Files.move(part, target, StandardCopyOption.ATOMIC_MOVE);
        rotate(dataDir, keep);
        return parse(target).orElseThrow();
    }

    /** Deletes all but the newest {@code keep} backups. */
    static void rotate(Path dataDir, int keep) throws IOException {
        List<StoreBackup> all = list(dataDir);
        for (StoreBackup old : all.subList(Math.min(keep, all.size()), all.size())) {
            Files.deleteIfExists(old.file());
        }
    }

    /** Writes the database held in {@code backup} to {@code target} (replacing it), owner-only. */
    static void extract(StoreBackup backup, Path target) throws IOException {
        try (InputStream in = Files.newInputStream(backup.file());
                ZipInputStream zip = new ZipInputStream(in)) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                if (!e.isDirectory() && e.getName().endsWith(".mv.db")) {
                    Files.copy(zip, target, StandardCopyOption.REPLACE_EXISTING);
                    StoreFiles.ownerOnly(target);
                    return;
                }
            }
        }
        throw new IOException("the backup " + backup.name() + " holds no database");
    }
}
