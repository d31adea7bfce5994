// SPDX-License-Identifier: Apache-2.0
package dev.costbench.ui.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.costbench.model.catalog.Catalog;
import dev.costbench.model.catalog.CatalogBuilder;
import dev.costbench.model.scenario.Lever;
import dev.costbench.model.scenario.LeverEntry;
import dev.costbench.model.scenario.RequestType;
import dev.costbench.model.scenario.Scenario;
import dev.costbench.model.scenario.TextTokens;
import dev.costbench.model.scenario.Volume;
import dev.costbench.model.scenario.Waterfall;
import dev.costbench.model.scenario.Workload;
import dev.costbench.ui.common.DirectTaskExecutor;
import dev.costbench.ui.common.Form;
import dev.costbench.ui.common.FormDialogs;
import dev.costbench.ui.common.RecordingDialogService;
import dev.costbench.ui.common.UiContext;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.parallel.Resources;

/** The scenario planner without a display: seed 003 rebuilt, levers toggled and moved, the form, files, questions. */
// sets costbench.dataDir / costbench.preferences for a while: not beside a test that reads them
@ResourceLock(Resources.SYSTEM_PROPERTIES)
class ScenarioViewModelTest {

    private static final Catalog CATALOG = CatalogBuilder.builtIn();

    @TempDir
    Path dir;

    private final DirectTaskExecutor tasks = new DirectTaskExecutor();
    private final RecordingDialogService dialogs = new RecordingDialogService();
    private final List<Form> asked = new ArrayList<>();
    private Optional<Map<String, String>> formAnswer = Optional.empty();
    private final FormDialogs forms = f -> {
        asked.add(f);
        return formAnswer;
    };
    private ScenarioViewModel vm;

    private ScenarioViewModel open() {
        vm = new ScenarioViewModel(new UiContext(tasks, dialogs), () -> CATALOG, () -> null, forms);
        return vm;
    }

    @AfterEach
    void noUnhandledFailures() {
        if (vm != null) {
            vm.close();
        }
        assertEquals(List.of(), tasks.unhandled());
    }

    private Waterfall waterfall() {
        return vm.results().waterfallProperty().get();
    }

    private static void assertMoney(String expected, BigDecimal actual) {
        assertEquals(0, new BigDecimal(expected).compareTo(actual), "expected " + expected + ", got " + actual);
    }

    private LeverRow row(String id) {
        return vm.levers().rows().stream()
                .filter(r -> r.id().equals(id))
                .findFirst()
                .orElseThrow();
    }

    private void type(String field, String text) {
        vm.requests().form().field(field).set(text);
    }

    @Test
    void seed003OpensWithItsWaterfallTotalsAndTornado() {
        open();
        assertEquals(ScenarioViewModel.FIRST, vm.files().currentProperty().get());
        assertTrue(vm.files().names().contains("seed000-support-tickets"));
        assertMoney("135000", waterfall().baselineMonthly());
        assertMoney("4680", waterfall().optimizedMonthly());
        assertEquals(3, waterfall().steps().size());
        assertFalse(vm.results().tornadoProperty().get().bars().isEmpty());
        assertTrue(
                vm.results()
                        .totalsProperty()
                        .get()
                        .startsWith("Monthly $135,000.00 → $4,680.00, saving " + "$130,320.00 (96.5 %)"),
                vm.results().totalsProperty().get());
        assertEquals(
                List.of("process-less-video", "route-to-flash", "batch-api"),
                vm.levers().rows().stream().map(LeverRow::id).toList());
        assertEquals("saves $4,680.00/mo", row("batch-api").savingProperty().get());
        assertEquals(0, vm.requests().selectedProperty().get());
        assertEquals(
                "Uploaded video (one hour)", vm.requests().form().field("name").get());
        assertEquals("gemini-2.5-pro", vm.requests().form().modelProperty().get());
        assertTrue(
                vm.requests().mediaProperty().get().startsWith("video 1 h at 1 fps, 1280×720"),
                vm.requests().mediaProperty().get());
    }

