// SPDX-License-Identifier: Apache-2.0
package dev.costbench.cli.command;

import dev.costbench.cli.term.UsageException;
import dev.costbench.model.tokens.HfTokenizer;
import dev.costbench.model.tokens.OpenTokenizers;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * {@code costbench tokens --encoding qwen3|deepseek-v3|llama3|gemma3|PATH/tokenizer.json}: an open model's own
 * tokenizer (a Hugging Face {@code tokenizer.json}), shipped, loaded into the data directory, or given by path.
 */
final class OpenEncodingCount {

    private OpenEncodingCount() {}

    /** Whether {@code encoding} names an open tokenizer or a tokenizer.json file rather than an OpenAI encoding. */
    static boolean isOpen(String encoding) {
        String e = encoding.trim().toLowerCase(Locale.ROOT);
        return OpenTokenizers.info(e).isPresent() || e.endsWith(".json") || e.endsWith(".json.gz");
    }

    /** The tokenizer {@code encoding} names, or a usage error that says how to get it. */
    static HfTokenizer tokenizer(String encoding) throws IOException {
        Optional<OpenTokenizers.Info> info = OpenTokenizers.info(encoding);
        if (info.isPresent()) {
            OpenTokenizers.Info i = info.get();
            try {
                return OpenTokenizers.find(i.name())
                        .orElseThrow(() -> new UsageException("the " + i.displayName()
                                + " is not shipped with CostBench (its licence does not allow it): download the model's"
                                + " tokenizer.json from its Hugging Face page, then give it with --encoding"
                                + " PATH/tokenizer.json, or load it once with the desktop app's Load tokenizer.json…"
                                + " (or copy it to " + OpenTokenizers.userFile(i.name()) + ") so that --encoding "
                                + i.name() + " and the model rows use it"));
            } catch (UncheckedIOException e) {
                throw new UsageException("the " + i.displayName() + " at " + OpenTokenizers.userFile(i.name())
                        + " cannot be read: " + e.getCause().getMessage() + "; load the file again");
            }
        }
        Path file = Path.of(encoding);
        if (!Files.isRegularFile(file)) {
            throw new UsageException("no such tokenizer file: " + encoding + " (give a tokenizer.json, or one of "
                    + OpenTokenizers.KNOWN.stream()
                            .map(OpenTokenizers.Info::name)
                            .collect(Collectors.joining(", "))
                    + ")");
        }
        try {
            return OpenTokenizers.read(file);
        } catch (IOException e) {
            throw new UsageException(e.getMessage());
        }
    }

    /** The count of everything {@code r} reads (held in memory whole: the merges may cross any line). */
    static long count(HfTokenizer t, Reader r) throws IOException {
        StringBuilder b = new StringBuilder();
        char[] buf = new char[1 << 16];
        int n;
        while ((n = r.read(buf)) >= 0) {
            b.append(buf, 0, n);
        }
        return t.count(b.toString());
    }
}
