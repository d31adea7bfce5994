// SPDX-License-Identifier: Apache-2.0
package dev.costbench.store;

import static dev.costbench.store.Jdbc.getInstant;
import static dev.costbench.store.Jdbc.setInstant;

import dev.costbench.model.lab.calibration.CalibrationRepository;
import dev.costbench.model.lab.calibration.CalibrationSample;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The exact token counts kept for calibration (table {@code calibration_sample}, schema version 12; the Gemma 3
 * estimate of a Gemini count since version 14).
 */
final class H2CalibrationRepository implements CalibrationRepository {

    private final Tx tx;

    H2CalibrationRepository(Tx tx) {
        this.tx = tx;
    }

    @Override
    public void addCalibrationSample(CalibrationSample s) {
        Objects.requireNonNull(s, "sample");
        tx.run("keep a token count for calibration", c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO calibration_sample (counted_at, provider, "
                    + "model_id, family, kind, source, estimate, actual, gemma3_estimate) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                setInstant(ps, 1, s.time());
                ps.setString(2, s.provider());
                ps.setString(3, s.model());
                ps.setString(4, s.family());
                ps.setString(5, s.kind());
                ps.setString(6, s.source().code());
                ps.setLong(7, s.estimate());
                ps.setLong(8, s.actual());
                if (s.gemma3Estimate() > 0) {
                    ps.setLong(9, s.gemma3Estimate());
                } else {
                    ps.setNull(9, Types.BIGINT);
                }
                ps.executeUpdate();
            }
            return null;
        });
    }

    @Override
    public List<CalibrationSample> calibrationSamples() {
        return tx.run("read the token counts kept for calibration", c -> {
            List<CalibrationSample> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(
                            "SELECT counted_at, provider, model_id, family, kind, "
                                    + "source, estimate, actual, gemma3_estimate FROM calibration_sample ORDER BY counted_at, id");
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new CalibrationSample(
                            getInstant(rs, "counted_at"),
                            rs.getString("provider"),
                            rs.getString("model_id"),
                            rs.getString("family"),
                            rs.getString("kind"),
                            CalibrationSample.Source.fromCode(rs.getString("source")),
                            rs.getLong("estimate"),
                            rs.getLong("actual"),
                            Math.max(0, rs.getLong("gemma3_estimate"))));
                }
            }
            return out;
        });
    }

    @Override
    public int resetCalibration(String family) {
        return tx.run("forget the " + family + " token counts", c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM calibration_sample WHERE family = ?")) {
                ps.setString(1, family);
                return ps.executeUpdate();
            }
        });
    }
}
