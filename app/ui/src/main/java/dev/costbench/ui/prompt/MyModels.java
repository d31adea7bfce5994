// SPDX-License-Identifier: Apache-2.0
package dev.costbench.ui.prompt;

import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.prefs.Preferences;

/**
 * Where the user's "My models" set is kept between sessions: the model ids, one per line, in the user's Preferences
 * (the app's own node), or nowhere (tests, a fresh view model).
 */
public interface MyModels {

    Set<String> load();

    void save(Collection<String> ids);

    /** Nothing is kept: each start begins with an empty set. */
    static MyModels inMemory() {
        return new MyModels() {
            @Override
            public Set<String> load() {
                return Set.of();
            }

            @Override
            public void save(Collection<String> ids) {}
        };
    }

    /** Kept under the key {@code myModels} of {@code prefs}. */
    static MyModels in(Preferences prefs) {
        return new MyModels() {
            @Override
            public Set<String> load() {
                Set<String> ids = new LinkedHashSet<>(
                        Arrays.asList(prefs.get("myModels", "").split("\n")));
                ids.remove("");
                return ids;
            }

            @Override
            public void save(Collection<String> ids) {
                prefs.put("myModels", String.join("\n", ids));
            }
        };
    }
}
