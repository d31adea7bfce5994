// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.ratecard;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.costbench.model.catalog.ServiceTier;
import dev.costbench.model.validation.JsonReading;
import dev.costbench.model.validation.NumberRules;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * The rate card on disk: {@code rate-card.json} in the data directory, beside the user catalog.
 *
 * <pre>{@code
 * {
 *   "rateCardVersion": 1,
 *   "adjustments": [
 *     { "label": "Azure OpenAI commitment", "provider": "openai", "models": "gpt-*",
 *       "serviceTier": "standard", "percent": -15 },
 *     { "label": "reseller", "percent": 5 }
 *   ]
 * }
 * }</pre>
 */
public final class RateCardFile {

    /** The version this CostBench writes and reads. */
    public static final int VERSION = 1;
    /** The file's name in the data directory. */
    public static final String FILE_NAME = "rate-card.json";

    private static final Set<String> KEYS = Set.of("label", "provider", "models", "serviceTier", "percent");

    private RateCardFile() {}

    /** The card in {@code file}; {@link RateCard#NONE} when the file does not exist. */
    public static RateCard read(Path file) throws RateCardException {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return RateCard.NONE;
        } catch (IOException e) {
            throw new RateCardException(
                    "Cannot read the rate card " + file + ": " + e.getMessage()
                            + ". Check that the file is readable, or remove it to use list prices.",
                    e);
        }
        return parse(text, file.getFileName().toString());
    }

    /** Parses a rate card; {@code name} (the file's name) appears in every message. */
    public static RateCard parse(String json, String name) throws RateCardException {
        JsonNode root;
        try {
            root = JsonReading.readTree(JsonReading.mapper(), json);
        } catch (JsonProcessingException e) {
            throw fail(name, JsonReading.describe(e));
        }
        if (root == null || !root.isObject()) {
            throw fail(name, "expected an object with \"rateCardVersion\" and \"adjustments\"");
        }
        JsonNode v = root.get("rateCardVersion");
        if (v == null || !v.canConvertToExactIntegral()) {
            throw fail(name, "\"rateCardVersion\" is missing or not a whole number; write \"rateCardVersion\": 1");
        }
        if (v.asInt() != VERSION) {
            throw fail(
                    name,
                    "rate card version " + v.asText() + " is not one this CostBench reads (it reads version " + VERSION
                            + "); update CostBench, or rewrite the file as version " + VERSION);
        }
        JsonNode arr = root.get("adjustments");
        if (arr == null || !arr.isArray()) {
            throw fail(name, "\"adjustments\" is missing or not a list; write \"adjustments\": [ … ]");
        }
        List<RateAdjustment> out = new ArrayList<>();
        for (int i = 0; i < arr.size(); i++) {
            out.add(line(name, i + 1, arr.get(i)));
        }
        RateCard card = new RateCard(out);
        List<String> problems = card.problems();
        if (!problems.isEmpty()) {
            throw fail(name, String.join("; ", problems));
        }
        return card;
    }

    private static RateAdjustment line(String name, int n, JsonNode o) throws RateCardException {
        String where = "line " + n;
        if (!o.isObject()) {
            throw fail(name, where + ": expected an object with \"label\" and \"percent\"");
        }
        for (Iterator<String> it = o.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (!KEYS.contains(k)) {
                throw fail(
                        name,
                        where + ": unknown field \"" + k + "\" (known: label, provider, models, "
                                + "serviceTier, percent)");
            }
        }
        ServiceTier tier = null;
        String t = text(o, "serviceTier");
        if (t != null && !t.isBlank()) {
            try {
                tier = ServiceTier.parse(t);
            } catch (IllegalArgumentException e) {
                throw fail(name, where + ": " + e.getMessage());
            }
        }
        BigDecimal percent = null;
        if (o.has("percent")) {
            try {
                percent = NumberRules.decimal("percent", o.get("percent"), true);
            } catch (IllegalArgumentException e) {
                throw fail(name, where + ": " + e.getMessage());
            }
        }
        return new RateAdjustment(text(o, "label"), text(o, "provider"), text(o, "models"), tier, percent);
    }

    private static String text(JsonNode o, String key) {
        JsonNode n = o.get(key);
        return n == null || n.isNull() ? null : n.asText();
    }

    /** Writes {@code card} to {@code file} (through a temporary file, so a failure leaves the old one). */
    public static void write(Path file, RateCard card) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, "rate-card", ".tmp");
        try {
            Files.writeString(tmp, format(card), StandardCharsets.UTF_8);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** The file's text for {@code card}. */
    public static String format(RateCard card) {
        ObjectNode root = JsonReading.mapper().createObjectNode();
        root.put("rateCardVersion", VERSION);
        ArrayNode arr = root.putArray("adjustments");
        for (RateAdjustment a : card.adjustments()) {
            ObjectNode o = arr.addObject();
            o.put("label", a.label());
            if (a.provider() != null) {
                o.put("provider", a.provider());
            }
            o.put("models", a.models());
            if (a.serviceTier() != null) {
                o.put("serviceTier", a.serviceTier().id());
            }
            o.put("percent", a.percent());
        }
        try {
            return JsonReading.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static RateCardException fail(String name, String what) {
        return new RateCardException("The rate card " + name + " cannot be used: " + what + ".");
    }
}
