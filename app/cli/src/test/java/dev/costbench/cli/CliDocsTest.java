// SPDX-License-Identifier: Apache-2.0
package dev.costbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.costbench.cli.term.Args;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * docs/cli.md has a section per command of {@link Cli#options()}, and each section's option table lists exactly the
 * options the command parses.
 */
class CliDocsTest {

    private static final Pattern ROW = Pattern.compile("^\\| `--([a-z0-9-]+)");

    private static Path docs() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isRegularFile(dir.resolve("docs/cli.md"))) {
            dir = dir.getParent();
        }
        assertTrue(dir != null, "docs/cli.md not found above " + Path.of("").toAbsolutePath());
        return dir.resolve("docs/cli.md");
    }

    /** Section title → the options its table lists. */
    private static Map<String, Set<String>> sections() throws Exception {
        Map<String, Set<String>> s = new LinkedHashMap<>();
        Set<String> current = null;
        for (String line : Files.readAllLines(docs())) {
            if (line.startsWith("## `costbench ")) {
                current = new TreeSet<>();
                s.put(line.substring("## `costbench ".length(), line.length() - 1), current);
            } else if (current != null) {
                Matcher m = ROW.matcher(line);
                if (m.find()) {
                    current.add(m.group(1));
                }
            }
        }
        return s;
    }

    @Test
    void everyCommandHasASectionListingExactlyItsOptions() throws Exception {
        Map<String, Set<String>> sections = sections();
        List<String> commands = new ArrayList<>();
        for (Args.Options o : Cli.options()) {
            commands.add(o.command());
            Set<String> expected = new TreeSet<>(o.valued());
            expected.addAll(o.flags());
            assertTrue(
                    sections.containsKey(o.command()), "docs/cli.md has no section ## `costbench " + o.command() + "`");
            assertEquals(expected, sections.get(o.command()), "the options of " + o.command() + " in docs/cli.md");
        }
        assertEquals(commands, new ArrayList<>(sections.keySet()), "docs/cli.md's sections, in the order of --help");
    }
}
