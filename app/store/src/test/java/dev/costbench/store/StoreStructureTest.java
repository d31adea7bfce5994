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
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Issue 15.3: the store is split by area; no main-code file is over 500 lines. */
class StoreStructureTest {

    @Test
    void noMainCodeFileIsOver500Lines() throws IOException {
        Path main = Path.of("src/main/java");
        List<String> tooLong;
        try (Stream<Path> files = Files.walk(main)) {
            tooLong = files.filter(p -> p.toString().endsWith(".java"))
                    .filter(p -> lines(p) > 500)
                    .map(p -> main.relativize(p) + " (" + lines(p) + " lines)")
                    .toList();
        }
        assertEquals(List.of(), tooLong);
    }

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
                        AutoCloseable.class),
                Set.of(LabStore.class.getInterfaces()));
        assertEquals(1, LabStore.class.getDeclaredMethods().length, "only close(): the rest is declared by area");
        assertTrue(JudgingRepository.class.isAssignableFrom(H2JudgingRepository.class));
        assertTrue(LedgerRepository.class.isAssignableFrom(H2LedgerRepository.class));
        assertTrue(SendHistoryRepository.class.isAssignableFrom(H2SendHistoryRepository.class));
    }

    private static long lines(Path p) {
        try (Stream<String> s = Files.lines(p)) {
            return s.count();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
