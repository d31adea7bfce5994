// SPDX-License-Identifier: Apache-2.0
package dev.costbench.store;

import static dev.costbench.store.Jdbc.getDouble;
import static dev.costbench.store.Jdbc.getInstant;
import static dev.costbench.store.Jdbc.getLong;
import static dev.costbench.store.Jdbc.setDouble;
import static dev.costbench.store.Jdbc.setInstant;
import static dev.costbench.store.Jdbc.setLong;
import static dev.costbench.store.Jdbc.setMoney;

import dev.costbench.model.catalog.ServiceTier;
import dev.costbench.model.cost.CanonicalUsage;
import dev.costbench.model.lab.NewSentRequest;
import dev.costbench.model.lab.SecretGuard;
import dev.costbench.model.lab.SendHistoryRepository;
import dev.costbench.model.lab.SentRequest;
import dev.costbench.model.provider.ReasoningEffort;
import dev.costbench.model.provider.SendOptions;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** The "Send to the API" history per prompt workspace; key-shaped text is redacted before it is written. */
final class H2SendHistoryRepository implements SendHistoryRepository {

    private static final String COLUMNS = "id, workspace, sent_at, provider, model_id, temperature, "
            + "max_output_tokens, reasoning_effort, stream, answer, uncached_input, cache_read, cache_write_5m, "
            + "cache_write_1h, output_tokens, reasoning_tokens, cost_usd, error, requested_tier, served_tier";

    private final Tx tx;

    H2SendHistoryRepository(Tx tx) {
        this.tx = tx;
    }

    /** Returns the call as {@link #sentHistory} will read it (the cost at the column's scale). */
    @Override
    public SentRequest addSent(NewSentRequest call) {
        Objects.requireNonNull(call, "sent");
        NewSentRequest s = new NewSentRequest(
                call.workspace(),
                call.time(),
                call.provider(),
                call.modelId(),
                call.options(),
                SecretGuard.redact(call.answer()),
                call.usage(),
                call.costUsd() == null ? null : Jdbc.money(call.costUsd()).setScale(Jdbc.MONEY_SCALE),
                SecretGuard.redact(call.error()),
                call.requestedTier(),
                call.servedTier());
        return tx.run("keep the call in the history of " + s.workspace(), c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO send_history (" + COLUMNS.substring("id, ".length()) + ") VALUES "
                            + "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    Statement.RETURN_GENERATED_KEYS)) {
                ps.setString(1, s.workspace());
                setInstant(ps, 2, s.time());
                ps.setString(3, s.provider());
                ps.setString(4, s.modelId());
                SendOptions o = s.options();
                setDouble(ps, 5, o.temperature());
                ps.setInt(6, o.maxOutputTokens());
                ps.setString(7, o.effort() == null ? null : o.effort().code());
                ps.setBoolean(8, o.stream());
                ps.setString(9, s.answer());
                CanonicalUsage u = s.usage();
                setLong(ps, 10, u == null ? null : u.uncachedInput());
                setLong(ps, 11, u == null ? null : u.cacheRead());
                setLong(ps, 12, u == null ? null : u.cacheWrite5m());
                setLong(ps, 13, u == null ? null : u.cacheWrite1h());
                setLong(ps, 14, u == null ? null : u.output());
                setLong(ps, 15, u == null ? null : u.reasoning());
                setMoney(ps, 16, s.costUsd());
                ps.setString(17, s.error());
                ps.setString(
                        18, s.requestedTier() == null ? null : s.requestedTier().id());
                ps.setString(19, s.servedTier());
                ps.executeUpdate();
                return new SentRequest(Jdbc.generatedId(ps), s);
            }
        });
    }

    @Override
    public List<SentRequest> sentHistory(String workspace) {
        return tx.run("read the history of " + workspace, c -> {
            List<SentRequest> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM send_history "
                    + "WHERE workspace = ? ORDER BY sent_at DESC, id DESC")) {
                ps.setString(1, workspace);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(sent(rs));
                    }
                }
            }
            return out;
        });
    }

    private static SentRequest sent(ResultSet rs) throws SQLException {
        Long output = getLong(rs, "output_tokens");
        CanonicalUsage usage = output == null
                ? null
                : new CanonicalUsage(
                        rs.getLong("uncached_input"),
                        rs.getLong("cache_read"),
                        rs.getLong("cache_write_5m"),
                        rs.getLong("cache_write_1h"),
                        output,
                        rs.getLong("reasoning_tokens"));
        return new SentRequest(
                rs.getLong("id"),
                new NewSentRequest(
                        rs.getString("workspace"),
                        getInstant(rs, "sent_at"),
                        rs.getString("provider"),
                        rs.getString("model_id"),
                        new SendOptions(
                                getDouble(rs, "temperature"),
                                rs.getInt("max_output_tokens"),
                                ReasoningEffort.fromCode(rs.getString("reasoning_effort")),
                                rs.getBoolean("stream")),
                        rs.getString("answer"),
                        usage,
                        rs.getBigDecimal("cost_usd"),
                        rs.getString("error"),
                        rs.getString("requested_tier") == null
                                ? null
                                : ServiceTier.parse(rs.getString("requested_tier")),
                        rs.getString("served_tier")));
    }

    @Override
    public boolean deleteSent(long id) {
        return tx.run("delete a call from the history", c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM send_history WHERE id = ?")) {
                ps.setLong(1, id);
                return ps.executeUpdate() > 0;
            }
        });
    }
}
