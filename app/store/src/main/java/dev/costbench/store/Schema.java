// SPDX-License-Identifier: Apache-2.0
package dev.costbench.store;

import dev.costbench.model.lab.LabStoreException;
import java.nio.file.Path;
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

    private Schema() {
    }

    static Flyway flyway(DataSource ds) {
        return Flyway.configure()
                .dataSource(ds)
                .locations(LOCATION)
                .failOnMissingLocations(true)
                .load();
    }

    /** Creates or upgrades the schema; refuses a database written by a newer CostBench. */
    static void migrate(DataSource ds, Path file) {
        Flyway flyway = flyway(ds);
        try {
            for (MigrationInfo m : flyway.info().applied()) {
                if (m.getState() == MigrationState.FUTURE_SUCCESS || m.getState() == MigrationState.FUTURE_FAILED) {
                    throw new LabStoreException("The database at " + file + " was written by a newer CostBench "
                            + "(schema version " + m.getVersion() + "); update CostBench to open it.");
                }
            }
            flyway.migrate();
        } catch (FlywayException e) {
            throw new LabStoreException("Could not create or upgrade the database at " + file + ": "
                    + e.getMessage(), e);
        }
    }
}
