// SPDX-License-Identifier: Apache-2.0
package dev.costbench.store;

import static dev.costbench.store.Jdbc.setInstant;

import dev.costbench.model.lab.MediaBlob;
import dev.costbench.model.lab.MediaRepository;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Media stored once per content, by SHA-256.
 */
final class H2MediaRepository implements MediaRepository {

    private final Tx tx;

    H2MediaRepository(Tx tx) {
        this.tx = tx;
    }

    // ---- media ----

    @Override
    public String putMedia(byte[] data, String mimeType) {
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(mimeType, "mimeType");
        String hash = MediaBlob.sha256(data);
        Instant now = tx.now();
        return tx.run("store media", c -> {
            if (!mediaExists(c, hash)) {
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO media_blob (sha256, mime_type, "
                        + "size_bytes, content, created_at) VALUES (?, ?, ?, ?, ?)")) {
                    ps.setString(1, hash);
                    ps.setString(2, mimeType);
                    ps.setLong(3, data.length);
                    ps.setBytes(4, data);
                    setInstant(ps, 5, now);
                    ps.executeUpdate();
                }
            }
            return hash;
        });
    }

    @Override
    public Optional<MediaBlob> getMedia(String sha256) {
        return tx.run("read media", c -> {
            try (PreparedStatement ps =
                    c.prepareStatement("SELECT sha256, mime_type, content FROM media_blob WHERE sha256 = ?")) {
                ps.setString(1, sha256);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next()
                            ? Optional.of(new MediaBlob(rs.getString(1), rs.getString(2), rs.getBytes(3)))
                            : Optional.empty();
                }
            }
        });
    }

    static boolean mediaExists(Connection c, String hash) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM media_blob WHERE sha256 = ?")) {
            ps.setString(1, hash);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }
}
