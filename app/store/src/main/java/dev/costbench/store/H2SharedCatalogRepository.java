// SPDX-License-Identifier: Apache-2.0
package dev.costbench.store;

import static dev.costbench.store.Jdbc.getInstant;
import static dev.costbench.store.Jdbc.setInstant;

import dev.costbench.model.catalog.team.CatalogRevision;
import dev.costbench.model.catalog.team.SharedCatalog;
import dev.costbench.model.catalog.team.SharedCatalogRepository;
import dev.costbench.model.catalog.team.StaleRevisionException;
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
 * The team catalog's revisions (table {@code team_catalog}, schema version 13). A publish reads the latest revision
 * and inserts the next one in one transaction; the revision number is a unique key, so of two clients publishing on
 * the same revision one inserts and the other's insert fails (PostgreSQL's unique violation), is run again by
 * {@link Tx}, and then finds the newer revision and is refused with {@link StaleRevisionException}.
 */
final class H2SharedCatalogRepository implements SharedCatalogRepository {

    private static final String COLUMNS = "revision, created_by, created_at";

    private final Tx tx;

    H2SharedCatalogRepository(Tx tx) {
        this.tx = tx;
    }

    @Override
    public Optional<SharedCatalog> latestSharedCatalog() {
        return tx.run("read the team catalog", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + ", catalog_json FROM team_catalog "
                            + "ORDER BY revision DESC FETCH FIRST 1 ROWS ONLY");
                    ResultSet rs = ps.executeQuery()) {
                return rs.next()
                        ? Optional.of(new SharedCatalog(revision(rs), rs.getString("catalog_json")))
                        : Optional.<SharedCatalog>empty();
            }
        });
    }

    @Override
    public CatalogRevision publishSharedCatalog(long basedOn, String json) {
        Objects.requireNonNull(json, "json");
        SecretGuard.requireNoSecrets("the team catalog", json);
        Instant now = tx.now();
        return tx.run("publish the team catalog", c -> {
            Optional<CatalogRevision> latest = newest(c, 1).stream().findFirst();
            long latestNumber = latest.map(CatalogRevision::number).orElse(0L);
            if (basedOn != latestNumber) {
                throw new StaleRevisionException(basedOn, latest.orElseThrow());
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO team_catalog (" + COLUMNS + ", catalog_json) VALUES (?, ?, ?, ?)")) {
                ps.setLong(1, latestNumber + 1);
                ps.setString(2, tx.author());
                setInstant(ps, 3, now);
                ps.setString(4, json);
                ps.executeUpdate();
            }
            return new CatalogRevision(latestNumber + 1, tx.author(), now);
        });
    }

    @Override
    public List<CatalogRevision> sharedCatalogRevisions(int limit) {
        return tx.run("list the team catalog's revisions", c -> newest(c, limit));
    }

    private static List<CatalogRevision> newest(Connection c, int limit) throws SQLException {
        List<CatalogRevision> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS
                + " FROM team_catalog ORDER BY revision DESC " + "FETCH FIRST " + Math.max(1, limit) + " ROWS ONLY")) {
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(revision(rs));
                }
            }
        }
        return out;
    }

    private static CatalogRevision revision(ResultSet rs) throws SQLException {
        return new CatalogRevision(rs.getLong("revision"), rs.getString("created_by"), getInstant(rs, "created_at"));
    }
}
