// SPDX-License-Identifier: Apache-2.0
package dev.costbench.ui;

import dev.costbench.media.AudioAnalysis;
import dev.costbench.media.Av;
import dev.costbench.media.AvInfo;
import dev.costbench.media.FfmpegCommand;
import dev.costbench.media.Images;
import dev.costbench.media.VideoAnalysis;
import dev.costbench.model.catalog.Catalog;
import dev.costbench.model.catalog.CatalogBuilder;
import dev.costbench.model.lab.LabStore;
import dev.costbench.model.lab.LedgerPurpose;
import dev.costbench.model.lab.NewLedgerEntry;
import dev.costbench.model.tokens.Encoding;
import dev.costbench.model.tokens.Tokenizers;
import dev.costbench.store.H2LabStore;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.imageio.ImageIO;

/**
 * {@code costbench --self-test}: checks that an installed CostBench has what it needs — the built-in catalog, the
 * tokenizers' vocabularies, the H2 store (a throwaway one in a temporary directory, never the user's), the WebP
 * natives, and the FFmpeg natives, which decode a clip made on the spot with the bundled {@code ffmpeg}. Prints one
 * line per check and exits 0 when all pass, 1 otherwise. Needs no display and no network.
 */
public final class SelfTest {

    /** One check: does its work in {@code tmp} and returns a short description of what it found. */
    @FunctionalInterface
    interface Check {
        String run(Path tmp) throws Exception;
    }

    record Named(String name, Check check) {}

    private SelfTest() {}

    public static int run(PrintStream out) {
        return run(out, checks());
    }

    static List<Named> checks() {
        return List.of(
                new Named("catalog", SelfTest::catalog),
                new Named("tokenizers", SelfTest::tokenizers),
                new Named("store", SelfTest::store),
                new Named("webp", SelfTest::webp),
                new Named("ffmpeg", SelfTest::ffmpeg));
    }

    static int run(PrintStream out, List<Named> checks) {
        out.println("CostBench " + version() + " self-test (Java " + System.getProperty("java.version") + ", "
                + System.getProperty("os.name") + " " + System.getProperty("os.arch") + ")");
        Path tmp;
        try {
            tmp = Files.createTempDirectory("costbench-self-test");
        } catch (IOException e) {
            out.println("FAIL  cannot create a temporary directory: " + e.getMessage());
            return 1;
        }
        int failed = 0;
        try {
            for (Named c : checks) {
                long t0 = System.nanoTime();
                try {
                    String detail = c.check().run(tmp);
                    out.printf("ok    %-10s %s (%d ms)%n", c.name(), detail, (System.nanoTime() - t0) / 1_000_000);
                } catch (Exception | Error e) { // UnsatisfiedLinkError for natives, AWTError, …
                    failed++;
                    out.printf("FAIL  %-10s %s%n", c.name(), message(e));
                }
            }
        } finally {
            deleteTree(tmp);
        }
        out.println(
                failed == 0 ? "self-test passed" : "self-test FAILED: " + failed + " of " + checks.size() + " checks");
        out.flush();
        return failed == 0 ? 0 : 1;
    }

    private static String catalog(Path tmp) {
        Catalog c = CatalogBuilder.builtIn();
        if (c.size() == 0) {
            throw new IllegalStateException("the built-in catalog has no models");
        }
        if (!c.problems().isEmpty()) {
            throw new IllegalStateException(
                    "the built-in catalog has " + c.problems().size() + " problem(s), first: "
                            + c.problems().get(0));
        }
        return c.size() + " models, prices as of " + c.asOf();
    }

    private static String tokenizers(Path tmp) {
        String text = "Hello, world! How much will this prompt cost?";
        StringBuilder sb = new StringBuilder();
        for (Encoding e : Encoding.values()) {
            int n = Tokenizers.count(e, text);
            if (n < 5 || n > 20) {
                throw new IllegalStateException(e.id() + " counted " + n + " tokens in a 10-word sentence");
            }
            sb.append(sb.length() == 0 ? "" : ", ").append(e.id()).append(' ').append(n);
        }
        return sb.toString();
    }

    private static String store(Path tmp) throws Exception {
        try (LabStore s = H2LabStore.open(tmp.resolve("store"))) {
            s.appendLedger(NewLedgerEntry.call(
                    Instant.now(), "self-test", "none", new BigDecimal("0.0001234"), LedgerPurpose.OTHER));
            int n = s.ledger(Instant.EPOCH, Instant.now().plusSeconds(60)).size();
            if (n != 1) {
                throw new IllegalStateException("wrote one ledger entry, read back " + n);
            }
        }
        return "H2 opened, migrated, wrote and read the ledger in a temporary directory";
    }

    private static String webp(Path tmp) throws IOException {
        BufferedImage img = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
        for (int y = 8; y < 24; y++) {
            for (int x = 8; x < 40; x++) {
                img.setRGB(x, y, 0x2f6fdf); // no Graphics: that would need a display where AWT is not headless
            }
        }
        byte[] webp = Images.encode(img, "webp", 80);
        BufferedImage back = ImageIO.read(new ByteArrayInputStream(webp));
        if (back == null || back.getWidth() != 64) {
            throw new IllegalStateException("a 64x48 image did not survive a WebP round trip");
        }
        return "encoded and decoded a 64x48 WebP (" + webp.length + " bytes)";
    }

    private static String ffmpeg(Path tmp) throws Exception {
        Path clip = tmp.resolve("clip.mp4");
        List<String> cmd = FfmpegCommand.fromLavfi( // naming the bundled binary loads the FFmpeg natives
                List.of("testsrc=size=160x120:rate=10:duration=2", "sine=frequency=440:sample_rate=16000:duration=2"),
                "-c:v",
                "mpeg4",
                "-c:a",
                "aac",
                "-shortest",
                clip.toString());
        Process p = new ProcessBuilder(cmd)
                .redirectErrorStream(true)
                .redirectOutput(tmp.resolve("ffmpeg.log").toFile())
                .start();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("the bundled ffmpeg did not finish making a 2 s clip in 60 s");
        }
        if (p.exitValue() != 0) {
            throw new IllegalStateException("the bundled ffmpeg failed (" + p.exitValue() + "): "
                    + Files.readString(tmp.resolve("ffmpeg.log")).strip());
        }
        AvInfo info = Av.probe(clip);
        VideoAnalysis.Scan scan = VideoAnalysis.scan(clip, () -> false, x -> {});
        AudioAnalysis.Result audio = AudioAnalysis.analyze(clip, -40, 0.5, 100, () -> false, x -> {});
        if (scan.frames() < 10 || audio.seconds() < 1.5) {
            throw new IllegalStateException(
                    "decoded only " + scan.frames() + " frames and " + audio.seconds() + " s of audio from a 2 s clip");
        }
        return String.format(
                "made a 2 s clip with the bundled ffmpeg; decoded %d frames (%s %dx%d) and %.1f s of %s " + "audio",
                scan.frames(), info.videoCodec(), info.width(), info.height(), audio.seconds(), info.audioCodec());
    }

    private static String message(Throwable e) {
        String m = e.getMessage();
        String s = e.getClass().getSimpleName() + (m == null ? "" : ": " + m);
        return e.getCause() != null && e.getCause() != e ? s + " (caused by " + message(e.getCause()) + ")" : s;
    }

    private static String version() {
        String v = SelfTest.class.getPackage().getImplementationVersion();
        return v == null ? "(development build)" : v;
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temporary directory; the OS cleans it eventually
        }
    }
}
