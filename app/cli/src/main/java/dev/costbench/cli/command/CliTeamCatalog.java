// SPDX-License-Identifier: Apache-2.0
package dev.costbench.cli.command;

import dev.costbench.model.app.AppDirs;
import dev.costbench.model.catalog.team.CatalogOverrides;
import dev.costbench.model.catalog.team.CatalogRevision;
import dev.costbench.model.catalog.team.TeamCatalog;
import dev.costbench.store.JdbcLabStore;
import dev.costbench.store.LabStores;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The catalog overrides a command uses. On this computer's own file: {@code catalog.json}. On a team store that has a
 * team catalog: that catalog, fetched into {@value TeamCatalog#FILE_NAME} in the data folder once per command, and
 * every write published to the store (opened again for it). On a team store with nothing shared yet: the personal
 * file, until {@code catalog share} starts the team catalog. On a team store that cannot be reached: the copy fetched
 * last (else the personal file), read only.
 */
final class CliTeamCatalog implements CatalogOverrides {

    private final Supplier<JdbcLabStore> teamStore;
    private final Path cache;
    private final CatalogRevision revision;

    private CliTeamCatalog(Supplier<JdbcLabStore> teamStore, Path cache, CatalogRevision revision) {
        this.teamStore = teamStore;
        this.cache = cache;
        this.revision = revision;
    }

    /** The team store in use, opened; null on this computer's own file (which is then not opened). */
    static JdbcLabStore openTeamStore() {
        return LabStores.choice(AppDirs.dataDir()).teamStore().isPresent() ? AbSupport.openStore() : null;
    }

    /**
     * The overrides in use. A team store that cannot be reached leaves the copy fetched last ({@code err} says so)
     * or, without one, the personal file.
     */
    static CatalogOverrides resolve(Supplier<JdbcLabStore> teamStore, PrintStream err) {
        Path personal = AppDirs.userCatalog();
        Path cache = AppDirs.dataDir().resolve(TeamCatalog.FILE_NAME);
        Optional<CatalogRevision> latest;
        try (JdbcLabStore store = teamStore.get()) {
            if (store == null) {
                return CatalogOverrides.personal(personal);
            }
            latest = new TeamCatalog(store.sharedCatalog(), cache).refresh();
        } catch (IOException | RuntimeException e) {
            boolean cached = Files.isRegularFile(cache);
            err.println("costbench: the team catalog could not be read (" + e.getMessage() + "); pricing with "
                    + (cached ? "the copy fetched last, " + cache : "your own catalog overrides, " + personal));
            return CatalogOverrides.readOnly(
                    cached ? cache : personal,
                    cached ? "the team catalog fetched last (" + cache + ")" : "your own catalog overrides",
                    "the team store cannot be reached, so the team catalog cannot be changed now; nothing was "
                            + "written. Try again when costbench store info answers.");
        }
        return latest.<CatalogOverrides>map(r -> new CliTeamCatalog(teamStore, cache, r))
                .orElseGet(() -> CatalogOverrides.personal(personal));
    }

    @Override
    public Path file() {
        return cache;
    }

    @Override
    public String describe() {
        return "the team catalog (" + revision.label() + ")";
    }

    @Override
    public String write(Change change) throws IOException {
        try (JdbcLabStore store = teamStore.get()) {
            return new TeamCatalog(store.sharedCatalog(), cache).write(change);
        }
    }
}
