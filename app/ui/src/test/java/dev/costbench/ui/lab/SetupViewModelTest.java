// SPDX-License-Identifier: Apache-2.0
package dev.costbench.ui.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.costbench.model.catalog.ServiceTier;
import dev.costbench.model.lab.judge.JudgeSpec;
import dev.costbench.model.lab.run.BudgetGuarantee;
import dev.costbench.model.lab.run.ExperimentSpec;
import dev.costbench.model.lab.stats.Check;
import dev.costbench.model.lab.stats.QualityMeasure;
import dev.costbench.model.lab.stats.QualitySettings;
import dev.costbench.model.lab.stats.VerdictThresholds;
import dev.costbench.store.H2LabStore;
import dev.costbench.ui.common.RecordingDialogService;
import dev.costbench.ui.common.handoff.QualityCheckTarget;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The A/B setup's form, estimate, media and hand-offs, without a display. */
class SetupViewModelTest {

    private static final Pattern LOW = Pattern.compile("Estimated cost of the run: \\$([0-9.]+)");
    private Path dir;
    private H2LabStore store;
    private final RecordingDialogService dialogs = new RecordingDialogService();
    private SetupViewModel vm;

    @BeforeEach
    void open() throws Exception {
        dir = Files.createTempDirectory("costbench-setup-vm");
        store = H2LabStore.open(dir.resolve("db"));
        vm = new SetupViewModel(
                LabFixtures.direct(dialogs),
                () -> store,
                () -> LabFixtures.CATALOG,
                LabFixtures.answering(new ArrayList<>()),
                () -> new String[] {"sys", "user {{ticket}}"},
                null);
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void theExampleFormEstimatesEachVariantAndTheSampleSize() {
        assertEquals(
                List.of("claude-haiku-4-5", "gemini-2.5-flash", "gpt-4o-mini"),
                vm.checkedModels().stream().sorted().toList());
        vm.checkedModels().setAll("gpt-4o-mini");
        ExperimentSpec spec = vm.spec();
        assertEquals(2, spec.variants().size());
        assertEquals(3, spec.inputs().size());
        vm.estimate();
        String e = vm.estimateProperty().get();
        assertTrue(
                e.startsWith("Estimated cost of the run: $")
                        && e.contains("for 18 calls")
                        && e.contains("Within the $1.00 cap.")
                        && e.contains("\nPer variant: baseline $"),
                e);
        assertFalse(vm.powerProperty().get().isEmpty());
        assertEquals("", vm.judgeEstimateProperty().get());
        assertEquals("", vm.errorProperty().get());
    }

    @Test
    void theModelChoicesShowNameAndProviderWithTheIdAside() {
        String label = vm.modelLabel("claude-haiku-4-5");
        assertTrue(label.contains(" · Anthropic (claude-haiku-4-5)"), label);
        assertFalse(label.startsWith("claude-haiku-4-5"), label);
        assertTrue(vm.modelLabel("gemini-2.5-flash").contains(" · Google (gemini-2.5-flash)"));
    }

    @Test
    void theJudgesEstimateIsCountedApart() {
        vm.checkedModels().setAll("gpt-4o-mini");
        vm.setQualitySource(() -> new QualitySettings(
                List.of(),
                VerdictThresholds.defaults(),
                new JudgeSpec(
                        "gpt-4o-mini",
                        JudgeSpec.DEFAULT_RUBRIC,
                        5,
                        false,
                        JudgeSpec.DEFAULT_MAX_OUTPUT_TOKENS,
                        new BigDecimal("0.50"))));
        vm.estimate();
        String j = vm.judgeEstimateProperty().get();
        assertTrue(
                j.startsWith("Then the judge $")
                        && j.contains("18 calls to gpt-4o-mini")
                        && j.contains("counted apart")
                        && j.contains("(judge cap $0.50)"),
                j);
        vm.judgeChanged();
        assertEquals("", vm.judgeEstimateProperty().get());
    }

    @Test
    void whatIsWrongWithTheFormIsSaid() {
        vm.checkedModels().clear();
        vm.estimate();
        assertEquals("Pick at least one model.", vm.errorProperty().get());
        vm.checkedModels().setAll("gpt-4o-mini");
        vm.params().budgetProperty().set("lots");
        vm.run();
        assertEquals(
                "Max output tokens, temperature and budget must be numbers.",
                vm.errorProperty().get());
        vm.params().budgetProperty().set("-1");
        vm.estimate();
        assertEquals(
                "Max output tokens and the budget must be positive.",
                vm.errorProperty().get());
        vm.params().budgetProperty().set("");
        vm.variants().optUserProperty().set("");
        vm.estimate();
        assertEquals("", vm.errorProperty().get(), "an empty budget is no cap; no optimized variant is allowed");
        assertTrue(store.listExperiments().isEmpty(), "nothing was stored");
        assertTrue(dialogs.shown().isEmpty());
    }

    @Test
    void anAttachedImageRaisesTheEstimateAndAFileThatIsNoImageIsRefused() throws Exception {
        vm.checkedModels().setAll("gpt-4o-mini", "claude-haiku-4-5");
        vm.estimate();
        BigDecimal textOnly = low();
        assertTrue(vm.variants().attach(vm.variants().baselineMedia(), LabFixtures.image(dir, "receipt-2048.png")));
        BigDecimal withBig = low(); // the estimate follows the attachment
        assertTrue(withBig.compareTo(textOnly) > 0, textOnly + " → " + withBig);
        assertTrue(vm.variants().attach(vm.variants().optimizedMedia(), LabFixtures.image(dir, "receipt-512.png")));
        Matcher per = Pattern.compile(
                        "baseline .*≈ ([0-9,]+) input tokens per call\\) · optimized .*≈ ([0-9,]+) " + "input tokens")
                .matcher(vm.estimateProperty().get());
        assertTrue(per.find(), vm.estimateProperty().get());
        assertTrue(Long.parseLong(per.group(1).replace(",", ""))
                > 3 * Long.parseLong(per.group(2).replace(",", "")));
        Path txt = Files.writeString(dir.resolve("notes.txt"), "hello");
        assertFalse(vm.variants().attach(vm.variants().optimizedMedia(), txt));
        assertTrue(
                vm.errorProperty().get().contains("not a JPEG, PNG, WebP or GIF"),
                vm.errorProperty().get());
        assertEquals(1, vm.variants().optimizedMedia().size());
        assertFalse(vm.variants().attach(vm.variants().optimizedMedia(), dir.resolve("missing.png")));
        assertTrue(
                vm.errorProperty().get().startsWith("Cannot read "),
                vm.errorProperty().get());
    }

    @Test
    void anImageOnTheOptimizedVariantNeedsAUserMessage() throws Exception {
        vm.variants().optUserProperty().set("");
        vm.variants().attach(vm.variants().optimizedMedia(), LabFixtures.image(dir, "receipt-512.png"));
        vm.estimate();
        assertTrue(vm.errorProperty().get().startsWith("The optimized variant has an image but no user message"));
    }

    @Test
    void theMediaViewsOriginalAndProcessedImageBecomeBaselineAndOptimized() throws Exception {
        vm.variants().fromMediaView();
        assertEquals("The Media view is not available here.", vm.errorProperty().get());
        SetupViewModel noImage = new SetupViewModel(
                LabFixtures.direct(dialogs), () -> store, () -> LabFixtures.CATALOG, null, null, () -> {
                    throw new IllegalStateException("Open an image in the Media view first");
                });
        noImage.variants().fromMediaView();
        assertEquals(
                "Open an image in the Media view first", noImage.errorProperty().get());
        ExperimentSpec.MediaSpec original = ExperimentSpec.MediaSpec.of(
                "photo.png", Files.readAllBytes(LabFixtures.image(dir, "receipt-2048.png")));
        ExperimentSpec.MediaSpec processed = ExperimentSpec.MediaSpec.of(
                "photo-optimized.png", Files.readAllBytes(LabFixtures.image(dir, "receipt-512.png")));
        SetupViewModel withImage = new SetupViewModel(
                LabFixtures.direct(dialogs),
                () -> store,
                () -> LabFixtures.CATALOG,
                null,
                null,
                () -> List.of(original, processed));
        withImage.variants().optUserProperty().set("");
        withImage.variants().fromMediaView();
        assertEquals(List.of(original), withImage.variants().baselineMedia());
        assertEquals(List.of(processed), withImage.variants().optimizedMedia());
        assertEquals(
                withImage.variants().baseUserProperty().get(),
                withImage.variants().optUserProperty().get());
        assertEquals(List.of(processed), withImage.spec().variants().get(1).media());
    }

    @Test
    void promptViewAndQualityCheckFillTheVariants() {
        vm.variants().fromPromptView(false);
        assertEquals("sys", vm.variants().optSystemProperty().get());
        assertEquals("user {{ticket}}", vm.variants().optUserProperty().get());
        vm.prefill(
                "Tuned prompt: 1 cut",
                new QualityCheckTarget.Variant("long", "Where is {{id}}?"),
                new QualityCheckTarget.Variant("short", "Where is {{id}}?"));
        ExperimentSpec spec = vm.spec();
        assertEquals("Tuned prompt: 1 cut", spec.name());
        assertEquals("long", vm.variants().baseSystemProperty().get());
        assertEquals("short", vm.variants().optSystemProperty().get());
        SetupViewModel alone = new SetupViewModel(
                LabFixtures.direct(dialogs), () -> store, () -> LabFixtures.CATALOG, null, null, null);
        alone.variants().fromPromptView(true);
        assertEquals(
                "The Prompt view is not available here.", alone.errorProperty().get());
    }

    @Test
    void testInputsAreLoadedFromTheFileChosen() throws Exception {
        Path csv = Files.writeString(dir.resolve("inputs.csv"), "ticket\nWhere is my order?\nRefund please\n");
        dialogs.answer(csv);
        vm.loadInputs();
        assertEquals("Load test inputs (CSV or JSONL)", dialogs.last("openFile").headline());
        assertEquals(2, vm.spec().inputs().size());
        vm.loadInputs(); // cancelled: nothing changes
        assertEquals(2, vm.spec().inputs().size());
        dialogs.answer(dir.resolve("gone.csv"));
        vm.loadInputs();
        assertTrue(
                vm.errorProperty().get().startsWith("Cannot read "),
                vm.errorProperty().get());
    }

    @Test
    void theBudgetFieldSaysWhatTheCapGuarantees() {
        assertTrue(
                vm.params().budgetTooltip().endsWith(BudgetGuarantee.TEXT),
                "the budget field says what the cap guarantees: " + vm.params().budgetTooltip());
    }

    private BigDecimal low() {
        Matcher m = LOW.matcher(vm.estimateProperty().get());
        assertTrue(
                m.find(),
                vm.estimateProperty().get() + " / " + vm.errorProperty().get());
        return new BigDecimal(m.group(1));
    }

    // ---- the setup kept as a draft in the data directory ----

    private static final String DRAFT = "lab-setup-draft.json";
    private static final String IMAGE = "receipt-512.png";

    /** A setup as the app makes one on a start: its draft restored, kept from then on. */
    private SetupViewModel start() {
        SetupViewModel vm = new SetupViewModel(
                LabFixtures.direct(dialogs),
                () -> store,
                () -> LabFixtures.CATALOG,
                LabFixtures.answering(new ArrayList<>()),
                () -> new String[] {"", ""},
                null);
        vm.keepDraft(dir.resolve(DRAFT), Duration.ZERO);
        return vm;
    }

    @Test
    void everyFieldIsKeptAndComesBackOnTheNextStart() throws Exception {
        SetupViewModel vm = start();
        assertFalse(Files.exists(dir.resolve(DRAFT)), "nothing written before an edit");
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
        assertTrue(Files.readString(dir.resolve(DRAFT), StandardCharsets.UTF_8).contains("Tickets, shorter"));

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
        Files.writeString(dir.resolve(DRAFT), "{\"format\": 1, \"name\": \"cut off", StandardCharsets.UTF_8);
        SetupViewModel vm = start();
        assertEquals(SetupViewModel.DEFAULT_NAME, vm.nameProperty().get());
        RecordingDialogService.Shown w = dialogs.last("warning");
        assertEquals("The A/B setup could not be restored", w.headline());
        assertTrue(
                w.detail().contains("not valid JSON") && w.detail().contains("lab-setup-draft-damaged.json"),
                w.detail());
        assertFalse(Files.exists(dir.resolve(DRAFT)));
        assertTrue(Files.exists(dir.resolve("lab-setup-draft-damaged.json")));
        vm.nameProperty().set("again");
        assertTrue(
                Files.readString(dir.resolve(DRAFT), StandardCharsets.UTF_8).contains("again"),
                "kept again from now on");
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
