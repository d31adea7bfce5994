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
 * Test classes run two at a time (test.parallel in app/ui/pom.xml), so every class that drives the real toolkit must
 * hold the display lock ({@link FxTest}) and be tagged {@code ui} itself (left out of a build without a display):
 * nothing that uses TestFX's robot or application extension goes without both.
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
                        .filter(c -> !c.isAnnotatedWith(FxTest.class) || !taggedUi(c))
                        .filter(c -> !c.isAnnotation())
                        .map(JavaClass::getName)
                        .sorted()
                        .toList();
        assertEquals(
                List.of(),
                missing,
                "mark these @FxTest and @Tag(\"ui\") (they drive the toolkit: the display lock, and left out without a display)");
    }

    private static boolean taggedUi(JavaClass c) {
        return c.tryGetAnnotationOfType(Tag.class)
                .map(t -> t.value().equals("ui"))
                .orElse(false);
    }

    private static boolean drivesTheToolkit(JavaClass c) {
        boolean tagged = taggedUi(c);
        boolean robot = Stream.concat(c.getMethods().stream(), c.getConstructors().stream())
                .anyMatch(m -> m.getRawParameterTypes().stream().anyMatch(p -> p.isEquivalentTo(FxRobot.class)));
        boolean extension = c.tryGetAnnotationOfType(ExtendWith.class)
                .map(e -> List.of(e.value()).contains(ApplicationExtension.class))
                .orElse(false);
        boolean tests = c.getMethods().stream().anyMatch(m -> m.isMetaAnnotatedWith(Testable.class));
        return tests && (tagged || robot || extension);
    }
}
