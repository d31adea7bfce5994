// SPDX-License-Identifier: Apache-2.0
package dev.costbench.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.costbench.model.catalog.ServiceTier;
import dev.costbench.model.lab.NewTrial;
import dev.costbench.model.lab.Trial;
import dev.costbench.model.lab.TrialCell;
import dev.costbench.model.provider.ChatResult;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;

/** Schema version 7: each trial keeps the service tier asked for and the one served; History counts the changes. */
class ServedTierStoreTest {

    @TempDir
    Path dir;

    /** A successful trial as the runner records it: asked for {@code asked}, the provider reporting {@code served}. */
    static NewTrial tiered(long experimentId, TrialCell cell, ServiceTier asked, String served) {
        NewTrial t = Fixtures.success(experimentId, cell);
        ChatResult answer = new ChatResult(
                t.outputText(), t.usage(), Map.of(), "stop", cell.modelId(), "r", Duration.ZERO, null, "{}", served);
        return NewTrial.success(
                experimentId, cell, t.requestHash(), answer, null, null, false, t.started(), t.finished(), asked);
    }

    @StoreTest
    void theTiersRoundTripAndHistoryCountsTheChanges(StoreKind kind) {
        StoreKind.StoreFactory stores = kind.fresh(dir);
        try (JdbcLabStore store = stores.open()) {
            Fixtures.Setup s = Fixtures.setup(store, "tiers", 1, 1, List.of("gpt-5"), 3);
            long v = s.variants().get(0).id();
            long in = s.inputs().get(0).id();
            Trial down =
                    store.addTrial(tiered(s.id(), new TrialCell(v, in, "gpt-5", 1), ServiceTier.PRIORITY, "default"));
            store.addTrial(tiered(s.id(), new TrialCell(v, in, "gpt-5", 2), ServiceTier.PRIORITY, "priority"));
            store.addTrial(Fixtures.success(s.id(), new TrialCell(v, in, "gpt-5", 3)));

            List<Trial> back = store.trials(s.id());
            assertEquals(ServiceTier.PRIORITY, back.get(0).requestedTier());
            assertEquals("default", back.get(0).servedTier());
            assertEquals("priority", back.get(1).servedTier());
            assertNull(back.get(2).requestedTier());
            assertNull(back.get(2).servedTier());
            assertEquals(1, store.overviews().get(0).tierChanged());

            store.deleteTrial(down.id());
            assertEquals(0, store.overviews().get(0).tierChanged());
        }
    }
}
