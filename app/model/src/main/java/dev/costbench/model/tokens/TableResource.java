// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.tokens;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** Reads a committed binary table of this package (Unicode tables), checking its four-byte magic. */
final class TableResource {

    /** Reads the table's content after the magic. */
    interface Reader<T> {
        T read(DataInputStream in) throws IOException;
    }

    private TableResource() {}

    /**
     * The table {@code name} next to this class, read by {@code reader}.
     *
     * @throws IllegalStateException when it is missing or its magic is not {@code magic}
     * @throws UncheckedIOException when it cannot be read
     */
    static <T> T read(String name, String magic, Reader<T> reader) {
        try (DataInputStream d = open(name, magic)) {
            return reader.read(d);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The table {@code name} next to this class, positioned after its magic.
     *
     * @throws IllegalStateException when it is missing or its magic is not {@code magic}
     */
    private static DataInputStream open(String name, String magic) throws IOException {
        InputStream in = TableResource.class.getResourceAsStream(name);
        if (in == null) {
            throw new IllegalStateException(name + " is missing from the class path");
        }
        DataInputStream d = new DataInputStream(in);
        byte[] read = new byte[4];
        d.readFully(read);
        if (!Arrays.equals(read, magic.getBytes(StandardCharsets.US_ASCII))) {
            d.close();
            throw new IllegalStateException(name + ": bad magic");
        }
        return d;
    }
}
