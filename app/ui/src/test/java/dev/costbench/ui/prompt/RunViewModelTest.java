// SPDX-License-Identifier: Apache-2.0
package dev.costbench.ui.prompt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.costbench.model.catalog.Catalog;
import dev.costbench.model.catalog.CatalogBuilder;
import dev.costbench.model.provider.ChatRequest;
import dev.costbench.model.provider.Part;
import dev.costbench.model.provider.ProviderId;
import dev.costbench.ui.common.DirectTaskExecutor;
import dev.costbench.ui.common.RecordingDialogService;
import dev.costbench.ui.common.ScriptedClient;
import dev.costbench.ui.common.UiContext;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** "Send to the API" without a display: streaming, estimate vs billed, count exactly, errors, cancel, images. */
class RunViewModelTest {

    private static final Catalog CATALOG = CatalogBuilder.builtIn();
    private final RecordingDialogService dialogs = new RecordingDialogService();
    private final List<String> ledger = new ArrayList<>();

    private final ScriptedClient fake = new ScriptedClient();
    private final List<ChatRequest> sent = fake.sent;

    private PromptFeature feature(DirectTaskExecutor tasks) {
        PromptFeature f =
                new PromptFeature(new UiContext(tasks, dialogs), CATALOG, id -> fake, (n, b, o) -> {}, t -> {});
        f.setCallListener((m, purpose, r, cost) -> ledger.add(purpose + " " + m.id() + " " + cost.toPlainString()));
        f.prompt().systemTextProperty().set("You are terse.");
        f.prompt().userTextProperty().set("Say hello.");
        f.prompt().outputTokensProperty().set(50);
        return f;
    }

    /** The figure shown in {@code name}'s row ("Billed", "Counted", …), or null. */
    static String figure(RunViewModel run, String name) {
        return run.figures().stream()
                .filter(f -> f.name().equals(name))
                .map(RunViewModel.Figure::value)
                .findFirst()
                .orElse(null);
    }

    @Test
    void aCallIsBilledAtTheTierTheProviderServed() {
        PromptFeature f = feature(new DirectTaskExecutor());
        RunViewModel run = f.run();
        f.prompt().selectedModelProperty().set(CATALOG.find("gpt-5").orElseThrow());
        run.send();
        String standard = figure(run, "Billed");
        assertFalse(standard.contains("served"), standard);

        fake.served("priority");
        run.send();
        String priority = figure(run, "Billed");
        assertTrue(priority.contains(" · served priority: priced at Priority"), priority);
        assertNotEquals(standard.substring(0, 10), priority.substring(0, 10), "priority prices differ from standard");

        fake.served("scale");
        run.send();
        assertTrue(
                figure(run, "Billed").contains("served scale, a tier CostBench does not know: priced at Standard"),
                figure(run, "Billed"));
        assertEquals(standard.substring(0, 10), figure(run, "Billed").substring(0, 10));
    }

    @Test
    void sendsToTheSelectedModelStreamsAndSetsBilledBesideTheEstimate() {
        PromptFeature f = feature(new DirectTaskExecutor());
        RunViewModel run = f.run();
        assertEquals(
                "Select a model in the table to send this prompt to it",
                run.titleProperty().get());
        assertFalse(run.canSendProperty().get());
        run.send();
        assertTrue(sent.isEmpty(), "nothing is sent without a model");

        f.prompt().selectedModelProperty().set(CATALOG.find("gpt-4o-mini").orElseThrow());
        assertTrue(
                run.titleProperty().get().endsWith(" · OpenAI · gpt-4o-mini"),
                run.titleProperty().get());
        assertTrue(run.canSendProperty().get() && run.canCountProperty().get());
        run.send();
        assertEquals("Hello there", run.answerProperty().get(), "the deltas, in order, once");
        ChatRequest r = sent.get(0);
        assertEquals("gpt-4o-mini", r.model());
        assertEquals("You are terse.", r.system());
        assertEquals(50, r.maxOutputTokens());
        assertTrue(r.stream());
        assertTrue(figure(run, "Estimate").contains("up to 50 output"), figure(run, "Estimate"));
        // 1000 uncached × $0.15/1M + 1024 cached × $0.075/1M + 2 × $0.60/1M = $0.0002280
        assertTrue(figure(run, "Billed").startsWith("$0.000228"), figure(run, "Billed"));
        assertTrue(figure(run, "Billed").contains("difference from the estimate"));
        assertTrue(figure(run, "Reported").contains("cache read 1024"));
        assertTrue(figure(run, "Timing").startsWith("420 ms, first token after 180 ms"));
        assertEquals(
                List.of("send gpt-4o-mini 0.000228"),
                ledger.stream().map(s -> s.replaceAll("0+$", "")).toList());
        assertFalse(run.runningProperty().get());

        run.countExactly();
        assertTrue(figure(run, "Counted").startsWith("2024 input tokens, exact from OpenAI"), figure(run, "Counted"));
        assertFalse(fake.counted.get(0).stream(), "a count is not streamed");
    }

