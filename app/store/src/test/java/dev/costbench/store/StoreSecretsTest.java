// SPDX-License-Identifier: Apache-2.0
package dev.costbench.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.costbench.model.lab.ExperimentSettings;
import dev.costbench.model.lab.NewExperiment;
import dev.costbench.model.lab.NewVariant;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** API keys are never stored: no column is meant for one, and the JSON the store keeps cannot smuggle one in. */
class StoreSecretsTest {

    /** Shaped like a real OpenAI project key, so the value check is exercised too. */
    private static final String FAKE_KEY = "sk-proj-TESTONLY0123456789abcdefghijklmnopqrstuv";

    @TempDir
    Path dir;

    @Test
    void noColumnIsNamedLikeACredential() throws Exception {
        H2LabStore.open(dir).close();
        List<String> columns = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(
                        H2LabStore.url(dir.toRealPath().resolve("costbench")), "sa", "");
                ResultSet rs = c.createStatement()
                        .executeQuery("SELECT TABLE_NAME, COLUMN_NAME FROM "
                                + "INFORMATION_SCHEMA.COLUMNS WHERE TABLE_SCHEMA = 'PUBLIC'")) {
            while (rs.next()) {
                columns.add(rs.getString(1).toLowerCase(Locale.ROOT) + "."
                        + rs.getString(2).toLowerCase(Locale.ROOT));
            }
        }
        assertTrue(columns.size() > 50, "the schema was read: " + columns);
        for (String col : columns) {
            String name = col.substring(col.indexOf('.') + 1);
            assertFalse(name.matches(".*(key|secret|passw|credential|auth|bearer).*"), col);
        }
    }

    @Test
    void settingsScenariosAndPromptsRefuseKeys() {
        try (H2LabStore store = H2LabStore.open(dir)) {
            IllegalArgumentException e = assertThrows(
                    IllegalArgumentException.class,
                    () -> store.saveScenario("leaky", "{\"provider\":\"openai\",\"apiKey\":\"" + FAKE_KEY + "\"}"));
            assertFalse(e.getMessage().contains(FAKE_KEY), "the message never echoes the key");
            assertThrows(
                    IllegalArgumentException.class,
                    () -> store.saveScenario("leaky", "{\"headers\":{\"x-api-key\":\"abc\"}}"));
            assertThrows(
                    IllegalArgumentException.class,
                    () -> store.saveScenario("leaky", "{\"note\":\"my key is " + FAKE_KEY + "\"}"));
            assertThrows(
                    IllegalArgumentException.class,
                    () -> new ExperimentSettings(null, 100, null, null, false, "{\"openai_api_key\":\"x\"}"));
            assertThrows(
                    IllegalArgumentException.class,
                    () -> new ExperimentSettings(
                            null,
                            100,
                            null,
                            null,
                            false,
                            "{\"judge\":{\"model\":\"gpt-5\",\"token\":\"" + FAKE_KEY + "\"}}"));
            assertThrows(
                    IllegalArgumentException.class,
                    () -> new NewVariant("v", true, "{\"parameters\":{\"Authorization\":\"Bearer abc\"}}"));
            assertTrue(store.listScenarios().isEmpty());

            // Ordinary words in values are fine; so are token counts and cache keys as text.
            store.saveScenario("fine", "{\"text\":\"Reset your password via the portal\",\"maxTokens\":300}");
            store.createExperiment(new NewExperiment(
                    "fine",
                    null,
                    1,
                    new ExperimentSettings(
                            null, 100, null, null, false, "{\"checks\":[{\"contains\":\"secret sauce\"}]}"),
                    List.of("gpt-5")));
            assertEquals(1, store.listScenarios().size());
        }
    }

    @Test
    void aKeyNeverReachesTheDatabaseFile() throws IOException {
        String marker = "MARKER-visible-in-the-file-0451";
        try (H2LabStore store = H2LabStore.open(dir)) {
            Fixtures.setup(store, "workload", 2, 2, List.of("gpt-5"), 1);
            store.saveScenario("plain", "{\"label\":\"" + marker + "\"}");
            for (String json : List.of("{\"apiKey\":\"" + FAKE_KEY + "\"}", "{\"v\":\"" + FAKE_KEY + "\"}")) {
                assertThrows(IllegalArgumentException.class, () -> store.saveScenario("k", json));
                assertThrows(
                        IllegalArgumentException.class,
                        () -> store.createExperiment(new NewExperiment(
                                "k",
                                null,
                                1,
                                new ExperimentSettings(null, 1, null, null, false, json),
                                List.of("gpt-5"))));
            }
        }
        String all = readAll(dir);
        assertTrue(all.contains(marker), "the scan can see stored text");
        assertFalse(all.contains(FAKE_KEY));
        assertFalse(all.contains("TESTONLY0123456789"));
    }

    private static String readAll(Path dir) throws IOException {
        StringBuilder sb = new StringBuilder();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.filter(Files::isRegularFile).toList()) {
                sb.append(new String(Files.readAllBytes(p), StandardCharsets.ISO_8859_1));
            }
        }
        return sb.toString();
    }
}
