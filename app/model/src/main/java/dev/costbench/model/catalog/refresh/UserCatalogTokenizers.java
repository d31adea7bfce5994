// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.catalog.refresh;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.costbench.model.catalog.Catalog;
import dev.costbench.model.catalog.ModelEntry;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;

/**
 * Which catalog models count with an open tokenizer the user loaded (Catalog ▸ Load tokenizer.json…): written as the
 * {@code tokenizer} field of the models' entries in the user catalog, all or nothing, as {@link UserCatalogUpdate}
 * writes (checked by the catalog's reader, the old file kept as {@code catalog.json.bak}).
 */
public final class UserCatalogTokenizers {

    /** The tokenizer of a model that is taken off an open tokenizer: the labelled o200k_base estimate. */
    static final String ESTIMATE = "open";

    private UserCatalogTokenizers() {}

    /**
     * Makes every model in {@code use} count with {@code tokenizer}, and every model in {@code stop} no longer: a
     * user entry that named it loses the field (the built-in value is back), and a model the built-in catalog maps
     * to it is set to the o200k_base estimate. An entry left with its id alone is removed.
     *
     * @param builtIn the built-in catalog (without the user's entries)
     * @throws IOException when the user catalog is not valid JSON or the result would not load; nothing is written
     */
    public static void assign(
            Path userCatalog, Catalog builtIn, String tokenizer, Collection<String> use, Collection<String> stop)
            throws IOException {
        if (use.isEmpty() && stop.isEmpty()) {
            return;
        }
        ObjectNode target = UserCatalogUpdate.read(userCatalog);
        List<String> before = UserCatalogUpdate.problems(target);
        ArrayNode models = UserCatalogUpdate.models(target);
        for (String id : use) {
            entry(models, id).put("tokenizer", tokenizer);
        }
        for (String id : stop) {
            ObjectNode e = entry(models, id);
            if (tokenizer.equals(e.path("tokenizer").asText())) {
                e.remove("tokenizer");
            }
            if (builtIn.find(id)
                    .map(ModelEntry::tokenizer)
                    .filter(tokenizer::equals)
                    .isPresent()) {
                e.put("tokenizer", ESTIMATE);
            }
        }
        for (Iterator<JsonNode> it = models.elements(); it.hasNext(); ) {
            JsonNode m = it.next();
            if (m.size() == 1 && m.has("id")) {
                it.remove();
            }
        }
        UserCatalogUpdate.checkAndWrite(userCatalog, target, before);
    }

    /** The user catalog's entry for {@code id}, added when it has none. */
    private static ObjectNode entry(ArrayNode models, String id) {
        for (JsonNode m : models) {
            if (m.path("id").asText().equals(id)) {
                return (ObjectNode) m;
            }
        }
        return models.addObject().put("id", id);
    }
}
