// SPDX-License-Identifier: Apache-2.0
package dev.costbench.cli;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The command line runs without a display (no JavaFX, no UI), {@code Cli} is a pure dispatcher that no command calls
 * back into, and the terminal helpers know no command.
 */
@AnalyzeClasses(packages = "dev.costbench.cli", importOptions = ImportOption.DoNotIncludeTests.class)
class CliArchitectureTest {

    @ArchTest
    static final ArchRule noDisplay = noClasses()
            .that()
            .resideInAPackage("dev.costbench.cli..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("javafx..", "dev.costbench.ui..");

    @ArchTest
    static final ArchRule commandsDoNotCallBackIntoTheDispatcher = noClasses()
            .that()
            .resideInAPackage("dev.costbench.cli.command..")
            .should()
            .dependOnClassesThat()
            .haveFullyQualifiedName("dev.costbench.cli.Cli");

    @ArchTest
    static final ArchRule terminalHelpersKnowNoCommand = noClasses()
            .that()
            .resideInAPackage("dev.costbench.cli.term..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("dev.costbench.cli.command..");
}