    @Test
    void aLeverToggledOffGivesItsSavingBackAndNothingElseMoves() {
        open();
        row("batch-api").enabledProperty().set(false);
        assertMoney("9360", waterfall().optimizedMonthly());
        assertEquals("off", row("batch-api").savingProperty().get());
        assertFalse(vm.scenario().levers().get(2).enabled());
        row("batch-api").enabledProperty().set(true);
        assertMoney("4680", waterfall().optimizedMonthly());
    }

    @Test
    void routingLessToTheCheapTierCostsMore() {
        open();
        LeverRow route = row("route-to-flash");
        assertTrue(route.hasKnob());
        assertEquals("90 %", route.valueTextProperty().get());
        BigDecimal before = waterfall().optimizedMonthly();
        route.valueProperty().set(0.5);
        assertEquals("50 %", route.valueTextProperty().get());
        assertTrue(waterfall().optimizedMonthly().compareTo(before) > 0, "less routing costs more");
        Lever.Routing r = (Lever.Routing) vm.scenario().levers().get(1).lever();
        assertMoney("0.5", r.routes().get(0).share());
        assertMoney("0.5", r.routes().get(1).share());
    }

    @Test
    void aNegativeVolumeIsRefusedNextToTheFieldAndTheLastValidFiguresStay() {
        open();
        BigDecimal valid = waterfall().optimizedMonthly();
        type("volume", "-5");
        assertFalse(vm.results().errors().isEmpty());
        assertTrue(
                vm.results().errors().get(0).contains("the volume must not be negative"),
                vm.results().errors().toString());
        assertTrue(vm.results().invalidFields().contains("volume"));
        assertEquals(
                "Fix the fields marked in red; the chart shows the last valid figures.",
                vm.results().statusProperty().get());
        assertMoney(valid.toPlainString(), waterfall().optimizedMonthly());
        type("volume", "50000");
        assertTrue(vm.results().errors().isEmpty());
        assertTrue(vm.results().invalidFields().isEmpty());
    }

    @Test
    void aFieldThatIsNotANumberIsNamedAndNotApplied() {
        open();
        Scenario before = vm.scenario();
        type("growth", "fast");
        assertEquals(
                List.of("✖ Growth per month %: not a number — type a number (digits, an optional point)."),
                vm.results().errors());
        assertTrue(vm.results().invalidFields().contains("growth"));
        assertEquals(before, vm.scenario());
        type("growth", "2");
        assertTrue(vm.results().errors().isEmpty());
        assertMoney(
                "0.02", vm.scenario().workload().requestTypes().get(0).volume().monthlyGrowth());
    }

    @Test
    void aVideoWorkloadFromTheFormAndAFrameSamplingLeverThatSaves() {
        open();
        vm.files().newFromQuestions(); // cancelled: nothing changes
        assertEquals(ScenarioViewModel.FIRST, vm.files().currentProperty().get());
        vm.show(ScenarioQuestions.fromAnswers(false, true, false, true, 1_000_000, "gpt-5", 2000, 400, CATALOG));
        type("videoHours", "1");
        type("videoFps", "1");
        type("system", "0");
        type("user", "0");
        assertNotNull(vm.scenario().workload().requestTypes().get(0).video());
        assertTrue(vm.requests().mediaProperty().get().startsWith("video 1 h at 1 fps"));
        BigDecimal withVideo = waterfall().optimizedMonthly();
        int steps = waterfall().steps().size();
        vm.levers().add("Frame sampling");
        assertEquals(steps + 1, waterfall().steps().size());
        assertTrue(waterfall().optimizedMonthly().compareTo(withVideo) < 0, "0.2 fps instead of 1 fps saves");
        assertEquals(
                "frame-sampling-" + vm.scenario().levers().size(),
                vm.levers().rows().get(vm.levers().rows().size() - 1).id());
        vm.levers().removeLast();
        assertEquals(steps, waterfall().steps().size());
    }

