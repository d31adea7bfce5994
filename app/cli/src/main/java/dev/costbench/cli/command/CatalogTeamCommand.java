// SPDX-License-Identifier: Apache-2.0
package dev.costbench.cli.command;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.costbench.cli.term.Args;
import dev.costbench.cli.term.Json;
import dev.costbench.cli.term.UsageException;
import dev.costbench.model.app.AppDirs;
import dev.costbench.model.catalog.team.CatalogRevision;
import dev.costbench.model.catalog.team.StaleRevisionException;
import dev.costbench.model.catalog.team.TeamCatalog;
import dev.costbench.store.JdbcLabStore;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * {@code costbench catalog share} (start the team catalog from this computer's {@code catalog.json}) and
 * {@code costbench catalog team [--json]} (the team catalog's revisions: who published each, when).
 */
final class CatalogTeamCommand {

    static final Args.Options SHARE = Args.Options.of("catalog share", Set.of(), Set.of("json"));
    static final Args.Options TEAM = Args.Options.of("catalog team", Set.of(), Set.of("json"));

    /** How many revisions {@code catalog team} lists. */
    private static final int SHOWN = 20;

    private static final String NO_TEAM_STORE = "CostBench is using this computer's own store, so the catalog "
            + "overrides are your own (" + "%s" + "). Choose a team store first (Providers ▸ Team store, or "
            + "COSTBENCH_STORE_URL); see docs/guide/store.md.";

    private final Context ctx;
    private final PrintStream out;

    CatalogTeamCommand(Context ctx) {
        this.ctx = ctx;
        this.out = ctx.out();
    }

    int share(List<String> argv) throws IOException {
        Args a = Args.parse(argv, SHARE);
        a.noPositional();
        Path personal = AppDirs.userCatalog();
        try (JdbcLabStore store = ctx.teamStore()) {
            if (store == null) {
                throw new UsageException("catalog share needs a team store. " + String.format(NO_TEAM_STORE, personal));
            }
            TeamCatalog team =
                    new TeamCatalog(store.sharedCatalog(), AppDirs.dataDir().resolve(TeamCatalog.FILE_NAME));
            CatalogRevision r;
            try {
                r = team.share(personal);
            } catch (StaleRevisionException e) {
                throw new UsageException(
                        "the team catalog exists already (" + e.latest().label(Instant.now())
                                + "); nothing was changed. Import your own prices into it with costbench catalog import.");
            }
            if (a.flag("json")) {
                ObjectNode o = revision(Json.object(), r);
                o.put("from", Files.isRegularFile(personal) ? personal.toString() : null);
                out.println(Json.pretty(o));
            } else {
                out.println("Shared "
                        + (Files.isRegularFile(personal)
                                ? "your catalog overrides (" + personal + ")"
                                : "an empty catalog (you have no " + personal.getFileName() + ")")
                        + " with the team as "
                        + r.label() + ". Everyone on this team store now prices with it.");
            }
        }
        return 0;
    }

    int team(List<String> argv) throws IOException {
        Args a = Args.parse(argv, TEAM);
        a.noPositional();
        try (JdbcLabStore store = ctx.teamStore()) {
            if (store == null) {
                if (a.flag("json")) {
                    ObjectNode o = Json.object();
                    o.put("teamStore", false);
                    o.put("catalog", AppDirs.userCatalog().toString());
                    out.println(Json.pretty(o));
                } else {
                    out.println(String.format(NO_TEAM_STORE, AppDirs.userCatalog()));
                }
                return 0;
            }
            List<CatalogRevision> revisions = store.sharedCatalog().sharedCatalogRevisions(SHOWN);
            if (a.flag("json")) {
                ObjectNode o = Json.object();
                o.put("teamStore", true);
                ArrayNode list = o.putArray("revisions");
                revisions.forEach(r -> revision(list.addObject(), r));
                out.println(Json.pretty(o));
                return 0;
            }
            if (revisions.isEmpty()) {
                out.println("No team catalog yet: everyone on this team store uses their own catalog overrides. "
                        + "costbench catalog share starts it from yours (" + AppDirs.userCatalog() + ").");
                return 0;
            }
            Instant now = Instant.now();
            out.println("Team catalog in use: " + revisions.get(0).label(now) + ".");
            out.printf("%-9s %-24s %s%n", "REVISION", "BY", "PUBLISHED");
            for (CatalogRevision r : revisions) {
                out.printf("%-9d %-24s %s%n", r.number(), r.author(), r.publishedAt());
            }
        }
        return 0;
    }

    private static ObjectNode revision(ObjectNode o, CatalogRevision r) {
        o.put("revision", r.number());
        o.put("author", r.author());
        o.put("publishedAt", r.publishedAt().toString());
        return o;
    }
}
