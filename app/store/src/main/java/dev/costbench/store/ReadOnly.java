// SPDX-License-Identifier: Apache-2.0
package dev.costbench.store;

import dev.costbench.model.lab.DamagedStoreException;
import dev.costbench.model.lab.LabStoreException;
import dev.costbench.model.lab.StoreInUseException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.h2.jdbcx.JdbcDataSource;

/**
 * Opens an existing database read-only, so that H2 writes nothing to it, and decides whether it is a readable lab.
 *
 * <p>Why read-only first: opened for writing, H2 treats a file whose data blocks it cannot find (e.g. truncated to
 * its two 4 KB headers) as a new, empty database and writes one over it; and a file with damaged records can be
 * partly rewritten before H2 gives up. Read-only, H2 only reads: a damaged file fails here and stays unchanged, and
 * the store opens it for writing only once this probe passed.
 */
final class ReadOnly {

    /** Two 4 KB file headers: no H2 database is smaller. */
    static final int MIN_SIZE = 8192;

    private static final int FILE_CORRUPTED = 90030;
    private static final int IO_EXCEPTION = 90028;
    private static final int DATABASE_IS_READ_ONLY = 90097;
    private static final int DATABASE_ALREADY_OPEN = 90020;

    private ReadOnly() {}

    /** A read-only connection to the existing database with this base path (no {@code .mv.db}). */
    static Connection connect(Path base) throws SQLException {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:file:" + base.toAbsolutePath() + ";IFEXISTS=TRUE;ACCESS_MODE_DATA=r;TRACE_LEVEL_FILE=0");
        ds.setUser("sa");
        ds.setPassword("");
        return ds.getConnection();
    }

    /**
     * Checks that {@code file} (the database of {@code base}) opens read-only and holds a CostBench lab.
     *
     * @throws DamagedStoreException when it does not (the file is unchanged)
     * @throws StoreInUseException   when another process holds it
     */
    static void requireReadable(Path base, Path file) {
        String known = KNOWN_DAMAGED.get(identity(file));
        if (known != null) {
            throw new DamagedStoreException(file, known, null);
        }
        try {
            requireLength(file);
            try (Connection c = connect(base)) {
                requireLab(c, file);
            } catch (SQLException e) {
                throw failure(file, e);
            }
        } catch (DamagedStoreException e) {
            remember(file, e.reason());
            throw e;
        }
    }

    /**
     * Files found damaged in this process, by identity (path, file key, size, time): asking H2 again would fail the
     * same way. And H2 2.3 keeps its lock on a file it failed to open (released only when the JVM collects it), so
     * a second read-only open in this process would report the file as in use.
     */
    private static final Map<String, String> KNOWN_DAMAGED = new ConcurrentHashMap<>();

    private static void remember(Path file, String reason) {
        String id = identity(file);
        if (id != null) {
            KNOWN_DAMAGED.put(id, reason);
        }
        System.gc(); // lets the JVM drop the lock H2 left behind, so the file can be moved aside
    }

    private static String identity(Path file) {
        try {
            BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
            return file.toAbsolutePath() + "|" + a.fileKey() + "|" + a.size() + "|"
                    + a.lastModifiedTime().toMillis();
        } catch (IOException e) {
            return null;
        }
    }

    /** A file too short to be a database is damaged without asking H2 (which would try to write to it). */
    static void requireLength(Path file) {
        long size;
        try {
            size = Files.size(file);
        } catch (IOException e) {
            throw new LabStoreException("Cannot read the database at " + file + ": " + e.getMessage(), e);
        }
        if (size == 0) {
            throw new DamagedStoreException(file, "the file is empty", null);
        }
        if (size < MIN_SIZE) {
            throw new DamagedStoreException(
                    file,
                    String.format(
                            Locale.ROOT,
                            "the file is only %,d bytes long; a lab "
                                    + "database is at least 8 KB, so it was cut short",
                            size),
                    null);
        }
        long newest = newestChunkOffset(file);
        if (newest >= size) {
            throw new DamagedStoreException(
                    file,
                    String.format(
                            Locale.ROOT,
                            "the file was cut short: it ends at " + "%,d bytes, before its newest data (at %,d bytes)",
                            size,
                            newest),
                    null);
        }
    }

    /**
     * Where the file headers (two copies of one text line in the first 8 KB, {@code H:2,block:<hex>,…}) say the
     * newest data is; -1 when neither can be read (H2 then reports the file itself).
     */
    static long newestChunkOffset(Path file) {
        byte[] head = new byte[MIN_SIZE];
        try (InputStream in = Files.newInputStream(file)) {
            int n = in.readNBytes(head, 0, head.length);
            long newest = -1;
            for (int at = 0; at + 4096 <= n; at += 4096) {
                String h = new String(head, at, 4096, StandardCharsets.ISO_8859_1);
                Matcher block = HEADER_BLOCK.matcher(h);
                Matcher bs = HEADER_BLOCK_SIZE.matcher(h);
                if (h.startsWith("H:") && block.find() && bs.find()) {
                    try {
                        newest = Math.max(newest, Long.parseLong(block.group(1), 16) * Long.parseLong(bs.group(1), 16));
                    } catch (NumberFormatException e) {
                        // a damaged copy: the other one, or H2, decides
                    }
                }
            }
            return newest;
        } catch (IOException e) {
            return -1;
        }
    }

    private static final Pattern HEADER_BLOCK = Pattern.compile("[,:]block:([0-9a-f]{1,15})[,\\n]");
    private static final Pattern HEADER_BLOCK_SIZE = Pattern.compile("blockSize:([0-9a-f]{1,8})[,\\n]");

    /** The schema history and the tables are there. */
    static void requireLab(Connection c, Path file) throws SQLException {
        try (Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLES "
                        + "WHERE TABLE_SCHEMA = 'PUBLIC' AND TABLE_NAME = 'flyway_schema_history'")) {
            rs.next();
            if (rs.getInt(1) == 0) {
                throw new DamagedStoreException(file, "it holds no CostBench lab: its tables are missing", null);
            }
        }
        try (Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT MAX(\"version\") FROM \"flyway_schema_history\"")) {
            rs.next();
        }
    }

    /** The exception for a failed read-only open or read. */
    static LabStoreException failure(Path file, SQLException e) {
        if (Jdbc.hasErrorCode(e, DATABASE_ALREADY_OPEN)) {
            return new StoreInUseException(file, e);
        }
        return new DamagedStoreException(file, reason(e), e);
    }

    /** What an H2 error says about the file, in the user's words. */
    static String reason(SQLException e) {
        if (Jdbc.hasErrorCode(e, DATABASE_IS_READ_ONLY)) {
            // read-only, H2 asked to write a new empty store: it found no complete copy of the data
            return "no complete copy of the data was found in it: it was cut short or overwritten";
        }
        if (Jdbc.hasErrorCode(e, FILE_CORRUPTED)) {
            return "some of its records are corrupted";
        }
        if (Jdbc.hasErrorCode(e, IO_EXCEPTION)) {
            return "its structure cannot be read";
        }
        return "it cannot be read: H2 error " + e.getErrorCode();
    }
}
