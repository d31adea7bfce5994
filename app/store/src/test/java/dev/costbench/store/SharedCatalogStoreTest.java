// SPDX-License-Identifier: Apache-2.0
package dev.costbench.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.costbench.model.catalog.team.CatalogRevision;
import dev.costbench.model.catalog.team.SharedCatalog;
import dev.costbench.model.catalog.team.StaleRevisionException;
import dev.costbench.model.catalog.team.TeamCatalog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** The team catalog's revisions in the store: publish, read, a stale base refused, parallel writers, two clients. */
class SharedCatalogStoreTest extends StoreClientsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @StoreTest
    void publishedRevisionsAreReadBackNewestFirstWithWhoAndWhen(StoreKind kind) {
        JdbcLabStore s = open(kind.fresh(dir), "ana");
        assertTrue(s.sharedCatalog().latestSharedCatalog().isEmpty());
        assertTrue(s.sharedCatalog().sharedCatalogRevisions(10).isEmpty());
        CatalogRevision one = s.sharedCatalog().publishSharedCatalog(0, "{\"models\": []}");
        s.author("ben");
        CatalogRevision two = s.sharedCatalog().publishSharedCatalog(1, "{\"models\": [{\"id\": \"m\"}]}");
        assertEquals(1, one.number());
        assertEquals(2, two.number());
        SharedCatalog latest = s.sharedCatalog().latestSharedCatalog().orElseThrow();
        assertEquals(two, latest.revision());
        assertEquals("{\"models\": [{\"id\": \"m\"}]}", latest.json());
        List<CatalogRevision> revisions = s.sharedCatalog().sharedCatalogRevisions(10);
        assertEquals(List.of(two, one), revisions);
        assertEquals("ben", revisions.get(0).author());
        assertEquals("ana", revisions.get(1).author());
        assertEquals(List.of(two), s.sharedCatalog().sharedCatalogRevisions(1));
    }

    @StoreTest
    void aPublishOnAStaleRevisionIsRefusedWithWhoPublishedMeanwhile(StoreKind kind) {
        JdbcLabStore s = open(kind.fresh(dir), "ana");
        s.sharedCatalog().publishSharedCatalog(0, "{\"models\": []}");
        StaleRevisionException first = assertThrows(
                StaleRevisionException.class, () -> s.sharedCatalog().publishSharedCatalog(0, "{}"));
        assertEquals(1, first.latest().number());
        assertEquals("ana", first.latest().author());
        assertTrue(first.getMessage().contains("revision 1 by ana"), first.getMessage());
        s.sharedCatalog().publishSharedCatalog(1, "{\"models\": []}");
        StaleRevisionException stale = assertThrows(
                StaleRevisionException.class, () -> s.sharedCatalog().publishSharedCatalog(1, "{}"));
        assertEquals(1, stale.basedOn());
        assertEquals(2, stale.latest().number());
        assertEquals(2, s.sharedCatalog().sharedCatalogRevisions(10).size(), "nothing was written");
    }

    @StoreTest
    void aDocumentWithAnApiKeyIsRefused(StoreKind kind) {
        JdbcLabStore s = open(kind.fresh(dir), "ana");
        assertThrows(
                IllegalArgumentException.class,
                () -> s.sharedCatalog().publishSharedCatalog(0, "{\"apiKey\": \"x\", \"models\": []}"));
        assertTrue(s.sharedCatalog().latestSharedCatalog().isEmpty());
    }

    /**
     * Four writers on two clients (one client on H2, which has one owner) each add their own model overrides
     * through the retrying publish: every override is in the last revision, none lost.
     */
    @StoreTest
    void parallelWritersThroughTheRetryingPublishLoseNoChange(StoreKind kind) throws Exception {
        StoreKind.StoreFactory stores = kind.fresh(dir);
        JdbcLabStore one = open(stores, "ana");
        JdbcLabStore two = kind == StoreKind.H2 ? one : open(stores, "ben");
        int writers = 4;
        int each = 3;
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        try {
            List<Callable<Void>> work = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                JdbcLabStore store = w % 2 == 0 ? one : two;
                TeamCatalog team = new TeamCatalog(store.sharedCatalog(), dir.resolve("cache-" + w + ".json"));
                int writer = w;
                work.add(() -> {
                    for (int i = 0; i < each; i++) {
                        String id = "model-" + writer + "-" + i;
                        team.publish(file -> addModel(file, id));
                    }
                    return null;
                });
            }
            for (Future<Void> f : pool.invokeAll(work)) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        SharedCatalog latest = one.sharedCatalog().latestSharedCatalog().orElseThrow();
        assertEquals(writers * each, latest.revision().number(), "one revision per change");
        Set<String> ids = new HashSet<>();
        for (JsonNode m : JSON.readTree(latest.json()).path("models")) {
            ids.add(m.path("id").asText());
        }
        assertEquals(writers * each, ids.size(), ids.toString());
        for (int w = 0; w < writers; w++) {
            for (int i = 0; i < each; i++) {
                assertTrue(ids.contains("model-" + w + "-" + i), ids.toString());
            }
        }
    }

    @Test
    void twoClientsOnOneServerSeeEachOthersRevisions() throws Exception {
        StoreKind.StoreFactory stores = StoreKind.POSTGRESQL.fresh(dir);
        JdbcLabStore ana = open(stores, "ana");
        JdbcLabStore ben = open(stores, "ben");
        assertTrue(ana.teamStore());
        TeamCatalog anas = new TeamCatalog(ana.sharedCatalog(), dir.resolve("ana.json"));
        TeamCatalog bens = new TeamCatalog(ben.sharedCatalog(), dir.resolve("ben.json"));
        anas.publish(file -> addModel(file, "ana-model"));
        assertEquals("revision 1 by ana", bens.latest().orElseThrow().label());
        bens.refresh();
        assertTrue(Files.readString(dir.resolve("ben.json")).contains("ana-model"));
        bens.publish(file -> addModel(file, "ben-model"));
        assertEquals(1, anas.current().orElseThrow().number(), "ana's cache is still revision 1");
        assertEquals("revision 2 by ben", anas.latest().orElseThrow().label());
        anas.refresh();
        String seen = Files.readString(dir.resolve("ana.json"));
        assertTrue(seen.contains("ana-model") && seen.contains("ben-model"), seen);
    }

    @Test
    void theLocalFileIsNotATeamStore() {
        assertTrue(!open(StoreKind.H2.fresh(dir), "ana").teamStore());
    }

    /** Adds a model override to a catalog file (made when missing). */
    static void addModel(Path file, String id) throws IOException {
        ObjectNode root =
                Files.isRegularFile(file) ? (ObjectNode) JSON.readTree(file.toFile()) : JSON.createObjectNode();
        ArrayNode models = root.has("models") ? (ArrayNode) root.get("models") : root.putArray("models");
        models.addObject().put("id", id).put("provider", "openai");
        JSON.writeValue(file.toFile(), root);
    }
}
