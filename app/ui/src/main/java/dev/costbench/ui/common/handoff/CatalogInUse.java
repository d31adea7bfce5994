// SPDX-License-Identifier: Apache-2.0
package dev.costbench.ui.common.handoff;

import dev.costbench.model.catalog.team.CatalogOverrides;
import java.util.Objects;

/**
 * Team store card (Providers) → the workbench's catalog: which user catalog overrides are in use, this computer's own
 * {@code catalog.json} or the team catalog. The Team store card sets it when the store opens, when the team catalog is
 * shared and when a newer revision arrives; the catalog is read from it and price imports are written through it.
 * Any thread.
 */
public final class CatalogInUse {

    private volatile CatalogOverrides overrides;

    public CatalogInUse(CatalogOverrides initial) {
        this.overrides = Objects.requireNonNull(initial);
    }

    public CatalogOverrides get() {
        return overrides;
    }

    public void set(CatalogOverrides overrides) {
        this.overrides = Objects.requireNonNull(overrides);
    }
}
