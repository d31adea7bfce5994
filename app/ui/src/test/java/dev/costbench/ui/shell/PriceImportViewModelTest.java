// SPDX-License-Identifier: Apache-2.0
package dev.costbench.ui.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.costbench.model.catalog.Catalog;
import dev.costbench.model.catalog.CatalogBuilder;
import dev.costbench.model.catalog.PriceKind;
import dev.costbench.model.catalog.PriceStatus;
import dev.costbench.model.catalog.refresh.ImportSource;
import dev.costbench.model.catalog.team.CatalogOverrides;
import dev.costbench.ui.common.DirectTaskExecutor;
import dev.costbench.ui.common.RecordingDialogService;
import dev.costbench.ui.common.UiContext;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The review of an import, without a display: what is shown, a subset accepted, cancel, a malformed file, a URL. */
class PriceImportViewModelTest {

    static final String OPENROUTER = """
            {"data":[
             {"id":"acme/chat-1","name":"Acme: Chat 1","pricing":{"prompt":"0.000001","completion":"0.000002"}},
             {"id":"acme/free:free","name":"Acme: Free","pricing":{"prompt":"0","completion":"0"}}]}
            """;

    /** gpt-5 at a price no other source gives: a CONFLICT with the built-in catalog. */
    static final String GENAI = """
            [{"id":"openai","models":[{"id":"gpt-5","prices":{"input_mtok":9.99,"output_mtok":10}}]}]
            """;

    @TempDir
    Path dir;

    private final DirectTaskExecutor tasks = new DirectTaskExecutor();
    private final RecordingDialogService dialogs = new RecordingDialogService();
    private final List<URI> downloaded = new ArrayList<>();
    private Path user;
    private int reloads;
    private PriceImportViewModel vm;

    @BeforeEach
    void setUp() {
        user = dir.resolve("catalog.json");
        vm = new PriceImportViewModel(
                new UiContext(tasks, dialogs),
                () -> CatalogBuilder.withUserCatalog(user),
                () -> CatalogOverrides.personal(user),
                url -> {
                    downloaded.add(url);
                    return OPENROUTER.getBytes(StandardCharsets.UTF_8);
                },
                () -> reloads++);
    }

    private Path file(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }

    @Test
    void theReviewListsEveryChangeAndOnlyTheAcceptedOnesAreWritten() throws Exception {
        Path f = file("models.json", OPENROUTER);
        dialogs.answer(2).answer(0).answer(f).answer(Set.of(0, 1)); // OpenRouter, a file, the file, rows 0 and 1
        vm.importPrices();
        RecordingDialogService.Shown review = dialogs.last("review");
        assertEquals("4 added, 0 changed, 0 removed, 0 CONFLICT — prices in USD per 1M tokens", review.headline());
        assertTrue(
                review.detail().contains("added | Acme: Chat 1 | OpenRouter | Input | — | $1.00 | OpenRouter"),
                review.detail());
        assertEquals(1, reloads);
        assertEquals("OpenRouter prices imported", dialogs.last("info").headline());
        Catalog after = CatalogBuilder.withUserCatalog(user);
        assertTrue(after.problems().isEmpty(), after.problems().toString());
        var chat = after.find("openrouter/acme/chat-1").orElseThrow();
        assertEquals(
                0, BigDecimal.ONE.compareTo(chat.prices().get(PriceKind.INPUT).perMTok()));
        assertEquals(
                0,
                new BigDecimal("2")
                        .compareTo(chat.prices().get(PriceKind.OUTPUT).perMTok()));
        assertTrue(after.find("openrouter/acme/free:free").isEmpty(), "rows 2 and 3 were not accepted");
        assertFalse(vm.busyProperty().get());
    }

    @Test
    void cancellingTheReviewChangesNothing() throws Exception {
        Path f = file("models.json", OPENROUTER);
        vm.importFrom(ImportSource.OPENROUTER, f.toString()); // the review is not answered: cancelled
        assertTrue(dialogs.last("review") != null);
        assertEquals(
                "Import cancelled: the catalog was not changed",
                dialogs.last("notify").headline());
        assertFalse(Files.exists(user));
        assertEquals(0, reloads);
        assertFalse(vm.busyProperty().get());
    }

    @Test
    void aConflictIsMarkedAndAcceptedWithItsMark() throws Exception {
        Path f = file("data.json", GENAI);
        dialogs.answer(Set.of(0));
        vm.importFrom(ImportSource.GENAI_PRICES, f.toString());
        RecordingDialogService.Shown review = dialogs.last("review");
        assertTrue(review.headline().contains("1 CONFLICT"), review.headline());
        assertTrue(review.detail().startsWith("! CONFLICT | GPT-5 | OpenAI | Input | $1.25"), review.detail());
        var input = CatalogBuilder.withUserCatalog(user)
                .find("gpt-5")
                .orElseThrow()
                .prices()
                .get(PriceKind.INPUT);
        assertEquals(PriceStatus.CONFLICT, input.status());
        assertEquals(0, new BigDecimal("9.99").compareTo(input.perMTok()));
        assertEquals(0, new BigDecimal("1.25").compareTo(input.alternatives().get(0)));
    }

    @Test
    void aMalformedFileSaysWhereAndChangesNothing() throws Exception {
        Path f = file("models.json", "{\"data\":[{\"pricing\":{}}]}");
        vm.importFrom(ImportSource.OPENROUTER, f.toString());
        RecordingDialogService.Shown e = dialogs.last("error");
        assertEquals("Could not import models.json", e.headline());
        assertTrue(e.detail().contains("at $.data[0].id"), e.detail());
        assertTrue(e.detail().contains("Your user catalog was not changed"), e.detail());
        assertTrue(dialogs.all("review").isEmpty());
        assertFalse(Files.exists(user));
        assertFalse(vm.busyProperty().get());
    }

    @Test
    void aWebAddressIsDownloadedOnlyWhenTheUserGivesIt() {
        dialogs.answer(2)
                .answer(1)
                .answer("https://openrouter.ai/api/v1/models")
                .answer(Set.of(0, 1, 2, 3));
        vm.importPrices();
        assertEquals(List.of(URI.create("https://openrouter.ai/api/v1/models")), downloaded);
        assertEquals("OpenRouter prices imported", dialogs.last("info").headline());
        assertTrue(CatalogBuilder.withUserCatalog(user)
                .find("openrouter/acme/free:free")
                .isPresent());
    }

    @Test
    void nothingIsDownloadedWhenTheAddressIsCancelled() {
        dialogs.answer(2).answer(1); // no address given
        vm.importPrices();
        assertTrue(downloaded.isEmpty());
        assertTrue(dialogs.all("review").isEmpty());
    }
}
