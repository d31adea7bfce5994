// SPDX-License-Identifier: Apache-2.0
package dev.costbench.ui;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.syntax.elements.GivenClassesConjunction;
import java.util.List;
import java.util.concurrent.Executors;
import javafx.application.Platform;
import javafx.concurrent.Service;
import javafx.concurrent.Task;
import javafx.scene.control.Alert;
import javafx.scene.control.ChoiceDialog;
import javafx.scene.control.Dialog;
import javafx.scene.control.TextInputDialog;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The UI's spine holds: features do not know each other (hand-offs go through ui.common.handoff, wired by the
 * composition root), and only ui.common starts threads, touches the FX event queue or opens dialogs. No display.
 */
class UiArchitectureTest {

    private static final List<String> FEATURES = List.of("prompt", "media", "scenario", "lab", "providers", "workload");
    /** Start-up diagnostics of the launcher (not part of any view): a probe thread and the CDS archive refresh. */
    private static final List<String> LAUNCH = List.of(
            "dev.costbench.ui.StartupProbe",
            "dev.costbench.ui.AppCds",
            "dev.costbench.ui.Launcher",
            "dev.costbench.ui.SelfTest");

    private static final JavaClasses UI = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.costbench.ui");

    @TestFactory
    List<DynamicTest> featuresDoNotImportEachOther() {
        return FEATURES.stream()
                .map(f -> DynamicTest.dynamicTest(f, () -> {
                    String[] others = FEATURES.stream()
                            .filter(o -> !o.equals(f))
                            .map(o -> "dev.costbench.ui." + o + "..")
                            .toArray(String[]::new);
                    noClasses()
                            .that()
                            .resideInAPackage("dev.costbench.ui." + f + "..")
                            .should()
                            .dependOnClassesThat()
                            .resideInAnyPackage(others)
                            .check(UI);
                }))
                .toList();
    }

    @Test
    void theSpineKnowsNoFeature() {
        noClasses()
                .that()
                .resideInAPackage("dev.costbench.ui.common..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "dev.costbench.ui.prompt..",
                        "dev.costbench.ui.media..",
                        "dev.costbench.ui.scenario..",
                        "dev.costbench.ui.lab..",
                        "dev.costbench.ui.providers..",
                        "dev.costbench.ui.workload..",
                        "dev.costbench.ui.shell..")
                .check(UI);
    }

    @Test
    void onlyTheSpineStartsThreadsOrTouchesTheEventQueue() {
        ArchRule rule = outsideTheSpine()
                .should()
                .callConstructorWhere(DescribedPredicate.describe(
                        "a Thread's", c -> c.getTargetOwner().isAssignableTo(Thread.class)))
                .orShould()
                .callMethod(Platform.class, "runLater", Runnable.class)
                .orShould()
                .callMethodWhere(DescribedPredicate.describe(
                        "an Executors factory", c -> c.getTargetOwner().isEquivalentTo(Executors.class)))
                .orShould()
                .dependOnClassesThat()
                .belongToAnyOf(Task.class, Service.class)
                .because("background work goes through ui.common.TaskExecutor");
        rule.check(UI);
    }

    @Test
    void onlyTheSpineOpensDialogs() {
        outsideTheSpine()
                .should()
                .dependOnClassesThat()
                .belongToAnyOf(
                        Alert.class,
                        Dialog.class,
                        TextInputDialog.class,
                        ChoiceDialog.class,
                        FileChooser.class,
                        DirectoryChooser.class)
                .because("alerts, questions and file choosers go through ui.common.DialogService")
                .check(UI);
    }

    private static GivenClassesConjunction outsideTheSpine() {
        return noClasses()
                .that()
                .resideOutsideOfPackage("dev.costbench.ui.common..")
                .and()
                .doNotHaveFullyQualifiedName(LAUNCH.get(0))
                .and()
                .doNotHaveFullyQualifiedName(LAUNCH.get(1))
                .and()
                .doNotHaveFullyQualifiedName(LAUNCH.get(2))
                .and()
                .doNotHaveFullyQualifiedName(LAUNCH.get(3));
    }
}
