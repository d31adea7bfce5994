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
 *
 * <p>A store given a {@link Connector} (the team store) survives a lost connection: when a transaction fails because
 * the connection dropped (see {@link Dialect#lostConnection}), it is rolled back, the connection is opened again and
 * the transaction run once more, unless the drop came while committing (then whether it was saved is unknown, and
 * the user is told so rather than risking a second write). When the server cannot be reached the call fails with
 * what to do, and the next call tries to connect again.
 */
final class Tx {

    /** Work inside a transaction. */
    @FunctionalInterface
    interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    /** Opens a new connection to the same database (its password held by the connector, never logged). */
    @FunctionalInterface
    interface Connector {
        Connection open() throws SQLException;
    }

    private Connection conn; // null after the connection was lost, until a call opens it again
    private final Connector connector;
    private final String server;
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
        this(conn, where, dialect, author, null, null);
    }

    /**
     * A transaction helper that opens the connection again after losing it.
     *
     * @param connector opens a new connection to the same database; null: a lost connection is not reopened
     * @param server    the server as the user knows it ({@code host:5432}), for messages
     */
    Tx(Connection conn, String where, Dialect dialect, String author, Connector connector, String server)
            throws SQLException {
        this.conn = conn;
        this.connector = connector;
        this.server = server;
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
            boolean reconnected = false;
            for (int attempt = 1; ; attempt++) {
                if (conn == null) {
                    reopen(what);
                    reconnected = true;
                }
                boolean committing = false;
                try {
                    T result = work.run(conn);
                    committing = true;
                    conn.commit();
                    return result;
                } catch (SQLException e) {
                    rollback();
                    if (connector != null && lost(e)) {
                        forgetConnection();
                        if (committing) {
                            throw new LabStoreException(
                                    "Could not " + what + ": the connection to the team store at " + server
                                            + " dropped while saving, so whether the changes of this action were"
                                            + " saved is unknown; check the result, and try again if they are"
                                            + " missing",
                                    e);
                        }
                        if (!reconnected) {
                            attempt--; // a new connection, not a lost race: the race retries keep their count
                            continue;
                        }
                        throw unreachable(what, e);
                    }
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

    /** Whether {@code e} means the connection is gone (rather than the statement failing on a live connection). */
    private boolean lost(SQLException e) {
        if (Dialect.lostConnection(e)) {
            return true;
        }
        try {
            return conn.isClosed();
        } catch (SQLException unknown) {
            return true;
        }
    }

    /** Opens the connection again; when the server cannot be reached, says so (the next call tries again). */
    private void reopen(String what) {
        try {
            Connection c = connector.open();
            try {
                c.setAutoCommit(false);
            } catch (SQLException e) {
                StoreOpener.closeQuietly(c);
                throw e;
            }
            conn = c;
        } catch (SQLException e) {
            throw unreachable(what, e);
        }
    }

    private LabStoreException unreachable(String what, SQLException e) {
        return new LabStoreException(
                "Could not " + what + ": the team store at " + server + " is not reachable — the changes of this"
                        + " action were not saved; check the server and try again",
                e);
    }

    private void forgetConnection() {
        StoreOpener.closeQuietly(conn);
        conn = null;
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
                if (conn != null) {
                    conn.close();
                }
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
