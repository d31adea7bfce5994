// SPDX-License-Identifier: Apache-2.0
package dev.costbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** Issue 14 parts 4, 7 and 8 seen from the command line (the probes that broke). */
class NumbersCliTest extends UserDataTest {

    /** Only a guard against hangs (these probes hung or died before); not a speed target. */
    private static final Duration HANG_GUARD = Duration.ofSeconds(120);

    private int run(String stdin, String... args) {
        return keep(assertTimeoutPreemptively(HANG_GUARD, () -> CliRun.of(stdin, args)));
    }

    @Test
    void catalogCheckRefusesAHugePriceWithItsFieldAndRange() throws Exception {
        Path f = Files.writeString(
                tmp.resolve("user.json"),
                "{\"models\": [{\"id\": \"huge\", \"provider\": \"groq\", "
                        + "\"tier\": \"open\", \"prices\": {\"input\": 1e100000000, \"output\": 1}}]}");
        assertEquals(1, run("", "catalog", "check", "--file", f.toString()));
        assertTrue(
                err.contains("model 'huge', field 'prices.input': 1E+100000000 is out of range (0 to 1000 $ per "
                        + "million tokens)"),
                err);
    }

    @Test
    void estimateWarnsWhenTheInputExceedsTheContextWindow() {
        assertEquals(0, run("", "estimate", "--input-tokens", "300000", "--models", "gpt-4o"));
        assertTrue(out.contains("warning: 300,000 input tokens exceed GPT-4o's context window of 128,000 tokens"), out);
        assertEquals(0, run("", "estimate", "--input-tokens", "1000", "--models", "gpt-4o"));
        assertTrue(!out.contains("warning:"), out);
    }

    @Test
    void aJsonlLineOverTwentyMillionCharactersIsCounted() {
        String line = "{\"text\": \"" + "a ".repeat(10_500_000) + "\"}\n";
        assertEquals(0, run(line, "tokens", "--encoding", "o200k_base", "--jsonl"), err);
        assertTrue(out.startsWith("{\"tokens\":"), out);
    }

    @Test
    void mediaWarnsAboutATruncatedJpeg() throws Exception {
        Path whole = tmp.resolve("whole.jpg");
        BufferedImage img = new BufferedImage(640, 480, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setPaint(new GradientPaint(0, 0, Color.RED, 640, 480, Color.BLUE));
        g.fillRect(0, 0, 640, 480);
        g.dispose();
        ImageIO.write(img, "jpeg", whole.toFile());
        byte[] all = Files.readAllBytes(whole);
        Path cut = Files.write(tmp.resolve("cut.jpg"), Arrays.copyOf(all, all.length / 2));
        assertEquals(0, run("", "media", cut.toString(), "--models", "gpt-4o"));
        assertTrue(out.contains("warning: truncated: only "), out);
        assertTrue(out.contains("% of the image decoded (cut.jpg, JPEG)"), out);
        assertEquals(2, run("", "media", cut.toString(), "--models", "gpt-4o", "--strict"), "--strict refuses it");
        assertEquals(0, run("", "media", whole.toString(), "--models", "gpt-4o", "--strict"), "a whole file passes");
    }
}
