// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.catalog;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The models CostBench prices, with the problems found while loading them. Immutable. */
public final class Catalog {

    private final Map<String, ModelEntry> models;
    private final Map<String, String> sources;
    private final List<CatalogProblem> problems;
    private final String asOf;

    public Catalog(List<ModelEntry> models, Map<String, String> sources, List<CatalogProblem> problems, String asOf) {
        LinkedHashMap<String, ModelEntry> m = new LinkedHashMap<>();
        for (ModelEntry e : models) {
            m.put(e.id(), e);
        }
        this.models = Collections.unmodifiableMap(m);
        this.sources = Map.copyOf(sources);
        this.problems = List.copyOf(problems);
        this.asOf = asOf == null ? "" : asOf;
    }

    public List<ModelEntry> models() {
        return new ArrayList<>(models.values());
    }

    public Optional<ModelEntry> find(String id) {
        return Optional.ofNullable(models.get(id));
    }

    /** Source key to its description (file, commit, date). */
    public Map<String, String> sources() {
        return sources;
    }

    public String describeSource(String key) {
        return sources.getOrDefault(key, key);
    }

    public List<CatalogProblem> problems() {
        return problems;
    }

    public String asOf() {
        return asOf;
    }

    public int size() {
        return models.size();
    }
}
