// SPDX-License-Identifier: Apache-2.0
package dev.costbench.cli.term;

import java.io.PrintStream;

/** One line on stderr, rewritten in place at most five times a second (and always at the end). */
public class StatusLine {
    private final PrintStream err;
    private long lastPrint;
    private int width;

    protected StatusLine(PrintStream err) {
        this.err = err;
    }

    /** True when a line is due now ({@code last}: always). */
    protected synchronized boolean due(boolean last) {
        long now = System.nanoTime();
        if (!last && now - lastPrint < 200_000_000L) {
            return false;
        }
        lastPrint = now;
        return true;
    }

    protected synchronized void show(String s) {
        err.print("\r" + s + " ".repeat(Math.max(0, width - s.length())));
        width = s.length();
        err.flush();
    }

    public synchronized void end() {
        if (width > 0) {
            err.println();
        }
    }
}
