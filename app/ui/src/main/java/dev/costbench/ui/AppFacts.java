// SPDX-License-Identifier: Apache-2.0
package dev.costbench.ui;

import dev.costbench.model.app.AppDirs;
import dev.costbench.model.catalog.Catalog;
import dev.costbench.model.catalog.CatalogBuilder;
import dev.costbench.model.catalog.refresh.PriceFileDownloader;
import dev.costbench.providers.pricefile.HttpPriceFileDownloader;
import dev.costbench.ui.shell.WorkbenchViewModel;
import java.nio.file.Files;
import java.nio.file.Path;

/** What the composition root hands the shell about the app itself: where its catalog comes from, About and licences. */
final class AppFacts {

    private AppFacts() {}

    static WorkbenchViewModel.CatalogSource catalogSource() {
        return new WorkbenchViewModel.CatalogSource() {
            @Override
            public Catalog load() {
                return CatalogBuilder.withUserCatalog(AppDirs.userCatalog());
            }

            @Override
            public Path userCatalog() {
                return AppDirs.userCatalog();
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
