// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.lab;

import java.util.List;

/**
 * A stored prompt variant.
 *
 * @param position the order variants were added in (0-based)
 * @see NewVariant
 */
public record Variant(
        long id,
        long experimentId,
        int position,
        String name,
        boolean baseline,
        String promptJson,
        List<String> mediaHashes) {

    public Variant {
        mediaHashes = List.copyOf(mediaHashes);
    }
}
