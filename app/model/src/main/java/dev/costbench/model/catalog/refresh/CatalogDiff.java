// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.catalog.refresh;

import dev.costbench.model.catalog.Catalog;
import dev.costbench.model.catalog.CatalogProblem;
import dev.costbench.model.catalog.CatalogReader.CatalogFile;
import dev.costbench.model.catalog.EntrySpec;
import dev.costbench.model.catalog.ModelEntry;
import dev.costbench.model.catalog.Origin;
import dev.costbench.model.catalog.Price;
import dev.costbench.model.catalog.PriceKind;
import dev.costbench.model.catalog.ProviderNames;
import dev.costbench.model.catalog.SourceNames;
import dev.costbench.model.catalog.refresh.DiffRow.Candidate;
import dev.costbench.model.catalog.refresh.DiffRow.Change;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * The prices added, changed and removed between the catalog in force and what sources propose, or between two
 * catalog files. Where two sources disagree about the same price — two proposals, or a proposal and a catalog value
 * from another source — the row is a CONFLICT: nothing is silently picked.
 */
public final class CatalogDiff {

    private final List<DiffRow> rows;
    private final List<String> notes;

    private CatalogDiff(List<DiffRow> rows, List<String> notes) {
        this.rows = List.copyOf(rows);
        this.notes = List.copyOf(notes);
    }

    public List<DiffRow> rows() {
        return rows;
    }

    /** What the importers left out and the problems found reading the proposals, each naming model and field. */
    public List<String> notes() {
        return notes;
    }

    public long count(Change c) {
        return rows.stream().filter(r -> r.change() == c).count();
    }

    /** Only the rows of the models listed. */
    public CatalogDiff only(Set<String> ids) {
        return new CatalogDiff(
                rows.stream().filter(r -> ids.contains(r.modelId())).toList(), notes);
    }

    /** "12 added, 3 changed, 1 removed, 2 CONFLICT" (", 1 scheduled" when a source lists a later value). */
    public String summary() {
        long scheduled = count(Change.SCHEDULED);
        return count(Change.ADDED) + " added, " + count(Change.CHANGED) + " changed, " + count(Change.REMOVED)
                + " removed, " + count(Change.CONFLICT) + " CONFLICT"
                + (scheduled == 0 ? "" : ", " + scheduled + " scheduled");
    }

    /** The catalog in force against what {@code proposals} propose, as of today (UTC). */
    public static CatalogDiff of(Catalog current, List<Proposal> proposals) {
        return of(current, proposals, LocalDate.now(ZoneOffset.UTC));
    }

    /**
     * The catalog in force against what {@code proposals} propose, reviewed on {@code date}: a proposed dated price
     * is compared by the value in force on that day and the values after it (the ones that ended before it are
     * history, left out); when the value in force agrees with the catalog's and the source lists later values, the
     * row is a {@link Change#SCHEDULED scheduled change}, not a CONFLICT.
     */
    public static CatalogDiff of(Catalog current, List<Proposal> proposals, LocalDate date) {
        Map<String, Map<PriceField, List<Candidate>>> proposed = new LinkedHashMap<>();
        Map<String, Map<PriceField, ImportSource>> by = new LinkedHashMap<>();
        Map<String, EntrySpec> specs = new LinkedHashMap<>();
        List<String> notes = new ArrayList<>();
        for (Proposal p : proposals) {
            notes.addAll(p.warnings());
            CatalogFile f = p.file();
            f.problems().stream().map(CatalogProblem::toString).forEach(notes::add);
            for (EntrySpec spec : f.entries()) {
                specs.putIfAbsent(spec.id, spec);
                fields(spec, (field, dated) -> {
                    SheetPrice price = dated.from(date);
                    List<Candidate> list = proposed.computeIfAbsent(spec.id, k -> new LinkedHashMap<>())
                            .computeIfAbsent(field, k -> new ArrayList<>());
                    if (list.stream().noneMatch(c -> c.price().sameAs(price))) {
                        list.add(new Candidate(price, p.source().displayName()));
                    }
                    by.computeIfAbsent(spec.id, k -> new LinkedHashMap<>()).putIfAbsent(field, p.source());
                });
            }
        }
        List<DiffRow> rows = new ArrayList<>();
        proposed.forEach((id, fields) -> {
            ModelEntry cur = current.find(id).orElse(null);
            Map<PriceField, SheetPrice> old = cur == null ? Map.of() : fields(cur);
            EntrySpec spec = specs.get(id);
            String name = cur != null ? cur.name() : spec.name == null ? id : spec.name;
            String provider = ProviderNames.displayName(cur != null ? cur.provider() : spec.provider);
            fields.forEach((field, cands) -> {
                SheetPrice o = old.get(field);
                Candidate first = cands.get(0);
                Change change;
                if (cands.size() > 1) {
                    change = Change.CONFLICT;
                } else if (o == null) {
                    change = Change.ADDED;
                } else if (o.from(date).sameAs(first.price())) {
                    return;
                } else if (by.get(id).get(field).owns(o.source())) {
                    change = Change.CHANGED;
                } else {
                    change = o.sameOn(first.price(), date) ? Change.SCHEDULED : Change.CONFLICT;
                }
                rows.add(new DiffRow(
                        id,
                        name,
                        provider,
                        field,
                        change,
                        o,
                        o == null ? null : SourceNames.name(current, o.source()),
                        first.price(),
                        first.sourceName(),
                        cands.subList(1, cands.size()),
                        field.longContext() ? spec.longContextThreshold : null));
            });
        });
        for (ModelEntry m : current.models()) {
            fields(m).forEach((field, o) -> {
                boolean fromImport = o.first().origin() != Origin.BUILT_IN;
                for (Proposal p : proposals) {
                    if (fromImport
                            && p.source().owns(o.source())
                            && !proposed.getOrDefault(m.id(), Map.of()).containsKey(field)) {
                        rows.add(new DiffRow(
                                m.id(),
                                m.name(),
                                m.providerName(),
                                field,
                                Change.REMOVED,
                                o,
                                SourceNames.name(current, o.source()),
                                null,
                                p.source().displayName(),
                                List.of(),
                                null));
                        return;
                    }
                }
            });
        }
        return new CatalogDiff(rows, notes);
    }

