// SPDX-License-Identifier: Apache-2.0
package dev.costbench.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.costbench.model.lab.Experiment;
import dev.costbench.model.lab.LabStoreException;
import dev.costbench.model.lab.NewExperiment;
import dev.costbench.model.lab.NewTrial;
import dev.costbench.model.lab.TrialCell;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The team store after its connection dropped: on the real PostgreSQL server, a backend ended by
 * {@code pg_terminate_backend} (what a server restart does to every client); on H2, a connection closed under the
 * store and a server that stays away for a while (the connector fails, then works again).
 */
class ReconnectTest {

    @TempDir
    Path dir;

    private JdbcLabStore store;
    private Connection memory;

    @AfterEach
    void close() throws SQLException {
        if (store != null) {
            store.close();
        }
        if (memory != null) {
            memory.close();
        }
    }

    @Test
    void aStoreWhoseServerEndedItsSessionReconnectsAndTheInterruptedWriteIsDoneOnce() throws SQLException {
        store = StoreKind.POSTGRESQL.fresh(dir).open();
        Fixtures.Setup s = Fixtures.setup(store, "Before the restart", 1, 2, List.of("gpt-4o-mini"), 1);
        int before = backendPid(store);

        assertEquals(1, terminateBackends(((ServerLabStore) store).url()), "the store's session was ended");

        // the next write meets the dead session: rolled back, reconnected, run again — once
        Experiment after = store.createExperiment(new NewExperiment("After", null, 1, null, List.of("gpt-5")));
        assertNotEquals(before, backendPid(store), "a new session");
        List<String> names =
                store.listExperiments().stream().map(Experiment::name).toList();
        assertEquals(2, names.size(), names.toString());
        assertTrue(names.containsAll(List.of("Before the restart", "After")), names.toString());
        assertEquals(after.id(), store.loadExperiment(after.id()).id());

        // and a read after another drop works as well
        assertEquals(1, terminateBackends(((ServerLabStore) store).url()));
        TrialCell cell = store.missingTrials(s.id()).get(0);
        NewTrial t = Fixtures.success(s.id(), cell);
        store.addTrial(t, Fixtures.charge(t));
        assertEquals(1, store.trials(s.id()).size());
    }

    @Test
    void aClosedConnectionIsOpenedAgainAndTheTransactionRunOnce() throws SQLException {
        String url = memoryDatabase();
        AtomicInteger runs = new AtomicInteger();
        Tx tx = reconnecting(url);
        tx.connection().close(); // dropped under the store

        tx.run("add a row", c -> {
            runs.incrementAndGet();
            return insert(c);
        });
        assertEquals(2, runs.get(), "run on the dead connection, then once more on the new one");
        assertEquals(1, rows(tx));
    }

    @Test
    void aServerStillAwaySaysSoAndTheNextCallTriesAgain() throws SQLException {
        String url = memoryDatabase();
        AtomicBoolean up = new AtomicBoolean(false);
        Tx tx = new Tx(
                DriverManager.getConnection(url),
                "test",
                Dialect.POSTGRESQL,
                "ana",
                () -> {
                    if (!up.get()) {
                        throw new SQLException("Connection to db.example:5432 refused.", "08001");
                    }
                    return DriverManager.getConnection(url);
                },
                "db.example:5432");
        tx.connection().close();

        LabStoreException away =
                assertThrows(LabStoreException.class, () -> tx.run("add a row", ReconnectTest::insert));
        assertEquals(
                "Could not add a row: the team store at db.example:5432 is not reachable — the changes of this action"
                        + " were not saved; check the server and try again",
                away.getMessage());
        LabStoreException still = assertThrows(LabStoreException.class, () -> tx.run("count", ReconnectTest::count));
        assertTrue(still.getMessage().contains("is not reachable"), still.getMessage());

        up.set(true);
        tx.run("add a row", ReconnectTest::insert);
        assertEquals(1, rows(tx), "the failed calls wrote nothing, the one after the server came back did");
    }

