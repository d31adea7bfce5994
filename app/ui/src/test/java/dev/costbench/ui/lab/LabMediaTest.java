// SPDX-License-Identifier: Apache-2.0
package dev.costbench.ui.lab;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.costbench.model.catalog.Catalog;
import dev.costbench.model.catalog.CatalogBuilder;
import dev.costbench.model.cost.CanonicalUsage;
import dev.costbench.model.lab.run.ExperimentSpec;
import dev.costbench.model.provider.CancelToken;
import dev.costbench.model.provider.ChatRequest;
import dev.costbench.model.provider.ChatResult;
import dev.costbench.model.provider.Part;
import dev.costbench.model.provider.ProviderClient;
import dev.costbench.model.provider.ProviderId;
import dev.costbench.model.provider.TokenCountResult;
import dev.costbench.store.H2LabStore;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.scene.Scene;
import javafx.scene.control.TextArea;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Images in A/B variants: attaching one raises the estimate, the 512 px image is estimated cheaper than the 2048 px
 * one, each trial's request carries its variant's image, and the results name it. {@code
 * -Dcostbench.screenshot.dir=/tmp} saves pictures of the setup and the results.
 */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class LabMediaTest {

    private static final Catalog CATALOG = CatalogBuilder.builtIn();
    private static final Pattern LOW = Pattern.compile("Estimated cost of the run: \\$([0-9.]+)");

    private H2LabStore store;
    private LabView view;
    private Path dir;
    private final List<ChatRequest> sent = new CopyOnWriteArrayList<>();

    @Start
    void start(Stage stage) throws Exception {
        dir = Files.createTempDirectory("costbench-lab-media");
        store = H2LabStore.open(dir.resolve("db"));
        for (String f : List.of("receipt-2048.png", "receipt-512.png")) {
            try (InputStream in = getClass().getResourceAsStream("/experiments/" + f)) {
                Files.write(dir.resolve(f), in.readAllBytes());
            }
        }
        view = new LabView(() -> store, () -> CATALOG, this::client, () -> new String[] {"sys", "user"});
        stage.setScene(new Scene(view, 1400, 1000));
        stage.show();
    }

    @AfterEach
    void close() throws Exception {
        store.close();
    }

    private ProviderClient client(ProviderId id) {
        return new ProviderClient() {
            @Override
            public ProviderId id() {
                return id;
            }

            @Override
            public ChatResult complete(ChatRequest req, Consumer<String> onDelta, CancelToken cancel) {
                sent.add(req);
                long image = req.messages().get(0).parts().stream().filter(p -> p instanceof Part.Image)
                        .mapToLong(p -> ((Part.Image) p).data().length / 20).sum();
                String answer = image > 1000 ? "The total is 30.08." : "30.08";
                if (onDelta != null) {
                    onDelta.accept(answer);
                }
                return new ChatResult(answer, new CanonicalUsage(100 + image, 0, 0, 0, 5, 0), Map.of(), "stop", req.model(),
                        "r", Duration.ofMillis(200), Duration.ofMillis(60), "{}");
            }

            @Override
            public TokenCountResult countTokens(ChatRequest r) {
                return new TokenCountResult(1, "{}");
            }

            @Override
            public List<String> listModels() {
                return List.of();
            }
        };
    }

    /** The setup with {@code models} checked. */
    private SetupPane showSetup(FxRobot robot, String... models) {
        robot.interact(() -> {
            view.showSetup();
            view.setup().modelsForTest(List.of(models));
        });
        WaitForAsyncUtils.waitForFxEvents();
        return view.setup();
    }

    private static BigDecimal low(SetupPane s) {
        Matcher m = LOW.matcher(s.estimateLabel().getText());
        assertTrue(m.find(), s.estimateLabel().getText() + " / " + s.errorLabel().getText());
        return new BigDecimal(m.group(1));
    }

    @Test
    void anAttachedImageRaisesTheEstimateAndGoesWithEveryTrial(FxRobot robot) throws Exception {
        SetupPane setup = showSetup(robot, "gpt-4o-mini", "claude-haiku-4-5");
        robot.interact(() -> {
            TextArea optUser = robot.lookup("#lab-opt-user").queryAs(TextArea.class);
            TextArea optSystem = robot.lookup("#lab-opt-system").queryAs(TextArea.class);
            optSystem.setText("Answer briefly.");
            robot.lookup("#lab-base-system").queryAs(TextArea.class).setText("Answer briefly.");
            robot.lookup("#lab-base-user").queryAs(TextArea.class).setText("What is the TOTAL? {{ticket}}");
            optUser.setText("What is the TOTAL? {{ticket}}");
        });
        robot.interact(setup::showEstimate);
        BigDecimal textOnly = low(setup);

        robot.interact(() -> assertTrue(setup.baselineMedia().add(dir.resolve("receipt-2048.png"))));
        WaitForAsyncUtils.waitForFxEvents();
        BigDecimal withBig = low(setup); // the estimate follows the attachment
        assertTrue(withBig.compareTo(textOnly) > 0, textOnly + " → " + withBig);
        assertEquals(1, robot.lookup("#lab-base-media .media-thumb").queryAll().size());
        String caption = robot.lookup("#lab-base-media .media-caption").queryLabeled().getText();
        assertTrue(caption.startsWith("receipt-2048.png · 1536×2048 · 42 KB\n"), caption);
        // OpenAI tiles at gpt-4o-mini's rates: 2833 + 4 × 5667; Anthropic 28-px patches within the 1568 budget
        assertTrue(caption.contains("gpt-4o-mini 25,501 tok"), caption);
        assertTrue(caption.contains("claude-haiku-4-5 1,564 tok"), caption);

        robot.interact(() -> assertTrue(setup.optimizedMedia().add(dir.resolve("receipt-512.png"))));
        WaitForAsyncUtils.waitForFxEvents();
        String text = setup.estimateLabel().getText();
        Matcher per = Pattern.compile("baseline .*≈ ([0-9,]+) input tokens per call\\) · optimized .*≈ ([0-9,]+) "
                + "input tokens").matcher(text);
        assertTrue(per.find(), text);
        long base = Long.parseLong(per.group(1).replace(",", ""));
        long opt = Long.parseLong(per.group(2).replace(",", ""));
        assertTrue(base > opt * 3, "the 512 px image is much cheaper: " + text);

        // a file that is no image is refused with a message
        Path txt = Files.writeString(dir.resolve("notes.txt"), "hello");
        robot.interact(() -> setup.optimizedMedia().add(txt));
        assertTrue(setup.errorLabel().getText().contains("not a JPEG, PNG, WebP or GIF"), setup.errorLabel().getText());
        assertEquals(1, setup.optimizedMedia().media().size());
        screenshot(robot, view, "lab-media-setup.png");

        robot.interact(() -> robot.lookup("#lab-run").queryButton().fire());
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> setup.finishedCount() == 1);
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> view.results() != null
                && view.results().generation() >= 1 && view.results().results() != null);
        WaitForAsyncUtils.waitForFxEvents();
        byte[] big = Files.readAllBytes(dir.resolve("receipt-2048.png"));
        byte[] small = Files.readAllBytes(dir.resolve("receipt-512.png"));
        assertEquals(2 * 3 * 2 * 3, sent.size()); // 2 variants × 3 inputs × 2 models × 3 repetitions
        for (ChatRequest r : sent) {
            List<Part> parts = r.messages().get(0).parts();
            assertEquals(2, parts.size());
            byte[] img = ((Part.Image) parts.get(1)).data();
            assertTrue(img.length == big.length || img.length == small.length);
            assertArrayEquals(img.length == big.length ? big : small, img);
        }
        robot.interact(() -> robot.lookup(".tab-pane").queryAs(javafx.scene.control.TabPane.class)
                .getSelectionModel().select(1));
        WaitForAsyncUtils.waitForFxEvents();
        String left = robot.lookup("#lab-left-media").queryLabeled().getText();
        String right = robot.lookup("#lab-right-media").queryLabeled().getText();
        assertTrue(left.contains("receipt-2048.png · 1536×2048"), left);
        assertTrue(right.contains("receipt-512.png · 384×512"), right);
        screenshot(robot, view, "lab-media-results.png");
    }

    @Test
    void aModelThatTakesNoImagesIsNamedAndNothingIsStoredOrSent(FxRobot robot) throws Exception {
        // o3-mini after gpt-4o-mini: ControlsFX reported that pair as [null, gpt-4o-mini] (SetupPane.checkedIds)
        SetupPane setup = showSetup(robot, "gpt-4o-mini", "o3-mini");
        robot.interact(() -> assertTrue(setup.baselineMedia().add(dir.resolve("receipt-512.png"))));
        String caption = robot.lookup("#lab-base-media .media-caption").queryLabeled().getText();
        assertTrue(caption.contains("o3-mini: takes no images"), caption);
        robot.interact(() -> robot.lookup("#lab-run").queryButton().fire());
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(setup.errorLabel().getText().startsWith("model \"o3-mini\" does not take images"),
                setup.errorLabel().getText());
        assertTrue(store.listExperiments().isEmpty());
        assertTrue(sent.isEmpty());
    }

    @Test
    void theMediaViewsOriginalAndProcessedImageBecomeBaselineAndOptimized(FxRobot robot) throws Exception {
        SetupPane setup = view.setup();
        robot.interact(() -> {
            view.showSetup();
            view.applyCss();
            view.layout();
            setup.setMediaSource(() -> {
                throw new IllegalStateException("Open an image in the Media view first");
            });
        });
        robot.interact(() -> robot.lookup("#lab-from-media").queryButton().fire());
        assertTrue(setup.errorLabel().getText().startsWith("Open an image"), setup.errorLabel().getText());
        ExperimentSpec.MediaSpec original = ExperimentSpec.MediaSpec.of("photo.png",
                Files.readAllBytes(dir.resolve("receipt-2048.png")));
        ExperimentSpec.MediaSpec processed = ExperimentSpec.MediaSpec.of("photo-optimized.png",
                Files.readAllBytes(dir.resolve("receipt-512.png")));
        robot.interact(() -> {
            setup.setMediaSource(() -> List.of(original, processed));
            robot.lookup("#lab-from-media").queryButton().fire();
        });
        assertEquals(List.of(original), setup.baselineMedia().media());
        assertEquals(List.of(processed), setup.optimizedMedia().media());
        assertEquals(List.of(processed), setup.spec().variants().get(1).media());
        // remove
        robot.interact(() -> robot.lookup("#lab-opt-media .button").match(n -> "✕".equals(
                ((javafx.scene.control.Button) n).getText())).queryButton().fire());
        assertTrue(setup.optimizedMedia().media().isEmpty());
    }

    private static void screenshot(FxRobot robot, javafx.scene.Node node, String name) throws Exception {
        String dir = System.getProperty("costbench.screenshot.dir");
        if (dir != null) {
            var img = robot.capture(node).getImage();
            javax.imageio.ImageIO.write(javafx.embed.swing.SwingFXUtils.fromFXImage(img, null), "png",
                    Path.of(dir, name).toFile());
        }
    }
}
