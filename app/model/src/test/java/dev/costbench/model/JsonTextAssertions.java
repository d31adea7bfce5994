// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** Checks on JSON as written to a file (the text, not the parsed tree). */
public final class JsonTextAssertions {

    private JsonTextAssertions() {}

    /** Every one of {@code parts} stands in {@code json} (the failure shows the whole text). */
    public static void assertContainsAll(String json, String... parts) {
        for (String p : parts) {
            assertTrue(json.contains(p), json);
        }
    }
}
