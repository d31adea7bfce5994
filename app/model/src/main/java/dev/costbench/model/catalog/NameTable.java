// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

/** A fixed table of names by key, read once from a UTF-8 properties file next to this class ({@code key=name}). */
final class NameTable {

    private final Map<String, String> names;

    private NameTable(Map<String, String> names) {
        this.names = Map.copyOf(names);
    }

    /** The table in the resource {@code file} of this package; a missing or unreadable one is a build fault. */
    static NameTable load(String file) {
        try (InputStream in = NameTable.class.getResourceAsStream(file)) {
            if (in == null) {
                throw new IllegalStateException("the resource " + file + " is missing from the build");
            }
            Properties p = new Properties();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            Map<String, String> names = new HashMap<>();
            p.stringPropertyNames().forEach(k -> names.put(k, p.getProperty(k)));
            return new NameTable(names);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the resource " + file, e);
        }
    }

    boolean has(String key) {
        return names.containsKey(key);
    }

    /** The name for {@code key}, or null when the table has none. */
    String get(String key) {
        return names.get(key);
    }
}
