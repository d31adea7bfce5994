// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.lab.run;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.costbench.model.catalog.Catalog;
import dev.costbench.model.catalog.CatalogBuilder;
import dev.costbench.model.lab.MediaBlob;
import dev.costbench.model.lab.TrialCell;
import dev.costbench.model.media.MediaHeader;
import dev.costbench.model.provider.ChatMessage;
import dev.costbench.model.provider.ChatRequest;
import dev.costbench.model.provider.Part;
import dev.costbench.model.provider.ProviderId;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Media in experiment variants: the spec, the request, the request hash, the estimate and the checks. */
class VariantMediaTest {

    private static final Catalog CATALOG = CatalogBuilder.builtIn();

    @TempDir
    Path dir;

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = VariantMediaTest.class.getResourceAsStream("/experiments/" + name)) {
            return in.readAllBytes();
        }
    }

    private Path experiment(String models, String media2048, String media512) throws IOException {
        Files.write(dir.resolve("receipt-2048.png"), resource("receipt-2048.png"));
        Files.createDirectories(dir.resolve("small"));
        Files.write(dir.resolve("small/receipt-512.png"), resource("receipt-512.png"));
        return Files.writeString(
                dir.resolve("exp.json"),
                "{\"name\": \"img\", \"models\": [" + models + "],"
                        + "\"variants\": [{\"name\": \"big\", \"user\": \"Total?\", \"media\": [" + media2048 + "]},"
                        + "{\"name\": \"small\", \"user\": \"Total?\", \"media\": [" + media512 + "]}]}");
    }

    @Test
    void theSpecReadsMediaRelativeToTheFile() throws IOException {
        ExperimentSpec s = SpecJson.read(
                experiment("\"gpt-4o-mini\"", "\"receipt-2048.png\"", "{\"file\": \"small/receipt-512.png\"}"));
        ExperimentSpec.MediaSpec big = s.variants().get(0).media().get(0);
        ExperimentSpec.MediaSpec small = s.variants().get(1).media().get(0);
        assertEquals("receipt-2048.png", big.name());
        assertEquals("image/png", big.mimeType());
        assertEquals(1536, big.width());
        assertEquals(2048, big.height());
        assertEquals(384, small.width());
        assertEquals(512, small.height());
        assertEquals(MediaBlob.sha256(resource("receipt-512.png")), small.sha256());
        assertTrue(small.describe().startsWith("receipt-512.png · 384×512 · "), small.describe());

        // written self-contained (the bytes inline) and read back equal, without the files
        String json = SpecJson.write(s);
        assertTrue(json.contains("\"base64\""));
        ExperimentSpec back = SpecJson.parse(json, "written.json", null);
        assertEquals(s, back);
        assertArrayEquals(small.data(), back.variants().get(1).media().get(0).data());
        // the store's snapshot names media by hash only; the bytes come from the store
        String snapshot = SpecJson.variantJson(s.variants().get(1)).toString();
        assertFalse(snapshot.contains("base64"), snapshot);
        ExperimentSpec.VariantSpec ref = SpecJson.variantFromJson(snapshot);
        assertFalse(ref.media().get(0).loaded());
        assertEquals(384, ref.media().get(0).width());
        ExperimentSpec.VariantSpec loaded =
                SpecJson.variantFromJson(snapshot, h -> Optional.of(new MediaBlob(h, "image/png", small.data())));
        assertTrue(loaded.media().get(0).loaded());
    }

    @Test
    void aMissingOrUnreadableFileIsAClearError() throws IOException {
        SpecException e = assertThrows(
                SpecException.class,
                () -> SpecJson.read(experiment("\"gpt-4o-mini\"", "\"receipt-2048.png\"", "\"nope.jpg\"")));
        assertTrue(e.getMessage().startsWith("exp.json: variants[1].media[0]: no such media file: "), e.getMessage());
        assertTrue(e.getMessage().contains("relative to the experiment file"), e.getMessage());

        Files.writeString(dir.resolve("notes.txt"), "not an image");
        e = assertThrows(
                SpecException.class,
                () -> SpecJson.read(experiment("\"gpt-4o-mini\"", "\"receipt-2048.png\"", "\"notes.txt\"")));
        assertTrue(e.getMessage().contains("media \"notes.txt\": not a JPEG, PNG, WebP or GIF image"), e.getMessage());

        e = assertThrows(
                SpecException.class,
                () -> SpecJson.parse(
                        "{\"name\": \"x\", \"models\": [\"gpt-4o-mini\"],"
                                + "\"variants\": [{\"name\": \"a\", \"user\": \"hi\", \"media\": [\"a.png\"]}]}",
                        "x.json",
                        null));
        assertTrue(e.getMessage().contains("media files are not available"), e.getMessage());
    }

    @Test
    void eachRequestCarriesItsVariantsImageAndTheHashTellsThemApart() throws IOException {
        ExperimentSpec s =
                SpecJson.read(experiment("\"gpt-4o-mini\"", "\"receipt-2048.png\"", "\"small/receipt-512.png\""));
        RunPlan plan = RunPlan.of(s);
        ChatRequest big = plan.request(new TrialCell(0, 0, "gpt-4o-mini", 1));
        ChatRequest small = plan.request(new TrialCell(1, 0, "gpt-4o-mini", 1));
        ChatMessage user = small.messages().get(0);
        assertEquals(2, user.parts().size());
        assertEquals("Total?", ((Part.Text) user.parts().get(0)).text());
        Part.Image img = (Part.Image) user.parts().get(1);
        assertEquals("image/png", img.mimeType());
        assertArrayEquals(resource("receipt-512.png"), img.data());
        // same text, other image: the answer cache must not mix them up
        assertNotEquals(RequestHash.of(ProviderId.OPENAI, big), RequestHash.of(ProviderId.OPENAI, small));
        assertTrue(RequestHash.canonicalJson(ProviderId.OPENAI, small)
                .contains(MediaBlob.sha256(resource("receipt-512.png"))));
    }

    @Test
    void theEstimateCountsImageTokensAndTheSmallImageIsCheaper() throws IOException {
        ExperimentSpec s = SpecJson.read(experiment(
                "\"gpt-4o-mini\", \"claude-haiku-4-5\", \"gemini-2.5-flash\"",
                "\"receipt-2048.png\"",
                "\"small/receipt-512.png\""));
        RunEstimate e = estimate(s);
        ExperimentSpec text = new ExperimentSpec(
                "t",
                null,
                List.of(ExperimentSpec.VariantSpec.of("big", true, null, "Total?")),
                List.of(),
                s.models(),
                1,
                null,
                false,
                null,
                true,
                null);
        RunEstimate plain = estimate(text);
        for (String model : List.of("gpt-4o-mini", "claude-haiku-4-5", "gemini-2.5-flash")) {
            RunEstimate.Line big = line(e, "big", model);
            RunEstimate.Line small = line(e, "small", model);
            long textOnly = line(plain, "big", model).inputTokensPerCall();
            long bigImage = Estimator.mediaTokens(
                    CATALOG.find(model).orElseThrow(),
                    s.variants().get(0).media().get(0));
            assertEquals(textOnly + bigImage, big.inputTokensPerCall(), model);
            assertTrue(big.inputTokensPerCall() > small.inputTokensPerCall(), model + ": " + big + " vs " + small);
            assertTrue(big.lowUsd().compareTo(small.lowUsd()) > 0, model);
            assertFalse(big.inputExact(), "image counts are estimates");
        }
        // Anthropic's 28-px patches: 384×512 → ⌈384/28⌉ × ⌈512/28⌉ = 14 × 19
        assertEquals(
                266,
                Estimator.mediaTokens(
                        CATALOG.find("claude-haiku-4-5").orElseThrow(),
                        s.variants().get(1).media().get(0)));
        assertTrue(e.lowUsd().compareTo(BigDecimal.ZERO) > 0);
    }

    @Test
    void aModelThatTakesNoImagesIsNamedBeforeLaunch() throws IOException {
        ExperimentSpec s = SpecJson.read(
                experiment("\"gpt-4o-mini\", \"o3-mini\"", "\"receipt-2048.png\"", "\"small/receipt-512.png\""));
        SpecException e = assertThrows(SpecException.class, () -> estimate(s));
        assertTrue(
                e.getMessage()
                        .startsWith("model \"o3-mini\" does not take images, but variant \"big\" attaches "
                                + "receipt-2048.png"),
                e.getMessage());
    }

    @Test
    void wavAudioIsCountedWhereTheModelTakesAudioAndRefusedWhereNot() throws IOException {
        Files.write(dir.resolve("note.wav"), wav(2.0));
        String variants = "\"variants\": [{\"name\": \"a\", \"user\": \"Transcribe.\", \"media\": [\"note.wav\"]}]}";
        ExperimentSpec gemini = SpecJson.read(Files.writeString(
                dir.resolve("g.json"), "{\"name\": \"audio\", \"models\": [\"gemini-2.5-flash\"], " + variants));
        ExperimentSpec.MediaSpec m = gemini.variants().get(0).media().get(0);
        assertEquals("audio/wav", m.mimeType());
        assertEquals(2.0, m.seconds(), 1e-9);
        assertTrue(m.describe().startsWith("note.wav · 2.0 s · "), m.describe());
        assertEquals(64, Estimator.mediaTokens(CATALOG.find("gemini-2.5-flash").orElseThrow(), m)); // 32 tokens/s
        assertTrue(
                RunPlan.of(gemini)
                                .request(new TrialCell(0, 0, "gemini-2.5-flash", 1))
                                .messages()
                                .get(0)
                                .parts()
                                .get(1)
                        instanceof Part.Audio);
        RunEstimate.Line line = estimate(gemini).lines().get(0);
        assertTrue(line.inputTokensPerCall() >= 64, line.toString());

        ExperimentSpec claude = SpecJson.read(Files.writeString(
                dir.resolve("c.json"), "{\"name\": \"audio\", \"models\": [\"claude-haiku-4-5\"], " + variants));
        SpecException e = assertThrows(SpecException.class, () -> estimate(claude));
        assertTrue(e.getMessage().startsWith("model \"claude-haiku-4-5\" does not take audio input"), e.getMessage());
    }

    /** A silent 16 kHz mono 16-bit WAV of {@code seconds}. */
    private static byte[] wav(double seconds) {
        int data = (int) (seconds * 32000);
        ByteBuffer b = ByteBuffer.allocate(44 + data).order(ByteOrder.LITTLE_ENDIAN);
        b.put("RIFF".getBytes())
                .putInt(36 + data)
                .put("WAVEfmt ".getBytes())
                .putInt(16)
                .putShort((short) 1)
                .putShort((short) 1)
                .putInt(16000)
                .putInt(32000)
                .putShort((short) 2)
                .putShort((short) 16)
                .put("data".getBytes())
                .putInt(data);
        return b.array();
    }

    @Test
    void theShippedImageExperimentLoadsFromTheClassPath() throws IOException {
        ExperimentSpec s = SpecJson.readBuiltIn("image-receipt.json").orElseThrow();
        assertEquals(2, s.variants().size());
        assertEquals("receipt-2048.png", s.baseline().media().get(0).name());
        assertTrue(s.baseline().media().get(0).loaded());
        assertTrue(SpecJson.readBuiltIn("no-such.json").isEmpty());
    }

    @Test
    void headersGiveTypeAndSize() {
        byte[] gif = {'G', 'I', 'F', '8', '9', 'a', 0x20, 0x03, 0x58, 0x02, 0, 0, 0};
        assertEquals(
                new MediaHeader("image/gif", 800, 600, 0),
                MediaHeader.probe(gif).orElseThrow());
        // JPEG: SOI, an APP0 segment, then SOF0 with height 480 and width 640
        byte[] jpeg = {
            (byte) 0xFF,
            (byte) 0xD8,
            (byte) 0xFF,
            (byte) 0xE0,
            0,
            4,
            0,
            0,
            (byte) 0xFF,
            (byte) 0xC0,
            0,
            11,
            8,
            0x01,
            (byte) 0xE0,
            0x02,
            (byte) 0x80,
            3,
            0,
            0,
            0,
            0
        };
        assertEquals(
                new MediaHeader("image/jpeg", 640, 480, 0),
                MediaHeader.probe(jpeg).orElseThrow());
        // WebP lossy (VP8): 1024×768 at bytes 26..29
        byte[] webp = new byte[30];
        System.arraycopy("RIFF".getBytes(), 0, webp, 0, 4);
        System.arraycopy("WEBPVP8 ".getBytes(), 0, webp, 8, 8);
        webp[26] = 0x00;
        webp[27] = 0x04;
        webp[28] = 0x00;
        webp[29] = 0x03;
        assertEquals(
                new MediaHeader("image/webp", 1024, 768, 0),
                MediaHeader.probe(webp).orElseThrow());
        // WAV: 16 kHz mono 16-bit (32000 bytes/s), 16000 data bytes = 0.5 s
        byte[] wav = new byte[44 + 16000];
        System.arraycopy("RIFF".getBytes(), 0, wav, 0, 4);
        System.arraycopy("WAVEfmt ".getBytes(), 0, wav, 8, 8);
        wav[16] = 16;
        wav[28] = 0x00;
        wav[29] = 0x7D;
        System.arraycopy("data".getBytes(), 0, wav, 36, 4);
        wav[40] = (byte) 0x80;
        wav[41] = 0x3E;
        MediaHeader h = MediaHeader.probe(wav).orElseThrow();
        assertEquals("audio/wav", h.mimeType());
        assertEquals(0.5, h.seconds(), 1e-9);
        assertTrue(MediaHeader.probe("hello".getBytes()).isEmpty());
        assertTrue(MediaHeader.probe(new byte[] {(byte) 0x89, 'P', 'N', 'G'}).isEmpty(), "truncated");
    }

    /** What {@link Runner#estimate} does, without a store. */
    private static RunEstimate estimate(ExperimentSpec s) {
        RunPlan plan = RunPlan.of(s);
        Planner.validate(plan);
        plan.requireMediaSupport(CATALOG::find);
        return new Estimator(CATALOG::find).estimate(plan, plan.cells(), Map.of(), BigDecimal.ZERO);
    }

    private static RunEstimate.Line line(RunEstimate e, String variant, String model) {
        return e.lines().stream()
                .filter(l -> l.variant().equals(variant) && l.model().equals(model))
                .findFirst()
                .orElseThrow();
    }
}
