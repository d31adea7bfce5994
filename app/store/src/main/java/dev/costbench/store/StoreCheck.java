// SPDX-License-Identifier: Apache-2.0
package dev.costbench.store;

import java.nio.file.Path;
import java.util.List;

/**
 * The result of checking the lab database ({@code costbench store check}).
 *
 * @param database the file checked
 * @param findings what was found, one line each (size, schema version, rows per table, …)
 * @param problems what is wrong, one line each; empty when the database is sound
 */
public record StoreCheck(Path database, List<String> findings, List<String> problems) {

    public StoreCheck {
        findings = List.copyOf(findings);
        problems = List.copyOf(problems);
    }

    /** True when no problem was found. */
    public boolean ok() {
        return problems.isEmpty();
    }
}
