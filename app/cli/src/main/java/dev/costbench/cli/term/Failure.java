// SPDX-License-Identifier: Apache-2.0
package dev.costbench.cli.term;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

/**
 * The command line's one error path: every failure is one line on stderr. Bad input (options, values, files) exits
 * 2; anything else exits 1 — an unexpected internal error with a hint to rerun with {@code COSTBENCH_DEBUG=1}, which
 * adds the stack trace.
 */
public final class Failure {

    public static final int EXIT_FAILED = 1;
    public static final int EXIT_USAGE = 2;
    public static final String DEBUG_VARIABLE = "COSTBENCH_DEBUG";

    private Failure() {}

    /** Prints the one line for {@code t} on {@code err} and returns the exit code. */
    public static int report(Throwable t, PrintStream err) {
        Throwable cause = t instanceof UncheckedIOException u && u.getCause() != null ? u.getCause() : t;
        int code;
        String line;
        if (cause instanceof UsageException) {
            code = EXIT_USAGE;
            line = cause.getMessage();
        } else if (cause instanceof NoSuchFileException e) {
            code = EXIT_USAGE;
            line = "no such file: " + e.getFile();
        } else if (cause instanceof AccessDeniedException e) {
            code = EXIT_USAGE;
            line = "permission denied: " + e.getFile();
        } else if (cause instanceof NotDirectoryException e) {
            code = EXIT_USAGE;
            line = "not a folder: " + e.getFile();
        } else if (cause instanceof CharacterCodingException) {
            code = EXIT_USAGE;
            line = "the input is not UTF-8 text";
        } else if (cause instanceof FileSystemException e) {
            code = EXIT_FAILED;
            line = (e.getFile() == null ? "" : e.getFile() + ": ")
                    + (e.getReason() == null ? "input/output error" : e.getReason());
        } else if (cause instanceof IOException) {
            code = EXIT_FAILED;
            line = cause.getMessage() == null ? "input/output error" : cause.getMessage();
        } else if (cause instanceof OutOfMemoryError) {
            code = EXIT_FAILED;
            line = "out of memory: give Java more with COSTBENCH_JAVA_OPTS=-Xmx8g, or use a smaller input";
        } else {
            code = EXIT_FAILED;
            line = "internal error ("
                    + (cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage())
                    + "); run again with " + DEBUG_VARIABLE + "=1 to see where, and report it";
        }
        err.println("costbench: " + oneLine(line));
        if (debug()) {
            t.printStackTrace(err);
        }
        return code;
    }

    /** True with COSTBENCH_DEBUG=1 in the environment (or -Dcostbench.debug=true). */
    public static boolean debug() {
        String v = System.getenv(DEBUG_VARIABLE);
        return (v != null && !v.isEmpty() && !v.equals("0")) || Boolean.getBoolean("costbench.debug");
    }

    public static String oneLine(String s) {
        return s.strip().replaceAll("\\s*[\\r\\n]+\\s*", " ");
    }
}
