// SPDX-License-Identifier: Apache-2.0
package dev.costbench.ui;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.parallel.Resources;

/**
 * A test that drives the real JavaFX toolkit on the display (TestFX). The module's test classes run two at a time
 * (test.parallel in app/ui/pom.xml): the view-model tests beside each other and beside one of these,
 * while these hold the display (one robot, one mouse pointer, one focused window) and the system properties (the app
 * on stage reads {@code costbench.dataDir}) for themselves. Each such class is also tagged {@code @Tag("ui")} itself
 * (surefire's excludedGroups does not see a tag on this annotation), so a build without a display leaves it out
 * ({@code -P no-display}, chosen automatically when DISPLAY is unset); {@link FxTestConventionTest} checks both.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@FxTest
@ResourceLock(FxTest.DISPLAY)
@ResourceLock(Resources.SYSTEM_PROPERTIES)
public @interface FxTest {
    /** The lock every {@link FxTest} class holds while it runs. */
    String DISPLAY = "costbench.display";
}
