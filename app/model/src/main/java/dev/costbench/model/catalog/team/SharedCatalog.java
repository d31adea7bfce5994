// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.catalog.team;

import java.util.Objects;

/** A revision of the team catalog with its document ({@code catalog.json} format, the user layer's overrides). */
public record SharedCatalog(CatalogRevision revision, String json) {

    public SharedCatalog {
        Objects.requireNonNull(revision, "revision");
        Objects.requireNonNull(json, "json");
    }
}