    @Test
    void aDropWhileCommittingIsNotRunAgain() throws SQLException {
        String url = memoryDatabase();
        AtomicInteger runs = new AtomicInteger();
        Tx tx = reconnecting(url);
        LabStoreException e = assertThrows(
                LabStoreException.class,
                () -> tx.run("add a row", c -> {
                    runs.incrementAndGet();
                    insert(c);
                    c.close(); // the connection goes down after the work, as the commit is sent
                    return null;
                }));
        assertEquals(1, runs.get(), "a write that may have been saved is not repeated");
        assertTrue(e.getMessage().contains("whether the changes of this action were saved is unknown"), e.getMessage());
        assertEquals(0, rows(tx), "the next call reconnects");
    }

    @Test
    void withoutAConnectorALostConnectionIsAnErrorAsBefore() throws SQLException {
        String url = memoryDatabase();
        Tx tx = new Tx(DriverManager.getConnection(url), "test", Dialect.H2, "ana");
        tx.connection().close();
        LabStoreException e = assertThrows(LabStoreException.class, () -> tx.run("count", ReconnectTest::count));
        assertFalse(e.getMessage().contains("team store"), e.getMessage());
    }

    /** A transaction helper on {@code url} that opens the connection again after losing it. */
    private static Tx reconnecting(String url) throws SQLException {
        return new Tx(
                DriverManager.getConnection(url),
                "test",
                Dialect.POSTGRESQL,
                "ana",
                () -> DriverManager.getConnection(url),
                "db.example:5432");
    }

    /** A named in-memory H2 database with one table, kept open by this test's own connection. */
    private String memoryDatabase() throws SQLException {
        String url = "jdbc:h2:mem:reconnect" + UUID.randomUUID().toString().replace("-", "");
        memory = DriverManager.getConnection(url);
        try (Statement st = memory.createStatement()) {
            st.execute("CREATE TABLE item (id INT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY, name VARCHAR(20))");
        }
        return url;
    }

    private static Long insert(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO item (name) VALUES ('one')")) {
            return (long) ps.executeUpdate();
        }
    }

    private static Long count(Connection c) throws SQLException {
        try (ResultSet rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM item")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static long rows(Tx tx) {
        return tx.run("count", ReconnectTest::count);
    }

    @Test
    void aServerThatGoesSilentTimesOutLikeADroppedConnectionAndTheStoreWorksAfter() throws SQLException {
        store = StoreKind.POSTGRESQL.fresh(dir).open();
        assertEquals(
                ServerLabStore.SOCKET_TIMEOUT_SECONDS * 1000,
                (long) store.tx.run("read the network timeout", Connection::getNetworkTimeout),
                "an answer awaited longer than this counts as a lost connection");

        // the same database with a 1 s limit, and a statement that keeps the server silent for 3 s
        StoreUrl url = ((ServerLabStore) store).url();
        try (ServerLabStore impatient = ServerLabStore.open(
                StoreUrl.parse(
                        url.jdbcUrl() + (url.jdbcUrl().contains("?") ? "&" : "?") + "socketTimeout=1", url.user()),
                null)) {
            AtomicInteger runs = new AtomicInteger();
            LabStoreException e = assertThrows(
                    LabStoreException.class,
                    () -> impatient.tx.run("wait for the server", c -> {
                        runs.incrementAndGet();
                        return c.createStatement().execute("SELECT pg_sleep(3)");
                    }));
            assertTrue(e.getMessage().contains("is not reachable"), e.getMessage());
            assertEquals(2, runs.get(), "tried once more on a new connection, then said so");
            assertEquals(0, impatient.listExperiments().size(), "the next call works");
        }
    }

    private static int backendPid(JdbcLabStore s) {
        return s.tx.run("read the session", c -> {
            try (ResultSet rs = c.createStatement().executeQuery("SELECT pg_backend_pid()")) {
                rs.next();
                return rs.getInt(1);
            }
        });
    }

    /**
     * Ends the CostBench sessions on the store's database from a second connection and waits until they are gone;
     * returns how many it ended.
     */
    private static int terminateBackends(StoreUrl url) throws SQLException {
        String sessions = " FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()"
                + " AND application_name = 'CostBench'";
        try (Connection admin = DriverManager.getConnection(url.jdbcUrl(), url.user(), url.password())) {
            int ended = queryInt(admin, "SELECT COUNT(*) FILTER (WHERE pg_terminate_backend(pid))" + sessions);
            for (int i = 0; i < 200 && queryInt(admin, "SELECT COUNT(*)" + sessions) > 0; i++) {
                try {
                    Thread.sleep(25);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
            return ended;
        }
    }

    private static int queryInt(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
