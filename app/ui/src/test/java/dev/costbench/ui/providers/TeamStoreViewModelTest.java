// SPDX-License-Identifier: Apache-2.0
package dev.costbench.ui.providers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.costbench.model.provider.CredentialStore;
import dev.costbench.providers.ProviderConfig;
import dev.costbench.providers.keys.CredentialStores;
import dev.costbench.store.LabStores;
import dev.costbench.ui.common.DirectTaskExecutor;
import dev.costbench.ui.common.RecordingDialogService;
import dev.costbench.ui.common.UiContext;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Providers tab's Team store section without a display: the choice saved, the password kept apart. */
class TeamStoreViewModelTest {

    private static final String PASSWORD = "pg-UILEAKCHECK-s3cret";

    @TempDir
    Path data;

    private final DirectTaskExecutor tasks = DirectTaskExecutor.held();
    private final List<String> reopened = new ArrayList<>();
    private CredentialStore credentials;
    private TeamStoreViewModel vm;

    @BeforeEach
    void setUp() {
        credentials = CredentialStores.encryptedFile(data, () -> "correct horse battery".toCharArray());
        ProviderConfig cfg = new ProviderConfig(Map.of(), credentials, data.resolve("providers.json"));
        vm = new TeamStoreViewModel(
                new UiContext(tasks, new RecordingDialogService()), new ProviderAccess(cfg), data, reopened::add);
    }

    @Test
    void usingATeamStoreSavesTheUrlAndUserAndKeepsThePasswordInTheCredentialStore() throws Exception {
        assertTrue(
                vm.inUseProperty().get().contains("this computer's own file"),
                vm.inUseProperty().get());
        vm.urlProperty().set("jdbc:postgresql://db.example.com:5432/costbench");
        vm.userProperty().set("ana");
        vm.passwordProperty().set(PASSWORD);
        vm.authorProperty().set("Ana");
        vm.useThisStore();

        assertEquals(
                List.of("The results store is now the team store "
                        + "jdbc:postgresql://db.example.com:5432/costbench?user=ana."),
                reopened);
        assertEquals("", vm.passwordProperty().get(), "not kept in the form");
        LabStores.Choice c = LabStores.choice(data);
        assertEquals(
                "jdbc:postgresql://db.example.com:5432/costbench",
                c.teamStore().orElseThrow().jdbcUrl());
        assertEquals("ana", c.teamStore().orElseThrow().user());
        assertEquals("Ana", c.author());
        String saved = Files.readString(data.resolve(LabStores.FILE_NAME), StandardCharsets.UTF_8);
        assertFalse(saved.contains(PASSWORD), saved);
        for (Path f : Files.list(data).toList()) {
            assertFalse(
                    new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1).contains(PASSWORD),
                    "never in plain text: " + f);
        }
        assertEquals(
                PASSWORD,
                credentials
                        .loadNamed(c.teamStore().orElseThrow().credentialName())
                        .orElseThrow()
                        .reveal());

        vm.useLocalFile();
        assertTrue(LabStores.choice(data).teamStore().isEmpty());
        assertEquals("The results store is now this computer's own file.", reopened.get(1));
    }

    @Test
    void aUrlThatIsNotPostgreSqlSaysHowToWriteItAndChangesNothing() {
        vm.urlProperty().set("postgres://db/costbench");
        vm.useThisStore();
        assertEquals(ProvidersViewModel.Outcome.FAILED, vm.outcomeProperty().get());
        assertTrue(
                vm.resultProperty().get().contains("jdbc:postgresql://host:5432/database"),
                vm.resultProperty().get());
        assertTrue(reopened.isEmpty());
        assertFalse(Files.exists(data.resolve(LabStores.FILE_NAME)));
    }

    @Test
    void aServerThatDoesNotAnswerFailsTheTestWithWhatToCheck() {
        vm.urlProperty().set("jdbc:postgresql://127.0.0.1:1/costbench");
        vm.testConnection();
        assertEquals(
                "Why: A connection test is running: wait for its result.",
                "Why: " + vm.blockedReason().get());
        tasks.runPending();
        assertEquals(ProvidersViewModel.Outcome.FAILED, vm.outcomeProperty().get());
        assertTrue(
                vm.resultProperty().get().contains("Check that the server runs"),
                vm.resultProperty().get());
        assertEquals("", vm.blockedReason().get());
    }
}
