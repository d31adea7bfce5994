// SPDX-License-Identifier: Apache-2.0
package dev.costbench.providers;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Replacing a settings file with a finished temporary copy, so that a reader never sees half a file. */
public final class AtomicFiles {

    private AtomicFiles() {}

    /** Moves {@code tmp} over {@code target}: atomically where the file system can, else as a plain replace. */
    public static void moveIntoPlace(Path tmp, Path target) throws IOException {
        try {
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
