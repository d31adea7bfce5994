// SPDX-License-Identifier: Apache-2.0
package dev.costbench.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.costbench.model.catalog.Catalog;
import dev.costbench.model.catalog.CatalogBuilder;
import dev.costbench.model.cost.CanonicalUsage;
import dev.costbench.model.provider.CancelToken;
import dev.costbench.model.provider.ChatRequest;
import dev.costbench.model.provider.ChatResult;
import dev.costbench.model.provider.ProviderClient;
import dev.costbench.model.provider.ProviderException;
import dev.costbench.model.provider.ProviderId;
import dev.costbench.model.provider.TokenCountResult;
import dev.costbench.ui.prompt.PromptView;
import dev.costbench.ui.prompt.PromptViewModel;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The Prompt view's "Send to the API" tab against a scripted client: streaming, estimate vs billed, errors. */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class RunPaneTest {

    private static final Catalog CATALOG = CatalogBuilder.builtIn();
    private final List<ChatRequest> sent = new CopyOnWriteArrayList<>();
    private final List<ChatRequest> counted = new CopyOnWriteArrayList<>();
    private volatile boolean fail;
    private PromptViewModel vm;
    private PromptView view;

    private final ProviderClient fake = new ProviderClient() {
        @Override
        public ProviderId id() {
            return ProviderId.OPENAI;
        }

        @Override
        public ChatResult complete(ChatRequest request, Consumer<String> onDelta, CancelToken cancel)
                throws ProviderException {
            sent.add(request);
            if (fail) {
                throw new ProviderException(ProviderId.OPENAI, ProviderException.Kind.AUTH, 401,
                        "OpenAI rejected the API key (401): Incorrect API key provided", null,
                        "{\"error\":{\"message\":\"Incorrect API key provided: [REDACTED]\"}}", null);
            }
            onDelta.accept("Hello");
            onDelta.accept(" there");
            return new ChatResult("Hello there", new CanonicalUsage(1000, 1024, 0, 0, 2, 0), Map.of(), "stop",
                    request.model(), "resp_1", Duration.ofMillis(420), Duration.ofMillis(180), "{}");
        }

        @Override
        public TokenCountResult countTokens(ChatRequest request) {
            counted.add(request);
            return new TokenCountResult(2024, "{\"input_tokens\":2024}");
        }

        @Override
        public List<String> listModels() {
            return List.of("gpt-4o-mini");
        }
    };

    @Start
    void start(Stage stage) {
        vm = new PromptViewModel(CATALOG);
        view = new PromptView(vm, id -> fake);
        stage.setScene(new Scene(view, 1400, 900));
        stage.show();
    }

    @AfterEach
    void close() {
        vm.close();
    }

    @Test
    void sendsThePromptToTheSelectedModelAndShowsBilledNextToEstimate(FxRobot robot) throws Exception {
        robot.interact(() -> {
            vm.systemTextProperty().set("You are terse.");
            vm.userTextProperty().set("Say hello.");
            vm.outputTokensProperty().set(50);
        });
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !vm.rows().isEmpty());
        robot.interact(() -> {
            view.table().select("gpt-4o-mini");
            view.showRun();
        });
        fire(robot, "#send");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> view.runPane().generation() == 1);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("Hello there", view.runPane().answer().getText());
        ChatRequest r = sent.get(0);
        assertEquals("gpt-4o-mini", r.model());
        assertEquals("You are terse.", r.system());
        assertEquals(50, r.maxOutputTokens());
        assertTrue(r.stream());
        String billed = robot.lookup("#run-billed").queryAs(Label.class).getText();
        // 1000 uncached × $0.15/1M + 1024 cached × $0.075/1M + 2 × $0.60/1M = $0.0002280
        assertTrue(billed.startsWith("$0.000228"), billed);
        assertTrue(billed.contains("difference from the estimate"), billed);
        assertTrue(robot.lookup("#run-reported").queryAs(Label.class).getText().contains("cache read 1024"));

        // with an image: it goes with the user message and its tokens are in the estimate
        java.nio.file.Path png = java.nio.file.Files.createTempFile("costbench-run", ".png");
        javax.imageio.ImageIO.write(new java.awt.image.BufferedImage(1280, 720,
                java.awt.image.BufferedImage.TYPE_INT_RGB), "png", png.toFile());
        robot.interact(() -> view.runPane().attachImage(png));
        assertTrue(robot.lookup("#attached-image").queryAs(Label.class).getText().contains("1280×720"));
        fire(robot, "#send");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> view.runPane().generation() == 2);
        var parts = sent.get(1).messages().get(sent.get(1).messages().size() - 1).parts();
        assertTrue(parts.get(parts.size() - 1) instanceof dev.costbench.model.provider.Part.Image);
        assertEquals("image/png", ((dev.costbench.model.provider.Part.Image) parts.get(parts.size() - 1)).mimeType());
        robot.interact(() -> view.runPane().attachImage(null));

        fire(robot, "#count-exactly");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> view.runPane().generation() == 3);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup("#run-counted").queryAs(Label.class).getText().startsWith("2024 input tokens, exact"));
    }

    @Test
    void aRejectedKeySaysWhoRefusedAndWhy(FxRobot robot) throws Exception {
        fail = true;
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !vm.rows().isEmpty());
        robot.interact(() -> {
            view.table().select("gpt-4o-mini");
            view.showRun();
        });
        fire(robot, "#send");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> view.runPane().generation() == 1);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(view.runPane().error().getText().startsWith("OpenAI rejected the API key (401)"));
    }

    @Test
    void tuningAppliesACutAndTheCountDrops(FxRobot robot) throws Exception {
        robot.interact(() -> {
            vm.systemTextProperty().set("Please make sure to answer in order to help the customer.   \n\n\n\n"
                    + "It is important that you are polite. It is important that you are polite.");
            vm.userTextProperty().set("Where is my order?");
        });
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !vm.rows().isEmpty());
        robot.interact(() -> {
            view.table().select("gpt-4o-mini");
            view.showTune();
            view.tunePane().refresh();
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(view.tunePane().suggestionCount() >= 2, "whitespace, filler, repetition, verbose phrasing");
        String before = vm.systemTextProperty().get();
        int tokensBefore = dev.costbench.model.tokens.Tokenizers.count(dev.costbench.model.tokens.Encoding.O200K_BASE,
                before);
        robot.interact(() -> view.tunePane().applyFirst());
        String after = vm.systemTextProperty().get();
        assertTrue(dev.costbench.model.tokens.Tokenizers.count(dev.costbench.model.tokens.Encoding.O200K_BASE, after)
                < tokensBefore, "the count drops");
        robot.interact(() -> view.tunePane().undo());
        assertEquals(before, vm.systemTextProperty().get(), "undo restores the prompt exactly");
    }

    @Test
    void tokenTaxCountsExactlyOnlyWhenAskedOnTheSelectedModel(FxRobot robot) throws Exception {
        robot.interact(() -> {
            vm.systemTextProperty().set("You are terse.");
            vm.userTextProperty().set("Say hello in Japanese: こんにちは");
        });
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !vm.rows().isEmpty());
        robot.interact(() -> {
            view.table().select("claude-sonnet-4-5");
            view.showTokens();
            view.tokensPane().showTax();
        });
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> !view.tokensPane().taxView().table().getItems().isEmpty());
        assertTrue(counted.isEmpty(), "never counted by itself");
        robot.clickOn("#token-tax-count-exactly");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> view.tokensPane().taxView().providerCount("gemini") != null);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("2,024 (claude-sonnet-4-5, whole request)", view.tokensPane().taxView().providerCount("claude"));
        assertTrue(view.tokensPane().taxView().providerCount("gemini").startsWith("2,024 (gemini"));
        assertTrue(counted.stream().anyMatch(r -> r.model().equals("claude-sonnet-4-5")
                && "You are terse.".equals(r.system())));
        assertEquals(null, view.tokensPane().taxView().providerCount("o200k_base"), "exact locally: not asked");
    }

    /** Presses a button as a click would, wherever it is laid out (the test screen may be smaller than the window). */
    private static void fire(FxRobot robot, String id) {
        robot.interact(() -> robot.lookup(id).queryAs(javafx.scene.control.ButtonBase.class).fire());
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
    }
}
