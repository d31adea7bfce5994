// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.lab.run;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.costbench.model.cost.CanonicalUsage;
import dev.costbench.model.lab.Experiment;
import dev.costbench.model.lab.ExperimentSettings;
import dev.costbench.model.lab.ExperimentSnapshot;
import dev.costbench.model.lab.ExperimentStatus;
import dev.costbench.model.lab.LabStore;
import dev.costbench.model.lab.NewExperiment;
import dev.costbench.model.lab.NewTrial;
import dev.costbench.model.lab.NewVariant;
import dev.costbench.model.lab.SecretGuard;
import dev.costbench.model.lab.TrialCell;
import dev.costbench.model.validation.JsonReading;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Reads an experiment exported by {@link ExperimentExport#json} (format 1) back into a store. Everything is checked
 * before anything is written, and the store writes the whole experiment in one transaction
 * ({@link LabStore#importExperiment}): a malformed file imports nothing. A file that holds something shaped like an
 * API key is refused ({@link SecretGuard}). The imported experiment is marked in its settings as
 * {@code "imported": {"from", "originalId", "at"}} and keeps its creation time, status and trials; no ledger entry
 * is written (the money was not spent here).
 */
public final class ExperimentImport {

    /** The export format this version reads. */
    public static final int FORMAT = 1;
    /** The settings key that marks an imported experiment. */
    public static final String IMPORTED_KEY = "imported";

    private static final ObjectMapper JSON = JsonReading.mapper();

    private ExperimentImport() {}

    /** Why a file cannot be imported; the message says what is wrong and where. */
    public static final class ImportException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public ImportException(String message) {
            super(message);
        }
    }

    /** Parses, checks and stores the export in {@code json}; returns the new experiment. */
    public static Experiment importInto(LabStore store, String json, String sourceName) {
        ExperimentSnapshot s = parse(json, sourceName, h -> store.getMedia(h).isPresent());
        try {
            return store.importExperiment(s);
        } catch (IllegalArgumentException e) {
            throw new ImportException("Nothing was imported: " + e.getMessage());
        }
    }

    /** True when the experiment was imported from a file. */
    public static boolean isImported(Experiment e) {
        return e.settings() != null
                && e.settings().extraJson().contains("\"" + IMPORTED_KEY + "\"")
                && readTree(e.settings().extraJson()).has(IMPORTED_KEY);
    }

    /**
     * Reads the export. Media the store does not hold ({@code mediaKnown} false) is left out of the variants: the
     * export names media by hash but does not carry the files.
     */
    public static ExperimentSnapshot parse(String json, String sourceName, Predicate<String> mediaKnown) {
        String secret = SecretGuard.findSecret(json);
        if (secret != null) {
            throw new ImportException("Not imported: the file contains " + secret + ". CostBench never stores API "
                    + "keys; remove it from the file (keys belong in the Providers tab).");
        }
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new ImportException("Not imported: the file is not valid JSON (" + e.getOriginalMessage()
                    + " at line " + e.getLocation().getLineNr() + "). Export the experiment again from CostBench.");
        }
        if (root == null || !root.isObject()) {
            throw new ImportException("Not imported: the file is not a CostBench experiment export (expected a JSON "
                    + "object with \"format\" and \"experiment\").");
        }
        JsonNode format = root.get("format");
        if (format == null || !format.isInt()) {
            throw new ImportException("Not imported: the file has no \"format\" number, so it is not a CostBench "
                    + "experiment export (`costbench ab export ID --json` writes one).");
        }
        if (format.asInt() != FORMAT) {
            throw new ImportException("Not imported: the file is in export format " + format.asInt()
                    + ", and this CostBench reads format " + FORMAT + ". Update CostBench to import it.");
        }
        try {
            return snapshot(root, sourceName, mediaKnown);
        } catch (IllegalArgumentException | DateTimeParseException | ArithmeticException e) {
            throw new ImportException("Not imported: " + e.getMessage());
        }
    }

    private static ExperimentSnapshot snapshot(JsonNode root, String sourceName, Predicate<String> mediaKnown) {
        JsonNode x = object(root, "experiment", "the file");
        JsonNode so = object(x, "settings", "experiment");
        ObjectNode extra = so.get("extra") instanceof ObjectNode o ? o.deepCopy() : JSON.createObjectNode();
        ObjectNode mark = extra.putObject(IMPORTED_KEY);
        mark.put("from", sourceName);
        mark.put("originalId", x.path("id").asLong());
        mark.put("at", Instant.now().toString());
        ExperimentSettings settings = new ExperimentSettings(
                so.hasNonNull("temperature") ? so.get("temperature").asDouble() : null,
                integer(so, "maxOutputTokens", "settings"),
                so.hasNonNull("reasoningBudget") ? so.get("reasoningBudget").asInt() : null,
                text(so, "reasoningEffort"),
                so.path("responseCache").asBoolean(false),
                extra.toString());
        List<String> models = new ArrayList<>();
        array(x, "models", "experiment").forEach(m -> models.add(m.asText()));
        NewExperiment spec = new NewExperiment(
                required(x, "name", "experiment"),
                money(x, "budgetUsd"),
                integer(x, "repetitions", "experiment"),
                settings,
                models);
        ExperimentStatus status;
        try {
            status = ExperimentStatus.valueOf(required(x, "status", "experiment"));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "unknown experiment status \"" + x.get("status").asText() + "\"");
        }
        Instant created = Instant.parse(required(x, "created", "experiment"));

        Map<Long, Integer> variantPos = new HashMap<>();
        List<NewVariant> variants = new ArrayList<>();
        for (JsonNode v : array(root, "variants", "the file")) {
            String what = "variant " + (variants.size() + 1);
            variantPos.put(v.path("id").asLong(), variants.size());
            List<String> media = new ArrayList<>();
            v.path("media").forEach(h -> {
                if (mediaKnown.test(h.asText())) {
                    media.add(h.asText());
                }
            });
            JsonNode prompt = v.get("prompt");
            if (prompt == null || prompt.isNull()) {
                throw new IllegalArgumentException(what + " has no \"prompt\"");
            }
            variants.add(new NewVariant(
                    required(v, "name", what),
                    v.path("baseline").asBoolean(),
                    prompt.isTextual() ? prompt.asText() : prompt.toString(),
                    media));
        }
        Map<Long, Integer> inputPos = new HashMap<>();
        List<ExperimentSnapshot.Input> inputs = new ArrayList<>();
        for (JsonNode in : array(root, "inputs", "the file")) {
            inputPos.put(in.path("id").asLong(), inputs.size());
            Map<String, String> vars = new LinkedHashMap<>();
            Iterator<Map.Entry<String, JsonNode>> it = in.path("variables").fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                vars.put(e.getKey(), e.getValue().asText());
            }
            inputs.add(new ExperimentSnapshot.Input(text(in, "label"), vars));
        }
        List<NewTrial> trials = new ArrayList<>();
        for (JsonNode t : array(root, "trials", "the file")) {
            String what =
                    "trial " + (trials.size() + 1) + " (id " + t.path("id").asText() + ")";
            Integer v = variantPos.get(t.path("variantId").asLong());
            Integer i = inputPos.get(t.path("inputId").asLong());
            if (v == null || i == null) {
                throw new IllegalArgumentException(
                        what + " refers to a " + (v == null ? "variant" : "test input") + " the file does not contain");
            }
            TrialCell cell = new TrialCell(v, i, required(t, "model", what), integer(t, "repetition", what));
            JsonNode u = t.get("usage");
            CanonicalUsage usage = u == null || u.isNull()
                    ? null
                    : new CanonicalUsage(
                            u.path("uncachedInput").asLong(),
                            u.path("cacheRead").asLong(),
                            u.path("cacheWrite5m").asLong(),
                            u.path("cacheWrite1h").asLong(),
                            u.path("output").asLong(),
                            u.path("reasoning").asLong());
            JsonNode prices = t.get("prices");
            trials.add(new NewTrial(
                    0,
                    cell,
                    text(t, "requestHash"),
                    usage,
                    money(t, "costUsd"),
                    t.path("costComplete").asBoolean(),
                    prices == null || prices.isNull() ? null : prices.toString(),
                    money(t, "estimatedCostUsd"),
                    longOrNull(t, "latencyMs"),
                    longOrNull(t, "ttftMs"),
                    text(t, "finishReason"),
                    text(t, "output"),
                    text(t, "error"),
                    t.path("fromCache").asBoolean(),
                    Instant.parse(required(t, "started", what)),
                    Instant.parse(required(t, "finished", what)),
                    SpecJson.tier(text(t, "requestedTier"), what + ".requestedTier"),
                    text(t, "servedTier")));
        }
        return new ExperimentSnapshot(spec, created, status, variants, inputs, trials);
    }

    private static JsonNode object(JsonNode parent, String field, String where) {
        JsonNode n = parent.get(field);
        if (n == null || !n.isObject()) {
            throw new IllegalArgumentException(where + " has no \"" + field + "\" object");
        }
        return n;
    }

    private static JsonNode array(JsonNode parent, String field, String where) {
        JsonNode n = parent.get(field);
        if (n == null || !n.isArray()) {
            throw new IllegalArgumentException(where + " has no \"" + field + "\" list");
        }
        return n;
    }

    private static String required(JsonNode n, String field, String where) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull() || v.asText().isEmpty()) {
            throw new IllegalArgumentException(where + " has no \"" + field + "\"");
        }
        return v.asText();
    }

    private static int integer(JsonNode n, String field, String where) {
        JsonNode v = n.get(field);
        if (v == null || !v.canConvertToInt()) {
            throw new IllegalArgumentException(where + " needs a whole number \"" + field + "\"");
        }
        return v.asInt();
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static Long longOrNull(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asLong();
    }

    private static BigDecimal money(JsonNode n, String field) {
        String s = text(n, field);
        if (s == null || s.isEmpty()) {
            return null;
        }
        try {
            return new BigDecimal(s);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("\"" + field + "\" is not an amount: \"" + s + "\"");
        }
    }

    private static JsonNode readTree(String json) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            return JSON.createObjectNode();
        }
    }
}
