// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.catalog.refresh;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.costbench.model.catalog.CatalogReader;
import dev.costbench.model.catalog.CatalogReader.CatalogFile;
import dev.costbench.model.catalog.Origin;
import dev.costbench.model.validation.JsonReading;
import java.io.ByteArrayInputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The prices one source proposes, as catalog entries ({@code catalog.json} format, every price carrying the source's
 * key and the as-of date), with what the importer had to leave out.
 *
 * @param catalog  {@code {"schemaVersion": 1, "sources": {…}, "models": [...]}}; a model may appear twice when the
 *                 source lists it twice (genai-prices under two providers)
 * @param warnings values left out and why, each naming the model and field
 * @param skipped  entries that are not priced per token (embeddings, images, variable routing)
 */
public record Proposal(
        ImportSource source, String origin, String asOf, ObjectNode catalog, List<String> warnings, int skipped) {

    public Proposal {
        warnings = List.copyOf(warnings);
    }

    /** The proposal read back as a catalog file (the catalog's own validation applied). */
    public CatalogFile file() {
        try {
            byte[] bytes = JsonReading.mapper().writeValueAsBytes(catalog);
            return CatalogReader.read(source.displayName() + " import", new ByteArrayInputStream(bytes), Origin.USER);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The proposed entries for {@code id}, in file order. */
    public List<ObjectNode> entries(String id) {
        List<ObjectNode> out = new ArrayList<>();
        for (JsonNode m : catalog.path("models")) {
            if (m.path("id").asText().equals(id)) {
                out.add((ObjectNode) m);
            }
        }
        return out;
    }

    /** The number of models proposed. */
    public int size() {
        return catalog.path("models").size();
    }

    /** The source's description for the catalog's {@code sources} map. */
    public Optional<String> description() {
        return Optional.ofNullable(
                catalog.path("sources").path(source.sourceKey()).textValue());
    }
}
