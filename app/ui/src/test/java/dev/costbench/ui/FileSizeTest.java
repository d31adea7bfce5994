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
 * Issue 15.3: small rooms — no main-code file of app/ui, app/cli, app/store, app/providers or app/media is over 500
 * lines.
 */
class FileSizeTest {

    @Test
    void noMainCodeFileIsOver500Lines() throws IOException {
        List<String> tooLong = new ArrayList<>();
        for (String module : List.of(".", "../cli", "../store", "../providers", "../media")) {
            Path main = Path.of(module, "src/main/java");
            try (Stream<Path> files = Files.walk(main)) {
                files.filter(p -> p.toString().endsWith(".java"))
                        .filter(p -> lines(p) > 500)
                        .forEach(p -> tooLong.add(main.relativize(p) + " (" + lines(p) + " lines)"));
            }
        }
        assertEquals(List.of(), tooLong);
    }

    private static long lines(Path p) {
        try (Stream<String> s = Files.lines(p)) {
            return s.count();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
