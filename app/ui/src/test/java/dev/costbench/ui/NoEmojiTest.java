// SPDX-License-Identifier: Apache-2.0
package dev.costbench.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Issue 16: no emoji in the workbench's own text. Where no emoji font is installed (a fresh Linux desktop, the CI
 * machine) they render as empty boxes; icons come from {@code ui/common/Icons}, vector paths that ship with the app.
 */
class NoEmojiTest {

    @Test
    void mainCodeShowsNoEmoji() throws IOException {
        List<String> found = new ArrayList<>();
        Path main = Path.of("src/main");
        try (Stream<Path> files = Files.walk(main)) {
            for (Path p : (Iterable<Path>) files.filter(Files::isRegularFile)
                    .filter(f -> f.toString().endsWith(".java") || f.toString().endsWith(".css"))::iterator) {
                List<String> lines = Files.readAllLines(p);
                for (int i = 0; i < lines.size(); i++) {
                    if (lines.get(i).codePoints().anyMatch(NoEmojiTest::isEmoji)) {
                        found.add(main.relativize(p) + ":" + (i + 1));
                    }
                }
            }
        }
        assertEquals(List.of(), found);
    }

    /** The emoji and pictograph planes, and the variation selector that asks for emoji presentation. */
    private static boolean isEmoji(int cp) {
        return (cp >= 0x1F000 && cp <= 0x1FAFF) || cp == 0xFE0F;
    }
}
