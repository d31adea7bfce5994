// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.catalog.team;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The retrying publish, the cache file and the read-only overrides, against the in-memory revisions. */
class TeamCatalogTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-07T12:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    private final InMemorySharedCatalogRepository server = new InMemorySharedCatalogRepository("ana", CLOCK);

    /** Appends {@code line} to the file (made when missing): a change that depends on what it is made on. */
    private static CatalogOverrides.Change append(String line) {
        return file -> Files.writeString(file, (Files.isRegularFile(file) ? Files.readString(file) : "") + line + "\n");
    }

    @Test
    void aChangeRefusedAsStaleIsMadeAgainOnTopOfTheColleaguesRevision() throws Exception {
        server.publishSharedCatalog(0, "base\n");
        // ben publishes between ana's read and ana's publish, once
        SharedCatalogRepository racing = new SharedCatalogRepository() {
            private boolean raced;

            @Override
            public Optional<SharedCatalog> latestSharedCatalog() {
                return server.latestSharedCatalog();
            }

            @Override
            public CatalogRevision publishSharedCatalog(long basedOn, String json) {
                if (!raced) {
                    raced = true;
                    server.author("ben");
                    server.publishSharedCatalog(basedOn, "base\nben\n");
                    server.author("ana");
                }
                return server.publishSharedCatalog(basedOn, json);
            }

            @Override
            public List<CatalogRevision> sharedCatalogRevisions(int limit) {
                return server.sharedCatalogRevisions(limit);
            }
        };
        Path cache = dir.resolve(TeamCatalog.FILE_NAME);
        TeamCatalog team = new TeamCatalog(racing, cache);
        assertEquals("the team catalog, revision 3 by ana", team.write(append("ana")));
        assertEquals(
                "base\nben\nana\n", server.latestSharedCatalog().orElseThrow().json(), "ben's change kept");
        assertEquals("base\nben\nana\n", Files.readString(cache));
        assertEquals(3, team.current().orElseThrow().number());
        try (var files = Files.list(dir)) {
            assertEquals(List.of(cache), files.toList(), "no scratch files left");
        }
    }

    @Test
    void refreshKeepsTheLatestRevisionInTheCacheAndNoneRemovesIt() throws Exception {
        Path cache = dir.resolve(TeamCatalog.FILE_NAME);
        TeamCatalog team = new TeamCatalog(server, cache);
        assertTrue(team.refresh().isEmpty());
        assertFalse(Files.exists(cache));
        assertEquals("the team catalog (nothing shared yet)", team.describe());
        server.publishSharedCatalog(0, "{}");
        assertEquals(1, team.refresh().orElseThrow().number());
        assertEquals("{}", Files.readString(cache));
        assertEquals("the team catalog (revision 1 by ana)", team.describe());
    }

    @Test
    void shareRefusesWhenTheTeamHasACatalogAlready() throws Exception {
        Path personal = Files.writeString(dir.resolve("catalog.json"), "{\"models\":[]}");
        TeamCatalog team = new TeamCatalog(server, dir.resolve(TeamCatalog.FILE_NAME));
        assertEquals(1, team.share(personal).number());
        StaleRevisionException e = assertThrows(StaleRevisionException.class, () -> team.share(personal));
        assertEquals("revision 1 by ana", e.latest().label());
        assertEquals(1, server.sharedCatalogRevisions(10).size());
    }

    @Test
    void aPersonalFileThatIsNotJsonIsNotShared() throws Exception {
        Path personal = Files.writeString(dir.resolve("catalog.json"), "{\"models\": [");
        TeamCatalog team = new TeamCatalog(server, dir.resolve(TeamCatalog.FILE_NAME));
        IOException e = assertThrows(IOException.class, () -> team.share(personal));
        assertTrue(e.getMessage().startsWith(personal + " is not valid JSON"), e.getMessage());
        assertTrue(server.latestSharedCatalog().isEmpty());
    }

    @Test
    void aPersonalCatalogWithProblemsIsNotSharedAndTheMessageNamesThem() throws Exception {
        Path personal = Files.writeString(
                dir.resolve("catalog.json"),
                "{\"models\": [{\"id\": \"gpt-5\", \"prices\": {\"input\": {\"usd\": \"2.50\"}}}]}");
        TeamCatalog team = new TeamCatalog(server, dir.resolve(TeamCatalog.FILE_NAME));
        IOException e = assertThrows(IOException.class, () -> team.share(personal));
        assertTrue(e.getMessage().startsWith(personal + " has 1 problem"), e.getMessage());
        assertTrue(e.getMessage().contains("gpt-5"), e.getMessage());
        assertTrue(e.getMessage().contains("nothing was shared"), e.getMessage());
        assertTrue(server.latestSharedCatalog().isEmpty());
    }

    @Test
    void readOnlyOverridesRefuseEveryWrite() {
        Path file = dir.resolve("team-catalog.json");
        CatalogOverrides o = CatalogOverrides.readOnly(file, "the copy", "the team store cannot be reached");
        IOException e = assertThrows(IOException.class, () -> o.write(append("x")));
        assertEquals("the team store cannot be reached", e.getMessage());
        assertFalse(Files.exists(file));
    }

    @Test
    void revisionsSayHowLongAgo() {
        CatalogRevision r = new CatalogRevision(7, "ana", Instant.parse("2026-12-07T10:00:00Z"));
        assertEquals("revision 7 by ana, 2 h ago", r.label(CLOCK.instant()));
        assertEquals("just now", CatalogRevision.ago(Duration.ofSeconds(5)));
        assertEquals("5 min ago", CatalogRevision.ago(Duration.ofMinutes(5)));
        assertEquals("1 day ago", CatalogRevision.ago(Duration.ofHours(30)));
        assertEquals("3 days ago", CatalogRevision.ago(Duration.ofDays(3)));
    }
}