    @Test
    void theFourQuestionsPreSelectLevers() {
        open();
        formAnswer = Optional.of(Map.of(
                "realTime",
                "false",
                "repeats",
                "true",
                "steady",
                "false",
                "spiky",
                "true",
                "volume",
                "1,000,000",
                "model",
                "gpt-5",
                "prompt",
                "2000",
                "output",
                "400"));
        vm.files().newFromQuestions();
        assertEquals(1, asked.size());
        assertTrue(asked.get(0).fields().stream().anyMatch(f -> f.label().equals("Must it answer in real time?")));
        Scenario s = vm.scenario();
        assertEquals("New scenario", s.name());
        assertNull(vm.files().currentProperty().get());
        assertTrue(lever(s, "batch").enabled(), "it can wait: batch");
        assertTrue(lever(s, "gate").enabled(), "spiky: event gating");
        assertTrue(waterfall().optimizedMonthly().compareTo(waterfall().baselineMonthly()) < 0);
        assertMoney("1000000", s.workload().requestTypes().get(0).volume().amount());
    }

    @Test
    void aQuestionAnsweredWithoutANumberSaysWhichAndChangesNothing() {
        open();
        Scenario before = vm.scenario();
        formAnswer = Optional.of(Map.of("volume", "a lot", "model", "gpt-5", "prompt", "2000", "output", "400"));
        vm.files().newFromQuestions();
        assertEquals(before, vm.scenario());
        assertTrue(
                vm.results().statusProperty().get().startsWith("Requests per month must be a whole number"),
                vm.results().statusProperty().get());
    }

