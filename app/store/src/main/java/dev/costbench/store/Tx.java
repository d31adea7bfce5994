// SPDX-License-Identifier: Apache-2.0
package dev.costbench.store;

import dev.costbench.model.lab.LabStoreException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The one transaction helper the repositories share: all calls use one connection, one transaction at a time, under
 * a lock. A desktop lab writes a few trials per second; reads of a history of 100,000 trials are single indexed
 * queries.
 */
final class Tx {

    /** Work inside a transaction. */
    @FunctionalInterface
    interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    private final Connection conn;
    private final Path file;
    private final ReentrantLock lock = new ReentrantLock();
    private boolean closed;

    Tx(Connection conn, Path file) throws SQLException {
        this.conn = conn;
        this.file = file;
        conn.setAutoCommit(false);
    }

    /** Runs {@code work} as one transaction: committed when it returns, rolled back when it throws. */
    <T> T run(String what, Work<T> work) {
        lock.lock();
        try {
            if (closed) {
                throw new IllegalStateException("the lab store is closed");
            }
            try {
                T result = work.run(conn);
                conn.commit();
                return result;
            } catch (SQLException e) {
                rollback();
                throw new LabStoreException("Could not " + what + " (database " + file + "): " + e.getMessage(), e);
            } catch (RuntimeException e) {
                rollback();
                throw e;
            }
        } finally {
            lock.unlock();
        }
    }

    /** Runs {@code work} under the lock unless the store is closed (then nothing); for background work. */
    void ifOpen(Runnable work) {
        lock.lock();
        try {
            if (!closed) {
                work.run();
            }
        } finally {
            lock.unlock();
        }
    }

    /** The connection, for work that {@link #ifOpen} runs. */
    Connection connection() {
        return conn;
    }

    private void rollback() {
        try {
            conn.rollback();
        } catch (SQLException ignored) {
            // the original failure is what matters
        }
    }

    /** Closes the connection, then runs {@code released} (even when closing failed); nothing when closed already. */
    void close(Runnable released) {
        lock.lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            try {
                conn.close();
            } catch (SQLException e) {
                throw new LabStoreException("Could not close the database at " + file + ": " + e.getMessage(), e);
            } finally {
                released.run();
            }
        } finally {
            lock.unlock();
        }
    }
}
