// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.lab;

import java.util.Optional;

/**
 * Media (images, audio, video) stored once per content, by SHA-256.
 * Every method is its own transaction and is durable when it returns (see {@link LabStore}).
 */
public interface MediaRepository {

    // ---- media ----

    /** Stores media once per content and returns its SHA-256 (lower-case hex); storing it again is a no-op. */
    String putMedia(byte[] data, String mimeType);

    Optional<MediaBlob> getMedia(String sha256);
}
