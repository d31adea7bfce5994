// SPDX-License-Identifier: Apache-2.0
package dev.costbench.ui.shell;

import dev.costbench.model.lab.LabStore;
import dev.costbench.model.lab.LedgerPurpose;
import dev.costbench.model.lab.NewLedgerEntry;
import dev.costbench.model.lab.StoreInUseException;
import dev.costbench.ui.common.UiContext;
import dev.costbench.ui.common.ViewModel;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The local results store as the workbench sees it: opened in the background once the first frame is drawn, and
 * what the user is told when it cannot be (another CostBench holds it: quit; any other failure: keep working
 * without recording calls).
 */
public final class StoreAccess implements ViewModel {

    private final UiContext ui;
    private final Function<Path, LabStore> opener;
    private final Runnable quit;
    private final ReadOnlyStringWrapper state = new ReadOnlyStringWrapper(this, "state", "opening");
    private volatile LabStore store;
    private volatile boolean closed;

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
        ui.tasks().task("store", p -> {
            try {
                firstFrame.get(10, TimeUnit.SECONDS);
            } catch (java.util.concurrent.TimeoutException e) {
                // open anyway
            }
            return closed ? null : opener.apply(dataDir);
        }).onSuccess(s -> {
            if (s == null) {
                return;
            }
            if (closed) {
                closeQuietly(s);
                return;
            }
            store = s;
            state.set("open");
        }).onFailure(this::failed).start();
    }

    private void failed(Throwable e) {
        if (closed) {
            return;
        }
        if (e instanceof StoreInUseException) {
            state.set("in use");
            ui.dialogs().error("CostBench is already running", e.getMessage()
                    + "\n\nSwitch to the window that is open, or close it and start CostBench again.");
            quit.run();
            return;
        }
        state.set("unavailable");
        ui.dialogs().warning("Results store unavailable", "The local results store could not be opened: "
                + UiContext.describe(e) + "\n\nCosts and prompts still work; API calls are not recorded.");
    }

    /** "opening", "open", "in use" or "unavailable". */
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