    /** What changes from catalog file {@code a} to catalog file {@code b}. */
    public static CatalogDiff of(CatalogFile a, CatalogFile b) {
        Map<String, EntrySpec> as = byId(a);
        Map<String, EntrySpec> bs = byId(b);
        List<DiffRow> rows = new ArrayList<>();
        bs.forEach((id, spec) -> {
            EntrySpec before = as.get(id);
            Map<PriceField, SheetPrice> old = before == null ? Map.of() : fields(before);
            String name = spec.name != null ? spec.name : before != null && before.name != null ? before.name : id;
            String provider = ProviderNames.displayName(
                    spec.provider != null || before == null ? spec.provider : before.provider);
            fields(spec).forEach((field, price) -> {
                SheetPrice o = old.get(field);
                if (o != null && o.sameAs(price)) {
                    return;
                }
                Change c = price.conflict() ? Change.CONFLICT : o == null ? Change.ADDED : Change.CHANGED;
                rows.add(new DiffRow(
                        id,
                        name,
                        provider,
                        field,
                        c,
                        o,
                        o == null ? null : name(a, o),
                        price,
                        name(b, price),
                        List.of(),
                        field.longContext() ? spec.longContextThreshold : null));
            });
            old.forEach((field, o) -> {
                if (!fields(spec).containsKey(field)) {
                    rows.add(new DiffRow(
                            id, name, provider, field, Change.REMOVED, o, name(a, o), null, null, List.of(), null));
                }
            });
        });
        as.forEach((id, spec) -> {
            if (!bs.containsKey(id)) {
                String name = spec.name == null ? id : spec.name;
                fields(spec)
                        .forEach((field, o) -> rows.add(new DiffRow(
                                id,
                                name,
                                ProviderNames.displayName(spec.provider),
                                field,
                                Change.REMOVED,
                                o,
                                name(a, o),
                                null,
                                null,
                                List.of(),
                                null)));
            }
        });
        List<String> notes = new ArrayList<>();
        a.problems().forEach(p -> notes.add(p.toString()));
        b.problems().forEach(p -> notes.add(p.toString()));
        return new CatalogDiff(rows, notes);
    }

    private static String name(CatalogFile f, SheetPrice p) {
        return SourceNames.name(p.source(), f.sources().get(p.source()));
    }

    private static Map<String, EntrySpec> byId(CatalogFile f) {
        Map<String, EntrySpec> m = new LinkedHashMap<>();
        f.entries().forEach(e -> m.putIfAbsent(e.id, e));
        return m;
    }

    /** Every price of a model in force in the catalog (dated prices whole). */
    static Map<PriceField, SheetPrice> fields(ModelEntry m) {
        Map<PriceField, SheetPrice> out = new LinkedHashMap<>();
        collect(
                m.prices(),
                m.schedule(),
                m.longContext() == null ? Map.of() : m.longContext().prices(),
                out::put);
        return out;
    }

    private static Map<PriceField, SheetPrice> fields(EntrySpec s) {
        Map<PriceField, SheetPrice> out = new LinkedHashMap<>();
        fields(s, out::put);
        return out;
    }

    private static void fields(EntrySpec s, BiConsumer<PriceField, SheetPrice> to) {
        collect(s.prices, s.schedule, s.longContextPrices, to);
    }

    private static void collect(
            Map<PriceKind, Price> prices,
            Map<PriceKind, List<Price>> schedule,
            Map<PriceKind, Price> longContext,
            BiConsumer<PriceField, SheetPrice> to) {
        for (PriceKind k : PriceKind.values()) {
            List<Price> dated = schedule.get(k);
            if (dated != null && !dated.isEmpty()) {
                to.accept(new PriceField(k, false), new SheetPrice(dated));
            } else if (prices.get(k) != null) {
                to.accept(new PriceField(k, false), SheetPrice.of(prices.get(k)));
            }
        }
        for (PriceKind k : PriceKind.values()) {
            if (longContext.get(k) != null) {
                to.accept(new PriceField(k, true), SheetPrice.of(longContext.get(k)));
            }
        }
    }
}
