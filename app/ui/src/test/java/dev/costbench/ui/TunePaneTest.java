// SPDX-License-Identifier: Apache-2.0
package dev.costbench.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import atlantafx.base.theme.PrimerLight;
import dev.costbench.model.catalog.Catalog;
import dev.costbench.model.catalog.CatalogBuilder;
import dev.costbench.model.lab.run.ExperimentSpec;
import dev.costbench.model.prompt.Role;
import dev.costbench.model.provider.Part;
import dev.costbench.model.tokens.Encoding;
import dev.costbench.model.tokens.Tokenizers;
import dev.costbench.model.tuning.RequestTuner;
import dev.costbench.model.tuning.SuggestionKind;
import dev.costbench.providers.ProviderConfig;
import dev.costbench.providers.keys.CredentialStores;
import dev.costbench.ui.common.FxTaskExecutor;
import dev.costbench.ui.common.RecordingDialogService;
import dev.costbench.ui.common.UiContext;
import dev.costbench.ui.lab.LabView;
import dev.costbench.ui.lab.LabViewModel;
import dev.costbench.ui.prompt.PromptFeature;
import dev.costbench.ui.prompt.PromptFixtures;
import dev.costbench.ui.prompt.PromptSnapshot;
import dev.costbench.ui.prompt.PromptView;
import dev.costbench.ui.prompt.PromptViewModel;
import dev.costbench.ui.prompt.TuneViewModel;
import dev.costbench.ui.prompt.Turn;
import dev.costbench.ui.providers.ProviderAccess;
import java.io.File;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import javafx.application.Application;
import javafx.embed.swing.SwingFXUtils;
import javafx.event.Event;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.fxmisc.richtext.CodeArea;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Tune tab: cuts on every part with undo and undo all, the before/after diff, cache breakpoints and their
 * break-even, "check quality" into the A/B lab setup, and the rewrite by a cheap model against a mock OpenAI.
 */
