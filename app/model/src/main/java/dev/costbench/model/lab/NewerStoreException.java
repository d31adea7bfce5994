// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.lab;

import java.nio.file.Path;

/**
 * The lab database was written by a newer CostBench (its schema version is higher than this build knows). It is
 * refused as it is: never migrated, rewritten or wiped.
 */
public class NewerStoreException extends LabStoreException {

    private final Path database;
    private final String version;

    public NewerStoreException(Path database, String version) {
        super("The database at " + database + " was written by a newer CostBench (schema version " + version
                + "); update CostBench to open it. The file was left as it is.");
        this.database = database;
        this.version = version;
    }

    public Path database() {
        return database;
    }

    /** The database's schema version. */
    public String version() {
        return version;
    }
}
