// SPDX-License-Identifier: Apache-2.0
package dev.costbench.ui.common;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads a text file the user opened (a prompt, a tools JSON) with errors a user can act on. */
public final class TextFiles {

    /** Larger files are refused: a prompt this size would not fit any model's context. */
    static final long MAX_BYTES = 64L * 1024 * 1024;

    private TextFiles() {}

    public static String read(Path p) throws IOException {
        if (!Files.isRegularFile(p)) {
            throw new IOException(p.getFileName() + " is not a file.");
        }
        long size = Files.size(p);
        if (size > MAX_BYTES) {
            throw new IOException(String.format(
                    "%s is %,d MB; prompts over %d MB are not loaded (no model's " + "context holds that much text).",
                    p.getFileName(), size >> 20, MAX_BYTES >> 20));
        }
        try {
            return Files.readString(p, StandardCharsets.UTF_8);
        } catch (CharacterCodingException e) {
            throw new IOException(
                    p.getFileName() + " is not UTF-8 text. Save it as UTF-8 (or paste the text) " + "and try again.");
        }
    }
}
