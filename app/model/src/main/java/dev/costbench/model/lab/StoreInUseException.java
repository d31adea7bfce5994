// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.lab;

import java.nio.file.Path;

/**
 * Another CostBench (another process, or another store in this one) already holds the lab database. The message is
 * meant for the user as it is.
 */
public class StoreInUseException extends LabStoreException {

    private final Path database;

    public StoreInUseException(Path database, Throwable cause) {
        super(
                "CostBench is already running and holds the database at " + database + "; close it, or start this "
                        + "one with another data directory (COSTBENCH_DATA_DIR or -Dcostbench.dataDir).",
                cause);
        this.database = database;
    }

    /** The database file that is in use. */
    public Path database() {
        return database;
    }
}
