// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.catalog.team;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Overrides kept in one file and changed in place ({@link CatalogOverrides#personal}), or read only
 * ({@link CatalogOverrides#readOnly}: every write refused with {@code whyNot}).
 */
record FileOverrides(Path file, String describe, String whyNot) implements CatalogOverrides {

    FileOverrides {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(describe, "describe");
    }

    @Override
    public String write(Change change) throws IOException {
        if (whyNot != null) {
            throw new IOException(whyNot);
        }
        change.applyTo(file);
        return describe;
    }
}
