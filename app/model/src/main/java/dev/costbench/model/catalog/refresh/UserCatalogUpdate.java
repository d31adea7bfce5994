// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.catalog.refresh;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.costbench.model.catalog.Catalog;
import dev.costbench.model.catalog.CatalogProblem;
import dev.costbench.model.catalog.CatalogReader;
import dev.costbench.model.catalog.Origin;
import dev.costbench.model.catalog.Price;
import dev.costbench.model.catalog.refresh.DiffRow.Candidate;
import dev.costbench.model.catalog.refresh.DiffRow.Change;
import dev.costbench.model.validation.JsonReading;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Writes accepted diff rows into the user catalog, all or nothing: the new file is built in memory, checked with the
 * catalog's own reader (a change that would add a problem is refused) and moved into place atomically; the old file
 * is kept as {@code catalog.json.bak}. The built-in catalog is never touched.
 */
public final class UserCatalogUpdate {

    private static final Set<String> NEW_MODEL_FIELDS =
            Set.of("name", "provider", "tier", "tokenizer", "contextWindow", "maxOutput", "deprecation", "notes");

    private UserCatalogUpdate() {}

    /**
     * Applies {@code accepted} (rows of a diff of {@code current} against {@code proposals}) to {@code userCatalog}.
     *
     * @throws IOException when the user catalog is not valid JSON or the result would not load; nothing is written
     */
    public static void apply(Path userCatalog, Catalog current, List<Proposal> proposals, List<DiffRow> accepted)
            throws IOException {
        ObjectNode target = read(userCatalog);
        List<String> before = problems(target);
        ObjectNode sources = target.has("sources") && target.get("sources").isObject()
                ? (ObjectNode) target.get("sources")
                : target.putObject("sources");
        for (Proposal p : proposals) {
            p.description().ifPresent(d -> sources.put(p.source().sourceKey(), d));
        }
        ArrayNode models = models(target);
        for (DiffRow r : accepted) {
            ObjectNode entry = entry(models, r.modelId(), current, proposals);
            String kind = r.field().kind().json();
            if (r.change() == Change.REMOVED) {
                JsonNode holder =
                        r.field().longContext() ? entry.path("longContext").path("prices") : entry.path("prices");
                if (holder.isObject()) {
                    ((ObjectNode) holder).remove(kind);
                }
                continue;
            }
            ObjectNode holder;
            if (r.field().longContext()) {
                ObjectNode lc = entry.has("longContext")
                        ? (ObjectNode) entry.get("longContext")
                        : entry.putObject("longContext");
                if (!lc.has("threshold") && r.threshold() != null) {
                    lc.put("threshold", r.threshold());
                }
                holder = lc.has("prices") ? (ObjectNode) lc.get("prices") : lc.putObject("prices");
            } else {
                holder = entry.has("prices") ? (ObjectNode) entry.get("prices") : entry.putObject("prices");
            }
            holder.set(kind, json(r));
        }
        checkAndWrite(userCatalog, target, before);
    }

    /** The catalog's {@code models} array, added when it has none. */
    static ArrayNode models(ObjectNode target) {
        return target.has("models") && target.get("models").isArray()
                ? (ArrayNode) target.get("models")
                : target.putArray("models");
    }

    /**
     * Writes {@code target} to the user catalog unless it has problems the catalog did not have ({@code before}).
     *
     * @throws IOException when it would add a problem; nothing is written
     */
    static void checkAndWrite(Path userCatalog, ObjectNode target, List<String> before) throws IOException {
        List<String> after = problems(target);
        after.removeAll(before);
        if (!after.isEmpty()) {
            throw new IOException("the change would make the user catalog invalid (" + String.join("; ", after)
                    + "); nothing was changed");
        }
        write(userCatalog, target);
    }

    static ObjectNode read(Path userCatalog) throws IOException {
        if (!Files.isRegularFile(userCatalog)) {
            ObjectNode t = JsonNodeFactory.instance.objectNode();
            t.put("schemaVersion", 1);
            return t;
        }
        JsonNode cur;
        try (InputStream in = Files.newInputStream(userCatalog)) {
            cur = JsonReading.readTree(JsonReading.mapper(), in);
        } catch (IOException e) {
            throw new IOException(userCatalog + " is not valid JSON ("
                    + e.getMessage().split("\n")[0] + "); fix or move it before importing — nothing was changed");
        }
        if (cur == null || !cur.isObject()) {
            throw new IOException(userCatalog + " is not a catalog object; fix or move it — nothing was changed");
        }
        return (ObjectNode) cur;
    }

    static List<String> problems(ObjectNode catalog) throws IOException {
        byte[] bytes = JsonReading.mapper().writeValueAsBytes(catalog);
        return CatalogReader.read("user catalog", new ByteArrayInputStream(bytes), Origin.USER).problems().stream()
                .map(CatalogProblem::toString)
                .collect(Collectors.toCollection(ArrayList::new));
    }

    /** The user catalog's entry for {@code id}; a model new to the catalog gets the proposal's description. */
    private static ObjectNode entry(ArrayNode models, String id, Catalog current, List<Proposal> proposals) {
        for (JsonNode m : models) {
            if (m.path("id").asText().equals(id)) {
                return (ObjectNode) m;
            }
        }
        ObjectNode e = models.addObject();
        e.put("id", id);
        if (current.find(id).isEmpty()) {
            proposals.stream()
                    .flatMap(p -> p.entries(id).stream())
                    .findFirst()
                    .ifPresent(src -> src.fields().forEachRemaining(f -> {
                        if (NEW_MODEL_FIELDS.contains(f.getKey())) {
                            e.set(f.getKey(), f.getValue());
                        }
                    }));
        }
        return e;
    }

    /** The accepted price as catalog JSON, each value with its source and date; a CONFLICT keeps the others. */
    private static JsonNode json(DiffRow r) {
        List<Price> periods = r.newPrice().periods();
        ArrayNode arr = JsonNodeFactory.instance.arrayNode();
        for (Price p : periods) {
            ObjectNode o = arr.addObject();
            o.put("value", p.perMTok());
            o.put("source", p.source());
            o.put("asOf", p.asOf());
            if (p.validFrom() != null) {
                o.put("validFrom", p.validFrom().toString());
            }
            if (p.validUntil() != null) {
                o.put("validUntil", p.validUntil().toString());
            }
            if (r.change() == Change.CONFLICT) {
                o.put("status", "CONFLICT");
                ArrayNode alt = o.putArray("alternatives");
                for (Candidate c : r.others()) {
                    alt.add(c.price().first().perMTok());
                }
                if (r.oldPrice() != null) {
                    alt.add(r.oldPrice().first().perMTok());
                }
                o.put("note", "sources disagree: " + r.conflictText());
            } else if (!p.note().isEmpty()) {
                o.put("note", p.note());
            }
        }
        return arr.size() == 1
                        && periods.get(0).validFrom() == null
                        && periods.get(0).validUntil() == null
                ? arr.get(0)
                : arr;
    }

    private static void write(Path userCatalog, ObjectNode target) throws IOException {
        Path dir = userCatalog.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        if (Files.isRegularFile(userCatalog)) {
            Files.copy(
                    userCatalog,
                    userCatalog.resolveSibling(userCatalog.getFileName() + ".bak"),
                    StandardCopyOption.REPLACE_EXISTING);
        }
        Path tmp = Files.createTempFile(dir, userCatalog.getFileName().toString(), ".tmp");
        try {
            JsonReading.mapper().writerWithDefaultPrettyPrinter().writeValue(tmp.toFile(), target);
            Files.move(tmp, userCatalog, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
