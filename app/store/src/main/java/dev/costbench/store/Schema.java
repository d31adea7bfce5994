// SPDX-License-Identifier: Apache-2.0
package dev.costbench.store;

import dev.costbench.model.lab.LabStoreException;
import dev.costbench.model.lab.NewerStoreException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;

/**
 * The schema is defined only by the Flyway migrations in {@code db/migration} ({@code V1__…}, {@code V2__…}): a new
 * database is created by running them all, an older one is upgraded by running the ones it lacks. A released
 * migration is never edited (Flyway validates checksums); a change is a new version.
 */
final class Schema {

    static final String LOCATION = "classpath:db/migration";

    /**
     * Flyway logs through java.util.logging here (no SLF4J binding), eight INFO lines on every start. Only warnings
     * are worth the user's console, unless logging was configured for Flyway. Held in a field: JUL keeps loggers
     * weakly, and a collected logger would forget its level.
     */
    private static final Logger FLYWAY_LOG = Logger.getLogger("org.flywaydb");

    static {
        if (FLYWAY_LOG.getLevel() == null) {
            FLYWAY_LOG.setLevel(Level.WARNING);
        }
    }

    private Schema() {}

    static Flyway flyway(DataSource ds) {
        return flyway(ds, List.of());
    }

    /** Flyway on {@code ds} with the migrations of this build and, for tests, more locations. */
    static Flyway flyway(DataSource ds, List<String> extraLocations) {
        List<String> locations = new ArrayList<>();
        locations.add(LOCATION);
        locations.addAll(extraLocations);
        return Flyway.configure()
                .dataSource(ds)
                .locations(locations.toArray(String[]::new))
                .failOnMissingLocations(true)
                .load();
    }

    /** Refuses a database written by a newer CostBench: it is neither migrated nor changed. */
    static void refuseNewer(Flyway flyway, Path file) {
        Optional<String> newer = newerVersion(flyway, file.toString());
        if (newer.isPresent()) {
            throw new NewerStoreException(file, newer.get());
        }
    }

    /** The schema version of a newer CostBench that {@code flyway}'s database holds, if it does. */
    static Optional<String> newerVersion(Flyway flyway, String where) {
        try {
            for (MigrationInfo m : flyway.info().applied()) {
                if (m.getState() == MigrationState.FUTURE_SUCCESS || m.getState() == MigrationState.FUTURE_FAILED) {
                    return Optional.of(m.getVersion().toString());
                }
            }
            return Optional.empty();
        } catch (FlywayException e) {
            throw new LabStoreException(
                    "Could not read the schema version of the database at " + where + ": " + firstLine(e.getMessage()),
                    e);
        }
    }

    /**
     * Runs the migrations. A failure is reported by the caller, which has put the backup back; Flyway's own
     * "Migration … failed! Please restore backups and roll back database and code!" would only confuse, so it is
     * kept off the console unless logging was configured for Flyway.
     */
    static void migrateQuietly(Flyway flyway) {
        boolean ours = FLYWAY_LOG.getLevel() == Level.WARNING;
        if (ours) {
            FLYWAY_LOG.setLevel(Level.OFF);
        }
        try {
            flyway.migrate();
        } finally {
            if (ours) {
                FLYWAY_LOG.setLevel(Level.WARNING);
            }
        }
    }

    /** True when the database lacks migrations of this build. */
    static boolean hasPending(Flyway flyway) {
        return flyway.info().pending().length > 0;
    }

    /** Creates or upgrades the schema; refuses a database written by a newer CostBench. */
    static void migrate(DataSource ds, Path file) {
        Flyway flyway = flyway(ds);
        refuseNewer(flyway, file);
        try {
            flyway.migrate();
        } catch (FlywayException e) {
            throw new LabStoreException(
                    "Could not create or upgrade the database at " + file + ": " + firstLine(e.getMessage()), e);
        }
    }

    static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return (nl < 0 ? s : s.substring(0, nl)).trim();
    }
}
