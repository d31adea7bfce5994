// SPDX-License-Identifier: Apache-2.0
package dev.costbench.ui.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.costbench.model.catalog.CatalogBuilder;
import dev.costbench.model.catalog.ModelEntry;
import dev.costbench.model.catalog.team.CatalogOverrides;
import dev.costbench.model.tokens.OpenTokenizers;
import dev.costbench.ui.common.DirectTaskExecutor;
import dev.costbench.ui.common.RecordingDialogService;
import dev.costbench.ui.common.UiContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Catalog ▸ Load tokenizer.json… without a display: the guess, the copy, the reload, a bad file, cancel. */
class TokenizerLoadViewModelTest {

    static final String TINY = "{\"pre_tokenizer\":{\"type\":\"ByteLevel\",\"use_regex\":true},"
            + "\"model\":{\"type\":\"BPE\",\"vocab\":{\"a\":0,\"b\":1,\"ab\":2},\"merges\":[\"a b\"]}}";

    @TempDir
    Path dir;

    private final DirectTaskExecutor tasks = new DirectTaskExecutor();
    private final RecordingDialogService dialogs = new RecordingDialogService();
    private int reloads;
    private TokenizerLoadViewModel vm;

    @BeforeEach
    void setUp() {
        System.setProperty("costbench.dataDir", dir.resolve("data").toString());
        vm = new TokenizerLoadViewModel(
                new UiContext(tasks, dialogs),
                () -> CatalogBuilder.withUserCatalog(userCatalog()),
                CatalogBuilder::builtIn,
                () -> CatalogOverrides.personal(userCatalog()),
                () -> reloads++);
    }

    private Path userCatalog() {
        return dir.resolve("data").resolve("catalog.json");
    }

    /**
     * The indices, in the list the dialog offers now, of the models {@code ids} (null: those whose built-in entry
     * names {@code tokenizer}).
     */
    private Set<Integer> ticks(String tokenizer, Set<String> ids) {
        List<ModelEntry> offered = TokenizerLoadViewModel.offered(
                OpenTokenizers.info(tokenizer).orElseThrow(), CatalogBuilder.withUserCatalog(userCatalog()));
        Set<Integer> out = new TreeSet<>();
        for (int i = 0; i < offered.size(); i++) {
            String id = offered.get(i).id();
            boolean builtIn = CatalogBuilder.builtIn()
                    .find(id)
                    .map(m -> m.tokenizer().equals(tokenizer))
                    .orElse(false);
            if (ids == null ? builtIn : ids.contains(id)) {
                out.add(i);
            }
        }
        return out;
    }

    private Set<Integer> named(String tokenizer) {
        return ticks(tokenizer, null);
    }

    @AfterEach
    void tearDown() throws IOException {
        OpenTokenizers.remove("llama3");
        OpenTokenizers.remove("gemma3");
        System.clearProperty("costbench.dataDir");
    }

    @Test
    void aLlamaFileIsOfferedAsTheLlama3TokenizerCopiedAndTheCatalogReloaded() throws IOException {
        Path file =
                Files.createDirectories(dir.resolve("Llama-3.3-70B-Instruct")).resolve("tokenizer.json");
        Files.writeString(file, TINY);
        dialogs.answer(file).answer(0).answer(named("llama3"));
        vm.load();
        RecordingDialogService.Shown choice = dialogs.last("choose");
        assertEquals("Which tokenizer is tokenizer.json?", choice.headline());
        assertTrue(
                choice.detail().contains("[Llama 3 tokenizer — 7 models: Llama 3.1 8B Instruct (Groq)"),
                choice.detail());
        assertTrue(Files.isRegularFile(OpenTokenizers.userFile("llama3")));
        assertTrue(OpenTokenizers.available("llama3"));
        assertEquals(1, reloads);
        assertEquals(
                "Llama 3 tokenizer loaded: 7 models count exactly",
                dialogs.last("notify").headline());
        assertFalse(vm.busyProperty().get());
        assertFalse(Files.exists(userCatalog()), "the models as the catalog names them: nothing to keep");
    }