    private static LeverEntry lever(Scenario s, String id) {
        return s.levers().stream().filter(l -> l.id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void theReportIsExportedWithItsChartAndAFailedExportSaysWhatToDo() throws Exception {
        open();
        Path html = dir.resolve("report.html");
        dialogs.answer(html);
        vm.files().exportReport();
        assertEquals("Export the scenario report", dialogs.last("saveFile").headline());
        assertEquals(
                "Video-moderation---describe-and-moderate-every-uploaded-video.html",
                dialogs.last("saveFile").detail());
        assertTrue(Files.readString(html).contains("<svg"), "the HTML report carries the chart");
        assertEquals("Exported " + html, vm.results().statusProperty().get());

        vm.files().exportTo(dir.resolve("missing").resolve("report.csv"));
        assertTrue(vm.results().statusProperty().get().startsWith("Export failed: "));
        assertTrue(vm.results().statusProperty().get().endsWith("Choose a folder you can write to and try again."));

        vm.files().exportReport(); // chooser cancelled: nothing written, nothing said
        assertTrue(vm.results().statusProperty().get().startsWith("Export failed: "));
    }

    @Test
    void sideBySideWithAnotherSample() {
        open();
        vm.results().compareProperty().set("seed000-support-tickets");
        assertTrue(vm.results().comparingProperty().get());
        assertNotNull(vm.results().compareWaterfallProperty().get());
        assertTrue(
                vm.results()
                        .compareTotalsProperty()
                        .get()
                        .startsWith(
                                "“Support tickets — one million a month, each with an image and a voice note (sample)”: $"),
                vm.results().compareTotalsProperty().get());
        assertTrue(vm.results().compareTotalsProperty().get().endsWith(" vs this scenario)"));
        String before = vm.results().compareTotalsProperty().get();
        row("batch-api").enabledProperty().set(false); // the difference follows the open scenario
        assertFalse(before.equals(vm.results().compareTotalsProperty().get()));
        vm.results().compareProperty().set("no such scenario");
        assertNull(vm.results().compareWaterfallProperty().get());
        assertTrue(
                vm.results()
                        .compareTotalsProperty()
                        .get()
                        .startsWith("“no such scenario” cannot be computed: " + "There is no scenario named"),
                vm.results().compareTotalsProperty().get());
        vm.results().compareProperty().set(null);
        assertFalse(vm.results().comparingProperty().get());
        assertEquals("", vm.results().compareTotalsProperty().get());
    }

    @Test
    void aRequestTypeHandedOverJoinsTheWorkloadAndIsSelected() {
        open();
        RequestType t = RequestType.text("prompt-1", Volume.monthly(10_000), "gpt-5-mini", TextTokens.of(100, 50, 80));
        BigDecimal before = waterfall().baselineMonthly();
        vm.addRequestType(t);
        assertEquals(2, vm.requests().types().size());
        assertEquals(1, vm.requests().selectedProperty().get());
        assertEquals("prompt-1", vm.requests().form().field("name").get());
        assertEquals("gpt-5-mini", vm.requests().form().modelProperty().get());
        assertEquals("none (text only)", vm.requests().mediaProperty().get());
        assertTrue(waterfall().baselineMonthly().compareTo(before) > 0);
        vm.requests().select(0);
        assertEquals(
                "Uploaded video (one hour)", vm.requests().form().field("name").get());
        vm.requests().removeSelected();
        assertEquals(
                List.of("prompt-1"),
                vm.requests().types().stream().map(RequestType::id).toList());
    }

    @Test
    void theWorkloadShowsModelsByNameAndProviderWithTheIdAside() {
        open();
        RequestType t = RequestType.text("prompt-1", Volume.monthly(10_000), "gpt-5-mini", TextTokens.of(100, 50, 80));
        vm.addRequestType(t);
        String name = CATALOG.find("gpt-5-mini").orElseThrow().name();
        assertEquals(
                "prompt-1 · " + name + " · OpenAI (gpt-5-mini)", vm.requests().typeLabel(t));
        assertEquals("my-own-model", vm.requests().modelLabel("my-own-model"), "an unknown id is shown as it is");
    }

    @Test
    void theLastRequestTypeIsNotRemoved() {
        open();
        vm.requests().removeSelected();
        assertEquals(1, vm.requests().types().size());
        assertEquals(
                "A workload needs at least one request type: add another before removing this one.",
                vm.results().statusProperty().get());
        vm.requests().addNew();
        assertEquals("type-2", vm.requests().types().get(1).id());
    }

    @Test
    void routingNeedsACheaperModelOfTheSameProvider() {
        open();
        RequestType custom = RequestType.text("own", Volume.monthly(1000), "my-own-model", TextTokens.of(10, 0, 10));
        vm.show(Scenario.of("custom", new Workload(List.of(custom), null, 30), List.of()));
        vm.levers().add("Routing to a cheaper model");
        assertTrue(vm.scenario().levers().isEmpty());
        assertTrue(
                vm.results()
                        .statusProperty()
                        .get()
                        .startsWith("No cheaper model of the same provider in the " + "catalog for my-own-model."),
                vm.results().statusProperty().get());
    }

    @Test
    void aLeverErrorShowsOnItsRow() {
        open();
        List<LeverEntry> levers = new ArrayList<>(vm.scenario().levers());
        levers.add(new LeverEntry("batch-api", "Batch again", true, List.of(), null, new Lever.Batch(BigDecimal.ONE)));
        vm.show(vm.scenario().withLevers(levers));
        assertTrue(row("process-less-video").errorProperty().get().isEmpty());
        assertTrue(
                vm.levers().rows().get(3).errorProperty().get().contains("is used twice"),
                vm.levers().rows().get(3).errorProperty().get());
    }

    @Test
    void whileTheFiguresAreComputedTheLastOnesStay() {
        DirectTaskExecutor held = DirectTaskExecutor.held();
        vm = new ScenarioViewModel(new UiContext(held, dialogs), () -> CATALOG, () -> null, forms);
        held.runPending();
        assertMoney("4680", waterfall().optimizedMonthly());
        row("batch-api").enabledProperty().set(false);
        assertMoney("4680", waterfall().optimizedMonthly());
        assertFalse(vm.scenario().levers().get(2).enabled());
        held.runPending();
        assertMoney("9360", waterfall().optimizedMonthly());
    }

    @Test
    void withoutTheStoreASavedScenarioGoesToTheDataFolder() throws Exception {
        String old = System.getProperty("costbench.dataDir");
        System.setProperty("costbench.dataDir", dir.toString());
        try {
            open();
            dialogs.answer("My plan");
            vm.files().duplicate();
            Path f = dir.resolve("scenarios").resolve("My plan.json");
            assertTrue(Files.isRegularFile(f));
            assertEquals(
                    "The store is not open; saved as " + f,
                    vm.results().statusProperty().get());
            assertEquals("My plan", vm.scenario().name());
            assertEquals("My plan", vm.files().currentProperty().get());
            vm.files().rename(); // cancelled
            assertEquals("My plan", vm.scenario().name());
        } finally {
            if (old == null) {
                System.clearProperty("costbench.dataDir");
            } else {
                System.setProperty("costbench.dataDir", old);
            }
        }
    }
}
