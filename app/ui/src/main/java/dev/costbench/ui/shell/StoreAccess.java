// SPDX-License-Identifier: Apache-2.0
package dev.costbench.ui.shell;

import dev.costbench.model.lab.DamagedStoreException;
import dev.costbench.model.lab.LabStore;
import dev.costbench.model.lab.LedgerPurpose;
import dev.costbench.model.lab.NewLedgerEntry;
import dev.costbench.model.lab.StoreInUseException;
import dev.costbench.store.StoreBackup;
import dev.costbench.store.StoreMaintenance;
import dev.costbench.ui.common.UiContext;
import dev.costbench.ui.common.ViewModel;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The local results store as the workbench sees it: opened in the background once the first frame is drawn, and
 * what the user is told when it cannot be (another CostBench holds it: quit; damaged: restore a backup, keep the
 * damaged file aside and start an empty lab, go on without the store, or quit — the damaged file is never
 * rewritten; any other failure: keep working without recording calls). Help ▸ Restore a backup… puts a backup
 * back while the workbench runs.
 */
public final class StoreAccess implements ViewModel {

    private final UiContext ui;
    private final Function<Path, LabStore> opener;
    private final Runnable quit;
    private final ReadOnlyStringWrapper state = new ReadOnlyStringWrapper(this, "state", "opening");
    private volatile LabStore store;
    private volatile boolean closed;
    private volatile Path dataDir;

    /**
     * @param opener opens (or creates) the store in a data directory
     * @param quit   ends the application (after the user was told why)
     */
    public StoreAccess(UiContext ui, Function<Path, LabStore> opener, Runnable quit) {
        this.ui = Objects.requireNonNull(ui);
        this.opener = Objects.requireNonNull(opener);
        this.quit = Objects.requireNonNull(quit);
    }

    /** Opens the store of {@code dataDir} once {@code firstFrame} completes (or 10 s have passed). */
    public void open(Path dataDir, CompletableFuture<?> firstFrame) {
        this.dataDir = Objects.requireNonNull(dataDir);
        ui.tasks()
                .task("store", p -> {
                    try {
                        firstFrame.get(10, TimeUnit.SECONDS);
                    } catch (TimeoutException e) {
                        // open anyway
                    }
                    return closed ? null : opener.apply(dataDir);
                })
                .onSuccess(s -> {
                    if (s == null) {
                        return;
                    }
                    if (closed) {
                        closeQuietly(s);
                        return;
                    }
                    store = s;
                    state.set("open");
                })
                .onFailure(this::failed)
                .start();
    }

    private void failed(Throwable e) {
        if (closed) {
            return;
        }
        if (e instanceof StoreInUseException) {
            state.set("in use");
            ui.dialogs()
                    .error(
                            "CostBench is already running",
                            e.getMessage()
                                    + "\n\nSwitch to the window that is open, or close it and start CostBench again.");
            quit.run();
            return;
        }
        if (e instanceof DamagedStoreException d) {
            damaged(d);
            return;
        }
        state.set("unavailable");
        ui.dialogs()
                .warning(
                        "Results store unavailable",
                        (teamStore(e) ? "The team store" : "The local results store") + " could not be opened: "
                                + UiContext.describe(e)
                                + (teamStore(e)
                                        ? "\n\nTo use this computer's own file meanwhile: Providers ▸ Team store ▸ "
                                                + "Use my own file."
                                        : "")
                                + "\n\nCosts and prompts still work; API calls are not recorded.");
    }

    /** True when {@code e} is about the team store (a PostgreSQL server), not this computer's file. */
    private static boolean teamStore(Throwable e) {
        return e.getMessage() != null && e.getMessage().contains("team store");
    }

    private void damaged(DamagedStoreException d) {
        state.set("damaged");
        List<StoreBackup> backups = backupsOrNone();
        List<String> options = new ArrayList<>();
        if (!backups.isEmpty()) {
            options.add("Restore the newest backup (" + describe(backups.get(0)) + ")");
        }
        String startEmpty = "Keep the damaged file aside and start an empty lab";
        String goOn = "Go on without the results store (API calls are not recorded)";
        options.add(startEmpty);
        options.add(goOn);
        options.add("Quit CostBench");
        String detail = d.userMessage()
                + (backups.isEmpty()
                        ? "\n\nThere are no backups in " + StoreMaintenance.backupFolder(dataDir) + "."
                        : "");
        int choice = ui.dialogs()
                .choose("The results store is damaged", detail, options)
                .orElse(options.indexOf(goOn));
        String chosen = options.get(choice);
        if (chosen.equals(startEmpty)) {
            Path dir = dataDir;
            reopenAfter("Starting an empty lab", () -> {
                Optional<Path> aside = StoreMaintenance.keepAsideAndStartNew(dir);
                return "The damaged lab database is kept as "
                        + aside.map(Path::toString).orElse("(nothing to keep)") + ". CostBench started an empty lab.";
            });
        } else if (chosen.equals(goOn)) {
            state.set("unavailable");
        } else if (choice == options.size() - 1) {
            quit.run();
        } else {
            restore(backups.get(0));
        }
    }

