// SPDX-License-Identifier: Apache-2.0
package dev.costbench.ui.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.costbench.model.lab.LabStore;
import dev.costbench.model.lab.StoreInUseException;
import dev.costbench.ui.common.DirectTaskExecutor;
import dev.costbench.ui.common.RecordingDialogService;
import dev.costbench.ui.common.UiContext;
import java.lang.reflect.Proxy;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** Opening the results store at start-up: open, held by another CostBench (quit), or unavailable (keep working). */
class StoreAccessTest {

    private final RecordingDialogService dialogs = new RecordingDialogService();
    private final UiContext ui = new UiContext(new DirectTaskExecutor(), dialogs);
    private final AtomicBoolean quit = new AtomicBoolean();
    private final CompletableFuture<Void> shown = CompletableFuture.completedFuture(null);

    private static LabStore fakeStore(AtomicBoolean closed) {
        return (LabStore)
                Proxy.newProxyInstance(LabStore.class.getClassLoader(), new Class<?>[] {LabStore.class}, (p, m, a) -> {
                    if (m.getName().equals("close")) {
                        closed.set(true);
                    }
                    return null;
                });
    }

    @Test
    void anOpenStoreIsHandedOutAndClosedOnExit() {
        AtomicBoolean closed = new AtomicBoolean();
        LabStore fake = fakeStore(closed);
        StoreAccess s = new StoreAccess(ui, dir -> fake, () -> quit.set(true));
        s.open(Path.of("data"), shown);
        assertSame(fake, s.store());
        assertEquals("open", s.stateProperty().get());
        assertTrue(dialogs.shown().isEmpty());
        s.close();
        assertTrue(closed.get());
        assertNull(s.store());
    }

    @Test
    void aStoreHeldByAnotherCostBenchSaysSoAndQuits() {
        StoreAccess s = new StoreAccess(
                ui,
                dir -> {
                    throw new StoreInUseException(dir.resolve("costbench.mv.db"), null);
                },
                () -> quit.set(true));
        s.open(Path.of("data"), shown);
        assertEquals("CostBench is already running", dialogs.last("error").headline());
        assertTrue(quit.get());
        assertEquals("in use", s.stateProperty().get());
    }

    @Test
    void anyOtherFailureWarnsAndTheWorkbenchGoesOnWithoutRecording() {
        StoreAccess s = new StoreAccess(
                ui,
                dir -> {
                    throw new IllegalStateException("disk full");
                },
                () -> quit.set(true));
        s.open(Path.of("data"), shown);
        RecordingDialogService.Shown w = dialogs.last("warning");
        assertEquals("Results store unavailable", w.headline());
        assertTrue(w.detail().contains("disk full") && w.detail().contains("API calls are not recorded"), w.detail());
        assertNull(s.store());
        s.ledger("openai", "gpt-5", BigDecimal.ONE); // no store: nothing happens, nothing thrown
        assertEquals(false, quit.get());
    }
}
