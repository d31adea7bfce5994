// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.lab.promptfoo;

/**
 * A part of a promptfoo configuration the import left out.
 *
 * @param path where it is in the configuration ("tests[2].assert[0]", "providers[1]")
 * @param why  what it is and why it was not mapped, with what to do instead where there is something
 */
public record Unmapped(String path, String why) {

    @Override
    public String toString() {
        return path + ": " + why;
    }
}
