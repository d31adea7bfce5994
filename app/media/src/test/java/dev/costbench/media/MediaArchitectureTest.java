// SPDX-License-Identifier: Apache-2.0
package dev.costbench.media;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** app/media depends on app/model only: no JavaFX, no HTTP, no JDBC, no other CostBench module. */
@AnalyzeClasses(packages = "dev.costbench.media", importOptions = ImportOption.DoNotIncludeTests.class)
class MediaArchitectureTest {

    @ArchTest
    static final ArchRule mediaUsesOnlyTheModel = noClasses()
            .that()
            .resideInAPackage("dev.costbench.media..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "javafx..",
                    "okhttp3..",
                    "java.net.http..",
                    "java.sql..",
                    "org.h2..",
                    "dev.costbench.ui..",
                    "dev.costbench.cli..",
                    "dev.costbench.store..",
                    "dev.costbench.providers..");
}
