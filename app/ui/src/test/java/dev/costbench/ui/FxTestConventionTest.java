// SPDX-License-Identifier: Apache-2.0
package dev.costbench.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.platform.commons.annotation.Testable;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;

/**
 * Test classes run two at a time (junit-platform.properties), so every class that drives the real toolkit must hold
 * the display lock: it is marked {@link FxTest}, not a bare {@code @Tag("ui")}, and nothing that uses TestFX's robot
 * or application extension goes without it.
 */
class FxTestConventionTest {

    @Test
    void everyClassThatDrivesTheToolkitIsAnFxTest() {
        List<String> missing = new ClassFileImporter()
                        .withImportOption(ImportOption.Predefined.ONLY_INCLUDE_TESTS)
                        .importPackages("dev.costbench.ui")
                        .stream()
                        .filter(c -> c.getEnclosingClass().isEmpty())
                        .filter(FxTestConventionTest::drivesTheToolkit)
                        .filter(c -> !c.isAnnotatedWith(FxTest.class))
                        .filter(c -> !c.isAnnotation())
                        .map(JavaClass::getName)
                        .sorted()
                        .toList();
        assertEquals(
                List.of(), missing, "mark these @FxTest (they drive the toolkit but do not hold the display lock)");
    }

    private static boolean drivesTheToolkit(JavaClass c) {
        boolean tagged = c.tryGetAnnotationOfType(Tag.class)
                .map(t -> t.value().equals("ui"))
                .orElse(false);
        boolean robot = Stream.concat(c.getMethods().stream(), c.getConstructors().stream())
                .anyMatch(m -> m.getRawParameterTypes().stream().anyMatch(p -> p.isEquivalentTo(FxRobot.class)));
        boolean extension = c.tryGetAnnotationOfType(ExtendWith.class)
                .map(e -> List.of(e.value()).contains(ApplicationExtension.class))
                .orElse(false);
        boolean tests = c.getMethods().stream().anyMatch(m -> m.isMetaAnnotatedWith(Testable.class));
        return tests && (tagged || robot || extension);
    }
}
