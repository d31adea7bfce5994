// SPDX-License-Identifier: Apache-2.0
package dev.costbench.ui.common;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;

/**
 * Keeps a piece of work in a file of the data directory so that the next start brings it back (also after a crash):
 * {@link #schedule} writes a snapshot off the FX thread a moment after the last edit (a newer edit replaces a write
 * that has not started), {@link #writeNow} writes at once (closing), and a failure is reported once until a write
 * succeeds again. {@link #setAside} moves a damaged file out of the way so that it is not read again.
 *
 * @param <T> the snapshot type (immutable: it is written on another thread)
 */
public final class Autosave<T> implements AutoCloseable {

    /** Writes a snapshot to the file. */
    @FunctionalInterface
    public interface Writer<T> {
        void write(Path file, T snapshot) throws IOException;
    }

    private final UiContext ui;
    private final Path file;
    private final Duration delay;
    private final Writer<T> writer;
    private final String what;
    private final String advice;
    private final TaskExecutor.Lane lane;
    private final Object writeLock = new Object();
    private Job<?> pending;
    private boolean failed;

    /**
     * @param name   the lane's name (the thread name)
     * @param file   where the snapshot is kept
     * @param delay  how long after the last edit it is written
     * @param what   what is kept, for the failure message ("Your prompt", "The A/B setup")
     * @param advice what to do meanwhile, ending the failure message ("save your work with File ▸ Save, and ")
     */
    public Autosave(
            UiContext ui, String name, Path file, Duration delay, Writer<T> writer, String what, String advice) {
        this.ui = ui;
        this.file = file;
        this.delay = delay;
        this.writer = writer;
        this.what = what;
        this.advice = advice;
        this.lane = ui.tasks().lane(name);
    }

    /** The file the snapshots go to. */
    public Path file() {
        return file;
    }

    /** Writes {@code snapshot} after the delay, unless a newer one (or {@link #writeNow}) comes first. */
    public void schedule(T snapshot) {
        cancelPending();
        long millis = delay.toMillis();
        pending = lane.task(p -> {
                    if (millis > 0) {
                        Thread.sleep(millis);
                    }
                    if (!p.isCancelled()) { // a newer edit, or closing, has taken over
                        write(snapshot);
                    }
                    return null;
                })
                .onSuccess(x -> failed = false)
                .onFailure(this::failed)
                .start();
    }

    /** Drops a write that is waiting, then writes {@code snapshot} on the caller's thread. */
    public void writeNow(T snapshot) {
        cancelPending();
        write(snapshot);
    }

    /** Drops a write that is waiting. */
    public void cancelPending() {
        if (pending != null) {
            pending.cancel();
            pending = null;
        }
    }

    private void write(T snapshot) {
        try {
            synchronized (writeLock) {
                writer.write(file, snapshot);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Says so once (not on every keystroke) until a write succeeds again. */
    private void failed(Throwable e) {
        if (!failed) {
            failed = true;
            ui.dialogs()
                    .warning(
                            "Autosave failed",
                            what + " could not be kept in " + file + ": " + UiContext.describe(e)
                                    + ". Nothing in the window is lost; " + advice
                                    + "free some disk space or check the data folder's permissions.");
        }
    }

    /**
     * Moves a file that could not be read to {@code asideName} next to it (replacing an older one), so that the next
     * start does not stumble on it again. Returns " It was kept as …." or "" when it could not be moved.
     */
    public static String setAside(Path damaged, String asideName) {
        Path aside = damaged.resolveSibling(asideName);
        try {
            Files.move(damaged, aside, StandardCopyOption.REPLACE_EXISTING);
            return " It was kept as " + aside + ".";
        } catch (IOException ignored) {
            return ""; // keep it where it is; the next autosave replaces it
        }
    }

    @Override
    public void close() {
        lane.close();
    }
}
