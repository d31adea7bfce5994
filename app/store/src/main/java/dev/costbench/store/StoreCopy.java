// SPDX-License-Identifier: Apache-2.0
package dev.costbench.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * {@code costbench store copy}: a local history (an H2 store) copied into another store, usually the team store.
 *
 * <ul>
 *   <li><b>Ids are remapped.</b> Every row gets a new id in the target; references (a trial's variant, a ledger
 *       row's trial, …) follow. What was copied is kept in the target's {@code copied_row} table: the source store's
 *       identity, the table, the id there and the id here.</li>
 *   <li><b>Idempotent and resumable.</b> Each experiment (with its models, variants, inputs, trials, ratings, judge
 *       scores, similarities, totals, ledger rows and the batches of its batch runs with their requests) is one
 *       transaction, written together with its {@code copied_row} entries; so is each batch of ledger rows without
 *       an experiment, of calibration samples, and each scenario. The batches of an experiment copied before are
 *       added to it. A copy
 *       that stops midway leaves whole experiments behind, and the next copy skips what is recorded as copied.</li>
 *   <li><b>Verified.</b> {@link Result#tables()} compares, per table, the rows of the source with the rows the
 *       target holds from it.</li>
 *   <li>A scenario whose name the target already uses for another scenario is left out (reported), never
 *       overwritten. The "Send to the API" history stays local: it belongs to one person's prompt files.</li>
 * </ul>
 */
public final class StoreCopy {

    /** One table of the verification: rows in the source, rows the target holds from it. */
    public record TableCount(String table, long source, long target) {
        public boolean matches() {
            return source == target;
        }
    }

    /**
     * @param copiedExperiments experiments copied by this run (0 when all were copied before)
     * @param skippedScenarios  scenarios left out because the target has another one by that name
     */
    public record Result(
            String sourceStore, int copiedExperiments, List<TableCount> tables, List<String> skippedScenarios) {
        public boolean verified() {
            return tables.stream().allMatch(TableCount::matches);
        }
    }

    private static final int ROW_BATCH = 500;

    private final JdbcLabStore source;
    private final JdbcLabStore target;
    private final String sourceId;

    private StoreCopy(JdbcLabStore source, JdbcLabStore target) {
        this.source = source;
        this.target = target;
        this.sourceId = source.tx.run("read the store's identity", CopyRows::storeIdentity);
    }

    /** Copies what {@code source} holds and {@code target} does not hold from it yet, then verifies the counts. */
    public static Result copy(JdbcLabStore source, JdbcLabStore target) {
        return new StoreCopy(source, target).run();
    }

    private Result run() {
        int copied = 0;
        for (long id : source.tx.run(
                "list the experiments", c -> CopyRows.longs(c, "SELECT id FROM experiment ORDER BY id"))) {
            if (copyExperiment(id)) {
                copied++;
            }
        }
        copyLooseLedger();
        copyCalibration();
        List<String> skipped = copyScenarios();
        copyMedia();
        return new Result(sourceId, copied, verify(skipped.size()), skipped);
    }

    private boolean copyExperiment(long sourceExperiment) {
        if (target.tx.run("check the copy", c -> CopyRows.mapped(c, sourceId, "experiment", sourceExperiment))
                != null) {
            copyMissingBatches(sourceExperiment);
            return false;
        }
        Map<String, List<Map<String, Object>>> rows = source.tx.run("read experiment " + sourceExperiment, c -> {
            Map<String, List<Map<String, Object>>> r = new LinkedHashMap<>();
            r.put("experiment", CopyRows.read(c, "SELECT * FROM experiment WHERE id = ?", sourceExperiment));
            for (String child : List.of("experiment_model", "experiment_totals", "variant", "test_input", "trial")) {
                r.put(child, CopyRows.read(c, "SELECT * FROM " + child + " WHERE experiment_id = ?", sourceExperiment));
            }
            r.put(
                    "media_blob",
                    CopyRows.read(
                            c,
                            "SELECT * FROM media_blob WHERE sha256 IN (SELECT m.sha256 FROM "
                                    + "variant_media m JOIN variant v ON v.id = m.variant_id WHERE v.experiment_id = ?)",
                            sourceExperiment));
            r.put(
                    "variant_media",
                    CopyRows.read(
                            c,
                            "SELECT m.* FROM variant_media m JOIN variant v ON v.id = "
                                    + "m.variant_id WHERE v.experiment_id = ?",
                            sourceExperiment));
            r.put(
                    "test_input_var",
                    CopyRows.read(
                            c,
                            "SELECT x.* FROM test_input_var x JOIN test_input i ON i.id = "
                                    + "x.input_id WHERE i.experiment_id = ?",
                            sourceExperiment));
            for (String byTrial : List.of("rating", "judge_score")) {
                r.put(
                        byTrial,
                        CopyRows.read(
                                c,
                                "SELECT x.* FROM " + byTrial + " x JOIN trial t ON t.id = x.trial_id "
                                        + "WHERE t.experiment_id = ?",
                                sourceExperiment));
            }
            r.put(
                    "similarity_score",
                    CopyRows.read(c, "SELECT * FROM similarity_score WHERE experiment_id = ?", sourceExperiment));
            r.put("ledger", CopyRows.read(c, "SELECT * FROM ledger WHERE experiment_id = ?", sourceExperiment));
            r.putAll(readBatches(c, sourceExperiment));
            return r;
        });
        if (rows.get("experiment").isEmpty()) {
            return false; // deleted meanwhile
        }
        target.tx.run("copy experiment " + sourceExperiment, c -> {
            CopyRows w = new CopyRows(c, sourceId, target.author());
            for (Map<String, Object> blob : rows.get("media_blob")) {
                w.insertMedia(blob);
            }
            Map<String, String> experimentRef = Map.of("experiment_id", "experiment");
            w.insert("experiment", rows.get("experiment"), Map.of());
            w.insert("experiment_model", rows.get("experiment_model"), experimentRef);
            w.insert("experiment_totals", rows.get("experiment_totals"), experimentRef);
            w.insert("variant", rows.get("variant"), experimentRef);
            w.insert("variant_media", rows.get("variant_media"), Map.of("variant_id", "variant"));
            w.insert("test_input", rows.get("test_input"), experimentRef);
            w.insert("test_input_var", rows.get("test_input_var"), Map.of("input_id", "test_input"));
            w.insert(
                    "trial",
                    rows.get("trial"),
                    Map.of("experiment_id", "experiment", "variant_id", "variant", "input_id", "test_input"));
            w.insert("rating", rows.get("rating"), Map.of("trial_id", "trial"));
            w.insert("judge_score", rows.get("judge_score"), Map.of("trial_id", "trial"));
            w.insert(
                    "similarity_score",
                    rows.get("similarity_score"),
                    Map.of("trial_id", "trial", "reference_id", "trial", "experiment_id", "experiment"));
            w.insert("ledger", rows.get("ledger"), Map.of("experiment_id", "experiment", "trial_id", "trial"));
            writeBatches(w, rows.get("lab_batch"), rows.get("lab_batch_item"));
            return null;
        });
        return true;
    }

    /** The batches of a batch run (schema version 9) of one experiment of the source, with their requests. */
    private static Map<String, List<Map<String, Object>>> readBatches(Connection c, long sourceExperiment)
            throws SQLException {
        return Map.of(
                "lab_batch",
                CopyRows.read(c, "SELECT * FROM lab_batch WHERE experiment_id = ? ORDER BY id", sourceExperiment),
                "lab_batch_item",
                CopyRows.read(
                        c,
                        "SELECT i.* FROM lab_batch_item i JOIN lab_batch b ON b.id = i.batch_row"
                                + " WHERE b.experiment_id = ? ORDER BY i.batch_row, i.ordinal",
                        sourceExperiment));
    }

    /** Writes batches and their requests, each request pointing at its batch and its trial cell here. */
    private static void writeBatches(CopyRows w, List<Map<String, Object>> batches, List<Map<String, Object>> items)
            throws SQLException {
        w.insert("lab_batch", batches, Map.of("experiment_id", "experiment"));
        w.insert(
                "lab_batch_item",
                items,
                Map.of(
                        "batch_row", "lab_batch",
                        "variant_id", "variant",
                        "input_id", "test_input",
                        "trial_id", "trial"));
    }

    /**
     * The batches of an experiment copied before they were: by a copy made before {@code store copy} copied
     * batches, or made while a batch was being submitted. One transaction for all of them.
     */
    private void copyMissingBatches(long sourceExperiment) {
        Map<String, List<Map<String, Object>>> rows = source.tx.run(
                "read the batches of experiment " + sourceExperiment, c -> readBatches(c, sourceExperiment));
        if (rows.get("lab_batch").isEmpty()) {
            return;
        }
        target.tx.run("copy the batches of experiment " + sourceExperiment, c -> {
            List<Map<String, Object>> batches = new ArrayList<>();
            Set<Object> fresh = new HashSet<>();
            for (Map<String, Object> b : rows.get("lab_batch")) {
                if (CopyRows.mapped(c, sourceId, "lab_batch", ((Number) b.get("id")).longValue()) == null) {
                    batches.add(b);
                    fresh.add(b.get("id"));
                }
            }
            List<Map<String, Object>> items = new ArrayList<>();
            for (Map<String, Object> i : rows.get("lab_batch_item")) {
                if (!fresh.contains(i.get("batch_row"))) {
                    continue;
                }
                Object trial = i.get("trial_id");
                if (trial != null && CopyRows.mapped(c, sourceId, "trial", ((Number) trial).longValue()) == null) {
                    // collected into the file after its experiment was copied: not collected here
                    i.put("trial_id", null);
                    i.put("collected", false);
                }
                items.add(i);
            }
            writeBatches(new CopyRows(c, sourceId, target.author()), batches, items);
            return null;
        });
    }

    /** Ledger rows of no experiment (or of one deleted since), in batches; each batch is one transaction. */
    private void copyLooseLedger() {
        copyInBatches("the ledger", "ledger", "experiment_id IS NULL", row -> row.put("trial_id", null));
    }

    /** The calibration samples (schema version 12): the exact counts the estimates are calibrated from. */
    private void copyCalibration() {
        copyInBatches("the calibration samples", "calibration_sample", "1 = 1", row -> {});
    }

    /**
     * The rows of {@code table} that match {@code where} and were not copied yet, {@value #ROW_BATCH} at a time in id
     * order, each batch one transaction; {@code adjust} changes a row before it is written.
     */
    private void copyInBatches(String what, String table, String where, Consumer<Map<String, Object>> adjust) {
        long after = 0;
        while (true) {
            long from = after;
            List<Map<String, Object>> batch = source.tx.run(
                    "read " + what,
                    c -> CopyRows.read(
                            c,
                            "SELECT * FROM " + table + " WHERE " + where + " AND id > ? ORDER BY id LIMIT " + ROW_BATCH,
                            from));
            if (batch.isEmpty()) {
                return;
            }
            after = ((Number) batch.get(batch.size() - 1).get("id")).longValue();
            target.tx.run("copy " + what, c -> {
                List<Map<String, Object>> fresh = new ArrayList<>();
                for (Map<String, Object> row : batch) {
                    if (CopyRows.mapped(c, sourceId, table, ((Number) row.get("id")).longValue()) == null) {
                        adjust.accept(row);
                        fresh.add(row);
                    }
                }
                new CopyRows(c, sourceId, target.author()).insert(table, fresh, Map.of());
                return null;
            });
        }
    }

    private List<String> copyScenarios() {
        List<Map<String, Object>> scenarios =
                source.tx.run("read the scenarios", c -> CopyRows.read(c, "SELECT * FROM scenario ORDER BY id"));
        List<String> skipped = new ArrayList<>();
        for (Map<String, Object> s : scenarios) {
            long id = ((Number) s.get("id")).longValue();
            String name = (String) s.get("name");
            boolean taken = target.tx.run("copy scenario " + name, c -> {
                if (CopyRows.mapped(c, sourceId, "scenario", id) != null) {
                    return false;
                }
                if (!CopyRows.read(c, "SELECT id FROM scenario WHERE name = ?", name)
                        .isEmpty()) {
                    return true;
                }
                new CopyRows(c, sourceId, target.author()).insert("scenario", List.of(s), Map.of());
                return false;
            });
            if (taken) {
                skipped.add(name);
            }
        }
        return skipped;
    }

    /** Media no variant uses any more is copied too (it is content-addressed: a blob the target has is skipped). */
    private void copyMedia() {
        List<String> hashes =
                source.tx.run("list the media", c -> CopyRows.strings(c, "SELECT sha256 FROM media_blob"));
        for (String h : hashes) {
            boolean present = target.tx.run(
                    "check media",
                    c -> !CopyRows.read(c, "SELECT sha256 FROM media_blob WHERE sha256 = ?", h)
                            .isEmpty());
            if (!present) {
                List<Map<String, Object>> blob = source.tx.run(
                        "read media", c -> CopyRows.read(c, "SELECT * FROM media_blob WHERE sha256 = ?", h));
                target.tx.run("copy media", c -> {
                    new CopyRows(c, sourceId, target.author()).insertMedia(blob.get(0));
                    return null;
                });
            }
        }
    }

    /** Per table: the source's rows (less the scenarios left out) against the target's rows copied from it. */
    private List<TableCount> verify(int skippedScenarios) {
        List<TableCount> out = new ArrayList<>();
        for (String table : CopyRows.ID_TABLES) {
            long inSource = source.tx.run("count " + table, c -> CopyRows.count(c, "SELECT COUNT(*) FROM " + table));
            long inTarget = target.tx.run(
                    "count " + table,
                    c -> CopyRows.count(
                            c,
                            "SELECT COUNT(*) FROM copied_row r JOIN " + table + " x ON x.id = r.target_id "
                                    + "WHERE r.source_store = ? AND r.table_name = ?",
                            sourceId,
                            table));
            long skipped = table.equals("scenario") ? skippedScenarios : 0;
            out.add(new TableCount(table, inSource - skipped, inTarget));
        }
        long blobs = source.tx.run("count media", c -> CopyRows.count(c, "SELECT COUNT(*) FROM media_blob"));
        List<String> hashes =
                source.tx.run("list the media", c -> CopyRows.strings(c, "SELECT sha256 FROM media_blob"));
        long present = target.tx.run("count media", c -> {
            long n = 0;
            for (String h : hashes) {
                n += CopyRows.read(c, "SELECT sha256 FROM media_blob WHERE sha256 = ?", h)
                        .size();
            }
            return n;
        });
        out.add(new TableCount("media_blob", blobs, present));
        long items =
                source.tx.run("count lab_batch_item", c -> CopyRows.count(c, "SELECT COUNT(*) FROM lab_batch_item"));
        long itemsHere = target.tx.run(
                "count lab_batch_item",
                c -> CopyRows.count(
                        c,
                        "SELECT COUNT(*) FROM copied_row r JOIN lab_batch_item x ON x.batch_row = r.target_id "
                                + "WHERE r.source_store = ? AND r.table_name = 'lab_batch'",
                        sourceId));
        out.add(new TableCount("lab_batch_item", items, itemsHere));
        return out;
    }
}
