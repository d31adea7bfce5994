// SPDX-License-Identifier: Apache-2.0
package dev.costbench.ui.scenario;

import dev.costbench.model.app.AppDirs;
import dev.costbench.model.lab.LabStore;
import dev.costbench.model.lab.SavedScenario;
import dev.costbench.model.scenario.Scenario;
import dev.costbench.model.scenario.ScenarioFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Where scenarios come from and go to: the ones saved in the local store (newest first) and the built-in samples.
 * No UI; its methods may run off the FX thread.
 */
final class ScenarioLibrary {

    private final Supplier<LabStore> store;

    /** @param store the local store, or null while it is not open */
    ScenarioLibrary(Supplier<LabStore> store) {
        this.store = store;
    }

    /** The saved scenarios' names, then the samples'. */
    List<String> names() {
        List<String> names = new ArrayList<>(ScenarioFiles.SAMPLES);
        LabStore s = store.get();
        if (s != null) {
            for (SavedScenario x : s.listScenarios()) {
                names.add(0, x.name());
            }
        }
        return names;
    }

    /**
     * A saved scenario or a built-in sample by name.
     *
     * @throws IOException when there is none of that name, or its file cannot be read
     */
    Scenario find(String name) throws IOException {
        LabStore st = store.get();
        if (st != null) {
            Optional<SavedScenario> saved = st.findScenario(name);
            if (saved.isPresent()) {
                return ScenarioFiles.fromJson(saved.get().json(), name);
            }
        }
        if (ScenarioFiles.SAMPLES.contains(name)) {
            return ScenarioFiles.sample(name);
        }
        throw new IOException("There is no scenario named “" + name + "” in the local store or the samples.");
    }

    /** Saves {@code s} under its name; returns what the status line says. */
    String save(Scenario s) throws IOException {
        String json = ScenarioFiles.toJson(s);
        LabStore st = store.get();
        if (st != null) {
            st.saveScenario(s.name(), json);
            return "Saved “" + s.name() + "” in the local store.";
        }
        Path dir = AppDirs.dataDir().resolve("scenarios");
        Files.createDirectories(dir);
        Path f = dir.resolve(s.name().replaceAll("[^A-Za-z0-9._ -]", "_") + ".json");
        Files.writeString(f, json, StandardCharsets.UTF_8);
        return "The store is not open; saved as " + f;
    }

    /**
     * Renames the saved scenario {@code s} to {@code to} and saves it as it is now (its edits included); a sample
     * (or a scenario not saved yet) is saved under the new name instead. Returns what the status line says.
     */
    String rename(Scenario s, String to) throws IOException {
        LabStore st = store.get();
        if (st != null && st.findScenario(s.name()).isPresent()) {
            st.renameScenario(s.name(), to);
            st.saveScenario(to, ScenarioFiles.toJson(s.withName(to)));
            return "Renamed to “" + to + "”.";
        }
        return save(s.withName(to));
    }
}
