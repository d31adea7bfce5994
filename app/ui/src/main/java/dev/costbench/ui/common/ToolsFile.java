// SPDX-License-Identifier: Apache-2.0
package dev.costbench.ui.common;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A tools box's Open…: asks for a tools JSON file and reads its text; shared by the Prompt view's Tools section and
 * the A/B lab's setup, which read the text with the same tools reader.
 */
public final class ToolsFile {

    /** The files "Open…" offers first. */
    public static final DialogService.FileKind TOOLS_JSON =
            new DialogService.FileKind("Tools (JSON)", List.of("*.json"));

    private ToolsFile() {}

    /**
     * Asks for a tools JSON file and reads it.
     *
     * @param error told what went wrong and what to do when the file cannot be read
     * @return its text; empty when the user cancels or it cannot be read
     */
    public static Optional<String> open(DialogService dialogs, Consumer<String> error) {
        return dialogs.openFile("Open tools", TOOLS_JSON, DialogService.FileKind.ANY)
                .flatMap(f -> read(f, error));
    }

    /** The text of {@code file} (opened or dropped); empty, with {@code error} told why, when it cannot be read. */
    public static Optional<String> read(Path file, Consumer<String> error) {
        try {
            return Optional.of(TextFiles.read(file));
        } catch (IOException e) {
            error.accept("Could not open " + file.getFileName() + ": " + e.getMessage()
                    + " Choose a UTF-8 .json file with a tools array.");
            return Optional.empty();
        }
    }
}
