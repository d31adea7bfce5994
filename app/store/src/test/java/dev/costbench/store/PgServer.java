// SPDX-License-Identifier: Apache-2.0
package dev.costbench.store;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.opentest4j.TestAbortedException;

/**
 * A real PostgreSQL server for the store tests, one per test JVM, and a fresh database per test (a copy of a
 * template that holds the migrated schema, so each test starts from an empty store in milliseconds).
 *
 * <p>Where the server comes from, in this order:
 * <ol>
 *   <li>{@code COSTBENCH_TEST_PG_URL} (or {@code -Dcostbench.test.pg.url}): a server someone started, with a user
 *       that may create databases, e.g. {@code jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres}. CI
 *       ({@code .ci/run}) starts the distribution's {@code postgresql} package once and passes it this way.</li>
 *   <li>Else the PostgreSQL binaries of this machine ({@code initdb} and {@code pg_ctl} on the PATH or under
 *       {@code /usr/lib/postgresql/<version>/bin}): a throwaway cluster in a temporary folder, stopped and deleted
 *       when the JVM exits. PostgreSQL refuses to run as root, so as root the cluster belongs to the
 *       {@code postgres} user and is run through {@code runuser}.</li>
 *   <li>Else the PostgreSQL cases are skipped, with the reason; with {@code COSTBENCH_TEST_PG_REQUIRED=1} (CI)
 *       they fail instead.</li>
 * </ol>
 */
final class PgServer {

    private static final String TEMPLATE = "costbench_test_template_"
            + UUID.randomUUID().toString().replace("-", "").substring(0, 8);

    private static String adminUrl;
    private static String unavailable;
    private static boolean templateReady;

    private PgServer() {}

    /** A new, empty team store on the test server; skips (or fails, in CI) the calling test when there is none. */
    static synchronized StoreUrl freshDatabase() {
        String admin = adminUrl();
        try {
            if (!templateReady) {
                execute(admin, "CREATE DATABASE " + TEMPLATE);
                ServerLabStore.open(StoreUrl.parse(databaseUrl(admin, TEMPLATE), null), null)
                        .close();
                templateReady = true;
            }
            String name = "costbench_test_"
                    + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
            execute(admin, "CREATE DATABASE " + name + " TEMPLATE " + TEMPLATE);
            return StoreUrl.parse(databaseUrl(admin, name), null);
        } catch (SQLException e) {
            throw new IllegalStateException("The test PostgreSQL server at " + admin + " failed: " + e.getMessage(), e);
        }
    }

    /** The admin URL of the test server (a database the tests do not use). */
    static synchronized String adminUrl() {
        if (adminUrl == null && unavailable == null) {
            String given = System.getProperty("costbench.test.pg.url", System.getenv("COSTBENCH_TEST_PG_URL"));
            if (given != null && !given.isBlank()) {
                adminUrl = given.strip();
            } else {
                try {
                    adminUrl = startLocal();
                } catch (IOException | RuntimeException e) {
                    unavailable = e.getMessage();
                }
            }
        }
        if (adminUrl == null) {
            String why = "No PostgreSQL server for the store tests: " + unavailable + ". Set COSTBENCH_TEST_PG_URL to "
                    + "a server's URL (jdbc:postgresql://host:5432/postgres?user=postgres) or install PostgreSQL.";
            if ("1".equals(System.getenv("COSTBENCH_TEST_PG_REQUIRED"))) {
                throw new IllegalStateException(why);
            }
            throw new TestAbortedException(why);
        }
        return adminUrl;
    }

    /** {@code admin} pointing at database {@code name} (same host, port and parameters). */
    static String databaseUrl(String admin, String name) {
        int q = admin.indexOf('?');
        String base = q < 0 ? admin : admin.substring(0, q);
        String params = q < 0 ? "" : admin.substring(q);
        return base.substring(0, base.lastIndexOf('/') + 1) + name + params;
    }

    static void execute(String url, String sql) throws SQLException {
        StoreUrl u = StoreUrl.parse(url, null);
        try (Connection c = DriverManager.getConnection(u.jdbcUrl(), u.user(), u.password());
                Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static String startLocal() throws IOException {
        Path bin = binaries();
        boolean root = "root".equals(System.getProperty("user.name"));
        Path dir = Files.createTempDirectory("costbench-pg-");
        Path data = dir.resolve("data");
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        List<String> as = root ? List.of("runuser", "-u", "postgres", "--") : List.of();
        if (root) {
            run(List.of("chown", "postgres", dir.toString()));
        }
        run(concat(
                as,
                bin.resolve("initdb").toString(),
                "-D",
                data.toString(),
                "-A",
                "trust",
                "-U",
                "postgres",
                "--no-sync"));
        run(concat(
                as,
                bin.resolve("pg_ctl").toString(),
                "-D",
                data.toString(),
                "-w",
                "-l",
                dir.resolve("log").toString(),
                "-o",
                "-p " + port + " -k " + dir + " -c listen_addresses=127.0.0.1 -c fsync=off",
                "start"));
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                run(concat(as, bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-m", "immediate", "stop"));
                try (Stream<Path> files = Files.walk(dir)) {
                    files.sorted(Comparator.reverseOrder())
                            .forEach(p -> p.toFile().delete());
                }
            } catch (IOException | RuntimeException ignored) {
                // a temporary folder left behind
            }
        }));
        return "jdbc:postgresql://127.0.0.1:" + port + "/postgres?user=postgres";
    }

    private static Path binaries() throws IOException {
        List<Path> candidates = new ArrayList<>();
        for (String p : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            candidates.add(Path.of(p));
        }
        Path lib = Path.of("/usr/lib/postgresql");
        if (Files.isDirectory(lib)) {
            try (Stream<Path> versions = Files.list(lib)) {
                versions.sorted(Comparator.reverseOrder()).forEach(v -> candidates.add(v.resolve("bin")));
            }
        }
        String exe = System.getProperty("os.name").toLowerCase(Locale.ROOT).contains("win") ? ".exe" : "";
        for (Path c : candidates) {
            if (Files.isExecutable(c.resolve("initdb" + exe)) && Files.isExecutable(c.resolve("pg_ctl" + exe))) {
                return c;
            }
        }
        throw new IOException("no PostgreSQL binaries (initdb, pg_ctl) on the PATH or in /usr/lib/postgresql");
    }

    private static List<String> concat(List<String> prefix, String... rest) {
        List<String> out = new ArrayList<>(prefix);
        out.addAll(List.of(rest));
        return out;
    }

    private static void run(List<String> command) throws IOException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IOException(String.join(" ", command) + " failed: " + out.strip());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted: " + String.join(" ", command), e);
        }
    }
}
