// SPDX-License-Identifier: Apache-2.0
package dev.costbench.store;

import dev.costbench.model.lab.LabStoreException;
import dev.costbench.model.provider.CredentialStore;
import dev.costbench.model.provider.Secret;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Which lab store this CostBench uses, and opening it. In this order:
 * <ol>
 *   <li>{@code COSTBENCH_STORE_URL} ({@code jdbc:postgresql://host:5432/db?user=…}): that team store.</li>
 *   <li>The team store chosen in the Providers view ("Use this store"), saved in the data folder as
 *       {@value #FILE_NAME}: its URL and user only. The password stays in the credential store.</li>
 *   <li>Otherwise the embedded H2 file in the data folder, as always.</li>
 * </ol>
 * The author (who new rows are recorded as created by) is the saved name, else {@link Authors#current()}.
 */
public final class LabStores {

    /** The file in the data folder that names the chosen team store (URL, user and author; never a password). */
    public static final String FILE_NAME = "team-store.properties";

    /** The chosen store: a team store's URL, or empty for the embedded file; and who this client is. */
    public record Choice(Optional<StoreUrl> teamStore, String author, boolean fromEnvironment) {}

    private LabStores() {}

    /** The store this CostBench uses with {@code dataDir}. */
    public static Choice choice(Path dataDir) {
        Properties p = read(dataDir);
        String author = Authors.clean(p.getProperty("author", Authors.current()));
        Optional<StoreUrl> env = StoreUrl.fromEnvironment();
        if (env.isPresent()) {
            return new Choice(env, author, true);
        }
        String url = p.getProperty("url");
        return new Choice(
                url == null || url.isBlank()
                        ? Optional.empty()
                        : Optional.of(StoreUrl.parse(url, p.getProperty("user"))),
                author,
                false);
    }

    /**
     * Opens the store of {@link #choice}.
     *
     * @param passwords the team store's password by {@link StoreUrl#credentialName()} (from the credential store),
     *     null when none is kept
     */
    public static JdbcLabStore open(Path dataDir, Function<StoreUrl, String> passwords) {
        Choice c = choice(dataDir);
        if (c.teamStore().isEmpty()) {
            H2LabStore s = H2LabStore.open(dataDir);
            s.author(c.author());
            return s;
        }
        StoreUrl url = c.teamStore().get();
        String password = url.password() != null ? url.password() : passwords.apply(url);
        return ServerLabStore.open(url, password, c.author());
    }

    /**
     * The team store's password: {@code COSTBENCH_STORE_PASSWORD} (for scripts and CI), else the one the Providers
     * tab kept in {@code credentials} under {@link StoreUrl#credentialName()}; null when neither (or it cannot be
     * read: the server then says the login failed).
     */
    public static String password(StoreUrl url, Supplier<CredentialStore> credentials) {
        String env = System.getenv("COSTBENCH_STORE_PASSWORD");
        if (env != null && !env.isEmpty()) {
            return env;
        }
        try {
            CredentialStore store = credentials.get();
            return store == null
                    ? null
                    : store.loadNamed(url.credentialName()).map(Secret::reveal).orElse(null);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** Saves the chosen team store (null: back to the embedded file) and this client's name. */
    public static void save(Path dataDir, StoreUrl teamStore, String author) {
        Properties p = new Properties();
        if (teamStore != null) {
            p.setProperty("url", teamStore.jdbcUrl());
            if (teamStore.user() != null) {
                p.setProperty("user", teamStore.user());
            }
        }
        p.setProperty("author", Authors.clean(author));
        Path file = dataDir.resolve(FILE_NAME);
        Path tmp = dataDir.resolve(FILE_NAME + ".tmp");
        try {
            Files.createDirectories(dataDir);
            try (OutputStream out = Files.newOutputStream(tmp)) {
                p.store(out, "CostBench team store: URL and user only; the password is in the credential store");
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new LabStoreException(
                    "Could not save the team store setting in " + file + ": " + e.getMessage()
                            + ". Check the folder's permissions.",
                    e);
        }
    }

    private static Properties read(Path dataDir) {
        Properties p = new Properties();
        Path file = dataDir.resolve(FILE_NAME);
        if (Files.isRegularFile(file)) {
            try (InputStream in = Files.newInputStream(file)) {
                p.load(in);
            } catch (IOException | IllegalArgumentException e) {
                throw new LabStoreException(
                        "Could not read the team store setting " + file + ": " + e.getMessage()
                                + ". Fix or delete that file (CostBench then uses its own database file).",
                        e);
            }
        }
        return p;
    }
}
