// SPDX-License-Identifier: Apache-2.0
package dev.costbench.store;

import dev.costbench.model.lab.LabStoreException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The one transaction helper the repositories share: all calls use one connection, one transaction at a time, under
 * a lock. A desktop lab writes a few trials per second; reads of a history of 100,000 trials are single indexed
 * queries.
 *
 * <p>On a server other clients write at the same time: a transaction that lost a race with one of them (see
 * {@link Dialect#retryable}) is rolled back and run again, a few times, after a short random pause. Work passed here
 * must therefore only touch the database (and values it computes from it), never state outside it.
 */
final class Tx {

    /** Work inside a transaction. */
    @FunctionalInterface
    interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    private final Connection conn;
    private final String where;
    private final Dialect dialect;
    private final ReentrantLock lock = new ReentrantLock();
    private volatile String author;
    private boolean closed;

    /**
     * @param where   the database as messages name it (its file, or the server)
     * @param author  who this client's new experiments, scenarios and ledger rows are recorded as created by
     */
    Tx(Connection conn, String where, Dialect dialect, String author) throws SQLException {
        this.conn = conn;
        this.where = where;
        this.dialect = dialect;
        this.author = author;
        conn.setAutoCommit(false);
    }

    Dialect dialect() {
        return dialect;
    }

    /** The current instant to the precision the database keeps, so what a write returns equals what a read gives. */
    Instant now() {
        return dialect.kept(Instant.now());
    }

    /** Who new rows are recorded as created by. */
    String author() {
        return author;
    }

    void author(String name) {
        this.author = name;
    }

    /** Runs {@code work} as one transaction: committed when it returns, rolled back when it throws. */
    <T> T run(String what, Work<T> work) {
        lock.lock();
        try {
            if (closed) {
                throw new IllegalStateException("the lab store is closed");
            }
            for (int attempt = 1; ; attempt++) {
                try {
                    T result = work.run(conn);
                    conn.commit();
                    return result;
                } catch (SQLException e) {
                    rollback();
                    if (attempt < Dialect.ATTEMPTS && dialect.retryable(e)) {
                        pause(attempt);
                        continue;
                    }
                    throw new LabStoreException(
                            "Could not " + what + " (database " + where + "): " + e.getMessage(), e);
                } catch (RuntimeException e) {
                    rollback();
                    throw e;
                }
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

    private static void pause(int attempt) {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(5, 20L * attempt + 5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
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
                throw new LabStoreException("Could not close the database at " + where + ": " + e.getMessage(), e);
            } finally {
                released.run();
            }
        } finally {
            lock.unlock();
        }
    }
}
