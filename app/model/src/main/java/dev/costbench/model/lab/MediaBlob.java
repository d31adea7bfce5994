// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.lab;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A media file kept by content: the same bytes are stored once, however many variants use them.
 *
 * @param sha256   lower-case hex SHA-256 of {@code data}
 * @param mimeType e.g. {@code image/jpeg}
 */
public record MediaBlob(String sha256, String mimeType, byte[] data) {

    private static final Pattern HASH = Pattern.compile("[0-9a-f]{64}");

    public MediaBlob {
        requireHash(sha256);
        Objects.requireNonNull(mimeType, "mimeType");
        Objects.requireNonNull(data, "data");
    }

    /** The lower-case hex SHA-256 of {@code data}. */
    public static String sha256(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    static String requireHash(String h) {
        if (h == null || !HASH.matcher(h).matches()) {
            throw new IllegalArgumentException("not a lower-case hex SHA-256: " + h);
        }
        return h;
    }
}
