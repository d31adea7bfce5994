// SPDX-License-Identifier: Apache-2.0
package dev.costbench.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.costbench.model.catalog.CatalogBuilder;
import dev.costbench.model.prompt.TextStats;
import dev.costbench.ui.common.FxTaskExecutor;
import dev.costbench.ui.common.RecordingDialogService;
import dev.costbench.ui.common.UiContext;
import dev.costbench.ui.prompt.PromptFeature;
import dev.costbench.ui.prompt.PromptView;
import dev.costbench.ui.prompt.PromptViewModel;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Scene;
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
 * Pasting 2 MB must not freeze the window: counting runs off the FX thread, and the FX thread keeps answering
 * while it does. (Speed targets live in the benchmark, not here; this checks that nothing blocks for seconds.)
 */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class LargePromptTest {

    private PromptFeature feature;
    private PromptViewModel vm;

    @Start
    void start(Stage stage) {
        feature = new PromptFeature(
                new UiContext(new FxTaskExecutor((j, e) -> {}), new RecordingDialogService()),
                CatalogBuilder.builtIn(),
                id -> null,
                (n, b, o) -> {},
                t -> {});
        vm = feature.prompt();
        stage.setScene(new Scene(new PromptView(feature), 1400, 900));
        stage.show();
    }

    @AfterEach
    void close() {
        feature.close();
    }

    static String twoMegabytes() {
        StringBuilder b = new StringBuilder();
        String[] lines = {
            "The quick brown fox jumps over the lazy dog, again and again.",
            "人工智能的成本优化是一个重要的话题。",
            "def cost(tokens): return tokens * PRICE / 1_000_000",
            "Привет, мир! Это тест.",
            "مرحبا بالعالم 👋🏽"
        };
        int i = 0;
        while (b.length() < 2_000_000) {
            b.append(lines[i++ % lines.length]).append('\n');
        }
        return b.toString();
    }

    @Test
    void pastingTwoMegabytesKeepsTheWindowResponsive(FxRobot robot) throws Exception {
        String big = twoMegabytes();
        robot.interact(() -> vm.userTextProperty().set(big));
        // While the background thread counts 2 MB, the FX thread must keep turning pulses quickly.
        long worst = 0;
        for (int i = 0; i < 20; i++) {
            long t0 = System.nanoTime();
            CountDownLatch ping = new CountDownLatch(1);
            Platform.runLater(ping::countDown);
            assertTrue(ping.await(5, TimeUnit.SECONDS), "FX thread blocked");
            worst = Math.max(worst, (System.nanoTime() - t0) / 1_000_000);
            Thread.sleep(20);
        }
        assertTrue(worst < 2_000, "FX thread stalled for " + worst + " ms");
        long expected = TextStats.of(big).o200k();
        WaitForAsyncUtils.waitFor(
                30, TimeUnit.SECONDS, () -> vm.promptTokensProperty().get() == expected);
        // An edit in the middle is counted incrementally and exactly.
        robot.interact(() ->
                vm.userTextProperty().set(big.substring(0, 1_000_000) + "inserted words " + big.substring(1_000_000)));
        long edited = TextStats.of(big.substring(0, 1_000_000) + "inserted words " + big.substring(1_000_000))
                .o200k();
        WaitForAsyncUtils.waitFor(
                10, TimeUnit.SECONDS, () -> vm.promptTokensProperty().get() == edited);
        assertEquals(edited, vm.promptTokensProperty().get());
    }
}
