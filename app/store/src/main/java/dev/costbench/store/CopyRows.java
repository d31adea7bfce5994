// SPDX-License-Identifier: Apache-2.0
package dev.costbench.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Rows read from one store and written into another, column by column, for {@link StoreCopy}: new ids in the
 * target, references remapped, each copied row recorded in {@code copied_row} in the same transaction.
 */
final class CopyRows {

    /** The tables whose rows have their own id (the ones {@code copied_row} records and the copy verifies). */
    static final List<String> ID_TABLES = List.of(
            "experiment",
            "variant",
            "test_input",
            "trial",
            "rating",
            "judge_score",
            "ledger",
            "scenario",
            "lab_batch",
            "calibration_sample");

    private static final Set<String> AUTHORED = Set.of("experiment", "scenario", "ledger");

    private final Connection c;
    private final String sourceStore;
    private final String author;
    private final Map<String, Map<Long, Long>> ids = new HashMap<>();

    CopyRows(Connection c, String sourceStore, String author) {
        this.c = c;
        this.sourceStore = sourceStore;
        this.author = author;
    }

    /**
     * Inserts {@code rows} into {@code table}; {@code refs} maps a reference column to the table it points at (its
     * value is replaced by that row's id here). A ledger row whose trial was not copied keeps no trial.
     */
    void insert(String table, List<Map<String, Object>> rows, Map<String, String> refs) throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        Set<String> columns = new LinkedHashSet<>(columns(c, table));
        boolean hasId = columns.remove("id");
        List<String> cols = new ArrayList<>(columns);
        String sql = "INSERT INTO " + table + " (" + String.join(", ", cols) + ") VALUES ("
                + String.join(", ", cols.stream().map(x -> "?").toList()) + ")";
        try (PreparedStatement ps =
                hasId ? c.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS) : c.prepareStatement(sql)) {
            for (Map<String, Object> row : rows) {
                for (int i = 0; i < cols.size(); i++) {
                    set(ps, i + 1, value(table, cols.get(i), row, refs));
                }
                ps.executeUpdate();
                if (hasId) {
                    long from = ((Number) row.get("id")).longValue();
                    long to = Jdbc.generatedId(ps);
                    ids.computeIfAbsent(table, t -> new HashMap<>()).put(from, to);
                    record(table, from, to);
                }
            }
        }
    }

    private Object value(String table, String column, Map<String, Object> row, Map<String, String> refs)
            throws SQLException {
        Object v = row.get(column);
        String points = refs.get(column);
        if (points != null && v != null) {
            long from = ((Number) v).longValue();
            Long to = ids.getOrDefault(points, Map.of()).get(from);
            if (to == null) {
                to = mapped(c, sourceStore, points, from);
            }
            if (to == null && !(table.equals("ledger") && column.equals("trial_id"))) {
                throw new SQLException(
                        table + "." + column + " refers to " + points + " " + from + ", which was not copied");
            }
            return to;
        }
        if (column.equals("created_by") && v == null && AUTHORED.contains(table)) {
            return author; // made before stores recorded it: the person who copies it
        }
        if (table.equals("experiment") && column.equals("status") && "RUNNING".equals(v)) {
            return "INTERRUPTED"; // nobody runs it in the target
        }
        return v;
    }

    /** A media blob, unless the target holds that content already. */
    void insertMedia(Map<String, Object> blob) throws SQLException {
        if (read(c, "SELECT sha256 FROM media_blob WHERE sha256 = ?", blob.get("sha256"))
                .isEmpty()) {
            insert("media_blob", List.of(blob), Map.of());
        }
    }

    private void record(String table, long from, long to) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO copied_row (source_store, table_name, source_id, target_id) VALUES (?, ?, ?, ?)")) {
            ps.setString(1, sourceStore);
            ps.setString(2, table);
            ps.setLong(3, from);
            ps.setLong(4, to);
            ps.executeUpdate();
        }
    }

    /** The id in the target of a row copied from {@code sourceStore}, or null when it was not copied. */
    static Long mapped(Connection c, String sourceStore, String table, long sourceId) throws SQLException {
        List<Map<String, Object>> r = read(
                c,
                "SELECT target_id FROM copied_row WHERE source_store = ? AND table_name = ? AND source_id = ?",
                sourceStore,
                table,
                sourceId);
        return r.isEmpty() ? null : ((Number) r.get(0).get("target_id")).longValue();
    }

    /** The identity of a store, the same every time it is read: when its schema was created (Flyway's first step). */
    static String storeIdentity(Connection c) throws SQLException {
        List<Map<String, Object>> r =
                read(c, "SELECT \"installed_on\" FROM \"flyway_schema_history\" WHERE \"version\" = '1'");
        return "store created " + (r.isEmpty() ? "?" : String.valueOf(r.get(0).get("installed_on")));
    }

    /** The rows of a query, column names in lower case, large text as strings and large binaries as bytes. */
    static List<Map<String, Object>> read(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                set(ps, i + 1, params[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                ResultSetMetaData md = rs.getMetaData();
                List<Map<String, Object>> out = new ArrayList<>();
                while (rs.next()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    for (int i = 1; i <= md.getColumnCount(); i++) {
                        row.put(md.getColumnLabel(i).toLowerCase(Locale.ROOT), get(rs, i, md.getColumnType(i)));
                    }
                    out.add(row);
                }
                return out;
            }
        }
    }

    static List<Long> longs(Connection c, String sql) throws SQLException {
        List<Long> out = new ArrayList<>();
        for (Map<String, Object> r : read(c, sql)) {
            out.add(((Number) r.values().iterator().next()).longValue());
        }
        return out;
    }

    static List<String> strings(Connection c, String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        for (Map<String, Object> r : read(c, sql)) {
            out.add((String) r.values().iterator().next());
        }
        return out;
    }

    static long count(Connection c, String sql, Object... params) throws SQLException {
        return ((Number) read(c, sql, params).get(0).values().iterator().next()).longValue();
    }

    private static List<String> columns(Connection c, String table) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT * FROM " + table + " WHERE 1 = 0");
                ResultSet rs = ps.executeQuery()) {
            List<String> out = new ArrayList<>();
            for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                out.add(rs.getMetaData().getColumnLabel(i).toLowerCase(Locale.ROOT));
            }
            return out;
        }
    }

    private static Object get(ResultSet rs, int i, int type) throws SQLException {
        switch (type) {
            case Types.CLOB:
            case Types.NCLOB:
                return rs.getString(i);
            case Types.BLOB:
            case Types.BINARY:
            case Types.VARBINARY:
            case Types.LONGVARBINARY:
                return rs.getBytes(i);
            case Types.TIMESTAMP_WITH_TIMEZONE:
                return rs.getObject(i, OffsetDateTime.class);
            default:
                return rs.getObject(i);
        }
    }

    private static void set(PreparedStatement ps, int i, Object v) throws SQLException {
        if (v == null) {
            ps.setNull(i, Types.NULL);
        } else {
            ps.setObject(i, v);
        }
    }
}
