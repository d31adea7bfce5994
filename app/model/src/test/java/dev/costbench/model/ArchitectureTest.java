// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * app/model is pure Java — no JavaFX, no HTTP, no JDBC, no AWT/Swing — and depends on no other module
 * (the lab store's interface lives here, its H2 implementation in app/store).
 */
@AnalyzeClasses(packages = "dev.costbench.model", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule modelIsPureJava = noClasses()
            .that()
            .resideInAPackage("dev.costbench.model..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "javafx..",
                    "okhttp3..",
                    "java.net.http..",
                    "java.sql..",
                    "javax.sql..",
                    "org.h2..",
                    "org.flywaydb..",
                    "java.awt..",
                    "javax.swing..",
                    "dev.costbench.ui..",
                    "dev.costbench.store..",
                    "dev.costbench.media..",
                    "dev.costbench.cli..");

    /**
     * The A/B lab ({@code model.lab..}) sits on top of the cost domain and nothing in the domain depends on it, so it
     * can move into a module of its own without a code change (docs/architecture.md, "Why model/lab stays in
     * app/model").
     */
    @ArchTest
    static final ArchRule theCostDomainDoesNotDependOnTheLab = noClasses()
            .that()
            .resideInAPackage("dev.costbench.model..")
            .and()
            .resideOutsideOfPackage("dev.costbench.model.lab..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("dev.costbench.model.lab..");
}
