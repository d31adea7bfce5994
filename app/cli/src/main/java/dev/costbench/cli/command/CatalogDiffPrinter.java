// SPDX-License-Identifier: Apache-2.0
package dev.costbench.cli.command;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.costbench.cli.term.Json;
import dev.costbench.model.catalog.Price;
import dev.costbench.model.catalog.refresh.CatalogDiff;
import dev.costbench.model.catalog.refresh.DiffRow;
import dev.costbench.model.catalog.refresh.DiffRow.Candidate;
import dev.costbench.model.catalog.refresh.DiffRow.Change;
import dev.costbench.model.catalog.refresh.Proposal;
import dev.costbench.model.catalog.refresh.SheetPrice;
import dev.costbench.model.cost.Money;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Locale;

/** A catalog diff as a text table or as JSON. */
final class CatalogDiffPrinter {

    private final PrintStream out;

    CatalogDiffPrinter(PrintStream out) {
        this.out = out;
    }

    void table(CatalogDiff diff) {
        if (diff.rows().isEmpty()) {
            out.println("no price differs");
            return;
        }
        out.printf(
                "%-9s %-36s %-12s %-42s %-24s %-24s %s%n",
                "CHANGE", "MODEL", "PROVIDER", "PRICE", "OLD", "NEW", "SOURCE");
        for (DiffRow r : diff.rows()) {
            out.printf(
                    "%-9s %-36s %-12s %-42s %-24s %-24s %s%n",
                    r.change().label(),
                    r.modelName(),
                    r.provider(),
                    r.field().label(),
                    r.oldText(),
                    r.newText(),
                    r.change() == Change.CONFLICT ? r.conflictText() : r.sources());
        }
        out.println(diff.summary() + "; prices in USD per 1M tokens");
    }

    void json(CatalogDiff diff, Proposal proposal, boolean dryRun, Path target) throws IOException {
        ObjectNode root = Json.object();
        if (proposal != null) {
            root.put("source", proposal.source().id());
            root.put("sourceName", proposal.source().displayName());
            root.put("from", proposal.origin());
            root.put("asOf", proposal.asOf());
            root.put("dryRun", dryRun);
            root.put("applied", !dryRun && !diff.rows().isEmpty());
            root.put("userCatalog", target == null ? null : target.toString());
        }
        ObjectNode summary = root.putObject("summary");
        for (Change c : Change.values()) {
            summary.put(c.name().toLowerCase(Locale.ROOT), diff.count(c));
        }
        ArrayNode rows = root.putArray("changes");
        for (DiffRow r : diff.rows()) {
            ObjectNode o = rows.addObject();
            o.put("model", r.modelId());
            o.put("name", r.modelName());
            o.put("provider", r.provider());
            o.put("price", r.field().path());
            o.put("label", r.field().label());
            o.put("change", r.change().name());
            price(o, "old", r.oldPrice(), r.oldSource());
            price(o, "new", r.newPrice(), r.newSource());
            ArrayNode alt = o.putArray("alternatives");
            for (Candidate c : r.others()) {
                price(alt.addObject(), null, c.price(), c.sourceName());
            }
        }
        ArrayNode notes = root.putArray("warnings");
        diff.notes().forEach(notes::add);
        out.println(Json.pretty(root));
    }

    private static void price(ObjectNode o, String key, SheetPrice p, String source) {
        if (p == null) {
            if (key != null) {
                o.putNull(key);
            }
            return;
        }
        ObjectNode n = key == null ? o : o.putObject(key);
        Price first = p.first();
        n.put("perMTok", Money.exact(first.perMTok()));
        n.put("display", p.display());
        n.put("source", source);
        n.put("sourceKey", first.source());
        n.put("asOf", first.asOf());
        if (p.periods().size() > 1 || first.dated()) {
            ArrayNode periods = n.putArray("periods");
            for (Price x : p.periods()) {
                ObjectNode q = periods.addObject();
                q.put("perMTok", Money.exact(x.perMTok()));
                q.put("validFrom", x.validFrom() == null ? null : x.validFrom().toString());
                q.put(
                        "validUntil",
                        x.validUntil() == null ? null : x.validUntil().toString());
            }
        }
    }
}
