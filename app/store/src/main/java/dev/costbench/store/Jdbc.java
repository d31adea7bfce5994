// SPDX-License-Identifier: Apache-2.0
package dev.costbench.store;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** Parameter and column conversions: instants as UTC timestamps, money as DECIMAL(20,10), nullable numbers. */
final class Jdbc {

    /** The money columns' scale and the largest amount they hold (DECIMAL(20,10): 10 integer digits). */
    static final int MONEY_SCALE = 10;

    private static final BigDecimal MONEY_LIMIT = BigDecimal.TEN.pow(10);

    private Jdbc() {}

    static void setInstant(PreparedStatement ps, int i, Instant t) throws SQLException {
        if (t == null) {
            ps.setNull(i, Types.TIMESTAMP_WITH_TIMEZONE);
        } else {
            ps.setObject(i, OffsetDateTime.ofInstant(t, ZoneOffset.UTC));
        }
    }

    static Instant getInstant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    /**
     * Money to the column's scale. Amounts are exact up to 10 decimals (a ten-billionth of a dollar); a finer
     * amount (e.g. one token at $0.0375 per 1M) is rounded half-even there, far below any bill's resolution.
     */
    static BigDecimal money(BigDecimal usd) {
        if (usd == null) {
            return null;
        }
        BigDecimal m = usd.scale() > MONEY_SCALE ? usd.setScale(MONEY_SCALE, RoundingMode.HALF_EVEN) : usd;
        if (m.abs().compareTo(MONEY_LIMIT) >= 0) {
            throw new IllegalArgumentException("amount out of range: " + usd.toPlainString() + " USD");
        }
        return m;
    }

    static void setMoney(PreparedStatement ps, int i, BigDecimal usd) throws SQLException {
        if (usd == null) {
            ps.setNull(i, Types.DECIMAL);
        } else {
            ps.setBigDecimal(i, money(usd));
        }
    }

    static void setLong(PreparedStatement ps, int i, Long v) throws SQLException {
        if (v == null) {
            ps.setNull(i, Types.BIGINT);
        } else {
            ps.setLong(i, v);
        }
    }

    static void setInt(PreparedStatement ps, int i, Integer v) throws SQLException {
        if (v == null) {
            ps.setNull(i, Types.INTEGER);
        } else {
            ps.setInt(i, v);
        }
    }

    static void setDouble(PreparedStatement ps, int i, Double v) throws SQLException {
        if (v == null) {
            ps.setNull(i, Types.DOUBLE);
        } else {
            ps.setDouble(i, v);
        }
    }

    static Long getLong(ResultSet rs, String column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : v;
    }

    static Integer getInt(ResultSet rs, String column) throws SQLException {
        int v = rs.getInt(column);
        return rs.wasNull() ? null : v;
    }

    static Double getDouble(ResultSet rs, String column) throws SQLException {
        double v = rs.getDouble(column);
        return rs.wasNull() ? null : v;
    }

    /** The generated id of the row just inserted. */
    static long generatedId(PreparedStatement ps) throws SQLException {
        try (ResultSet keys = ps.getGeneratedKeys()) {
            if (!keys.next()) {
                throw new SQLException("no generated key");
            }
            return keys.getLong(1);
        }
    }

    /** True when {@code e} or a cause is the H2 error with this code. */
    static boolean hasErrorCode(Throwable e, int code) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException && ((SQLException) t).getErrorCode() == code) {
                return true;
            }
        }
        return false;
    }
}
