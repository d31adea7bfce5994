// SPDX-License-Identifier: Apache-2.0
package dev.costbench.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.costbench.model.lab.ExperimentRepository;
import dev.costbench.model.lab.JudgingRepository;
import dev.costbench.model.lab.LabStore;
import dev.costbench.model.lab.LedgerRepository;
import dev.costbench.model.lab.MediaRepository;
import dev.costbench.model.lab.ScenarioRepository;
import dev.costbench.model.lab.SendHistoryRepository;
import dev.costbench.model.lab.calibration.CalibrationRepository;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Issue 15.3: the store is split by area (app/ui's FileSizeTest keeps its files under 500 lines). */
class StoreStructureTest {

    @Test
    void theLabStorePortIsTheSumOfItsAreas() {
        assertEquals(
                Set.of(
                        ExperimentRepository.class,
                        JudgingRepository.class,
                        ScenarioRepository.class,
                        LedgerRepository.class,
                        MediaRepository.class,
                        SendHistoryRepository.class,
                        CalibrationRepository.class,
                        AutoCloseable.class),
                Set.of(LabStore.class.getInterfaces()));
        assertEquals(1, LabStore.class.getDeclaredMethods().length, "only close(): the rest is declared by area");
        assertTrue(JudgingRepository.class.isAssignableFrom(H2JudgingRepository.class));
        assertTrue(LedgerRepository.class.isAssignableFrom(H2LedgerRepository.class));
        assertTrue(SendHistoryRepository.class.isAssignableFrom(H2SendHistoryRepository.class));
    }
}
