// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.lab;

import java.util.List;
import java.util.Optional;

/**
 * Saved cost scenarios, by name.
 * Every method is its own transaction and is durable when it returns (see {@link LabStore}).
 */
public interface ScenarioRepository {

    // ---- saved scenarios ----

    /** Creates the scenario, or replaces the content of the one with this name. */
    SavedScenario saveScenario(String name, String json);

    /** All scenarios by name. */
    List<SavedScenario> listScenarios();

    Optional<SavedScenario> findScenario(String name);

    /** Renames a scenario; false when there is none by {@code from}, an exception when {@code to} is taken. */
    boolean renameScenario(String from, String to);

    boolean deleteScenario(String name);
}