    @Test
    void aRejectedKeySaysWhoRefusedAndWhyAndShowsTheBody() {
        PromptFeature f = feature(new DirectTaskExecutor());
        f.prompt().selectedModelProperty().set(CATALOG.find("gpt-4o-mini").orElseThrow());
        fake.failWith(ScriptedClient.rejectedKey());
        RunViewModel run = f.run();
        run.send();
        assertTrue(run.errorProperty().get().startsWith("OpenAI rejected the API key (401)"));
        assertTrue(run.bodyProperty().get().contains("[REDACTED]"));
        run.showResponse();
        assertEquals(
                "The body the provider sent (any key redacted)",
                dialogs.last("text").headline());
        assertTrue(ledger.isEmpty(), "a failed call costs nothing in the ledger");
        assertNull(figure(run, "Billed"));
        // the next success clears the error and the body
        fake.failWith(null);
        run.send();
        assertEquals("", run.errorProperty().get());
        assertNull(run.bodyProperty().get());
    }

    @Test
    void whileACallRunsSendIsOffAndCancelEndsIt() {
        DirectTaskExecutor held = DirectTaskExecutor.held();
        PromptFeature f = feature(held);
        held.runPending();
        f.prompt().selectedModelProperty().set(CATALOG.find("gpt-4o-mini").orElseThrow());
        RunViewModel run = f.run();
        run.send();
        assertTrue(run.runningProperty().get());
        assertFalse(run.canSendProperty().get());
        assertFalse(run.canCountProperty().get());
        run.send(); // a second press while running does nothing
        run.cancel();
        held.runPending();
        assertTrue(sent.isEmpty(), "cancelled before it was sent");
        assertEquals("Cancelled.", run.errorProperty().get());
        assertFalse(run.runningProperty().get());
        assertTrue(run.canSendProperty().get());
    }

    @Test
    void anOpenAiCompatibleHostCannotCountExactly() {
        PromptFeature f = feature(new DirectTaskExecutor());
        var compatible = CATALOG.models().stream()
                .filter(m -> ProviderIds.of(m) == ProviderId.COMPATIBLE)
                .findFirst()
                .orElseThrow();
        f.prompt().selectedModelProperty().set(compatible);
        assertTrue(f.run().canSendProperty().get());
        assertFalse(f.run().canCountProperty().get());
    }

    @Test
    void anAttachedImageGoesWithTheUserMessageAndAnotherFileIsRefused(@TempDir Path dir) throws Exception {
        PromptFeature f = feature(new DirectTaskExecutor());
        f.prompt().selectedModelProperty().set(CATALOG.find("gpt-4o-mini").orElseThrow());
        RunViewModel run = f.run();
        Path png = dir.resolve("shot.png");
        ImageIO.write(new BufferedImage(1280, 720, BufferedImage.TYPE_INT_RGB), "png", png.toFile());
        dialogs.answer(png);
        run.chooseImage();
        assertEquals("Image: shot.png 1280×720", run.imageProperty().get().label());
        run.send();
        var parts =
                sent.get(0).messages().get(sent.get(0).messages().size() - 1).parts();
        Part.Image img = (Part.Image) parts.get(parts.size() - 1);
        assertEquals("image/png", img.mimeType());

        Path text = dir.resolve("notes.txt");
        Files.writeString(text, "not an image");
        run.attachImage(text);
        assertFalse(run.errorProperty().get().isBlank(), "says why the file was refused");
        assertEquals("Image: shot.png 1280×720", run.imageProperty().get().label(), "the image attached before stays");

        Files.delete(png); // gone before the next send: says so instead of sending without it
        int before = sent.size();
        run.send();
        assertEquals(before, sent.size());
        assertTrue(
                run.errorProperty().get().contains("Attach the image again"),
                run.errorProperty().get());
        run.attachImage(null);
        assertNull(run.imageProperty().get());
    }
}
