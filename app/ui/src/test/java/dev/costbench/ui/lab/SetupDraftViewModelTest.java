// SPDX-License-Identifier: Apache-2.0
package dev.costbench.ui.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.costbench.model.catalog.ServiceTier;
import dev.costbench.model.lab.stats.Check;
import dev.costbench.model.lab.stats.QualityMeasure;
import dev.costbench.model.lab.stats.QualitySettings;
import dev.costbench.model.lab.stats.VerdictThresholds;
import dev.costbench.store.H2LabStore;
import dev.costbench.ui.common.RecordingDialogService;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The A/B setup kept as a draft in the data directory: saved, restored, a damaged one set aside, cleared. */
class SetupDraftViewModelTest {

    private static final String IMAGE = "receipt-512.png";
    private Path dir;
    private Path draft;
    private H2LabStore store;
    private final RecordingDialogService dialogs = new RecordingDialogService();
    private final List<SetupViewModel> opened = new ArrayList<>();

    @BeforeEach
    void open() throws Exception {
        dir = Files.createTempDirectory("costbench-setup-draft");
        draft = dir.resolve("lab-setup-draft.json");
        store = H2LabStore.open(dir.resolve("db"));
    }

    @AfterEach
    void close() {
        opened.forEach(SetupViewModel::close);
        store.close();
    }

    /** A setup as the app makes one on a start: its draft restored, kept from then on. */
    private SetupViewModel start() {
        SetupViewModel vm = new SetupViewModel(
                LabFixtures.direct(dialogs),
                () -> store,
                () -> LabFixtures.CATALOG,
                LabFixtures.answering(new ArrayList<>()),
                () -> new String[] {"", ""},
                null);
        vm.keepDraft(draft, Duration.ZERO);
        opened.add(vm);
        return vm;
    }

    @Test
    void everyFieldIsKeptAndComesBackOnTheNextStart() throws Exception {
        SetupViewModel vm = start();
        assertFalse(Files.exists(draft), "nothing written before an edit");
        QualitySettings quality = new QualitySettings(
                List.of(Check.contains("order")), new VerdictThresholds(20, 3, QualityMeasure.ROUGE_L, false), null);
        vm.setQualitySource(() -> quality);
        vm.nameProperty().set("Tickets, shorter");
        vm.variants().baseSystemProperty().set("Be thorough.");
        vm.variants().optUserProperty().set("T: {{ticket}}");
        assertTrue(vm.variants().attach(vm.variants().baselineMedia(), LabFixtures.image(dir, IMAGE)));
        vm.inputsProperty().set("ticket\nWhere is it?");
        vm.checkedModels().setAll("gpt-4o-mini");
        vm.params().repetitionsProperty().set(5);
        vm.params().maxTokensProperty().set("12x"); // half typed: kept as it is
        vm.params().temperatureProperty().set("0.3");
        vm.params().budgetProperty().set("2.50");
        vm.params().responseCacheProperty().set(true);
        vm.params().serviceTierProperty().set(ServiceTier.FLEX);
        assertTrue(Files.readString(draft, StandardCharsets.UTF_8).contains("Tickets, shorter"));

        SetupViewModel next = start(); // as after a restart, or a crash: the draft is what was last written
        assertEquals("Tickets, shorter", next.nameProperty().get());
        assertEquals("Be thorough.", next.variants().baseSystemProperty().get());
        assertEquals("T: {{ticket}}", next.variants().optUserProperty().get());
        assertEquals(1, next.variants().baselineMedia().size());
        assertEquals(
                vm.variants().baselineMedia().get(0).sha256(),
                next.variants().baselineMedia().get(0).sha256());
        assertEquals("ticket\nWhere is it?", next.inputsProperty().get());
        assertEquals(List.of("gpt-4o-mini"), next.checkedModels());
        assertEquals(5, next.params().repetitionsProperty().get());
        assertEquals("12x", next.params().maxTokensProperty().get());
        assertEquals("0.3", next.params().temperatureProperty().get());
        assertEquals("2.50", next.params().budgetProperty().get());
        assertTrue(next.params().responseCacheProperty().get());
        assertEquals(ServiceTier.FLEX, next.params().serviceTierProperty().get());
        assertEquals(quality, next.shownQualityProperty().get(), "the checks and thresholds for the editors");
        assertTrue(dialogs.shown().isEmpty(), dialogs.shown().toString());
    }

    @Test
    void aDamagedDraftIsSetAsideWithAWarningAndTheExampleShows() throws Exception {
        Files.writeString(draft, "{\"format\": 1, \"name\": \"cut off", StandardCharsets.UTF_8);
        SetupViewModel vm = start();
        assertEquals(SetupViewModel.DEFAULT_NAME, vm.nameProperty().get());
        RecordingDialogService.Shown w = dialogs.last("warning");
        assertEquals("The A/B setup could not be restored", w.headline());
        assertTrue(
                w.detail().contains("not valid JSON") && w.detail().contains("lab-setup-draft-damaged.json"),
                w.detail());
        assertFalse(Files.exists(draft));
        assertTrue(Files.exists(dir.resolve("lab-setup-draft-damaged.json")));
        vm.nameProperty().set("again");
        assertTrue(Files.readString(draft, StandardCharsets.UTF_8).contains("again"), "kept again from now on");
    }

    @Test
    void clearSetupStartsOverAndTheDraftFollows() throws Exception {
        SetupViewModel vm = start();
        vm.nameProperty().set("mine");
        vm.checkedModels().setAll("gpt-4o-mini");
        vm.params().serviceTierProperty().set(ServiceTier.PRIORITY);
        vm.clearSetup();
        assertEquals(SetupViewModel.DEFAULT_NAME, vm.nameProperty().get());
        assertEquals(ServiceTier.STANDARD, vm.params().serviceTierProperty().get());
        assertEquals(3, vm.checkedModels().size());
        assertEquals(QualitySettings.defaults(), vm.shownQualityProperty().get());
        SetupViewModel next = start();
        assertEquals(SetupViewModel.DEFAULT_NAME, next.nameProperty().get());
        assertEquals(ServiceTier.STANDARD, next.params().serviceTierProperty().get());
    }
}
