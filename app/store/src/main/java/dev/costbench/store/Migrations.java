// SPDX-License-Identifier: Apache-2.0
package dev.costbench.store;

import dev.costbench.model.lab.LabStoreException;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Enumeration;
import java.util.List;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.flywaydb.core.api.ResourceProvider;
import org.flywaydb.core.api.resource.LoadableResource;

/**
 * The migrations of {@code db/migration} as one database runs them: each script's text passes through
 * {@link Dialect#migrationSql}. Flyway reads them from here on PostgreSQL (on H2 it reads the files themselves, so the
 * checksums of existing H2 stores stay as they were).
 */
final class Migrations implements ResourceProvider {

    private static final String FOLDER = "db/migration";

    private final Dialect dialect;
    private final List<String> names;

    Migrations(Dialect dialect) {
        this.dialect = dialect;
        this.names = list();
    }

    @Override
    public LoadableResource getResource(String name) {
        String file = name.startsWith(FOLDER + "/") ? name.substring(FOLDER.length() + 1) : name;
        return names.contains(file) ? new Script(file) : null;
    }

    @Override
    public Collection<LoadableResource> getResources(String prefix, String[] suffixes) {
        List<LoadableResource> out = new ArrayList<>();
        for (String n : names) {
            if (n.startsWith(prefix) && Stream.of(suffixes).anyMatch(n::endsWith)) {
                out.add(new Script(n));
            }
        }
        return out;
    }

    /** The script names in the folder, from this build's classes (a directory while developing, else the jar). */
    private static List<String> list() {
        URL url = Migrations.class.getClassLoader().getResource(FOLDER);
        if (url == null) {
            throw new LabStoreException("This CostBench build lacks its database migrations (" + FOLDER + ").");
        }
        TreeSet<String> out = new TreeSet<>();
        try {
            if ("jar".equals(url.getProtocol())) {
                JarURLConnection jar = (JarURLConnection) url.openConnection();
                jar.setUseCaches(false);
                try (JarFile f = jar.getJarFile()) {
                    Enumeration<JarEntry> entries = f.entries();
                    while (entries.hasMoreElements()) {
                        String e = entries.nextElement().getName();
                        if (e.startsWith(FOLDER + "/") && e.indexOf('/', FOLDER.length() + 1) < 0) {
                            out.add(e.substring(FOLDER.length() + 1));
                        }
                    }
                }
            } else {
                try (Stream<Path> files = Files.list(Path.of(url.toURI()))) {
                    files.forEach(p -> out.add(p.getFileName().toString()));
                }
            }
        } catch (IOException | URISyntaxException | RuntimeException e) {
            throw new LabStoreException("Could not list this CostBench build's database migrations: " + e, e);
        }
        out.remove("");
        return List.copyOf(out);
    }

    /** One script, translated for the dialect when read. */
    private final class Script extends LoadableResource {
        private final String name;

        Script(String name) {
            this.name = name;
        }

        @Override
        public Reader read() {
            try (InputStream in = Migrations.class.getClassLoader().getResourceAsStream(FOLDER + "/" + name)) {
                if (in == null) {
                    throw new LabStoreException("The database migration " + name + " is missing from this build.");
                }
                return new StringReader(dialect.migrationSql(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
            } catch (IOException e) {
                throw new LabStoreException("Could not read the database migration " + name + ": " + e, e);
            }
        }

        @Override
        public String getAbsolutePath() {
            return FOLDER + "/" + name;
        }

        @Override
        public String getAbsolutePathOnDisk() {
            return getAbsolutePath();
        }

        @Override
        public String getFilename() {
            return name;
        }

        @Override
        public String getRelativePath() {
            return name;
        }
    }
}
