// SPDX-License-Identifier: Apache-2.0
package dev.costbench.ui.providers;

import dev.costbench.model.catalog.team.CatalogOverrides;
import dev.costbench.model.catalog.team.CatalogRevision;
import dev.costbench.model.catalog.team.SharedCatalogRepository;
import dev.costbench.model.catalog.team.StaleRevisionException;
import dev.costbench.model.catalog.team.TeamCatalog;
import dev.costbench.ui.common.Job;
import dev.costbench.ui.common.Reasons;
import dev.costbench.ui.common.UiContext;
import dev.costbench.ui.common.ViewModel;
import dev.costbench.ui.common.handoff.CatalogInUse;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The Team store card's catalog line: which user catalog overrides CostBench prices with, "Share my catalog overrides
 * with the team" while a team store has none, and newer revisions from colleagues, looked for when the Providers view
 * is shown and on a timer, then reloaded into the catalog.
 *
 * <p>On this computer's own store the overrides are the personal {@code catalog.json}. On a team store with a team
 * catalog they are that catalog ({@link TeamCatalog}, cached in {@value TeamCatalog#FILE_NAME}); on a team store
 * without one they stay the personal file until someone shares.
 */
public final class TeamCatalogViewModel implements ViewModel {

    private final UiContext ui;
    private final Supplier<Optional<SharedCatalogRepository>> shared;
    private final CatalogInUse inUse;
    private final Path personal;
    private final Path cache;
    private final Runnable reload;
    private final Clock clock;
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ReadOnlyBooleanWrapper shareable = new ReadOnlyBooleanWrapper(this, "shareable");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyBooleanWrapper onTeamStore = new ReadOnlyBooleanWrapper(this, "onTeamStore");
    /** The team catalog of the open team store; null on this computer's own store or before the store opened. */
    private volatile TeamCatalog team;

    private Job<Void> polling;

    /**
     * @param shared   the team catalog of the results store in use: empty on this computer's own store (or while
     *     it opens)
     * @param inUse    the overrides the workbench's catalog reads, set here
     * @param personal this computer's {@code catalog.json}
     * @param cache    the team catalog's copy in the data folder ({@value TeamCatalog#FILE_NAME})
     * @param reload   reads the catalog again (the workbench's reload)
     */
    public TeamCatalogViewModel(
            UiContext ui,
            Supplier<Optional<SharedCatalogRepository>> shared,
            CatalogInUse inUse,
            Path personal,
            Path cache,
            Runnable reload,
            Clock clock) {
        this.ui = ui;
        this.shared = shared;
        this.inUse = inUse;
        this.personal = personal;
        this.cache = cache;
        this.reload = reload;
        this.clock = clock;
        status.set("Catalog: " + inUse.get().describe() + ".");
    }

    /** The store has opened (or reopened on another choice): reads the team catalog when it is a team store. */
    public void storeOpened() {
        Optional<SharedCatalogRepository> repository = shared.get();
        if (repository.isEmpty()) {
            team = null;
            onTeamStore.set(false);
            shareable.set(false);
            use(CatalogOverrides.personal(personal));
            status.set("Catalog: your own overrides (" + personal + "); this computer's own store shares none.");
            return;
        }
        TeamCatalog t = new TeamCatalog(repository.get(), cache);
        team = t;
        onTeamStore.set(true);
        busy.set(true);
        ui.tasks()
                .task("read the team catalog", p -> t.refresh())
                .onSuccess(r -> show(t, r))
                .onFailure(e -> status.set("The team catalog could not be read: " + UiContext.describe(e)
                        + ". CostBench prices with " + inUse.get().describe() + " meanwhile; the Providers view "
                        + "tries again when shown."))
                .always(() -> busy.set(false))
                .start();
    }

    /** "Share my catalog overrides with the team": the personal file becomes the team catalog's revision 1. */
    public void share() {
        TeamCatalog t = team;
        if (t == null || busy.get()) {
            return;
        }
        if (!ui.dialogs()
                .confirm(
                        "Share your catalog overrides with the team?",
                        "Everyone on this team store will price with your overrides (" + personal + ") as the team "
                                + "catalog, and price imports will change it for everyone. Your file stays as it is.",
                        "Share")) {
            return;
        }
        busy.set(true);
        ui.tasks()
                .task("share the catalog overrides", p -> t.share(personal))
                .onSuccess(r -> {
                    show(t, Optional.of(r));
                    ui.dialogs().notify("Your catalog overrides are now the team catalog (" + r.label() + ")");
                })
                .onFailure(e -> {
                    if (e instanceof StaleRevisionException stale) {
                        ui.dialogs()
                                .error(
                                        "The team already has a catalog",
                                        stale.latest().label(clock.instant()) + " was shared first, so yours was not "
                                                + "(nothing was changed). CostBench now prices with the team's; "
                                                + "import your own prices into it with Catalog ▸ Import prices.");
                        storeOpened();
                    } else {
                        ui.dialogs()
                                .error(
                                        "Could not share the catalog overrides",
                                        UiContext.describe(e) + "\n\nNothing was shared. Check " + personal
                                                + " (Help ▸ Catalog problems) and the team store, then try again.");
                    }
                })
                .always(() -> busy.set(false))
                .start();
    }

    /** Looks for a newer revision (the Providers view is shown, or "Check for changes"); reloads and says so. */
    public void check() {
        TeamCatalog t = team;
        if (t == null || busy.get()) {
            return;
        }
        ui.tasks()
                .task("check the team catalog", p -> newer(t))
                .onSuccess(r -> announce(t, r))
                .onFailure(e -> status.set("The team catalog could not be checked: " + UiContext.describe(e)
                        + ". CostBench prices with " + inUse.get().describe() + "."))
                .start();
    }

    /** Checks every {@code interval} in the background, while the app runs; nothing when it checks already. */
    public void startPolling(Duration interval) {
        if (polling != null && polling.isRunning()) {
            return;
        }
        polling = ui.tasks().<Void>task("team catalog check", p -> {
            while (!p.isCancelled()) {
                Thread.sleep(interval.toMillis());
                TeamCatalog t = team;
                if (t != null) {
                    try {
                        Optional<CatalogRevision> r = newer(t);
                        p.onUi(() -> announce(t, r));
                    } catch (IOException | RuntimeException e) {
                        // the server may be down for a moment: the next round tries again
                    }
                }
            }
            return null;
        });
        polling.start();
    }

    /** A newer revision than the one in use, read into the cache; empty when there is none. */
    private static Optional<CatalogRevision> newer(TeamCatalog t) throws IOException {
        Optional<CatalogRevision> latest = t.latest();
        long have = t.current().map(CatalogRevision::number).orElse(0L);
        if (latest.isEmpty() || latest.get().number() <= have) {
            return Optional.empty();
        }
        return t.refresh();
    }

    private void announce(TeamCatalog t, Optional<CatalogRevision> r) {
        if (t != team) {
            return;
        }
        if (r.isEmpty()) { // nothing new: the status line's "2 h ago" is brought up to date
            t.current().ifPresent(c -> status.set(teamStatus(c)));
            return;
        }
        show(t, r);
        ui.dialogs().notify("The team catalog changed (" + r.get().label() + ") — the catalog was reloaded");
    }

    private void show(TeamCatalog t, Optional<CatalogRevision> r) {
        if (t != team) {
            return; // the store was changed meanwhile
        }
        if (r.isPresent()) {
            shareable.set(false);
            use(t);
            status.set(teamStatus(r.get()));
        } else {
            shareable.set(true);
            use(CatalogOverrides.personal(personal));
            status.set("Catalog: no team catalog yet, so you price with your own overrides (" + personal + "). "
                    + "Share them to start the team's; until then each person uses their own.");
        }
    }

    private String teamStatus(CatalogRevision r) {
        return "Catalog: team catalog, " + r.label(clock.instant()) + ".";
    }

    private void use(CatalogOverrides overrides) {
        inUse.set(overrides);
        reload.run();
    }

    /** Why "Share my catalog overrides with the team" can do nothing now ("" when it can). */
    public StringBinding shareBlockedReason() {
        return Reasons.first(
                Reasons.when(busy, "The team catalog is being read: wait a moment."),
                Reasons.when(onTeamStore.not(), "Only a team store shares catalog overrides: choose one above first."),
                Reasons.when(shareable.not(), "The team already has a catalog, and CostBench prices with it."));
    }

    /** Why "Check for changes" can do nothing now ("" when it can). */
    public StringBinding checkBlockedReason() {
        return Reasons.first(
                Reasons.when(busy, "The team catalog is being read: wait a moment."),
                Reasons.when(onTeamStore.not(), "Only a team store shares catalog overrides: choose one above first."));
    }

    /** Which catalog overrides are in use ("Catalog: team catalog, revision 7 by ana, 2 h ago."). */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** True on a team store that has no team catalog yet: "Share my catalog overrides with the team" works. */
    public ReadOnlyBooleanProperty shareableProperty() {
        return shareable.getReadOnlyProperty();
    }

    /** True on a team store (its catalog can be checked for changes). */
    public ReadOnlyBooleanProperty onTeamStoreProperty() {
        return onTeamStore.getReadOnlyProperty();
    }

    /** True while the team catalog is read or shared. */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }
}
