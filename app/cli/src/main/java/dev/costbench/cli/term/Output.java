// SPDX-License-Identifier: Apache-2.0
package dev.costbench.cli.term;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * Standard output for the command line. A {@link PrintStream} swallows write errors (a full disk, a closed pipe);
 * this one remembers the first, so that {@code Cli.run} can end with a non-zero exit and say why.
 */
public final class Output extends PrintStream {

    private final Recorder recorder;

    private Output(Recorder recorder) {
        super(recorder, false, StandardCharsets.UTF_8);
        this.recorder = recorder;
    }

    /** Over {@code target} (the process's standard output in {@link #stdout()}). */
    public static Output over(OutputStream target) {
        return new Output(new Recorder(target));
    }

    /** The process's standard output, UTF-8. */
    public static Output stdout() {
        return over(new FileOutputStream(FileDescriptor.out));
    }

    /** Why the output could not be written, for the one line on stderr: "could not write the output: …". */
    public static String failure(PrintStream out) {
        if (!out.checkError()) {
            return null;
        }
        IOException e = out instanceof Output o ? o.recorder.failure : null;
        String reason = e == null || e.getMessage() == null ? null : e.getMessage();
        return "could not write the output" + (reason == null ? "" : ": " + reason)
                + " (a full disk or a closed pipe?)";
    }

    private static final class Recorder extends FilterOutputStream {
        private volatile IOException failure;

        Recorder(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            try {
                out.write(b, off, len);
            } catch (IOException e) {
                remember(e);
                throw e;
            }
        }

        @Override
        public void write(int b) throws IOException {
            try {
                out.write(b);
            } catch (IOException e) {
                remember(e);
                throw e;
            }
        }

        @Override
        public void flush() throws IOException {
            try {
                out.flush();
            } catch (IOException e) {
                remember(e);
                throw e;
            }
        }

        private void remember(IOException e) {
            if (failure == null) {
                failure = e;
            }
        }
    }
}
