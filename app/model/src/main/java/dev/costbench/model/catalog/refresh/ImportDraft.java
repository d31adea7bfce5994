// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.catalog.refresh;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.costbench.model.catalog.Catalog;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** A proposal being built: its catalog entries, what was left out (warnings) and how many entries were skipped. */
final class ImportDraft {

    private final ImportSource source;
    private final String origin;
    private final Catalog existing;
    private final ObjectNode catalog;
    final List<String> warnings = new ArrayList<>();
    int skipped;

    ImportDraft(ImportSource source, String origin, Catalog existing) {
        this.source = source;
        this.origin = origin;
        this.existing = existing;
        this.catalog = ImportJson.frame(source, origin);
    }

    /** A new entry for {@code id} (see {@link ImportJson#entry}). */
    ObjectNode entry(String id, String provider, BigDecimal inputPerM) {
        return ImportJson.entry(catalog, source, id, provider, existing, inputPerM);
    }

    Proposal done() {
        return new Proposal(source, origin, ImportJson.today(), catalog, warnings, skipped);
    }
}
