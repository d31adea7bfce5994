// SPDX-License-Identifier: Apache-2.0
package dev.costbench.ui;

import dev.costbench.model.app.AppDirs;
import dev.costbench.model.catalog.Catalog;
import dev.costbench.model.catalog.CatalogBuilder;
import dev.costbench.model.catalog.refresh.PriceFileDownloader;
import dev.costbench.model.catalog.team.CatalogOverrides;
import dev.costbench.model.catalog.team.TeamCatalog;
import dev.costbench.model.prompt.Role;
import dev.costbench.providers.pricefile.HttpPriceFileDownloader;
import dev.costbench.store.JdbcLabStore;
import dev.costbench.store.LabStores;
import dev.costbench.ui.common.UiContext;
import dev.costbench.ui.common.handoff.CatalogInUse;
import dev.costbench.ui.prompt.PromptViewModel;
import dev.costbench.ui.providers.TeamCatalogViewModel;
import dev.costbench.ui.shell.StoreAccess;
import dev.costbench.ui.shell.WorkbenchViewModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/** What the composition root hands the shell about the app itself: where its catalog comes from, About and licences. */
final class AppFacts {

    /** How often a team store's catalog is checked for a colleague's newer revision. */
    static final Duration TEAM_CATALOG_CHECK = Duration.ofMinutes(1);

    private AppFacts() {}

    /**
     * The user catalog overrides to start with: this computer's {@code catalog.json}; on a team store, until it opens
     * and the Team store card reads the team catalog, the team catalog fetched last time (else the personal file),
     * read only, so that no change lands outside the team store.
     */
    static CatalogInUse catalogInUse() {
        Path personal = AppDirs.userCatalog();
        Path cache = AppDirs.dataDir().resolve(TeamCatalog.FILE_NAME);
        boolean team;
        try {
            team = LabStores.choice(AppDirs.dataDir()).teamStore().isPresent();
        } catch (RuntimeException e) {
            team = false; // the store says why when it opens
        }
        if (!team) {
            return new CatalogInUse(CatalogOverrides.personal(personal));
        }
        boolean cached = Files.isRegularFile(cache);
        return new CatalogInUse(CatalogOverrides.readOnly(
                cached ? cache : personal,
                cached ? "the team catalog fetched last time (" + cache + ")" : "your own catalog overrides",
                "the team store has not opened yet, so the team catalog cannot be changed; nothing was written. "
                        + "Try again once it has opened (Providers ▸ Team store says which catalog is in use)."));
    }

    /** The catalog: the built-in one with the overrides in use. */
    static WorkbenchViewModel.CatalogSource catalogSource(CatalogInUse inUse) {
        return new WorkbenchViewModel.CatalogSource() {
            @Override
            public Catalog load() {
                return CatalogBuilder.withUserCatalog(inUse.get().file());
            }

            @Override
            public Path userCatalog() {
                return inUse.get().file();
            }

            @Override
            public CatalogOverrides overrides() {
                return inUse.get();
            }

            @Override
            public PriceFileDownloader downloader() {
                return new HttpPriceFileDownloader();
            }

            @Override
            public Catalog builtIn() {
                return CatalogBuilder.builtIn();
            }
        };
    }

    /**
     * The Team store card's catalog line: reads the team catalog each time the store opens and looks for colleagues'
     * newer revisions every {@link #TEAM_CATALOG_CHECK}.
     */
    static TeamCatalogViewModel teamCatalog(
            UiContext ui, StoreAccess storeAccess, CatalogInUse inUse, WorkbenchViewModel workbench) {
        TeamCatalogViewModel vm = new TeamCatalogViewModel(
                ui,
                () -> storeAccess.store() instanceof JdbcLabStore s && s.teamStore()
                        ? Optional.of(s.sharedCatalog())
                        : Optional.empty(),
                inUse,
                AppDirs.userCatalog(),
                AppDirs.dataDir().resolve(TeamCatalog.FILE_NAME),
                workbench::reloadCatalog,
                Clock.systemUTC());
        storeAccess.stateProperty().addListener((o, was, now) -> {
            if ("open".equals(now)) {
                vm.storeOpened();
                vm.startPolling(TEAM_CATALOG_CHECK);
            }
        });
        return vm;
    }

    static void seedExample(PromptViewModel vm) {
        vm.systemTextProperty()
                .set("You are a concise support assistant for an online store. Answer in two "
                        + "sentences or fewer. If the order number is missing, ask for it.");
        vm.addTurn(Role.USER, "Where is my order #1234?");
        vm.addTurn(Role.ASSISTANT, "Order #1234 shipped yesterday and should arrive within 2 business days.");
        vm.userTextProperty().set("Can I change the delivery address for order #5678?");
    }

    static String aboutText(Catalog c) {
        return "CostBench " + CostBenchApp.class.getPackage().getImplementationVersion() + "\nPricing catalog as of "
                + c.asOf() + ", " + c.size() + " models.\nUser data: " + AppDirs.dataDir();
    }

    /**
     * THIRD-PARTY-NOTICES.txt, which the installers put next to the application's jars; a development build has
     * none and says where it comes from.
     */
    static String licenceText() {
        try {
            Path jarDir = Path.of(CostBenchApp.class
                            .getProtectionDomain()
                            .getCodeSource()
                            .getLocation()
                            .toURI())
                    .getParent();
            Path notices = jarDir.resolve("THIRD-PARTY-NOTICES.txt");
            return Files.isRegularFile(notices)
                    ? Files.readString(notices)
                    : "This build was not made by the installers, so it carries no THIRD-PARTY-NOTICES.txt.\n"
                            + "installers/build.sh writes it from the bundled libraries' POMs "
                            + "(installers/common/Notices.java); the libraries are listed in app/*/pom.xml.";
        } catch (Exception ex) {
            return "The licence file could not be read: " + ex.getMessage();
        }
    }
}
