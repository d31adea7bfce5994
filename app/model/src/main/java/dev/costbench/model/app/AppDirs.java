// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.app;

import java.nio.file.Path;
import java.util.Locale;

/**
 * Where CostBench keeps the user's data (user catalog, settings, later the H2 store). Override with the system
 * property {@code costbench.dataDir} or the environment variable {@code COSTBENCH_DATA_DIR} (tests do).
 */
public final class AppDirs {

    private AppDirs() {}

    public static Path dataDir() {
        String prop = System.getProperty("costbench.dataDir");
        if (prop != null && !prop.isBlank()) {
            return Path.of(prop);
        }
        String env = System.getenv("COSTBENCH_DATA_DIR");
        if (env != null && !env.isBlank()) {
            return Path.of(env);
        }
        String home = System.getProperty("user.home");
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        if (os.contains("win")) {
            String appData = System.getenv("APPDATA");
            return Path.of(appData != null ? appData : home, "CostBench");
        }
        if (os.contains("mac")) {
            return Path.of(home, "Library", "Application Support", "CostBench");
        }
        String xdg = System.getenv("XDG_DATA_HOME");
        return Path.of(
                xdg != null && !xdg.isBlank()
                        ? xdg
                        : Path.of(home, ".local", "share").toString(),
                "costbench");
    }

    /** The user's catalog, layered over the built-in one. */
    public static Path userCatalog() {
        return dataDir().resolve("catalog.json");
    }

    /** The user's rate card (negotiated discounts and markups), beside the user catalog. */
    public static Path rateCard() {
        return dataDir().resolve("rate-card.json");
    }
}
