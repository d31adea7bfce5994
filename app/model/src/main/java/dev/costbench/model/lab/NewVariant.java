// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.lab;

import java.util.List;
import java.util.Objects;

/**
 * A prompt variant to add to an experiment: a frozen snapshot, so that later edits in the Prompt view never change a
 * stored run.
 *
 * @param name        e.g. "baseline", "optimized (short system prompt)"
 * @param baseline    true for the variant the others are compared with
 * @param promptJson  system text, messages with {@code {{placeholders}}} and request parameters as one JSON document;
 *                    never API keys ({@link SecretGuard} rejects them)
 * @param mediaHashes SHA-256 (lower-case hex) of media stored with {@link LabStore#putMedia(byte[], String)}, in the
 *                    order the prompt uses them
 */
public record NewVariant(String name, boolean baseline, String promptJson, List<String> mediaHashes) {

    public NewVariant {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(promptJson, "promptJson");
        SecretGuard.requireNoSecrets("variant " + name, promptJson);
        mediaHashes = List.copyOf(mediaHashes == null ? List.of() : mediaHashes);
        for (String h : mediaHashes) {
            MediaBlob.requireHash(h);
        }
    }

    public NewVariant(String name, boolean baseline, String promptJson) {
        this(name, baseline, promptJson, List.of());
    }
}