    /**
     * Help ▸ Restore a backup…: lists the store's backups, asks which one and for confirmation, then closes the
     * store, puts the backup back (the current file is kept aside, nothing is deleted) and opens it again.
     */
    public void restoreBackup() {
        Path dir = dataDir;
        if (dir == null) {
            ui.dialogs()
                    .info("Restore a backup", "The results store has not been opened yet. Try again in a " + "moment.");
            return;
        }
        ui.tasks()
                .task("store backups", p -> StoreMaintenance.backups(dir))
                .onSuccess(backups -> {
                    if (backups.isEmpty()) {
                        ui.dialogs()
                                .info(
                                        "No backups yet",
                                        "CostBench backs up the results store when it starts (at most "
                                                + "once an hour) and once a day while it runs. None has been made yet in "
                                                + StoreMaintenance.backupFolder(dir) + ".");
                        return;
                    }
                    List<String> labels =
                            backups.stream().map(StoreAccess::describe).toList();
                    ui.dialogs()
                            .choose(
                                    "Restore a backup",
                                    "Which backup of the results store should replace the one in "
                                            + "use? Newest first.",
                                    labels)
                            .ifPresent(i -> {
                                StoreBackup b = backups.get(i);
                                if (ui.dialogs()
                                        .confirm(
                                                "Restore the backup of " + describe(b) + "?",
                                                "Experiments and ledger entries recorded after it are no longer shown. The results "
                                                        + "store in use now is kept aside next to it (nothing is deleted), so you "
                                                        + "can go back. Let running experiments finish first.",
                                                "Restore")) {
                                    restore(b);
                                }
                            });
                })
                .onFailure(e -> ui.dialogs().error("Cannot list the backups", UiContext.describe(e)))
                .start();
    }

    private void restore(StoreBackup backup) {
        Path dir = dataDir;
        reopenAfter("Restoring a backup", () -> {
            StoreMaintenance.Restored r = StoreMaintenance.restore(dir, backup);
            return "Restored the backup of " + describe(backup) + "."
                    + r.keptAside()
                            .map(p -> " The store it replaced is kept as " + p + ".")
                            .orElse("");
        });
    }

    /**
     * Closes the open store and opens the one chosen now (the team store or this computer's file: the choice was
     * saved before), then tells the user {@code done}.
     */
    public void reopen(String done) {
        reopenAfter("Opening the results store", () -> done);
    }

    /** Closes the open store, runs {@code change} on the data directory, and opens the store again. */
    private void reopenAfter(String what, Callable<String> change) {
        Path dir = dataDir;
        state.set("opening");
        LabStore old;
        synchronized (this) {
            old = store;
            store = null;
        }
        ui.tasks()
                .task("store", p -> {
                    if (old != null) {
                        closeQuietly(old);
                    }
                    String done;
                    try {
                        done = change.call();
                    } catch (Exception e) {
                        // Nothing was changed: open what was there (a damaged file stays refused, and untouched).
                        throw new RestoreFailed(e, tryOpen(dir));
                    }
                    return new Reopened(done, opener.apply(dir));
                })
                .onSuccess(r -> {
                    store = r.store();
                    state.set("open");
                    ui.dialogs().notify(r.done());
                })
                .onFailure(e -> {
                    if (e instanceof RestoreFailed f) {
                        if (f.reopened != null) {
                            store = f.reopened;
                            state.set("open");
                        } else {
                            state.set("unavailable");
                        }
                        ui.dialogs()
                                .error(
                                        what + " failed",
                                        UiContext.describe(f.getCause())
                                                + (f.reopened != null
                                                        ? "\n\nThe results store in use before is open again, unchanged."
                                                        : "\n\nNothing was changed. CostBench goes on without the results store; quit and use "
                                                                + "'costbench store check' to look at it."));
                    } else {
                        failed(e);
                    }
                })
                .start();
    }

    private LabStore tryOpen(Path dir) {
        try {
            return opener.apply(dir);
        } catch (RuntimeException e) {
            return null;
        }
    }

    private record Reopened(String done, LabStore store) {}

    private static final class RestoreFailed extends RuntimeException {
        private final transient LabStore reopened;

        RestoreFailed(Throwable cause, LabStore reopened) {
            super(cause.getMessage(), cause);
            this.reopened = reopened;
        }
    }

    private List<StoreBackup> backupsOrNone() {
        try {
            return StoreMaintenance.backups(dataDir);
        } catch (RuntimeException e) {
            return List.of();
        }
    }

    private static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm", Locale.ENGLISH).withZone(ZoneId.systemDefault());

    /** A backup in the user's words: "7 Dec 2026, 10:15 — when CostBench started — 1.2 MB". */
    static String describe(StoreBackup b) {
        return WHEN.format(b.created()) + " — " + b.kind().label() + " — " + size(b.sizeBytes());
    }

    private static String size(long bytes) {
        if (bytes < 1024 * 1024) {
            return Math.max(1, (bytes + 1023) / 1024) + " KB";
        }
        return String.format(Locale.ENGLISH, "%.1f MB", bytes / (1024.0 * 1024.0));
    }

    /** "opening", "open", "in use", "damaged" or "unavailable". */
    public ReadOnlyStringProperty stateProperty() {
        return state.getReadOnlyProperty();
    }

    /** The open store, or null while it opens or when it could not be opened. Any thread. */
    public LabStore store() {
        return store;
    }

    /** Records a real API call in the ledger (when the store is open). */
    public void ledger(String provider, String model, BigDecimal cost) {
        LabStore s = store;
        if (s != null) {
            try {
                s.appendLedger(NewLedgerEntry.call(Instant.now(), provider, model, cost, LedgerPurpose.OTHER));
            } catch (RuntimeException e) {
                System.err.println("costbench: could not record the call in the ledger: " + e.getMessage());
            }
        }
    }

    @Override
    public synchronized void close() {
        closed = true;
        LabStore s = store;
        store = null;
        if (s != null) {
            closeQuietly(s);
        }
    }

    private static void closeQuietly(LabStore s) {
        try {
            s.close();
        } catch (Exception ignored) {
            // closing on exit
        }
    }
}
