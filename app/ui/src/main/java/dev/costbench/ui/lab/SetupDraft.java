// SPDX-License-Identifier: Apache-2.0
package dev.costbench.ui.lab;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.costbench.model.catalog.ServiceTier;
import dev.costbench.model.lab.run.ExperimentSpec;
import dev.costbench.model.lab.stats.QualitySettings;
import dev.costbench.model.validation.JsonReading;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Everything on the A/B setup page, as typed (a half-typed number stays as it is): kept in the data directory as
 * {@code lab-setup-draft.json} so that the next start brings the setup back. Media are kept inline (base64), the
 * quality settings (checks, thresholds, judge) in the experiment settings' own JSON shape.
 */
record SetupDraft(
        String name,
        String baseSystem,
        String baseUser,
        String optSystem,
        String optUser,
        List<ExperimentSpec.MediaSpec> baseMedia,
        List<ExperimentSpec.MediaSpec> optMedia,
        String inputs,
        List<String> models,
        int repetitions,
        String maxTokens,
        String temperature,
        String budget,
        boolean responseCache,
        ServiceTier serviceTier,
        QualitySettings quality,
        List<String> effortSweep,
        String tools) {

    /** The file's format version. */
    static final int FORMAT = 1;

    private static final ObjectMapper JSON = JsonReading.mapper();

    SetupDraft {
        baseMedia = List.copyOf(baseMedia);
        optMedia = List.copyOf(optMedia);
        models = List.copyOf(models);
        effortSweep = effortSweep == null ? List.of() : List.copyOf(effortSweep);
        tools = tools == null ? "" : tools;
    }

    String toJson() {
        ObjectNode o = JSON.createObjectNode();
        o.put("format", FORMAT);
        o.put("name", name);
        o.put("baseSystem", baseSystem);
        o.put("baseUser", baseUser);
        o.put("optSystem", optSystem);
        o.put("optUser", optUser);
        media(o.putArray("baseMedia"), baseMedia);
        media(o.putArray("optMedia"), optMedia);
        o.put("inputs", inputs);
        ArrayNode ms = o.putArray("models");
        models.forEach(ms::add);
        o.put("repetitions", repetitions);
        o.put("maxTokens", maxTokens);
        o.put("temperature", temperature);
        o.put("budget", budget);
        o.put("responseCache", responseCache);
        o.put("serviceTier", serviceTier == null ? ServiceTier.STANDARD.id() : serviceTier.id());
        if (quality != null) {
            ObjectNode q = o.putObject("quality");
            quality.fill(q);
        }
        ArrayNode sweep = o.putArray("effortSweep");
        effortSweep.forEach(sweep::add);
        o.put("tools", tools);
        return o.toString();
    }

    private static void media(ArrayNode a, List<ExperimentSpec.MediaSpec> ms) {
        for (ExperimentSpec.MediaSpec m : ms) {
            a.addObject()
                    .put("name", m.name())
                    .put("base64", Base64.getEncoder().encodeToString(m.data()));
        }
    }

    /**
     * Reads a draft.
     *
     * @throws IOException when the file cannot be read or is not a draft of this format (saying what is wrong)
     */
    static SetupDraft read(Path file) throws IOException {
        JsonNode o;
        try {
            o = JSON.readTree(Files.readString(file, StandardCharsets.UTF_8));
        } catch (JsonProcessingException e) {
            throw new IOException(file.getFileName() + " is not valid JSON (" + e.getOriginalMessage() + ")", e);
        }
        if (o == null || !o.isObject() || o.path("format").asInt() != FORMAT) {
            throw new IOException(file.getFileName() + " is not an A/B setup draft of format " + FORMAT);
        }
        try {
            List<String> models = new ArrayList<>();
            o.path("models").forEach(m -> models.add(m.asText()));
            List<String> sweep = new ArrayList<>();
            o.path("effortSweep").forEach(m -> sweep.add(m.asText()));
            JsonNode q = o.get("quality");
            return new SetupDraft(
                    o.path("name").asText(""),
                    o.path("baseSystem").asText(""),
                    o.path("baseUser").asText(""),
                    o.path("optSystem").asText(""),
                    o.path("optUser").asText(""),
                    media(o.path("baseMedia")),
                    media(o.path("optMedia")),
                    o.path("inputs").asText(""),
                    models,
                    Math.max(1, o.path("repetitions").asInt(1)),
                    o.path("maxTokens").asText(""),
                    o.path("temperature").asText(""),
                    o.path("budget").asText(""),
                    o.path("responseCache").asBoolean(false),
                    ServiceTier.parse(o.path("serviceTier").asText("standard")),
                    q == null || !q.isObject() ? null : QualitySettings.read(q.toString()),
                    sweep,
                    o.path("tools").asText(""));
        } catch (IllegalArgumentException e) {
            throw new IOException(file.getFileName() + " has a value that cannot be read: " + e.getMessage(), e);
        }
    }

    private static List<ExperimentSpec.MediaSpec> media(JsonNode a) {
        List<ExperimentSpec.MediaSpec> out = new ArrayList<>();
        for (JsonNode m : a) {
            out.add(ExperimentSpec.MediaSpec.of(
                    m.path("name").asText("media"),
                    Base64.getDecoder().decode(m.path("base64").asText(""))));
        }
        return out;
    }

    /** Writes the draft whole or not at all (a temporary file moved over the old one). */
    static void write(Path file, SetupDraft d) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(tmp, d.toJson(), StandardCharsets.UTF_8);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
