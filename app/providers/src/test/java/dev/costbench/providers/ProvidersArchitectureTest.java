// SPDX-License-Identifier: Apache-2.0
package dev.costbench.providers;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * app/providers depends on app/model only (no JavaFX, no JDBC, no media decoding), and every request goes through
 * one place that decides about redirects: only the transport builds OkHttp clients.
 */
@AnalyzeClasses(packages = "dev.costbench.providers", importOptions = ImportOption.DoNotIncludeTests.class)
class ProvidersArchitectureTest {

    @ArchTest
    static final ArchRule providersUseOnlyTheModel = noClasses()
            .that()
            .resideInAPackage("dev.costbench.providers..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "javafx..",
                    "java.sql..",
                    "org.h2..",
                    "java.awt..",
                    "javax.swing..",
                    "dev.costbench.ui..",
                    "dev.costbench.cli..",
                    "dev.costbench.store..",
                    "dev.costbench.media..");

    @ArchTest
    static final ArchRule noSecondHttpStack = noClasses()
            .that()
            .resideInAPackage("dev.costbench.providers..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("java.net.http..");
}
