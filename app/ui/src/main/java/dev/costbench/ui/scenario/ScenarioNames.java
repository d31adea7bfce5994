// SPDX-License-Identifier: Apache-2.0
package dev.costbench.ui.scenario;

import dev.costbench.model.scenario.Scenario;
import dev.costbench.model.scenario.ScenarioFiles;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javafx.util.StringConverter;

/**
 * How the scenario pickers show an entry: a built-in sample by its name ("Video moderation — …"), not its file name
 * ({@code seed003-video-moderation}); a saved scenario by the name it was saved under.
 */
final class ScenarioNames extends StringConverter<String> {

    private static final Map<String, String> SAMPLES = new ConcurrentHashMap<>();

    static String display(String key) {
        if (key == null) {
            return "";
        }
        return SAMPLES.computeIfAbsent(key, k -> {
            try {
                Scenario s = ScenarioFiles.sample(k);
                return s == null ? k : s.name() + " (sample)";
            } catch (RuntimeException e) {
                return k;
            }
        });
    }

    @Override
    public String toString(String key) {
        return display(key);
    }

    @Override
    public String fromString(String text) {
        return text;
    }
}
