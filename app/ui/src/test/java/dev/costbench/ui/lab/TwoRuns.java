// SPDX-License-Identifier: Apache-2.0
package dev.costbench.ui.lab;

import dev.costbench.model.lab.Experiment;
import dev.costbench.model.lab.LabStore;
import dev.costbench.store.H2LabStore;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * For each test, a fresh lab store holding two finished runs of the same support prompt: last week's and today's
 * (cheaper and faster); the store is closed after the test. Use as {@code @RegisterExtension final TwoRuns runs = new
 * TwoRuns();}.
 */
public final class TwoRuns implements BeforeEachCallback, AfterEachCallback {

    private H2LabStore store;
    private Experiment lastWeek;
    private Experiment today;

    @Override
    public void beforeEach(ExtensionContext context) throws IOException {
        store = H2LabStore.open(Files.createTempDirectory("costbench-two-runs").resolve("data"));
        List<Experiment> runs = importInto(store);
        lastWeek = runs.get(0);
        today = runs.get(1);
    }

    /** Imports last week's and today's run into {@code store}; returns them in that order. */
    public static List<Experiment> importInto(LabStore store) {
        return List.of(
                store.importExperiment(
                        LabFixtures.snapshot("Support prompt, last week", 1000, 900, "2026-11-18T10:00:00Z")),
                store.importExperiment(
                        LabFixtures.snapshot("Support prompt, today", 820, 600, "2026-11-25T10:00:00Z")));
    }

    @Override
    public void afterEach(ExtensionContext context) {
        store.close();
    }

    H2LabStore store() {
        return store;
    }

    Experiment lastWeek() {
        return lastWeek;
    }

    Experiment today() {
        return today;
    }
}
