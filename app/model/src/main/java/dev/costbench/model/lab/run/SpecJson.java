// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.lab.run;

import static dev.costbench.model.lab.run.SpecFields.array;
import static dev.costbench.model.lab.run.SpecFields.bool;
import static dev.costbench.model.lab.run.SpecFields.has;
import static dev.costbench.model.lab.run.SpecFields.integer;
import static dev.costbench.model.lab.run.SpecFields.known;
import static dev.costbench.model.lab.run.SpecFields.money;
import static dev.costbench.model.lab.run.SpecFields.number;
import static dev.costbench.model.lab.run.SpecFields.text;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.costbench.model.catalog.ServiceTier;
import dev.costbench.model.lab.MediaBlob;
import dev.costbench.model.lab.SecretGuard;
import dev.costbench.model.lab.stats.QualitySettings;
import dev.costbench.model.prompt.Role;
import dev.costbench.model.provider.ChatRequest;
import dev.costbench.model.provider.ProviderId;
import dev.costbench.model.provider.ToolSpec;
import dev.costbench.model.validation.JsonReading;
import dev.costbench.model.validation.NumberKind;
import dev.costbench.model.validation.NumberRefusedException;
import dev.costbench.model.validation.NumberRules;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The experiment file format (JSON, UTF-8). Example and every field:
 *
 * <pre>{@code
 * {
 *   "name": "support tickets: verbose vs optimized",        // required
 *   "description": "seed 000 §4.2",                          // optional
 *   "models": ["gpt-4o-mini",                                // catalog ids; the catalog says who serves them
 *              {"id": "llama3.1:8b", "provider": "compatible", "apiModel": "llama3.1:8b"}],
 *   "repetitions": 3,                                        // default 1
 *   "budgetUsd": "0.50",                                     // number or decimal string; optional (no cap)
 *   "responseCache": false,                                  // reuse identical earlier answers (repetition 1 only)
 *   "stream": true,                                          // default true (measures time to first token)
 *   "openAiApi": "responses",                                // or "chat" (Chat Completions)
 *   "parameters": {"temperature": 0, "maxOutputTokens": 300, // defaults for every variant
 *                  "reasoningBudget": null, "reasoningEffort": null, "expectedOutputTokens": 120},
 *   "variants": [
 *     {"name": "verbose", "baseline": true,                  // the first variant when none is marked
 *      "system": "You are an expert ...",
 *      "messages": [{"role": "user", "content": "Ticket:\n{{ticket}}"}],   // or "user": "Ticket:\n{{ticket}}"
 *      "parameters": {"maxOutputTokens": 400},
 *      "media": ["receipt-2048.png"]},                       // images / WAV audio, relative to this file
 *     {"name": "optimized", "system": "Analyze this ticket. Return JSON ...", "user": "{{ticket}}",
 *      "media": [{"file": "receipt-512.png"}]}
 *   ],
 *   "inputs": [{"label": "T-1", "variables": {"ticket": "..."},      // inline, and/or
 *               "turns": ["And the refund?", "Thanks, close it."]}],    // a conversation script (format 2)
 *   "inputsFile": "tickets.csv",                             // CSV or JSONL, relative to this file
 *   "checks": [{"type": "contains", "value": "order"}, {"type": "max_chars", "limit": 600}],  // pass/fail checks
 *   "verdict": {"minSavingPercent": 30, "maxQualityDropPercent": 5, "qualityMeasure": "rouge_l"},
 *   "judge": {"model": "gpt-4o-mini", "rubric": "5 = correct and complete ...", "scale": 5}   // LLM-as-judge
 * }
 * }</pre>
 *
 * Format 2 (written as {@code "format": 2}; files without it are format 1 and still open) adds conversation
 * scripts ({@code turns} of an input), function {@code tools} (top level for every variant, or a variant's own:
 * {@code [{"name", "description", "parameters": {JSON Schema}}]}, or any provider's tool shape), reasoning
 * {@code effort} in {@code parameters} (none, low, medium, high) and a variant's {@code effortSweep}
 * ({@code ["low", "medium", "high"]}: one arm per level, named "variant · effort level"). See {@link SpecJsonV2}.
 *
 * <p>A variant's {@code media} are attached to its last user message, in order: JPEG, PNG, WebP or GIF images, or WAV
 * audio for models that take audio. Each entry is a path relative to the experiment file, {@code {"file": path}},
 * or (as {@link #write} and the store's snapshots write them) {@code {"name", "mimeType", "sha256", "bytes",
 * "width", "height", "seconds", "base64"}}: with {@code base64} the bytes are inline, without it they are looked up
 * by hash in the lab store.
 *
 * <p>Unknown properties are errors (a typo must not silently change an experiment). Every error names the file and
 * the place. API keys are never part of an experiment: a property named like a credential or a value shaped like a
 * key is refused ({@link SecretGuard}).
 */
public final class SpecJson {

    private static final ObjectMapper JSON = JsonReading.mapper();
    private static final Set<String> TOP = Set.of(
            "name",
            "description",
            "models",
            "repetitions",
            "budgetUsd",
            "responseCache",
            "stream",
            "openAiApi",
            "parameters",
            "variants",
            "inputs",
            "inputsFile",
            "$schema",
            "comment",
            "checks",
            "verdict",
            "judge",
            "format",
            "tools");
    private static final Set<String> VARIANT = Set.of(
            "name", "baseline", "system", "messages", "user", "parameters", "media", "comment", "tools", "effortSweep");
    private static final Set<String> PARAMS = Set.of(
            "temperature",
            "maxOutputTokens",
            "reasoningBudget",
            "reasoningEffort",
            "expectedOutputTokens",
            "serviceTier",
            "effort");

    private SpecJson() {}

    /** Reads an experiment file; {@code inputsFile} is resolved against its directory. */
    public static ExperimentSpec read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new NoSuchFileException(file.toString());
        }
        String text = Files.readString(file, StandardCharsets.UTF_8);
        Path dir = file.toAbsolutePath().getParent();
        return parse(text, file.getFileName().toString(), dir);
    }

    /** Reads an experiment from a stream (e.g. a resource); {@code inputsFile} resolves against {@code baseDir}. */
    public static ExperimentSpec read(InputStream in, String where, Path baseDir) throws IOException {
        return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), where, baseDir);
    }

    /**
     * Reads an experiment shipped on the class path in {@code /experiments/} (the repository's
     * {@code resources/experiments}); its media files are resources next to it.
     *
     * @return empty when there is no such resource
     */
    public static Optional<ExperimentSpec> readBuiltIn(String fileName) throws IOException {
        try (InputStream in = SpecJson.class.getResourceAsStream("/experiments/" + fileName)) {
            if (in == null) {
                return Optional.empty();
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return Optional.of(parse(text, fileName, new SpecMedia(null, "/experiments/", null)));
        }
    }

    /**
     * Parses experiment JSON.
     *
     * @param where   names the source in messages (a file name)
     * @param baseDir the directory {@code inputsFile} is relative to, or null when files are not allowed
     */
    public static ExperimentSpec parse(String text, String where, Path baseDir) throws IOException {
        return parse(text, where, baseDir, null);
    }

    /**
     * Parses experiment JSON whose media may be references by hash.
     *
     * @param stored finds media bytes by SHA-256 (the lab store's {@code getMedia}), or null
     */
    public static ExperimentSpec parse(
            String text, String where, Path baseDir, Function<String, Optional<MediaBlob>> stored) throws IOException {
        return parse(text, where, new SpecMedia(baseDir, null, stored));
    }

    private static ExperimentSpec parse(String text, String where, SpecMedia media) throws IOException {
        String secret = SecretGuard.findSecret(text);
        if (secret != null) {
            throw new SpecException(where + ": an experiment must not contain API keys (found " + secret + "); "
                    + "keys come from the environment or the credential store");
        }
        JsonNode root;
        try {
            root = JsonReading.readTree(JSON, text);
        } catch (JsonProcessingException e) {
            String limit = JsonReading.limitBroken(e);
            throw new SpecException(where + ": "
                    + (limit != null
                            ? limit
                            : "not valid JSON (" + e.getOriginalMessage()
                                    + (e.getLocation() == null
                                            ? ""
                                            : " at line " + e.getLocation().getLineNr()) + ")"));
        }
        if (root == null || !root.isObject()) {
            throw new SpecException(where + ": expected a JSON object");
        }
        try {
            SpecNumbers.require((ObjectNode) root);
        } catch (NumberRefusedException e) {
            throw new SpecException(where + ": " + e.getMessage(), e);
        }
        try {
            return fromJson(root, media);
        } catch (SpecException | NumberRefusedException e) {
            throw new SpecException(where + ": " + e.getMessage(), e);
        }
    }

    private static ExperimentSpec fromJson(JsonNode root, SpecMedia media) throws IOException {
        Path baseDir = media.baseDir();
        known(root, TOP, "");
        SpecJsonV2.checkFormat(root);
        String name = text(root, "name", "name", true);
        String description = text(root, "description", "description", false);
        List<ExperimentSpec.ModelSpec> models = new ArrayList<>();
        JsonNode ms = array(root, "models");
        for (int i = 0; i < ms.size(); i++) {
            models.add(model(ms.get(i), "models[" + i + "]"));
        }
        int reps = root.has("repetitions")
                ? (int) NumberRules.whole("repetitions", root.get("repetitions"), NumberKind.REPETITIONS)
                : 1;
        BigDecimal budget = root.has("budgetUsd") && !root.get("budgetUsd").isNull()
                ? money(root.get("budgetUsd"), "budgetUsd")
                : null;
        boolean cache = bool(root, "responseCache", false);
        boolean stream = bool(root, "stream", true);
        ChatRequest.OpenAiApi api = ChatRequest.OpenAiApi.RESPONSES;
        if (root.has("openAiApi")) {
            String a = text(root, "openAiApi", "openAiApi", true).toLowerCase(Locale.ROOT);
            switch (a) {
                case "responses":
                    break;
                case "chat":
                case "chat-completions":
                case "chat_completions":
                    api = ChatRequest.OpenAiApi.CHAT_COMPLETIONS;
                    break;
                default:
                    throw new SpecException("openAiApi: \"responses\" or \"chat\", got \"" + a + "\"");
            }
        }
        ExperimentSpec.Params params = params(root.get("parameters"), "parameters");
        List<ExperimentSpec.VariantSpec> variants = new ArrayList<>();
        JsonNode vs = array(root, "variants");
        List<ToolSpec> common = SpecJsonV2.tools(root.get("tools"), "tools");
        for (int i = 0; i < vs.size(); i++) {
            String at = "variants[" + i + "]";
            ExperimentSpec.VariantSpec v = variant(vs.get(i), at, media);
            if (v.tools().isEmpty() && !common.isEmpty()) {
                v = v.withTools(common);
            }
            variants.addAll(SpecJsonV2.sweep(v, vs.get(i).get("effortSweep"), at + ".effortSweep"));
        }
        List<ExperimentSpec.InputSpec> inputs = new ArrayList<>();
        if (root.has("inputs") && !root.get("inputs").isNull()) {
            JsonNode is = root.get("inputs");
            if (!is.isArray()) {
                throw new SpecException("inputs: expected an array of {label, variables}");
            }
            for (int i = 0; i < is.size(); i++) {
                inputs.add(input(is.get(i), "inputs[" + i + "]"));
            }
        }
        String file = text(root, "inputsFile", "inputsFile", false);
        if (file != null) {
            if (baseDir == null) {
                throw new SpecException("inputsFile: not available for this experiment (give the inputs inline)");
            }
            Path p = baseDir.resolve(file);
            if (!Files.isRegularFile(p)) {
                throw new SpecException("inputsFile: no such file: " + p);
            }
            inputs.addAll(TestInputs.load(p));
        }
        QualitySettings quality;
        try {
            ObjectNode q = JSON.createObjectNode();
            for (String f : new String[] {"checks", "verdict", "judge"}) {
                if (root.has(f)) {
                    q.set(f, root.get(f));
                }
            }
            quality = QualitySettings.read(q.toString());
        } catch (IllegalArgumentException e) {
            throw new SpecException(
                    e.getMessage().startsWith("judge") ? e.getMessage() : "checks/verdict: " + e.getMessage(), e);
        }
        return new ExperimentSpec(
                name, description, variants, inputs, models, reps, budget, cache, params, stream, api, quality);
    }

    private static ExperimentSpec.ModelSpec model(JsonNode n, String at) {
        if (n.isTextual()) {
            return ExperimentSpec.ModelSpec.of(n.asText());
        }
        if (!n.isObject()) {
            throw new SpecException(at + ": a catalog id, or {\"id\", \"provider\", \"apiModel\"}");
        }
        known(n, Set.of("id", "provider", "apiModel"), at + ".");
        String id = text(n, "id", at + ".id", true);
        String p = text(n, "provider", at + ".provider", false);
        ProviderId provider;
        try {
            provider = p == null ? null : ProviderId.parse(p);
        } catch (IllegalArgumentException e) {
            throw new SpecException(at + ".provider: " + e.getMessage());
        }
        return new ExperimentSpec.ModelSpec(id, provider, text(n, "apiModel", at + ".apiModel", false));
    }

    private static ExperimentSpec.VariantSpec variant(JsonNode n, String at, SpecMedia source) {
        if (!n.isObject()) {
            throw new SpecException(at + ": expected an object {name, system, messages, parameters}");
        }
        known(n, VARIANT, at + ".");
        String name = text(n, "name", at + ".name", true);
        List<ExperimentSpec.MessageSpec> messages = new ArrayList<>();
        if (n.has("user") && n.has("messages")) {
            throw new SpecException(at + ": give \"user\" or \"messages\", not both");
        }
        if (n.has("user")) {
            messages.add(new ExperimentSpec.MessageSpec(Role.USER, text(n, "user", at + ".user", true)));
        } else {
            JsonNode ms = n.get("messages");
            if (ms == null || !ms.isArray() || ms.isEmpty()) {
                throw new SpecException(at + ": needs \"user\" (the user message) or a non-empty \"messages\" array");
            }
            for (int i = 0; i < ms.size(); i++) {
                String m = at + ".messages[" + i + "]";
                JsonNode x = ms.get(i);
                if (!x.isObject()) {
                    throw new SpecException(m + ": expected {\"role\": \"user\"|\"assistant\", \"content\": ...}");
                }
                known(x, Set.of("role", "content"), m + ".");
                String role = text(x, "role", m + ".role", true).toLowerCase(Locale.ROOT);
                Role r;
                if (role.equals("user")) {
                    r = Role.USER;
                } else if (role.equals("assistant")) {
                    r = Role.ASSISTANT;
                } else {
                    throw new SpecException(m + ".role: \"user\" or \"assistant\", got \"" + role + "\""
                            + (role.equals("system") ? " (system text goes in the variant's \"system\")" : ""));
                }
                messages.add(new ExperimentSpec.MessageSpec(r, text(x, "content", m + ".content", true)));
            }
        }
        List<ExperimentSpec.MediaSpec> media = new ArrayList<>();
        JsonNode md = n.get("media");
        if (md != null && !md.isNull()) {
            if (!md.isArray()) {
                throw new SpecException(at + ".media: expected an array of file names, e.g. [\"photo.jpg\"]");
            }
            for (int i = 0; i < md.size(); i++) {
                media.add(source.load(md.get(i), at + ".media[" + i + "]"));
            }
        }
        try {
            return new ExperimentSpec.VariantSpec(
                    name,
                    bool(n, "baseline", false),
                    text(n, "system", at + ".system", false),
                    messages,
                    params(n.get("parameters"), at + ".parameters"),
                    media,
                    SpecJsonV2.tools(n.get("tools"), at + ".tools"));
        } catch (SpecException e) {
            throw new SpecException(at + ": " + e.getMessage(), e);
        }
    }

    private static ExperimentSpec.InputSpec input(JsonNode n, String at) {
        if (!n.isObject()) {
            throw new SpecException(at + ": expected {\"label\": ..., \"variables\": {...}}");
        }
        known(n, Set.of("label", "variables", "turns"), at + ".");
        Map<String, String> vars = new LinkedHashMap<>();
        JsonNode v = n.get("variables");
        if (v != null && !v.isNull()) {
            if (!v.isObject()) {
                throw new SpecException(at + ".variables: expected an object of name → value");
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = v.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                vars.put(e.getKey(), scalar(e.getValue(), at + ".variables." + e.getKey()));
            }
        }
        return new ExperimentSpec.InputSpec(
                text(n, "label", at + ".label", false), vars, SpecJsonV2.turns(n.get("turns"), at + ".turns"));
    }

    private static ExperimentSpec.Params params(JsonNode n, String at) {
        if (n == null || n.isNull()) {
            return ExperimentSpec.Params.NONE;
        }
        if (!n.isObject()) {
            throw new SpecException(at + ": expected an object");
        }
        known(n, PARAMS, at + ".");
        try {
            return new ExperimentSpec.Params(
                    has(n, "temperature") ? number(n.get("temperature"), at + ".temperature") : null,
                    has(n, "maxOutputTokens") ? integer(n.get("maxOutputTokens"), at + ".maxOutputTokens") : null,
                    has(n, "reasoningBudget") ? integer(n.get("reasoningBudget"), at + ".reasoningBudget") : null,
                    text(n, "reasoningEffort", at + ".reasoningEffort", false),
                    has(n, "expectedOutputTokens")
                            ? (long) integer(n.get("expectedOutputTokens"), at + ".expectedOutputTokens")
                            : null,
                    tier(text(n, "serviceTier", at + ".serviceTier", false), at + ".serviceTier"),
                    SpecJsonV2.effort(text(n, "effort", at + ".effort", false), at + ".effort"));
        } catch (SpecException e) {
            throw e.getMessage().startsWith(at) ? e : new SpecException(at + "." + e.getMessage(), e);
        }
    }

    /** A service tier by its word (standard, flex, priority), or null. */
    static ServiceTier tier(String word, String at) {
        if (word == null) {
            return null;
        }
        try {
            return ServiceTier.parse(word);
        } catch (IllegalArgumentException e) {
            throw new SpecException(at + ": " + e.getMessage());
        }
    }

    // ---- writing --------------------------------------------------------------------------------------------------

    /** The spec as pretty-printed JSON, self-contained (the inputs inline); {@link #parse} reads it back equal. */
    public static String write(ExperimentSpec s) {
        return SpecJsonWriter.write(s);
    }

    /** The spec as a JSON tree (see {@link #write}). */
    public static ObjectNode toJson(ExperimentSpec s) {
        return SpecJsonWriter.toJson(s);
    }

    /**
     * A variant as {@code {name, baseline, system, messages: [{role, content}], parameters, media}}, its media as
     * references by hash (the store keeps the bytes).
     */
    public static ObjectNode variantJson(ExperimentSpec.VariantSpec v) {
        return SpecJsonWriter.variantJson(v, false);
    }

    /** Reads back {@link #variantJson}; media without bytes stay references ({@link ExperimentSpec.MediaSpec#data}). */
    public static ExperimentSpec.VariantSpec variantFromJson(String json) {
        return variantFromJson(json, null);
    }

    /**
     * Reads back {@link #variantJson}, taking the media's bytes from {@code stored} (the lab store's
     * {@code getMedia}; null: none).
     */
    public static ExperimentSpec.VariantSpec variantFromJson(
            String json, Function<String, Optional<MediaBlob>> stored) {
        try {
            return variant(JsonReading.readTree(JSON, json), "variant", new SpecMedia(null, null, stored));
        } catch (JsonProcessingException e) {
            throw new SpecException("a stored variant is not valid JSON: " + e.getOriginalMessage());
        }
    }

    static ObjectNode paramsJson(ExperimentSpec.Params p) {
        return SpecJsonWriter.paramsJson(p);
    }

    static ExperimentSpec.Params paramsFromJson(JsonNode n, String at) {
        return params(n, at);
    }

    static ExperimentSpec.ModelSpec modelFromJson(JsonNode n, String at) {
        return model(n, at);
    }
    /** A variable's value: strings as they are, numbers and booleans as written, null as "". */
    static String scalar(JsonNode v, String at) {
        return SpecFields.scalar(v, at);
    }
}
