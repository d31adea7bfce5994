// SPDX-License-Identifier: Apache-2.0
package dev.costbench.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Where the team store is: a PostgreSQL JDBC URL ({@code jdbc:postgresql://host:5432/db}) and the user to log in as.
 * The user may be given here or as the URL's {@code user} parameter. A {@code password} parameter is taken out of
 * the URL ({@link #password()}): the URL is shown and saved, the password never is (it lives in the credential
 * store).
 *
 * @param jdbcUrl  the URL without any password
 * @param user     the database user; null when the URL's connection defaults apply
 * @param password a password found in the URL (from COSTBENCH_STORE_URL), else null; never shown nor saved
 */
public record StoreUrl(String jdbcUrl, String user, String password) {

    /** The environment variable that selects a team store for the app and the command line. */
    public static final String VARIABLE = "COSTBENCH_STORE_URL";

    private static final String PREFIX = "jdbc:postgresql://";

    @Override
    public String toString() {
        return redacted();
    }

    /**
     * Reads a store URL.
     *
     * @param user the user, when not in the URL (null or blank: the URL's, if any)
     * @throws IllegalArgumentException with what is wrong and what to write instead
     */
    public static StoreUrl parse(String url, String user) {
        String u = url == null ? "" : url.strip();
        if (!u.toLowerCase(Locale.ROOT).startsWith(PREFIX) || u.length() == PREFIX.length()) {
            throw new IllegalArgumentException("“" + redact(u) + "” is not a PostgreSQL store URL: write it as "
                    + "jdbc:postgresql://host:5432/database (optionally ?user=name).");
        }
        int q = u.indexOf('?');
        String base = q < 0 ? u : u.substring(0, q);
        if (base.indexOf('/', PREFIX.length()) < 0) {
            throw new IllegalArgumentException("The store URL " + base + " names no database: add it after the "
                    + "host, as in jdbc:postgresql://host:5432/costbench.");
        }
        List<String> kept = new ArrayList<>();
        String urlUser = null;
        String password = null;
        if (q >= 0) {
            for (String param : u.substring(q + 1).split("&")) {
                String name = param.contains("=") ? param.substring(0, param.indexOf('=')) : param;
                String value = param.contains("=") ? param.substring(param.indexOf('=') + 1) : "";
                if (name.equalsIgnoreCase("password")) {
                    password = value;
                } else if (name.equalsIgnoreCase("user")) {
                    urlUser = value;
                } else if (!param.isEmpty()) {
                    kept.add(param);
                }
            }
        }
        String who = user != null && !user.isBlank() ? user.strip() : urlUser;
        String clean = kept.isEmpty() ? base : base + "?" + String.join("&", kept);
        return new StoreUrl(clean, who == null || who.isBlank() ? null : who, password);
    }

    /** The team store named by {@code COSTBENCH_STORE_URL}, if that is set. */
    public static Optional<StoreUrl> fromEnvironment() {
        String v = System.getenv(VARIABLE);
        return v == null || v.isBlank() ? Optional.empty() : Optional.of(parse(v, null));
    }

    /** The URL as shown to users and in messages: with the user, never a password. */
    public String redacted() {
        if (user == null) {
            return jdbcUrl;
        }
        return jdbcUrl + (jdbcUrl.contains("?") ? "&" : "?") + "user=" + user;
    }

    /** {@code url} with the value of any {@code password} parameter replaced by stars. */
    static String redact(String url) {
        return url.replaceAll("(?i)(password=)[^&]*", "$1***");
    }

    /** The name the password is kept under in the credential store: the server, database and user. */
    public String credentialName() {
        return "team store " + redacted();
    }
}
