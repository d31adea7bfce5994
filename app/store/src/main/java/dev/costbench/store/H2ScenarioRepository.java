// SPDX-License-Identifier: Apache-2.0
package dev.costbench.store;

import static dev.costbench.store.Jdbc.getInstant;
import static dev.costbench.store.Jdbc.setInstant;

import dev.costbench.model.lab.SavedScenario;
import dev.costbench.model.lab.ScenarioRepository;
import dev.costbench.model.lab.SecretGuard;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Saved cost scenarios by name; their JSON is checked for secrets before it is stored.
 */
final class H2ScenarioRepository implements ScenarioRepository {

    private final Tx tx;

    H2ScenarioRepository(Tx tx) {
        this.tx = tx;
    }

    // ---- scenarios ----

    @Override
    public SavedScenario saveScenario(String name, String json) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(json, "json");
        if (name.isBlank()) {
            throw new IllegalArgumentException("a scenario needs a name");
        }
        SecretGuard.requireNoSecrets("scenario " + name, json);
        Instant now = tx.now();
        return tx.run("save scenario " + name, c -> {
            try (PreparedStatement ps =
                    c.prepareStatement("UPDATE scenario SET scenario_json = ?, updated_at = ? WHERE name = ?")) {
                ps.setString(1, json);
                setInstant(ps, 2, now);
                ps.setString(3, name);
                if (ps.executeUpdate() == 0) {
                    try (PreparedStatement ins = c.prepareStatement("INSERT INTO scenario (name, scenario_json, "
                            + "created_at, updated_at, created_by) VALUES (?, ?, ?, ?, ?)")) {
                        ins.setString(1, name);
                        ins.setString(2, json);
                        setInstant(ins, 3, now);
                        setInstant(ins, 4, now);
                        ins.setString(5, tx.author());
                        ins.executeUpdate();
                    }
                }
            }
            return readScenario(c, name).orElseThrow();
        });
    }

    @Override
    public List<SavedScenario> listScenarios() {
        return tx.run("list scenarios", c -> {
            List<SavedScenario> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(
                            "SELECT id, name, scenario_json, created_at, updated_at " + "FROM scenario ORDER BY name");
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(scenario(rs));
                }
            }
            return out;
        });
    }

    @Override
    public Optional<SavedScenario> findScenario(String name) {
        return tx.run("read scenario " + name, c -> readScenario(c, name));
    }

    private static Optional<SavedScenario> readScenario(Connection c, String name) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT id, name, scenario_json, created_at, updated_at " + "FROM scenario WHERE name = ?")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(scenario(rs)) : Optional.empty();
            }
        }
    }

    private static SavedScenario scenario(ResultSet rs) throws SQLException {
        return new SavedScenario(
                rs.getLong("id"),
                rs.getString("name"),
                rs.getString("scenario_json"),
                getInstant(rs, "created_at"),
                getInstant(rs, "updated_at"));
    }

    @Override
    public boolean renameScenario(String from, String to) {
        Objects.requireNonNull(to, "to");
        if (to.isBlank()) {
            throw new IllegalArgumentException("a scenario needs a name");
        }
        return tx.run("rename scenario " + from, c -> {
            if (!from.equals(to) && readScenario(c, to).isPresent()) {
                throw new IllegalArgumentException("a scenario named \"" + to + "\" exists already");
            }
            try (PreparedStatement ps =
                    c.prepareStatement("UPDATE scenario SET name = ?, updated_at = ? WHERE name = ?")) {
                ps.setString(1, to);
                setInstant(ps, 2, tx.now());
                ps.setString(3, from);
                return ps.executeUpdate() > 0;
            }
        });
    }

    @Override
    public boolean deleteScenario(String name) {
        return tx.run("delete scenario " + name, c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM scenario WHERE name = ?")) {
                ps.setString(1, name);
                return ps.executeUpdate() > 0;
            }
        });
    }
}
