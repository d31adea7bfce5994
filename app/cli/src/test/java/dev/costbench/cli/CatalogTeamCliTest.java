// SPDX-License-Identifier: Apache-2.0
package dev.costbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.costbench.model.catalog.team.TeamCatalog;
import dev.costbench.store.H2LabStore;
import dev.costbench.store.JdbcLabStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * {@code catalog share}, {@code catalog team} and {@code catalog import} on a team store. The team store is a
 * stand-in: a store in a folder of its own (the team catalog's SQL is the same on H2 and PostgreSQL; the store suite
 * runs it on both).
 */
class CatalogTeamCliTest extends UserDataTest {

    /** Ana's own override: GPT-5's input at $2.50 per million tokens. */
    private static final String PERSONAL = "{\"models\":[{\"id\":\"gpt-5\",\"prices\":{\"input\":2.5}}]}";

    /** The input price per million tokens of {@code id} in {@code catalog list --json}'s output. */
    private static String inputPrice(CliRun list, String id) throws Exception {
        for (JsonNode m : new ObjectMapper().readTree(list.out())) {
            if (m.get("id").asText().equals(id)) {
                return m.get("prices").get("input").get("perMTok").asText();
            }
        }
        return "no " + id;
    }

    private Supplier<JdbcLabStore> team(String author) {
        Path dir = tmp.resolve("team");
        return () -> {
            H2LabStore s = H2LabStore.open(dir);
            s.author(author);
            return s;
        };
    }

    @Test
    void shareStartsTheTeamCatalogFromThePersonalFileAndTeamListsItsRevisions() throws Exception {
        Files.createDirectories(data);
        Files.writeString(data.resolve("catalog.json"), PERSONAL);
        CliRun none = CliRun.withTeamStore(team("ana"), "catalog", "team");
        assertEquals(0, none.code(), none.err());
        assertTrue(none.out().startsWith("No team catalog yet"), none.out());

        CliRun share = CliRun.withTeamStore(team("ana"), "catalog", "share");
        assertEquals(0, share.code(), share.err());
        assertTrue(share.out().contains("with the team as revision 1 by ana."), share.out());
        assertEquals(PERSONAL, Files.readString(data.resolve(TeamCatalog.FILE_NAME)));

        CliRun again = CliRun.withTeamStore(team("ben"), "catalog", "share");
        assertEquals(2, again.code());
        assertTrue(again.err().contains("the team catalog exists already (revision 1 by ana"), again.err());

        // the team's document is the catalog in use, not the personal file
        Files.delete(data.resolve("catalog.json"));
        Files.delete(data.resolve(TeamCatalog.FILE_NAME));
        CliRun list = CliRun.withTeamStore(team("ben"), "catalog", "list", "--json");
        assertEquals(0, list.code(), list.err());
        assertEquals("2.5", inputPrice(list, "gpt-5"), "ana's override, from the team catalog");
        assertFalse(Files.exists(data.resolve("catalog.json")), "the personal file is never written");

        CliRun table = CliRun.withTeamStore(team("ben"), "catalog", "team");
        assertTrue(table.out().startsWith("Team catalog in use: revision 1 by ana, just now."), table.out());
        assertTrue(table.out().contains("REVISION"), table.out());
    }

    @Test
    void importOnATeamStorePublishesANewRevision() throws Exception {
        Files.createDirectories(data);
        Files.writeString(data.resolve("catalog.json"), PERSONAL);
        assertEquals(0, CliRun.withTeamStore(team("ana"), "catalog", "share").code());
        Path prices = Files.writeString(tmp.resolve("models.json"), CatalogImportCliTest.OPENROUTER);
        CliRun r = CliRun.withTeamStore(
                team("ben"),
                "catalog",
                "import",
                "--from",
                "openrouter",
                prices.toString(),
                "--only",
                "openrouter/acme/chat-1");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("applied 3 price changes to the team catalog, revision 2 by ben"), r.out());
        assertEquals(PERSONAL, Files.readString(data.resolve("catalog.json")), "the personal file is untouched");

        CliRun json = CliRun.withTeamStore(team("ana"), "catalog", "team", "--json");
        JsonNode revisions = new ObjectMapper().readTree(json.out()).get("revisions");
        assertEquals(2, revisions.size(), json.out());
        assertEquals("ben", revisions.get(0).get("author").asText());
        assertEquals(2, revisions.get(0).get("revision").asInt());
        assertEquals("ana", revisions.get(1).get("author").asText());
        CliRun list = CliRun.withTeamStore(team("ana"), "catalog", "list", "--json");
        assertEquals("1", inputPrice(list, "openrouter/acme/chat-1"), "ben's import");
        assertEquals("2.5", inputPrice(list, "gpt-5"), "ana's override stays");
    }

    @Test
    void onThisComputersOwnFileThereIsNoTeamCatalog() {
        CliRun share = CliRun.withTeamStore(() -> null, "catalog", "share");
        assertEquals(2, share.code());
        assertTrue(share.err().contains("catalog share needs a team store"), share.err());
        CliRun team = CliRun.withTeamStore(() -> null, "catalog", "team", "--json");
        assertEquals(0, team.code(), team.err());
        assertTrue(team.out().contains("\"teamStore\" : false"), team.out());
    }
}
