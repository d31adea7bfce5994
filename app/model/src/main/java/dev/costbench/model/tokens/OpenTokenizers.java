// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.tokens;

import dev.costbench.model.app.AppDirs;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.GZIPInputStream;

/**
 * The open models' tokenizers CostBench knows by name ({@code qwen3}, {@code deepseek-v3}, {@code llama3},
 * {@code gemma3}) and where their {@code tokenizer.json} comes from: shipped in this jar (gzip-compressed) when its
 * licence allows redistribution, otherwise the copy the user loaded into {@code <data dir>/tokenizers/NAME.json}.
 * Tokenizers load once, on first use. Thread-safe.
 */
public final class OpenTokenizers {

    /**
     * A named open tokenizer: its display name, whether the jar ships it, and its chat template's fixed tokens (per
     * message, and once to prime the reply) as the model card's template renders them.
     */
    public record Info(
            String name, String displayName, boolean shipped, int perMessage, int replyPriming, String template) {}

    public static final List<Info> KNOWN = List.of(
            new Info("qwen3", "Qwen3 tokenizer", true, 5, 3, "ChatML: <|im_start|>role\\n … <|im_end|>\\n"),
            new Info(
                    "deepseek-v3",
                    "DeepSeek-V3 tokenizer",
                    true,
                    1,
                    2,
                    "<｜User｜> … once <｜begin▁of▁sentence｜>, <｜Assistant｜>"),
            new Info(
                    "llama3",
                    "Llama 3 tokenizer",
                    false,
                    5,
                    5,
                    "<|start_header_id|>role<|end_header_id|>\\n\\n … <|eot_id|>"),
            new Info("gemma3", "Gemma 3 tokenizer", false, 5, 4, "<start_of_turn>role\\n … <end_of_turn>\\n"));

    private static final Map<String, HfTokenizer> LOADED = new ConcurrentHashMap<>();

    private OpenTokenizers() {}

    /** The known tokenizer called {@code name} (case-insensitive), if any. */
    public static Optional<Info> info(String name) {
        String k = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
        return KNOWN.stream().filter(i -> i.name().equals(k)).findFirst();
    }

    /** Where a loaded {@code tokenizer.json} for {@code name} lives: {@code <data dir>/tokenizers/NAME.json}. */
    public static Path userFile(String name) {
        return AppDirs.dataDir().resolve("tokenizers").resolve(name + ".json");
    }

    /** Whether {@code name}'s tokenizer can be loaded (shipped, or loaded by the user). */
    public static boolean available(String name) {
        Optional<Info> i = info(name);
        return i.isPresent()
                && (i.get().shipped() || Files.isRegularFile(userFile(i.get().name())));
    }

    /**
     * The tokenizer called {@code name}, or empty when it is neither shipped nor loaded.
     *
     * @throws UncheckedIOException when a loaded file cannot be read (its message says which and why)
     */
    public static Optional<HfTokenizer> find(String name) {
        Optional<Info> i = info(name);
        if (i.isEmpty() || !available(name)) {
            return Optional.empty();
        }
        String k = i.get().name();
        return Optional.of(LOADED.computeIfAbsent(k, n -> {
            try {
                return i.get().shipped() ? readShipped(n) : read(userFile(n));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }));
    }

    /** Reads a {@code tokenizer.json} (or a gzip-compressed one) from disk. */
    public static HfTokenizer read(Path file) throws IOException {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            in.mark(2);
            boolean gz = in.read() == 0x1f && in.read() == 0x8b;
            in.reset();
            return HfTokenizer.read(gz ? new GZIPInputStream(in, 1 << 16) : in);
        } catch (IOException e) {
            throw new IOException(file.getFileName() + ": " + e.getMessage(), e);
        }
    }

    /**
     * Checks {@code file} is a tokenizer.json CostBench can read, then copies it to {@link #userFile} for
     * {@code name}, replacing an earlier copy; the next {@link #find} uses it.
     */
    public static HfTokenizer install(String name, Path file) throws IOException {
        Info i = info(name).orElseThrow(() -> new IOException("unknown tokenizer name '" + name + "'"));
        HfTokenizer t = read(file);
        Path target = userFile(i.name());
        Files.createDirectories(target.getParent());
        Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
        LOADED.put(i.name(), t);
        return t;
    }

    /** Deletes the loaded copy of {@code name}'s tokenizer.json (a shipped tokenizer stays); true if one was there. */
    public static boolean remove(String name) throws IOException {
        Info i = info(name).orElseThrow(() -> new IOException("unknown tokenizer name '" + name + "'"));
        if (i.shipped()) {
            return false;
        }
        LOADED.remove(i.name());
        return Files.deleteIfExists(userFile(i.name()));
    }

    private static HfTokenizer readShipped(String name) throws IOException {
        String res = "hf/" + name + ".json.gz";
        try (InputStream raw = OpenTokenizers.class.getResourceAsStream(res)) {
            if (raw == null) {
                throw new IOException(res + " is missing from the class path");
            }
            return HfTokenizer.read(new GZIPInputStream(raw, 1 << 16));
        }
    }
}
