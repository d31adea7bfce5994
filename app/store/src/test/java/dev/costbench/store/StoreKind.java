// SPDX-License-Identifier: Apache-2.0
package dev.costbench.store;

import java.nio.file.Path;
import java.time.Instant;

/**
 * The databases the store suite runs against: the embedded H2 file and a real PostgreSQL server ({@link PgServer};
 * its cases are skipped, with the reason, where none is reachable).
 */
enum StoreKind {
    H2,
    POSTGRESQL;

    /** A new, empty store of this kind; the factory opens that same store again each time it is called. */
    StoreFactory fresh(Path dir) {
        if (this == H2) {
            return () -> H2LabStore.open(dir);
        }
        StoreUrl url = PgServer.freshDatabase();
        return () -> ServerLabStore.open(url, null);
    }

    /** {@code t} as this database keeps it: H2 to the nanosecond, PostgreSQL to the microsecond (rounded). */
    Instant kept(Instant t) {
        return (this == H2 ? Dialect.H2 : Dialect.POSTGRESQL).kept(t);
    }

    /** Opens one store; each call opens the same database again. */
    @FunctionalInterface
    interface StoreFactory {
        JdbcLabStore open();
    }
}