    @Test
    void theModelsChosenAreKeptInTheUserCatalog() throws IOException {
        Path file = Files.writeString(dir.resolve("tokenizer.json"), TINY);
        Set<String> ids = new TreeSet<>();
        CatalogBuilder.builtIn().models().stream()
                .filter(m -> m.tokenizer().equals("llama3") && !m.id().equals("cerebras/llama3.1-70b"))
                .forEach(m -> ids.add(m.id()));
        ids.add("deepseek/deepseek-v4-pro");
        dialogs.answer(file).answer(0).answer(ticks("llama3", ids));
        vm.load();
        RecordingDialogService.Shown models = dialogs.last("chooseMany");
        assertEquals("Which models count with the Llama 3 tokenizer?", models.headline());
        assertTrue(models.detail().contains("[x] Llama 3.3 70B (Groq) · now: Llama 3 tokenizer\n"), models.detail());
        assertTrue(models.detail().split("\n")[1].startsWith("[x] "), "the models naming the tokenizer come first");
        assertTrue(models.detail().contains("[ ] Qwen3-32B (Groq) · now: Qwen3 tokenizer\n"), models.detail());
        var catalog = CatalogBuilder.withUserCatalog(userCatalog());
        assertEquals(
                "llama3", catalog.find("deepseek/deepseek-v4-pro").orElseThrow().tokenizer());
        assertEquals("open", catalog.find("cerebras/llama3.1-70b").orElseThrow().tokenizer());
        assertEquals(
                "llama3",
                catalog.find("groq/llama-3.3-70b-versatile").orElseThrow().tokenizer());
        assertEquals(
                "Llama 3 tokenizer loaded: 7 models count exactly",
                dialogs.last("notify").headline());

        // loading again with the catalog's own choice ticked takes the user's entries back off
        dialogs.answer(file).answer(0).answer(named("llama3"));
        vm.load();
        catalog = CatalogBuilder.withUserCatalog(userCatalog());
        assertEquals(
                "open", catalog.find("deepseek/deepseek-v4-pro").orElseThrow().tokenizer());
        assertEquals(
                "llama3", catalog.find("cerebras/llama3.1-70b").orElseThrow().tokenizer());
    }

    @Test
    void cancellingTheModelsLoadsNothing() throws IOException {
        Path file = Files.writeString(dir.resolve("tokenizer.json"), TINY);
        dialogs.answer(file).answer(0);
        vm.load();
        assertFalse(Files.exists(OpenTokenizers.userFile("llama3")));
        assertEquals(0, reloads);
    }

    @Test
    void aGemmaFileComesFirstAsGemma() {
        assertEquals(
                "gemma3",
                TokenizerLoadViewModel.choices(Path.of("/x/gemma-3-27b-it/tokenizer.json"))
                        .get(0)
                        .name());
        assertEquals(
                "llama3",
                TokenizerLoadViewModel.choices(Path.of("/x/tokenizer.json"))
                        .get(0)
                        .name());
    }

    @Test
    void aFileThatIsNotATokenizerSaysWhatIsWrongAndChangesNothing() throws IOException {
        Path file = Files.writeString(dir.resolve("tokenizer.json"), "{\"model\":{\"type\":\"WordPiece\"}}");
        dialogs.answer(file).answer(0).answer(named("llama3"));
        vm.load();
        RecordingDialogService.Shown error = dialogs.last("error");
        assertEquals("Could not load tokenizer.json", error.headline());
        assertTrue(
                error.detail().contains("WordPiece") && error.detail().contains("Nothing was changed"), error.detail());
        assertFalse(Files.exists(OpenTokenizers.userFile("llama3")));
        assertEquals(0, reloads);
    }

    @Test
    void cancellingTheChoiceLoadsNothing() throws IOException {
        Path file = Files.writeString(dir.resolve("tokenizer.json"), TINY);
        dialogs.answer(file);
        vm.load();
        assertFalse(Files.exists(OpenTokenizers.userFile("llama3")));
        assertEquals(0, reloads);
    }
}
