// SPDX-License-Identifier: Apache-2.0
package dev.costbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code catalog import --from …} and {@code catalog diff}. */
class CatalogImportCliTest {

    static final String OPENROUTER = """
            {"data":[
             {"id":"acme/chat-1","name":"Acme: Chat 1","context_length":128000,
              "pricing":{"prompt":"0.000001","completion":"0.000002","input_cache_read":"0.0000001","request":"0"}},
             {"id":"acme/free:free","name":"Acme: Free","pricing":{"prompt":"0","completion":"0"}},
             {"id":"openrouter/auto","name":"Auto Router","pricing":{"prompt":"-1","completion":"-1"}}]}
            """;

    @TempDir
    Path tmp;

    private Path user;

    @BeforeEach
    void setUp() {
        System.setProperty("costbench.dataDir", tmp.resolve("data").toString());
        user = tmp.resolve("data").resolve("catalog.json");
    }

    @AfterEach
    void tearDown() {
        System.clearProperty("costbench.dataDir");
    }

    private Path file(String name, String text) throws Exception {
        return Files.writeString(tmp.resolve(name), text);
    }

    @Test
    void aDryRunPrintsTheChangesAndWritesNothing() throws Exception {
        Path f = file("models.json", OPENROUTER);
        CliRun r = CliRun.of("", "catalog", "import", "--from", "openrouter", f.toString(), "--dry-run");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("Acme: Chat 1"), r.out());
        assertTrue(r.out().contains("$1.00"), r.out());
        assertTrue(r.out().contains("added"), r.out());
        assertTrue(r.out().contains("5 added, 0 changed, 0 removed, 0 CONFLICT"), r.out());
        assertTrue(r.out().contains("dry run: nothing was written"), r.out());
        assertTrue(r.err().contains("openrouter/auto: its price varies"), r.err());
        assertFalse(Files.exists(user));
    }

    @Test
    void withoutDryRunTheChangesReachTheUserCatalogAndASecondRunFindsNothing() throws Exception {
        Path f = file("models.json", OPENROUTER);
        CliRun r = CliRun.of(
                "", "catalog", "import", "--from", "openrouter", f.toString(), "--only", "openrouter/acme/chat-1");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("applied 3 price changes"), r.out());
        CliRun list = CliRun.of("", "catalog", "list", "--json");
        JsonNode chat = null;
        for (JsonNode m : new ObjectMapper().readTree(list.out())) {
            assertFalse(m.get("id").asText().equals("openrouter/acme/free:free"), "--only left it out");
            if (m.get("id").asText().equals("openrouter/acme/chat-1")) {
                chat = m;
            }
        }
        assertEquals("2", chat.get("prices").get("output").get("perMTok").asText());
        assertEquals("OR-import", chat.get("prices").get("output").get("source").asText());
        CliRun again = CliRun.of(
                "", "catalog", "import", "--from", "openrouter", f.toString(), "--only", "openrouter/acme/chat-1");
        assertTrue(again.out().contains("nothing to change"), again.out());
    }

    @Test
    void jsonHasTheSummaryAndOneObjectPerPrice() throws Exception {
        Path f = file("models.json", OPENROUTER);
        CliRun r = CliRun.of("", "catalog", "import", "--from", "openrouter", f.toString(), "--dry-run", "--json");
        assertEquals(0, r.code(), r.err());
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertEquals("openrouter", j.get("source").asText());
        assertEquals("OpenRouter", j.get("sourceName").asText());
        assertTrue(j.get("dryRun").asBoolean());
        assertFalse(j.get("applied").asBoolean());
        assertEquals(5, j.get("summary").get("added").asInt());
        assertEquals(0, j.get("summary").get("conflict").asInt());
        JsonNode first = j.get("changes").get(0);
        assertEquals("openrouter/acme/chat-1", first.get("model").asText());
        assertEquals("prices.input", first.get("price").asText());
        assertEquals("ADDED", first.get("change").asText());
        assertTrue(first.get("old").isNull());
        assertEquals("1", first.get("new").get("perMTok").asText());
        assertEquals("OpenRouter", first.get("new").get("source").asText());
        assertEquals("OR-import", first.get("new").get("sourceKey").asText());
        assertTrue(j.get("warnings").get(0).asText().contains("openrouter/auto"));
        assertFalse(Files.exists(user));
    }

    @Test
    void anUnknownSourceOrAMalformedFileExitsTwoAndWritesNothing() throws Exception {
        Path f = file("models.json", OPENROUTER);
        CliRun r = CliRun.of("", "catalog", "import", "--from", "models.dev", f.toString());
        assertEquals(2, r.code());
        assertEquals(
                "costbench: unknown --from 'models.dev' (one of litellm, genai-prices, openrouter)",
                r.err().strip());
        Path bad = file("bad.json", "{\"data\":[{\"id\":\"a/b\",\"pricing\":{\"prompt\":\"0.1\"}},{\"pricing\":{}}]}");
        r = CliRun.of("", "catalog", "import", "--from", "openrouter", bad.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("at $.data[1].id"), r.err());
        assertFalse(Files.exists(user));
    }

    @Test
    void aUrlIsDownloadedOnlyBecauseItWasGiven() throws Exception {
        try (MockWebServer server = new MockWebServer()) {
            server.enqueue(new MockResponse.Builder()
                    .body(OPENROUTER)
                    .addHeader("Content-Type", "application/json")
                    .build());
            server.start();
            String url = server.url("/api/v1/models").toString();
            CliRun r = CliRun.of("", "catalog", "import", "--from", "openrouter", url, "--dry-run");
            assertEquals(0, r.code(), r.err());
            assertTrue(r.out().contains("Acme: Chat 1"), r.out());
            assertEquals(1, server.getRequestCount());
            assertEquals("/api/v1/models", server.takeRequest().getUrl().encodedPath());
        }
    }

    @Test
    void diffComparesTwoCatalogFiles() throws Exception {
        String a = """
                {"schemaVersion":1,"sources":{"X":"a list"},"models":[{"id":"m","name":"Model M","provider":"openai",
                 "tier":"mid","source":"X","asOf":"2026-12-01","prices":{"input":1,"output":2,"cachedInput":0.1}}]}
                """;
        Path fa = file("a.json", a);
        Path fb = file("b.json", a.replace("\"input\":1,", "\"input\":1.5,").replace(",\"cachedInput\":0.1", ""));
        CliRun r = CliRun.of("", "catalog", "diff", fa.toString(), fb.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("changed"), r.out());
        assertTrue(r.out().contains("$1.00"), r.out());
        assertTrue(r.out().contains("$1.50"), r.out());
        assertTrue(r.out().contains("0 added, 1 changed, 1 removed, 0 CONFLICT"), r.out());
        r = CliRun.of("", "catalog", "diff", fa.toString(), fb.toString(), "--json");
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertEquals(1, j.get("summary").get("removed").asInt());
        assertEquals("Model M", j.get("changes").get(0).get("name").asText());
        r = CliRun.of("", "catalog", "diff", fa.toString());
        assertEquals(2, r.code());
    }

    @Test
    void aUserCatalogWithProblemsIsSaidOnceWhenACommandPricesWithIt() throws Exception {
        Files.createDirectories(user.getParent());
        Files.writeString(user, "{\"models\": [{\"id\": \"gpt-5\", \"prices\": {\"input\": {\"usd\": \"2.5\"}}}]}");
        Path prompt = file("prompt.txt", "hello there");
        CliRun r = CliRun.of("", "estimate", "--prompt", prompt.toString(), "--models", "gpt-5,gpt-4o-mini");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().contains("has 1 problem, left out of the prices: "), r.err());
        assertTrue(r.err().contains("gpt-5"), r.err());
        assertEquals(1, r.err().split("left out of the prices", -1).length - 1, "said once: " + r.err());
        // 8 input tokens at the built-in $1.25 and 500 output at $10 per 1M (the broken $2.50 override is left out)
        assertTrue(r.out().contains("$0.00501 "), "the built-in price stays: " + r.out());

        CliRun list = CliRun.of("", "catalog", "list");
        assertFalse(list.err().contains("left out of the prices"), "catalog list lists the problems itself");
        assertTrue(list.err().contains("warning: "), list.err());
    }
}
