// SPDX-License-Identifier: Apache-2.0
package dev.costbench.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.costbench.model.lab.StoreInUseException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** One CostBench owns the lab database; a second one is told so, clearly (see {@link H2LabStore} for why). */
class SecondInstanceTest {

    @TempDir
    Path dir;

    @Test
    void aSecondStoreInThisProcessIsRefused(@TempDir Path elsewhere) throws Exception {
        try (H2LabStore first = H2LabStore.open(dir)) {
            Fixtures.setup(first, "mine", 1, 1, List.of("gpt-5"), 1);
            StoreInUseException e = assertThrows(StoreInUseException.class, () -> H2LabStore.open(dir));
            assertEquals(first.file(), e.database());
            assertTrue(
                    e.getMessage()
                            .startsWith("CostBench is already running and holds the database at " + first.file()
                                    + "; close it"),
                    e.getMessage());
            try (H2LabStore other = H2LabStore.open(elsewhere)) {
                assertTrue(other.listExperiments().isEmpty(), "another data directory is another lab");
            }
            assertEquals(1, first.listExperiments().size(), "the first store is unharmed");
        }
        try (H2LabStore again = H2LabStore.open(dir)) {
            assertEquals(1, again.listExperiments().size(), "free again once the first is closed");
        }
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void aStoreHeldByAnotherProcessIsRefusedWithH2Error90020() throws Exception {
        try (H2LabStore seed = H2LabStore.open(dir)) {
            Fixtures.setup(seed, "seeded", 1, 1, List.of("gpt-5"), 1);
        }
        try (ChildJvm holder = ChildJvm.start(HoldStoreMain.class, dir, dir.toString())) {
            assertEquals("READY 1", holder.readLine());

            long t0 = System.nanoTime();
            StoreInUseException e = assertThrows(StoreInUseException.class, () -> H2LabStore.open(dir));
            long ms = (System.nanoTime() - t0) / 1_000_000;
            assertTrue(ms < 10_000, "refused at once, not after a lock timeout: " + ms + " ms");
            assertEquals(dir.toRealPath().resolve("costbench.mv.db"), e.database());
            assertTrue(
                    e.getMessage().contains("already running")
                            && e.getMessage().contains(e.database().toString()),
                    e.getMessage());
            assertTrue(Jdbc.hasErrorCode(e, 90020), "H2 reports the lock as 90020: " + e.getCause());
            assertTrue(e.getCause() instanceof SQLException);

            holder.process.getOutputStream().close(); // the other CostBench quits normally
            assertEquals("CLOSED", holder.readLine());
            assertNull(holder.out.readLine());
            assertEquals(0, holder.process.waitFor(), holder.stderr());
        }
        try (H2LabStore after = H2LabStore.open(dir)) {
            assertEquals(1, after.listExperiments().size());
        }
    }
}
