// SPDX-License-Identifier: Apache-2.0
package dev.costbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.costbench.model.lab.ExperimentSettings;
import dev.costbench.model.lab.NewExperiment;
import dev.costbench.store.H2LabStore;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code costbench store info} and {@code store copy}'s answers that need no server. */
class TeamStoreCliTest extends UserDataTest {

    @Test
    void infoNamesTheLocalFileByDefault() {
        try (H2LabStore store = H2LabStore.open(data)) {
            store.createExperiment(
                    new NewExperiment("tickets", null, 1, ExperimentSettings.defaults(), List.of("gpt-4o-mini")));
        }
        CliRun r = CliRun.of("", "store", "info");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().startsWith("Local store (H2): " + H2LabStore.databaseFile(data.toAbsolutePath())), r.out());
        assertTrue(r.out().contains("1 experiment stored."), r.out());
        CliRun json = CliRun.of("", "store", "info", "--json");
        assertTrue(json.out().contains("\"kind\" : \"local\""), json.out());
    }

    @Test
    void aCopyToAServerThatDoesNotAnswerSaysSoInOneLineWithoutThePassword() {
        H2LabStore.open(data).close();
        CliRun r = CliRun.of(
                "",
                "store",
                "copy",
                "--from",
                data.toString(),
                "--to",
                "jdbc:postgresql://127.0.0.1:1/team?user=ana" + "&password=pw-never-shown");
        assertEquals(1, r.code(), r.out());
        assertFalse(r.err().contains("pw-never-shown"), r.err());
        assertTrue(
                r.err()
                        .startsWith("costbench: Could not open the team store at "
                                + "jdbc:postgresql://127.0.0.1:1/team?user=ana: "),
                r.err());
        assertTrue(r.err().contains("Check that the server runs"), r.err());
    }

    @Test
    void aCopyNeedsAnExistingLocalStore() {
        CliRun r = CliRun.of("", "store", "copy", "--from", tmp.toString(), "--to", "jdbc:postgresql://h/db");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("no CostBench database at " + tmp.toAbsolutePath()), r.err());
    }
}
