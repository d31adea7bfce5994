// SPDX-License-Identifier: Apache-2.0
package dev.costbench.ui.common;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.parallel.Resources;

/** The workbench's settings live where costbench.preferences says (the test runs set it), else in the user's node. */
// sets costbench.dataDir / costbench.preferences for a while: not beside a test that reads them
@ResourceLock(Resources.SYSTEM_PROPERTIES)
class UserPrefsTest {

    @Test
    void theSystemPropertyNamesTheRootAndEveryViewNodeIsUnderIt() {
        String before = System.getProperty(UserPrefs.PROPERTY);
        try {
            System.setProperty(UserPrefs.PROPERTY, "dev/costbench/test-prefs");
            assertEquals("/dev/costbench/test-prefs", UserPrefs.root().absolutePath());
            assertEquals(
                    "/dev/costbench/test-prefs/prompt", UserPrefs.node("prompt").absolutePath());
            System.clearProperty(UserPrefs.PROPERTY);
            assertEquals("/" + UserPrefs.DEFAULT_ROOT, UserPrefs.root().absolutePath());
        } finally {
            if (before == null) {
                System.clearProperty(UserPrefs.PROPERTY);
            } else {
                System.setProperty(UserPrefs.PROPERTY, before);
            }
        }
    }
}
