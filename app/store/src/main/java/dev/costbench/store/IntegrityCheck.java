// SPDX-License-Identifier: Apache-2.0
package dev.costbench.store;

import dev.costbench.model.lab.DamagedStoreException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Reader;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;
import org.h2.mvstore.MVStoreTool;

/**
 * {@link StoreMaintenance#check}: opens the database read-only (nothing is written) and reads all of it: the schema
 * version, every row of every table (compared with the table's row count), then H2's own check of the file's
 * structure.
 */
final class IntegrityCheck {

    /** The tables of the current schema. */
    static final List<String> TABLES = List.of(
            "experiment",
            "experiment_model",
            "experiment_totals",
            "media_blob",
            "variant",
            "variant_media",
            "test_input",
            "test_input_var",
            "trial",
            "rating",
            "judge_score",
            "similarity_score",
            "scenario",
            "ledger",
            "send_history",
            "lab_batch",
            "lab_batch_item",
            "team_catalog");

    private IntegrityCheck() {}

    static StoreCheck run(Path dir, Path file) {
        List<String> findings = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        if (!Files.exists(file)) {
            findings.add("No lab database at " + file + " yet: nothing to check.");
            return new StoreCheck(file, findings, problems);
        }
        try {
            findings.add("Database " + file + ", " + Files.size(file) + " bytes, modified "
                    + Files.getLastModifiedTime(file));
            if (Files.getFileAttributeView(file, PosixFileAttributeView.class) != null) {
                String perms = PosixFilePermissions.toString(Files.getPosixFilePermissions(file));
                findings.add("Permissions " + perms
                        + (perms.equals("rw-------")
                                ? " (owner only)"
                                : " (CostBench makes them owner-only, rw-------, when it next opens the lab)"));
            }
        } catch (IOException e) {
            problems.add("The file cannot be read: " + e.getMessage());
            return new StoreCheck(file, findings, problems);
        }
        Path base = dir.resolve(H2LabStore.DATABASE_NAME);
        try {
            ReadOnly.requireLength(file);
            try (Connection c = ReadOnly.connect(base)) {
                ReadOnly.requireLab(c, file);
                schema(c, base, findings, problems);
                for (String table : TABLES) {
                    table(c, table, findings, problems);
                }
            } catch (SQLException e) {
                throw ReadOnly.failure(file, e);
            }
        } catch (DamagedStoreException e) {
            problems.add("The database is damaged: " + e.reason() + ".");
            return new StoreCheck(file, findings, problems);
        }
        structure(file, findings, problems);
        return new StoreCheck(file, findings, problems);
    }

    private static void schema(Connection c, Path base, List<String> findings, List<String> problems) {
        try {
            var flyway = Schema.flyway(StoreOpener.dataSource(
                    "jdbc:h2:file:" + base.toAbsolutePath() + ";IFEXISTS=TRUE;ACCESS_MODE_DATA=r;TRACE_LEVEL_FILE=0"));
            MigrationInfo current = flyway.info().current();
            findings.add("Schema version " + (current == null ? "none" : current.getVersion()));
            for (MigrationInfo m : flyway.info().all()) {
                MigrationState s = m.getState();
                if (s == MigrationState.FUTURE_SUCCESS || s == MigrationState.FUTURE_FAILED) {
                    problems.add("Schema version " + m.getVersion() + " is from a newer CostBench; update CostBench.");
                } else if (s.isFailed()) {
                    problems.add("The upgrade to schema version " + m.getVersion() + " failed halfway.");
                } else if (s == MigrationState.PENDING) {
                    findings.add("Schema version " + m.getVersion() + " is added when CostBench next opens the lab");
                }
            }
        } catch (RuntimeException e) {
            problems.add("The schema history cannot be read: " + Schema.firstLine(e.getMessage()));
        }
    }

    /** Reads every row and value of the table; its count must match the rows read. */
    private static void table(Connection c, String table, List<String> findings, List<String> problems) {
        try (Statement st = c.createStatement()) {
            long counted;
            try (ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM " + table)) {
                rs.next();
                counted = rs.getLong(1);
            }
            long read = 0;
            try (ResultSet rs = st.executeQuery("SELECT * FROM " + table)) {
                int columns = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    for (int i = 1; i <= columns; i++) {
                        readFully(rs.getObject(i));
                    }
                    read++;
                }
            }
            findings.add(String.format("  %-18s %,d rows", table, read));
            if (read != counted) {
                problems.add("Table " + table + " counts " + counted + " rows but " + read + " could be read.");
            }
        } catch (SQLException | IOException e) {
            problems.add("Table " + table + " cannot be read: " + Schema.firstLine(e.getMessage()));
        }
    }

    private static void readFully(Object value) throws SQLException, IOException {
        if (value instanceof Blob b) {
            try (InputStream in = b.getBinaryStream()) {
                in.transferTo(OutputStream.nullOutputStream());
            }
        } else if (value instanceof Clob cl) {
            try (Reader r = cl.getCharacterStream()) {
                r.transferTo(Writer.nullWriter());
            }
        }
    }

    /** H2's own check of the file's chunks (read-only). */
    private static void structure(Path file, List<String> findings, List<String> problems) {
        try {
            String error = MVStoreTool.info(file.toString(), new StringWriter());
            if (error == null) {
                findings.add("File structure: sound (H2's check)");
            } else {
                problems.add("H2's check of the file structure failed: " + Schema.firstLine(error));
            }
        } catch (RuntimeException e) {
            problems.add("H2's check of the file structure failed: " + Schema.firstLine(e.getMessage()));
        }
    }
}