@FxTest
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class TunePaneTest {

    private static final Catalog CATALOG = CatalogBuilder.builtIn();
    private static final String KEY = "sk-test-TUNEREWRITE-0123456789abcdef";
    private final MockWebServer server = new MockWebServer();
    private final List<String> ledger = new CopyOnWriteArrayList<>();
    private PromptFeature feature;
    private PromptViewModel vm;
    private TuneViewModel tune;
    private PromptView view;
    private LabView lab;
    private Path data;

    @Start
    void start(Stage stage) throws Exception {
        server.start();
        data = Files.createTempDirectory("costbench-tune-ui");
        String base = server.url("/").toString();
        ProviderConfig cfg = new ProviderConfig(
                Map.of("OPENAI_BASE_URL", base + "v1", "OPENAI_API_KEY", KEY),
                CredentialStores.encryptedFile(data, () -> "correct horse battery".toCharArray()),
                data.resolve("providers.json"));
        ProviderAccess access = new ProviderAccess(cfg);
        UiContext ui = new UiContext(new FxTaskExecutor((j, e) -> {}), new RecordingDialogService());
        lab = new LabView(new LabViewModel(
                ui, () -> null, () -> CATALOG, id -> access.clients().client(id), () -> new String[] {"", ""}, null));
        feature = new PromptFeature(ui, CATALOG, access.clients(), lab.viewModel(), t -> {});
        vm = feature.prompt();
        tune = feature.tune();
        view = new PromptView(feature);
        feature.setCallListener((m, purpose, r, cost) -> ledger.add(purpose + " " + m.id() + " " + cost));
        SplitPane root = new SplitPane(view, lab);
        root.setDividerPositions(0.75);
        stage.setScene(new Scene(root, 1600, 950));
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        stage.getScene()
                .getStylesheets()
                .add(CostBenchApp.class.getResource("app.css").toExternalForm());
        stage.show();
    }

    @AfterEach
    void close() {
        feature.close();
        server.close();
    }

    private void tune(FxRobot robot, String model) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !vm.rows().isEmpty());
        robot.interact(() -> {
            view.table().select(model);
            view.showTune();
            tune.analyse();
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Applies the first suggestion with text edits for the part with {@code key} ("system", "user", a turn key). */
    private void applyFirst(String key) {
        tune.analyse();
        List<RequestTuner.TextPart> ps = PromptSnapshot.of(vm).parts();
        tune.items().stream()
                .filter(i -> i.part() >= 0
                        && ps.get(i.part()).key().equals(key)
                        && !i.suggestion().edits().isEmpty())
                .findFirst()
                .ifPresent(tune::apply);
    }

    private void applyFirst(SuggestionKind kind) {
        tune.analyse();
        tune.items().stream()
                .filter(i -> i.suggestion().kind() == kind)
                .findFirst()
                .ifPresent(tune::apply);
    }

    private static int o200k(String s) {
        return Tokenizers.count(Encoding.O200K_BASE, s);
    }

    @Test
    void userMessageAndTurnCutsApplyAndUndoAllRestoresExactly(FxRobot robot) throws Exception {
        String sys = "Classify the ticket and explain your reasoning in detail.";
        String user =
                "Please kindly, in order to help me, tell me where my order is.   \n\n\n\nThank you. 注文番号は 42 です。";
        robot.interact(() -> {
            vm.systemTextProperty().set(sys);
            PromptFixtures.addTicketExamples(vm);
            vm.userTextProperty().set(user);
            vm.outputTokensProperty().set(600);
        });
        tune(robot, "gpt-4o-mini");
        robot.interact(() -> {
            tune.expectedProperty().set("100");
            tune.fewShotBudgetProperty().set("24");
        });
        WaitForAsyncUtils.waitForFxEvents();
        List<RequestTuner.Item> items = List.copyOf(tune.items());
        List<SuggestionKind> kinds =
                items.stream().map(i -> i.suggestion().kind()).toList();
        assertTrue(kinds.contains(SuggestionKind.OUTPUT_CAP), kinds.toString());
        assertTrue(kinds.contains(SuggestionKind.FEW_SHOT), kinds.toString());
        assertTrue(kinds.contains(SuggestionKind.STRUCTURED_OUTPUT), kinds.toString());
        PromptSnapshot before = PromptSnapshot.of(vm);
        List<Turn> turnsBefore = List.copyOf(vm.turns());

        // a user-message cut: the user message's count drops, nothing else changes
        robot.interact(() -> applyFirst("user"));
        String after = vm.userTextProperty().get();
        assertTrue(o200k(after) < o200k(user), "the user message's count drops: " + after);
        assertTrue(after.contains("注文番号は 42 です。"), "CJK untouched");
        assertEquals(sys, vm.systemTextProperty().get());
        // a few-shot turn cut, the few-shot selection, the output cap and structured output
        robot.interact(() -> applyFirst(turnsBefore.get(0).key()));
        robot.interact(() -> applyFirst(SuggestionKind.FEW_SHOT));
        assertTrue(vm.turns().size() < 6, "examples dropped");
        robot.interact(() -> applyFirst(SuggestionKind.OUTPUT_CAP));
        assertEquals(128, vm.outputTokensProperty().get());
        robot.interact(() ->
                robot.lookup("#tune-apply-structured-output").queryButton().fire());
        assertTrue(vm.systemTextProperty().get().endsWith(RequestTuner.STRUCTURED_INSTRUCTION));
        assertEquals(5, tune.appliedProperty().get());

        // before/after: the diff shows both texts, the token delta is negative
        robot.clickOn("Before / after");
        WaitForAsyncUtils.waitFor(
                10,
                TimeUnit.SECONDS,
                () -> feature.diff().segments().stream()
                        .anyMatch(x -> x.text().contains("kindly"))); // compared in the background
        WaitForAsyncUtils.waitForFxEvents();
        String diff = robot.lookup("#diff-flow").queryAs(TextFlow.class).getChildren().stream()
                .map(n -> ((Text) n).getText())
                .collect(Collectors.joining());
        assertTrue(
                diff.contains("kindly")
                        && diff.contains(RequestTuner.STRUCTURED_INSTRUCTION.split(" ")[0]),
                diff);
        screenshot(robot, "costbench.screenshot.diff");

        // Ctrl+Z undoes the last one (structured output). The key event goes to the tab directly: a robot key press
        // on a loaded machine can auto-repeat while the window is busy, which would undo more than once.
        robot.interact(() -> Event.fireEvent(
                robot.lookup("#tune-pane").query(),
                new KeyEvent(KeyEvent.KEY_PRESSED, "", "", KeyCode.Z, false, true, false, false)));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(4, tune.appliedProperty().get());
        assertFalse(vm.systemTextProperty().get().endsWith(RequestTuner.STRUCTURED_INSTRUCTION));

        robot.clickOn("#tune-undo-all");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(before, PromptSnapshot.of(vm), "undo all restores every part exactly");
        assertEquals(turnsBefore, List.copyOf(vm.turns()), "the same turns, in the same order");
        assertEquals(600, vm.outputTokensProperty().get());
        assertEquals(0, tune.appliedProperty().get());
    }

    @Test
    void aCacheBreakpointShowsTheBreakEvenAndGoesWithTheRequest(FxRobot robot) throws Exception {
        String sys = "You are the support assistant of ACME. Today is {{date}}.\n"
                + "Policy: refunds within 30 days; exchanges within 60 days; shipping is free above $50. ".repeat(90);
        robot.interact(() -> {
            vm.systemTextProperty().set(sys);
            vm.userTextProperty().set("Where is my order?");
        });
        tune(robot, "claude-sonnet-4-5");
        // Ctrl+B at the end of the system prompt
        CodeArea area = robot.lookup("#system-prompt-area").queryAs(CodeArea.class);
        robot.clickOn(area);
        robot.interact(() -> area.moveTo(area.getLength()));
        robot.push(KeyCode.CONTROL, KeyCode.B);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of(sys.length()), feature.marks().offsets("system"));
        assertEquals(sys, vm.systemTextProperty().get(), "marking changes no text");
        robot.clickOn("Cache");
        WaitForAsyncUtils.waitForFxEvents();
        // Anthropic 5-minute write 1.25×, read 0.1×: (1.25 − 0.1) / (1 − 0.1) = 1.28 → from the 2nd call
        assertEquals(
                "cheaper from the 2nd call within 5 minutes",
                robot.lookup("#cache-breakeven-claude-sonnet-4-5")
                        .queryAs(Label.class)
                        .getText());
        assertFalse(
                robot.lookup("#cache-warnings")
                        .queryAs(VBox.class)
                        .getChildren()
                        .isEmpty(),
                "{{date}} before the breakpoint");
        screenshot(robot, "costbench.screenshot.cache");
        assertEquals(Part.CacheTtl.FIVE_MINUTES, feature.request().systemCache());
        // how breakpoints split messages and move with typing: CacheViewModelTest

        // typing in a few-shot turn keeps its editor (and the caret)
        robot.interact(() -> {
            vm.addTurn(Role.USER, "Example question");
            vm.addTurn(Role.ASSISTANT, "Example answer");
        });
        Node editor = robot.lookup("#turn-0").query();
        robot.interact(() -> vm.turns().get(0).textProperty().set("Example question?"));
        Assertions.assertSame(editor, robot.lookup("#turn-0").query());
    }

    @Test
    void checkQualityFillsTheLabSetup(FxRobot robot) throws Exception {
        robot.interact(() -> {
            vm.systemTextProperty().set("Please make sure to answer briefly.   \n\n\n\nBe kind.");
            vm.userTextProperty().set("Where is my order {{id}}?");
        });
        tune(robot, "gpt-4o-mini");
        String original = vm.systemTextProperty().get();
        robot.interact(() -> applyFirst("system"));
        String tuned = vm.systemTextProperty().get();
        assertFalse(original.equals(tuned));
        robot.clickOn("#tune-check-quality");
        WaitForAsyncUtils.waitForFxEvents();
        ExperimentSpec spec = lab.viewModel().setup().spec();
        assertEquals("Tuned prompt: 1 cut", spec.name());
        assertEquals(2, spec.variants().size());
        assertEquals(
                original,
                robot.lookup("#lab-base-system").queryAs(TextArea.class).getText());
        assertEquals(
                tuned, robot.lookup("#lab-opt-system").queryAs(TextArea.class).getText());
        assertEquals(
                "Where is my order {{id}}?",
                robot.lookup("#lab-opt-user").queryAs(TextArea.class).getText());
        assertTrue(tune.statusProperty().get().startsWith("Sent to the A/B lab"));
        assertTrue(robot.lookup("#tune-status").queryAs(Label.class).getText().startsWith("Sent to the A/B lab"));
    }

    @Test
    void aRewriteByACheapModelIsASuggestionWithItsCallCost(FxRobot robot) throws Exception {
        String sys = "You are a very helpful assistant. Please always make sure that you answer every single "
                + "question that the user asks in a very polite and friendly way. Never use code: `rm -rf /`.";
        String rewritten = "Answer every question politely. Never use code: `rm -rf /`.";
        robot.interact(() -> {
            vm.systemTextProperty().set(sys);
            vm.userTextProperty().set("Hi");
        });
        tune(robot, "gpt-4.1");
        server.enqueue(new MockResponse.Builder()
                .code(200)
                .addHeader("Content-Type", "application/json")
                .body("{\"id\":\"resp_1\",\"object\":\"response\",\"created_at\":1741476542,\"status\":\"completed\","
                        + "\"error\":null,\"incomplete_details\":null,\"model\":\"gpt-4o-mini-2024-07-18\",\"output\":"
                        + "[{\"type\":\"message\",\"id\":\"msg_1\",\"status\":\"completed\",\"role\":\"assistant\","
                        + "\"content\":[{\"type\":\"output_text\",\"text\":\"" + rewritten.replace("\"", "\\\"")
                        + "\",\"annotations\":[]}]}],\"usage\":{\"input_tokens\":120,\"input_tokens_details\":"
                        + "{\"cached_tokens\":0},\"output_tokens\":20,\"output_tokens_details\":{\"reasoning_tokens\""
                        + ":0},\"total_tokens\":140}}")
                .build());
        robot.interact(() -> {
            tune.rewrite().modelProperty().set("gpt-4o-mini");
            tune.rewrite().partProperty().set(0);
        });
        robot.clickOn("#tune-rewrite");
        WaitForAsyncUtils.waitFor(
                15, TimeUnit.SECONDS, () -> tune.statusProperty().get().startsWith("Rewrite by"));
        WaitForAsyncUtils.waitForFxEvents();
        RecordedRequest req = server.takeRequest();
        assertEquals("/v1/responses", req.getUrl().encodedPath());
        assertEquals("Bearer " + KEY, req.getHeaders().get("Authorization"));
        String body = req.getBody().string(StandardCharsets.UTF_8);
        assertTrue(body.contains("\"model\":\"gpt-4o-mini\"") && body.contains("about half its length"), body);
        RequestTuner.Item it = tune.items().stream()
                .filter(i -> i.suggestion().kind() == SuggestionKind.REWRITE)
                .findFirst()
                .orElseThrow();
        // gpt-4o-mini: 120 × $0.15/1M + 20 × $0.60/1M = $0.00003
        assertNotNull(it.costUsd());
        assertEquals(
                0,
                new BigDecimal("0.00003").compareTo(it.costUsd()),
                it.costUsd().toPlainString());
        assertEquals(o200k(sys) - o200k(rewritten), it.suggestion().tokensSaved(Encoding.O200K_BASE));
        assertEquals(1, ledger.size());
        assertTrue(ledger.get(0).startsWith("rewrite gpt-4o-mini"), ledger.get(0));
        screenshot(robot, "costbench.screenshot.tune");

        robot.interact(() -> tune.apply(it));
        assertEquals(rewritten, vm.systemTextProperty().get());
        assertTrue(tune.items().stream().noneMatch(i -> i.suggestion().kind() == SuggestionKind.REWRITE));
        robot.interact(() -> tune.undo());
        assertEquals(sys, vm.systemTextProperty().get());
        // no key in anything written
        try (var files = Files.walk(data)) {
            for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                assertFalse(Files.readString(f, StandardCharsets.ISO_8859_1).contains(KEY), f + " holds the key");
            }
        }
    }

    private void screenshot(FxRobot robot, String property) throws Exception {
        String shot = System.getProperty(property);
        if (shot != null) {
            robot.interact(() -> robot.lookup(".split-pane").queryAllAs(SplitPane.class).stream()
                    .filter(p -> p.getOrientation() == Orientation.VERTICAL)
                    .forEach(p -> p.setDividerPositions(0.3)));
            WaitForAsyncUtils.waitForFxEvents();
            var img = robot.capture(robot.targetWindow().getScene().getRoot()).getImage();
            ImageIO.write(SwingFXUtils.fromFXImage(img, null), "png", new File(shot));
        }
    }
}
