// SPDX-License-Identifier: Apache-2.0
package dev.costbench.cli.term;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Text input of the command line: a UTF-8 file, or standard input for {@code -}, read the same way (strict UTF-8:
 * binary or other encodings are refused, on standard input as in files), with one-line errors.
 */
public final class Input {

    /** What {@code tokens --show} and {@code tokens --tax} read at most: 8 MiB (their output grows with the input). */
    public static final int MAX_LOOK_BYTES = 8 * 1024 * 1024;

    private final InputStream stdin;

    public Input(InputStream stdin) {
        this.stdin = stdin;
    }

    /** The whole text of {@code file} ({@code -}: standard input). */
    public String text(String file) throws IOException {
        return text(file, Integer.MAX_VALUE - 16, null);
    }

    /**
     * The whole text of {@code file}, refused with a usage error naming the limit when it is longer than
     * {@code maxBytes} (read up to the limit only). {@code what} names the option that has the limit.
     */
    public String text(String file, int maxBytes, String what) throws IOException {
        if (!file.equals("-")) {
            Path p = regularFile(file);
            if (what != null && Files.size(p) > maxBytes) {
                throw tooLarge(file, what, maxBytes);
            }
        }
        byte[] bytes;
        try (InputStream s = file.equals("-") ? null : Files.newInputStream(Path.of(file))) {
            InputStream from = s == null ? stdin : s;
            bytes = from.readNBytes(maxBytes);
            if (bytes.length == maxBytes && from.read() >= 0) {
                throw what == null
                        ? new UsageException(name(file) + " is larger than 2 GB: too large to read")
                        : tooLarge(file, what, maxBytes);
            }
        } catch (AccessDeniedException e) {
            throw new UsageException("cannot read " + file + ": permission denied");
        }
        try {
            return decoder().decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw notText(file);
        }
    }

    /** A strict UTF-8 reader of {@code file}; {@link #notText} turns its decoding errors into a usage error. */
    public BufferedReader reader(String file) throws IOException {
        InputStream s;
        if (file.equals("-")) {
            s = stdin;
        } else {
            try {
                s = Files.newInputStream(regularFile(file));
            } catch (AccessDeniedException e) {
                throw new UsageException("cannot read " + file + ": permission denied");
            }
        }
        return new BufferedReader(new InputStreamReader(s, decoder()), 1 << 16);
    }

    /** The usage error for text that is not UTF-8. */
    public static UsageException notText(String file) {
        return new UsageException(name(file) + " is not UTF-8 text"
                + (file.equals("-") ? " (binary data or another " + "encoding)" : ""));
    }

    /** A regular file that exists, or a usage error. */
    public static Path regularFile(String file) throws IOException {
        Path p = Path.of(file);
        if (!Files.exists(p)) {
            throw new NoSuchFileException(file);
        }
        if (!Files.isRegularFile(p)) {
            throw new UsageException(file + " is not a file");
        }
        if (!Files.isReadable(p)) {
            throw new UsageException("cannot read " + file + ": permission denied");
        }
        return p;
    }

    public static String name(String file) {
        return file.equals("-") ? "standard input" : file;
    }

    private static UsageException tooLarge(String file, String what, int maxBytes) {
        return new UsageException(name(file) + " is larger than " + mib(maxBytes) + ", the most " + what
                + " reads: count it with tokens --encoding E (no limit), or look at a part of it");
    }

    private static String mib(int bytes) {
        return String.format(Locale.ROOT, "%d MiB", bytes / (1024 * 1024));
    }

    public static CharsetDecoder decoder() {
        return StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
    }

    /**
     * The file an option such as {@code --out} names, checked before any work: not empty, not a folder, and inside a
     * folder (the nearest existing parent must be one; missing folders in between are created where the command
     * does so).
     */
    public static Path outputFile(String option, String value) {
        Path p = writable(option, value);
        if (Files.isDirectory(p)) {
            throw new UsageException("--" + option + " " + value + " is a folder: give a file name");
        }
        return p;
    }

    /** The folder an option such as {@code --frames-out} names, checked the same way. */
    public static Path outputFolder(String option, String value) {
        Path p = writable(option, value);
        if (Files.exists(p) && !Files.isDirectory(p)) {
            throw new UsageException("--" + option + " " + value + " is a file: give a folder");
        }
        return p;
    }

    private static Path writable(String option, String value) {
        if (value == null || value.isBlank()) {
            throw new UsageException("--" + option + " needs a path");
        }
        Path p;
        try {
            p = Path.of(value).toAbsolutePath();
        } catch (InvalidPathException e) {
            throw new UsageException("--" + option + ": not a valid path: '" + value + "'");
        }
        for (Path up = p.getParent(); up != null; up = up.getParent()) {
            if (Files.exists(up)) {
                if (!Files.isDirectory(up)) {
                    throw new UsageException("--" + option + " " + value + ": " + up + " is not a folder");
                }
                if (!Files.isWritable(up)) {
                    throw new UsageException("--" + option + " " + value + ": cannot write in " + up);
                }
                break;
            }
        }
        return p;
    }
}
