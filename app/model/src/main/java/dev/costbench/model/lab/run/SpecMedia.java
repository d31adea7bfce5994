// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.lab.run;

import static dev.costbench.model.lab.run.SpecFields.known;
import static dev.costbench.model.lab.run.SpecFields.text;

import com.fasterxml.jackson.databind.JsonNode;
import dev.costbench.model.lab.MediaBlob;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/** Where a variant's media come from: files next to the experiment, inline bytes, or the store by hash. */
record SpecMedia(Path baseDir, String resourceDir, Function<String, Optional<MediaBlob>> stored) {

    static final Set<String> MEDIA =
            Set.of("file", "name", "mimeType", "sha256", "bytes", "width", "height", "seconds", "base64");

    ExperimentSpec.MediaSpec load(JsonNode n, String at) {
        if (n.isTextual() || (n.isObject() && n.has("file"))) {
            if (n.isObject()) {
                known(n, Set.of("file"), at + ".");
            }
            String f = n.isTextual() ? n.asText() : text(n, "file", at + ".file", true);
            return file(f, at);
        }
        if (!n.isObject()) {
            throw new SpecException(at + ": a file name relative to the experiment, or {\"file\": ...}");
        }
        known(n, MEDIA, at + ".");
        String name = text(n, "name", at + ".name", true);
        String sha = text(n, "sha256", at + ".sha256", true).toLowerCase(Locale.ROOT);
        String b64 = text(n, "base64", at + ".base64", false);
        byte[] data = null;
        if (b64 != null) {
            try {
                data = Base64.getDecoder().decode(b64);
            } catch (IllegalArgumentException e) {
                throw new SpecException(at + ".base64: not valid base64 (" + e.getMessage() + ")");
            }
            if (!MediaBlob.sha256(data).equals(sha)) {
                throw new SpecException(at + ": the bytes of \"" + name + "\" do not match its sha256");
            }
        } else if (stored != null) {
            data = stored.apply(sha).map(MediaBlob::data).orElse(null);
        }
        if (data != null) {
            return ExperimentSpec.MediaSpec.of(name, data);
        }
        return new ExperimentSpec.MediaSpec(
                name,
                text(n, "mimeType", at + ".mimeType", true),
                sha,
                n.path("bytes").asLong(),
                n.path("width").asInt(),
                n.path("height").asInt(),
                n.path("seconds").asDouble(),
                null);
    }

    private ExperimentSpec.MediaSpec file(String f, String at) {
        if (resourceDir != null && baseDir == null) {
            try (InputStream in = SpecJson.class.getResourceAsStream(resourceDir + f)) {
                if (in == null) {
                    throw new SpecException(at + ": no such media file: " + resourceDir + f);
                }
                return ExperimentSpec.MediaSpec.of(Path.of(f).getFileName().toString(), in.readAllBytes());
            } catch (IOException e) {
                throw new SpecException(at + ": cannot read " + resourceDir + f + ": " + e.getMessage());
            }
        }
        if (baseDir == null) {
            throw new SpecException(at + ": media files are not available for this experiment (open it from "
                    + "a file, or attach the media in the workbench)");
        }
        Path p = baseDir.resolve(f);
        if (!Files.isRegularFile(p)) {
            throw new SpecException(
                    at + ": no such media file: " + p + " (paths are relative to the " + "experiment file)");
        }
        try {
            return ExperimentSpec.MediaSpec.of(p.getFileName().toString(), Files.readAllBytes(p));
        } catch (IOException e) {
            throw new SpecException(at + ": cannot read " + p + ": " + e.getMessage());
        } catch (SpecException e) {
            throw new SpecException(at + ": " + e.getMessage(), e);
        }
    }
}
