// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.catalog.team;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;

/**
 * The user catalog overrides in use, which every catalog writer goes through (price imports, the LiteLLM import):
 * this computer's own {@code catalog.json} ({@link #personal}), or the team's shared document when CostBench runs on
 * a team store ({@link TeamCatalog}). The catalog reads {@link #file()} as its user layer either way.
 */
public interface CatalogOverrides {

    /** A change to a catalog file (which may not exist yet): made in place, or it throws and changes nothing. */
    @FunctionalInterface
    interface Change {
        void applyTo(Path catalogFile) throws IOException;
    }

    /** The file the catalog layers over the built-in one. */
    Path file();

    /** Which catalog this is, in the user's words: "your own catalog overrides (PATH)", "the team catalog (…)". */
    String describe();

    /**
     * Makes {@code change} and saves it where these overrides live.
     *
     * @return where it went, in the user's words ("your own catalog overrides (PATH)", "the team catalog, revision
     *     8 by ana")
     * @throws IOException when the change could not be made or saved; nothing was changed then
     */
    String write(Change change) throws IOException;

    /**
     * Overrides that can be read but not changed now: {@code file} as {@code describe} says, every write refused
     * with {@code whyNot} (e.g. the team catalog fetched last time while the team store cannot be reached, so that a
     * change never lands in the copy alone).
     */
    static CatalogOverrides readOnly(Path file, String describe, String whyNot) {
        return new FileOverrides(file, describe, Objects.requireNonNull(whyNot, "whyNot"));
    }

    /** This computer's own overrides file ({@code catalog.json} in the data folder). */
    static CatalogOverrides personal(Path file) {
        return new FileOverrides(file, "your own catalog overrides (" + file + ")", null);
    }
}
