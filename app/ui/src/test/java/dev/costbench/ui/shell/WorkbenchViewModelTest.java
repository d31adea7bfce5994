// SPDX-License-Identifier: Apache-2.0
package dev.costbench.ui.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.costbench.model.catalog.Catalog;
import dev.costbench.model.catalog.CatalogBuilder;
import dev.costbench.model.catalog.refresh.ImportSource;
import dev.costbench.ui.common.DirectTaskExecutor;
import dev.costbench.ui.common.RecordingDialogService;
import dev.costbench.ui.common.UiContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The main window's own actions, without a display: catalog banner, reload, price import, About. */
class WorkbenchViewModelTest {

    @TempDir
    Path dir;

    private final DirectTaskExecutor tasks = new DirectTaskExecutor();
    private final RecordingDialogService dialogs = new RecordingDialogService();

    private WorkbenchViewModel vm(Path userCatalog) {
        WorkbenchViewModel.CatalogSource source = new WorkbenchViewModel.CatalogSource() {
            @Override
            public Catalog load() {
                return CatalogBuilder.withUserCatalog(userCatalog);
            }

            @Override
            public Path userCatalog() {
                return userCatalog;
            }

            @Override
            public Catalog builtIn() {
                return CatalogBuilder.builtIn();
            }
        };
        return new WorkbenchViewModel(
                new UiContext(tasks, dialogs), source, source.load(), () -> "About text", () -> "Licence text");
    }

    @Test
    void aCleanCatalogShowsNoBanner() {
        WorkbenchViewModel vm = vm(dir.resolve("catalog.json"));
        assertFalse(vm.bannerShownProperty().get());
        vm.showProblemList();
        assertEquals(
                "No problems: every catalog entry loaded.", dialogs.last("text").detail());
    }

    @Test
    void aBrokenUserCatalogIsReportedInTheBannerUntilDismissedAndReloadReadsItAgain() throws Exception {
        Path user = dir.resolve("catalog.json");
        Files.writeString(user, "{\"schemaVersion\":1,\"models\":[{\"id\":\"x\"}]}");
        WorkbenchViewModel vm = vm(user);
        assertTrue(vm.bannerShownProperty().get());
        assertTrue(
                vm.bannerTextProperty().get().contains("problem(s) in the pricing catalog"),
                vm.bannerTextProperty().get());
        vm.dismissBanner();
        assertFalse(vm.bannerShownProperty().get());

        Files.delete(user);
        vm.reloadCatalog();
        assertFalse(vm.bannerShownProperty().get());
        assertEquals("", vm.bannerTextProperty().get());
    }

    @Test
    void aLiteLlmImportIsReviewedWrittenAndReloaded() throws Exception {
        Path user = dir.resolve("catalog.json");
        Path file = dir.resolve("model_prices_and_context_window.json");
        Files.writeString(
                file,
                "{\"sample_spec\":{},\"acme-chat-1\":{\"litellm_provider\":\"openai\",\"mode\":\"chat\","
                        + "\"input_cost_per_token\":1e-06,\"output_cost_per_token\":2e-06,\"max_input_tokens\":128000},"
                        + "\"acme-embed\":{\"litellm_provider\":\"openai\",\"mode\":\"embedding\","
                        + "\"input_cost_per_token\":1e-07,\"output_cost_per_token\":0}}");
        WorkbenchViewModel vm = vm(user);
        int before = vm.catalogProperty().get().size();
        dialogs.answer(0).answer(0).answer(file).answer(Set.of(0, 1));
        vm.priceImport().importPrices();
        assertFalse(vm.priceImport().busyProperty().get());
        assertEquals("LiteLLM prices imported", dialogs.last("info").headline());
        assertTrue(
                dialogs.last("info").detail().startsWith("2 of 2 price changes written"),
                dialogs.last("info").detail());
        assertTrue(Files.isRegularFile(user));
        assertEquals(before + 1, vm.catalogProperty().get().size());
        assertTrue(vm.catalogProperty().get().find("acme-chat-1").isPresent());
    }

    @Test
    void aFileThatIsNotLiteLlmsLeavesTheUserCatalogUnchangedAndSaysSo() throws Exception {
        Path user = dir.resolve("catalog.json");
        Path file = dir.resolve("prices.json");
        Files.writeString(file, "[1, 2, 3]");
        WorkbenchViewModel vm = vm(user);
        vm.priceImport().importFrom(ImportSource.LITELLM, file.toString());
        RecordingDialogService.Shown e = dialogs.last("error");
        assertEquals("Could not import prices.json", e.headline());
        assertTrue(e.detail().contains("Your user catalog was not changed"), e.detail());
        assertFalse(Files.exists(user));
        assertTrue(tasks.unhandled().isEmpty());
    }

    @Test
    void cancellingTheFirstQuestionImportsNothing() {
        WorkbenchViewModel vm = vm(dir.resolve("catalog.json"));
        vm.priceImport().importPrices();
        assertEquals(1, dialogs.shown().size()); // only the question
    }

    @Test
    void aboutAndLicencesShowTheirTexts() {
        WorkbenchViewModel vm = vm(dir.resolve("catalog.json"));
        vm.about();
        vm.licences();
        assertEquals("About text", dialogs.last("info").detail());
        assertEquals("Licence text", dialogs.last("text").detail());
    }
}
