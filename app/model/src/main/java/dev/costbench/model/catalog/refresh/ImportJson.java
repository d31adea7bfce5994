// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.catalog.refresh;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.costbench.model.catalog.Catalog;
import dev.costbench.model.catalog.LiteLlmImporter;
import dev.costbench.model.validation.JsonReading;
import dev.costbench.model.validation.NumberKind;
import dev.costbench.model.validation.NumberRefusedException;
import dev.costbench.model.validation.NumberRules;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

/** What the importers share: reading the file, the proposal's frame, a new entry, a checked price. */
final class ImportJson {

    private ImportJson() {}

    static JsonNode read(InputStream in, String origin) throws IOException {
        try {
            JsonNode root = JsonReading.readTree(JsonReading.mapper(), in);
            if (root == null) {
                throw new ImportException(origin, "", "the file is empty");
            }
            return root;
        } catch (JsonProcessingException e) {
            throw new ImportException(origin, "", JsonReading.describe(e));
        }
    }

    /** {@code node} when it is a JSON array, else the import is refused at {@code path}. */
    static JsonNode array(JsonNode node, String origin, String path, String expected) throws ImportException {
        if (node == null || !node.isArray()) {
            throw new ImportException(origin, path, expected);
        }
        return node;
    }

    static String today() {
        return LocalDate.now(ZoneOffset.UTC).toString();
    }

    /** {@code {"schemaVersion": 1, "sources": {key: description}, "models": []}}. */
    static ObjectNode frame(ImportSource source, String origin) {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        out.put("schemaVersion", 1);
        out.putObject("sources")
                .put(source.sourceKey(), source.displayName() + " prices imported from " + origin + " on " + today());
        out.putArray("models");
        return out;
    }

    /**
     * A new entry in the proposal; a model the catalog does not know gets a tier guessed from its input price and a
     * tokenizer guessed from its id, and a note saying so.
     */
    static ObjectNode entry(
            ObjectNode frame, ImportSource source, String id, String provider, Catalog existing, BigDecimal inputPerM) {
        ObjectNode m = ((ArrayNode) frame.get("models")).addObject();
        m.put("id", id);
        m.put("provider", provider);
        if (existing == null || existing.find(id).isEmpty()) {
            m.put("tier", LiteLlmImporter.guessTier(provider, inputPerM == null ? BigDecimal.ZERO : inputPerM));
            m.put("tokenizer", LiteLlmImporter.guessTokenizer(id, provider));
            m.put("notes", "Imported from " + source.displayName() + "; tier guessed from its input price.");
        }
        m.put("source", source.sourceKey());
        m.put("asOf", today());
        return m;
    }

    /** A price per 1M tokens checked against the catalog's range; null (with a warning) when refused. */
    static BigDecimal perMTok(String field, JsonNode value, List<String> warnings) {
        try {
            return NumberRules.check(field, value, NumberKind.PRICE_PER_MILLION_TOKENS, true)
                    .stripTrailingZeros();
        } catch (NumberRefusedException e) {
            warnings.add(e.getMessage() + "; left out (unpriced)");
            return null;
        }
    }

    /** A price per token as a price per 1M tokens; null (with a warning) when refused. */
    static BigDecimal perToken(String field, JsonNode value, List<String> warnings) {
        try {
            return LiteLlmImporter.perMillion(field, value);
        } catch (NumberRefusedException e) {
            warnings.add(e.getMessage() + "; left out (unpriced)");
            return null;
        }
    }

    /** A whole count ({@code context_length}) when it is one, else nothing (with a warning when refused). */
    static void count(String field, JsonNode value, ObjectNode out, String key, List<String> warnings) {
        if (value == null || !value.isNumber()) {
            return;
        }
        try {
            long c = NumberRules.whole(field, value, NumberKind.TOKENS);
            if (c > 0) {
                out.put(key, c);
            }
        } catch (NumberRefusedException e) {
            warnings.add(e.getMessage() + "; left out");
        }
    }
}
