// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.lab.promptfoo;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** The files a configuration names with {@code file://}, relative to its folder. */
final class PromptfooFiles {

    /** Files larger than this are not read (a prompt, a test table or a variable's text). */
    static final long MAX_BYTES = 20L * 1024 * 1024;

    private final Path baseDir;

    PromptfooFiles(Path baseDir) {
        this.baseDir = baseDir;
    }

    /** The text of {@code name} (relative to the configuration's folder unless absolute). */
    String read(String name) throws IOException {
        if (baseDir == null) {
            throw new IOException("files are not read for a configuration given as text");
        }
        Path p = baseDir.resolve(name).normalize();
        if (!Files.isRegularFile(p)) {
            throw new IOException("no such file: " + p);
        }
        if (Files.size(p) > MAX_BYTES) {
            throw new IOException(p + " is larger than 20 MB");
        }
        return Files.readString(p, StandardCharsets.UTF_8);
    }
}
