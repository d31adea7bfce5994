// SPDX-License-Identifier: Apache-2.0
package dev.costbench.store;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** app/store depends on app/model only — no JavaFX, HTTP, media decoding or CLI. */
@AnalyzeClasses(packages = "dev.costbench.store", importOptions = ImportOption.DoNotIncludeTests.class)
class StoreArchitectureTest {

    @ArchTest
    static final ArchRule storeUsesOnlyTheModel = noClasses()
            .that()
            .resideInAPackage("dev.costbench.store..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "javafx..",
                    "okhttp3..",
                    "java.net.http..",
                    "java.awt..",
                    "javax.swing..",
                    "dev.costbench.ui..",
                    "dev.costbench.cli..",
                    "dev.costbench.media..",
                    "dev.costbench.providers..");
}
