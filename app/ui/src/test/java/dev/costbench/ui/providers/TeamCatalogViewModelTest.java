// SPDX-License-Identifier: Apache-2.0
package dev.costbench.ui.providers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.costbench.model.catalog.team.CatalogOverrides;
import dev.costbench.model.catalog.team.InMemorySharedCatalogRepository;
import dev.costbench.model.catalog.team.SharedCatalogRepository;
import dev.costbench.model.catalog.team.TeamCatalog;
import dev.costbench.ui.common.DirectTaskExecutor;
import dev.costbench.ui.common.RecordingDialogService;
import dev.costbench.ui.common.UiContext;
import dev.costbench.ui.common.handoff.CatalogInUse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Team store card's catalog line without a display: which catalog is in use, sharing, a colleague's change. */
class TeamCatalogViewModelTest {

    private static final String ANAS = "{\"models\":[{\"id\":\"gpt-5\",\"prices\":{\"input\":2.5}}]}";

    @TempDir
    Path data;

    private final DirectTaskExecutor tasks = new DirectTaskExecutor();
    private final RecordingDialogService dialogs = new RecordingDialogService();
    /** What the card's clock says; revisions are published two hours before it starts. */
    private Instant now = Instant.parse("2026-12-07T12:00:00Z");

    private final Clock clock = new Clock() {
        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    };
    private final InMemorySharedCatalogRepository server = new InMemorySharedCatalogRepository(
            "ana", Clock.fixed(Instant.parse("2026-12-07T10:00:00Z"), ZoneOffset.UTC));
    private Optional<SharedCatalogRepository> teamStore = Optional.of(server);
    private Path personal;
    private Path cache;
    private CatalogInUse inUse;
    private int reloads;
    private TeamCatalogViewModel vm;

    @BeforeEach
    void setUp() throws Exception {
        personal = Files.writeString(data.resolve("catalog.json"), ANAS);
        cache = data.resolve(TeamCatalog.FILE_NAME);
        inUse = new CatalogInUse(CatalogOverrides.personal(personal));
        vm = new TeamCatalogViewModel(
                new UiContext(tasks, dialogs), () -> teamStore, inUse, personal, cache, () -> reloads++, clock);
    }

    @Test
    void onThisComputersOwnStoreThePersonalFileIsInUseAndThereIsNothingToShare() {
        teamStore = Optional.empty();
        vm.storeOpened();
        assertEquals(personal, inUse.get().file());
        assertTrue(
                vm.statusProperty().get().startsWith("Catalog: your own overrides (" + personal),
                vm.statusProperty().get());
        assertFalse(vm.shareableProperty().get());
        assertFalse(vm.shareBlockedReason().get().isEmpty());
        assertFalse(vm.checkBlockedReason().get().isEmpty());
    }

    @Test
    void aTeamStoreWithoutATeamCatalogOffersToShareThePersonalOne() throws Exception {
        vm.storeOpened();
        assertTrue(vm.shareableProperty().get());
        assertEquals("", vm.shareBlockedReason().get());
        assertEquals(personal, inUse.get().file(), "until someone shares, each person prices with their own");
        assertTrue(
                vm.statusProperty().get().startsWith("Catalog: no team catalog yet"),
                vm.statusProperty().get());

        dialogs.answer(true);
        vm.share();
        assertEquals(
                "Share your catalog overrides with the team?",
                dialogs.last("confirm").headline());
        assertEquals(ANAS, server.latestSharedCatalog().orElseThrow().json());
        assertEquals(cache, inUse.get().file(), "the team catalog is in use now");
        assertEquals(ANAS, Files.readString(cache));
        assertEquals(
                "Catalog: team catalog, revision 1 by ana, 2 h ago.",
                vm.statusProperty().get());
        assertFalse(vm.shareableProperty().get());
        assertEquals(
                "Your catalog overrides are now the team catalog (revision 1 by ana)",
                dialogs.last("notify").headline());
        assertTrue(reloads >= 2, "the catalog was reloaded");
    }

    @Test
    void aColleaguesNewerRevisionIsFetchedReloadedAndAnnounced() throws Exception {
        server.publishSharedCatalog(0, ANAS);
        vm.storeOpened();
        assertEquals(cache, inUse.get().file());
        assertEquals(
                "Catalog: team catalog, revision 1 by ana, 2 h ago.",
                vm.statusProperty().get());
        int before = reloads;
        now = now.plus(Duration.ofHours(1));
        vm.check();
        assertEquals(before, reloads, "nothing new: no reload");
        assertEquals(null, dialogs.last("notify"));
        assertEquals(
                "Catalog: team catalog, revision 1 by ana, 3 h ago.",
                vm.statusProperty().get(),
                "time updated");

        server.author("ben");
        String bens = "{\"models\":[{\"id\":\"gpt-5\",\"prices\":{\"input\":2.0}}]}";
        server.publishSharedCatalog(1, bens);
        vm.check();
        assertEquals(before + 1, reloads);
        assertEquals(bens, Files.readString(cache));
        assertEquals(
                "The team catalog changed (revision 2 by ben) — the catalog was reloaded",
                dialogs.last("notify").headline());
        assertTrue(vm.statusProperty().get().startsWith("Catalog: team catalog, revision 2 by ben"));
    }

    @Test
    void sharingAfterAColleagueSharedFirstOverwritesNothingAndUsesTheirs() throws Exception {
        vm.storeOpened();
        server.author("ben");
        server.publishSharedCatalog(0, "{\"models\":[]}");
        dialogs.answer(true);
        vm.share();
        assertEquals("The team already has a catalog", dialogs.last("error").headline());
        assertTrue(dialogs.last("error").detail().startsWith("revision 1 by ben, 2 h ago was shared first"));
        assertEquals(
                "{\"models\":[]}", server.latestSharedCatalog().orElseThrow().json());
        assertEquals(1, server.sharedCatalogRevisions(10).size());
        assertEquals(cache, inUse.get().file(), "ben's catalog is in use");
    }
}
