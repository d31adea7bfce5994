// SPDX-License-Identifier: Apache-2.0
package dev.costbench.store;

import dev.costbench.model.lab.LabStoreException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Optional;
import java.util.Properties;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;

/**
 * The lab store on a PostgreSQL server: the team store several CostBench clients share. The same repositories as
 * the embedded {@link H2LabStore}, the same Flyway migrations (as {@link Dialect#POSTGRESQL} runs them).
 *
 * <p>Differences from the embedded file: there is no "store in use" (a server serves many clients, each with its
 * own connection), no RUNNING experiment is marked interrupted on open (another client may be running it), and
 * backups are the server's business ({@code pg_dump}), not CostBench's. A transaction that lost a race with another
 * client is run again, and a connection that dropped (the server restarted, the network went away) is opened
 * again and the interrupted transaction run once more ({@link Tx}). Flyway takes a PostgreSQL advisory lock while
 * it migrates, so two clients that start together upgrade the schema once.
 */
public final class ServerLabStore extends JdbcLabStore {

    private final StoreUrl url;

    private ServerLabStore(StoreUrl url, Connection conn, String author, Tx.Connector reconnect) throws SQLException {
        super(new Tx(conn, url.redacted(), Dialect.POSTGRESQL, author, reconnect, server(url)));
        this.url = url;
    }

    /**
     * Opens (creating or upgrading the schema of) the team store at {@code url}, as this client's author.
     *
     * @param password the database password (from the credential store), or null when the server needs none or
     *     the URL names it
     * @throws LabStoreException when the server cannot be reached, refuses the login, or holds a newer schema
     */
    public static ServerLabStore open(StoreUrl url, String password) {
        return open(url, password, Authors.current());
    }

    /** {@link #open(StoreUrl, String)} recording new rows as created by {@code author}. */
    public static ServerLabStore open(StoreUrl url, String password, String author) {
        migrate(url, password);
        Connection conn = null;
        try {
            conn = connect(url, password);
            // after a dropped connection the store connects again with the password it was opened with
            return new ServerLabStore(url, conn, Authors.clean(author), () -> connect(url, password));
        } catch (SQLException | RuntimeException e) {
            StoreOpener.closeQuietly(conn);
            throw failure(url, e);
        }
    }

    /** Connects and disconnects: the "Test connection" check. Returns the server's version. */
    public static String test(StoreUrl url, String password) {
        try (Connection c = connect(url, password)) {
            return c.getMetaData().getDatabaseProductName() + " "
                    + c.getMetaData().getDatabaseProductVersion();
        } catch (SQLException e) {
            throw failure(url, e);
        }
    }

    @Override
    public String location() {
        return url.redacted();
    }

    /** The store's URL (it never holds the password the store was opened with). */
    public StoreUrl url() {
        return url;
    }

    @Override
    public void close() {
        tx.close(() -> {});
    }

    private static void migrate(StoreUrl url, String password) {
        Flyway flyway = Flyway.configure()
                .dataSource(url.jdbcUrl(), url.user(), password)
                .resourceProvider(new Migrations(Dialect.POSTGRESQL))
                .locations(Schema.LOCATION)
                .connectRetries(0)
                .load();
        Optional<String> newer;
        try {
            newer = Schema.newerVersion(flyway, url.redacted());
        } catch (LabStoreException e) {
            throw e.getCause() instanceof FlywayException && e.getCause().getCause() instanceof SQLException
                    ? failure(url, (SQLException) e.getCause().getCause())
                    : e;
        }
        if (newer.isPresent()) {
            throw new LabStoreException("The team store at " + url.redacted() + " was written by a newer CostBench "
                    + "(schema version " + newer.get() + "); update CostBench to use it. Nothing was changed.");
        }
        try {
            flyway.migrate();
        } catch (FlywayException e) {
            throw new LabStoreException(
                    "Could not create or upgrade the tables of the team store at "
                            + url.redacted() + ": " + Schema.firstLine(e.getMessage())
                            + ". The user needs the right to create tables in that database.",
                    e);
        }
    }

    /** How long a statement's answer may take before the connection counts as lost (the URL may say otherwise). */
    static final long SOCKET_TIMEOUT_SECONDS = 120;

    private static Connection connect(StoreUrl url, String password) throws SQLException {
        Properties p = new Properties();
        if (url.user() != null) {
            p.setProperty("user", url.user());
        }
        if (password != null && !password.isEmpty()) {
            p.setProperty("password", password);
        }
        p.setProperty("ApplicationName", "CostBench");
        p.setProperty("connectTimeout", "10");
        // A network that goes silent (instead of refusing) must not hang the store: an answer awaited longer than
        // this fails like a dropped connection (reconnect, then the "not reachable" message); keep-alive probes find
        // a dead peer between calls. The store's own statements take well under a second; a URL may set others.
        p.setProperty("socketTimeout", Long.toString(SOCKET_TIMEOUT_SECONDS));
        p.setProperty("tcpKeepAlive", "true");
        return DriverManager.getConnection(url.jdbcUrl(), p);
    }

    /** The server as users know it, {@code host:port} (PostgreSQL's port 5432 when the URL names none). */
    static String server(StoreUrl url) {
        String rest = url.jdbcUrl().substring("jdbc:postgresql://".length());
        String hostPort = rest.substring(0, rest.indexOf('/'));
        int bracket = hostPort.lastIndexOf(']');
        return hostPort.indexOf(':', bracket + 1) < 0 ? hostPort + ":5432" : hostPort;
    }

    /** What went wrong talking to the server, and what to do, without the password. */
    static LabStoreException failure(StoreUrl url, Exception e) {
        if (e instanceof LabStoreException) {
            return (LabStoreException) e;
        }
        String state = e instanceof SQLException ? ((SQLException) e).getSQLState() : null;
        String where = url.redacted();
        String why = e.getMessage() == null ? e.toString() : Schema.firstLine(e.getMessage());
        String todo;
        if (state != null && state.startsWith("08")) {
            todo = "Check that the server runs and that the host and port in the URL are right.";
        } else if ("28P01".equals(state) || "28000".equals(state)) {
            todo = "Check the user name and the password (Settings › Team store).";
        } else if ("3D000".equals(state)) {
            todo = "Create that database on the server first (createdb), or fix its name in the URL.";
        } else {
            todo = "Check the URL, the user and the password.";
        }
        return new LabStoreException("Could not open the team store at " + where + ": " + why + ". " + todo, e);
    }
}
