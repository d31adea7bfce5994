// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.catalog;

import dev.costbench.model.catalog.CatalogReader.CatalogFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Merges catalog layers (built-in first, then the user's) into one {@link Catalog}. */
public final class CatalogBuilder {

    /** Classpath location of the built-in catalog ({@code resources/pricing/catalog.json} in the repository). */
    public static final String BUILT_IN = "/pricing/catalog.json";

    private CatalogBuilder() {}

    /** The built-in catalog alone. */
    public static Catalog builtIn() {
        return build(List.of(readBuiltIn()));
    }

    /** The built-in catalog with the user's catalog file layered over it when that file exists. */
    public static Catalog withUserCatalog(Path userCatalog) {
        List<CatalogFile> layers = new ArrayList<>();
        layers.add(readBuiltIn());
        if (userCatalog != null && Files.isRegularFile(userCatalog)) {
            layers.add(CatalogReader.read(userCatalog, Origin.USER));
        }
        return build(layers);
    }

    public static CatalogFile readBuiltIn() {
        try (InputStream in = CatalogBuilder.class.getResourceAsStream(BUILT_IN)) {
            if (in == null) {
                throw new IllegalStateException("built-in pricing catalog " + BUILT_IN + " is missing from the build");
            }
            return CatalogReader.read("built-in catalog.json", in, Origin.BUILT_IN);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Merges the layers in order; later layers override single fields of earlier ones. Prices are today's. */
    public static Catalog build(List<CatalogFile> layers) {
        return build(layers, Clock.systemUTC());
    }

    /**
     * Merges the layers in order; each entry's {@link ModelEntry#prices()} are those in force on {@code clock}'s
     * day (its dated prices stay in {@link ModelEntry#schedule()}).
     */
    public static Catalog build(List<CatalogFile> layers, Clock clock) {
        LocalDate today = LocalDate.now(clock);
        Map<String, EntrySpec> merged = new LinkedHashMap<>();
        Map<String, Set<String>> overridden = new HashMap<>();
        Map<String, String> firstFile = new HashMap<>();
        Map<String, String> sources = new LinkedHashMap<>();
        List<CatalogProblem> problems = new ArrayList<>();
        String asOf = "";
        for (CatalogFile layer : layers) {
            problems.addAll(layer.problems());
            sources.putAll(layer.sources());
            if (asOf.isEmpty()) {
                asOf = layer.asOf();
            }
            Set<String> seenHere = new LinkedHashSet<>();
            for (EntrySpec spec : layer.entries()) {
                if (!seenHere.add(spec.id)) {
                    problems.add(new CatalogProblem(
                            layer.file(), spec.id, "id", "duplicate id in this file; the later entry wins"));
                }
                EntrySpec base = merged.get(spec.id);
                if (base == null) {
                    merged.put(spec.id, spec);
                    firstFile.put(spec.id, layer.file());
                } else if (base == spec) {
                    continue;
                } else if (firstFile.get(spec.id).equals(layer.file())) {
                    merged.put(spec.id, spec);
                } else {
                    base.overlay(spec, overridden.computeIfAbsent(spec.id, k -> new LinkedHashSet<>()));
                }
            }
        }
        List<ModelEntry> models = new ArrayList<>();
        for (EntrySpec s : merged.values()) {
            String file = firstFile.get(s.id);
            if (s.provider == null || s.provider.isBlank()) {
                problems.add(new CatalogProblem(file, s.id, "provider", "missing; entry skipped"));
                continue;
            }
            if (s.tier == null) {
                problems.add(new CatalogProblem(
                        file, s.id, "tier", "missing or invalid (frontier, high, mid, light, open); entry skipped"));
                continue;
            }
            // The built-in catalog leaves out prices no source lists (they show as unpriced); in a user file a
            // missing price is more likely a typo, so it is reported.
            if (s.origin != Origin.BUILT_IN
                    && (!s.prices.containsKey(PriceKind.INPUT) || !s.prices.containsKey(PriceKind.OUTPUT))) {
                problems.add(new CatalogProblem(
                        file, s.id, "prices", "no input or output price: the model is shown as unpriced"));
            }
            LongContext lc = s.longContextThreshold == null
                    ? null
                    : new LongContext(s.longContextThreshold, s.longContextPrices);
            BillingRules rules = s.rules != null ? s.rules : BillingRules.forProvider(s.provider);
            models.add(new ModelEntry(
                            s.id,
                            s.name,
                            s.provider,
                            rules,
                            s.tier,
                            s.contextWindow,
                            s.maxOutput,
                            s.tokenizer,
                            s.minCacheTokens,
                            s.prices,
                            lc,
                            s.residencyMultiplier,
                            s.media,
                            s.deprecation,
                            s.notes,
                            s.origin,
                            overridden.getOrDefault(s.id, Set.of()),
                            s.schedule,
                            s.serviceTiers)
                    .at(today));
        }
        return new Catalog(models, sources, problems, asOf);
    }
}
