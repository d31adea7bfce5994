// SPDX-License-Identifier: Apache-2.0
package dev.costbench.providers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.costbench.model.provider.CancelToken;
import dev.costbench.model.provider.ChatRequest;
import dev.costbench.model.provider.ChatResult;
import dev.costbench.model.provider.CredentialStore;
import dev.costbench.model.provider.ProviderClient;
import dev.costbench.model.provider.ProviderException;
import dev.costbench.model.provider.ProviderId;
import dev.costbench.model.provider.ProviderSettings;
import dev.costbench.model.provider.Secret;
import dev.costbench.providers.keys.CredentialStores;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import java.util.stream.Stream;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A recognisable fake key goes through the whole path (encrypted store → config → client → requests, a refused
 * request, an unreadable answer) with every log line and console byte captured; then every file written under
 * the data directory and all captured output are searched for it.
 */
class KeyLeakTest {

    static final String KEY = "sk-test-LEAKCHECK-0123456789abcdef";

    @TempDir
    Path dataDir;

    @Test
    void theKeyNeverLandsInFilesLogsOrMessages() throws Exception {
        StringBuilder logs = new StringBuilder();
        Handler capture = new Handler() {
            private final SimpleFormatter f = new SimpleFormatter();

            @Override
            public void publish(LogRecord r) {
                synchronized (logs) {
                    logs.append(f.format(r));
                }
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
        Logger root = Logger.getLogger("");
        Level rootLevel = root.getLevel();
        Handler[] consoleHandlers = root.getHandlers(); // kept quiet during the run: everything goes to `capture`
        for (Handler h : consoleHandlers) {
            root.removeHandler(h);
        }
        Logger okhttp = Logger.getLogger("okhttp3");
        Level okLevel = okhttp.getLevel();
        root.addHandler(capture);
        root.setLevel(Level.ALL);
        okhttp.setLevel(Level.ALL);
        PrintStream err = System.err;
        PrintStream out = System.out;
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        PrintStream tee = new PrintStream(console, true, StandardCharsets.UTF_8);
        System.setErr(tee);
        System.setOut(tee);
        List<String> seenByServer = new ArrayList<>();
        try (MockWebServer server = new MockWebServer()) {
            server.start();
            run(server, logs, seenByServer);
        } finally {
            System.setErr(err);
            System.setOut(out);
            root.removeHandler(capture);
            for (Handler h : consoleHandlers) {
                root.addHandler(h);
            }
            root.setLevel(rootLevel);
            okhttp.setLevel(okLevel);
        }

        assertTrue(seenByServer.contains("Bearer " + KEY), "the key was really used");
        String b64 = Base64.getEncoder().encodeToString(KEY.getBytes(StandardCharsets.UTF_8));
        List<Path> files;
        try (Stream<Path> s = Files.walk(dataDir)) {
            files = s.filter(Files::isRegularFile).toList();
        }
        assertTrue(files.contains(dataDir.resolve(CredentialStores.FILE_NAME)), "the store wrote its file");
        assertTrue(files.contains(dataDir.resolve(ProviderConfig.FILE_NAME)), "the settings file was written");
        for (Path f : files) {
            String content = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
            assertFalse(content.contains(KEY), "the key is in plain text in " + f);
            assertFalse(content.contains(b64), "the key is in base64 in " + f);
            assertFalse(content.contains("LEAKCHECK"), "part of the key is in " + f);
        }
        String captured = logs + "\n" + console.toString(StandardCharsets.UTF_8);
        assertTrue(captured.contains("KeyLeakTest"), "the capture works: " + captured);
        assertFalse(captured.contains("LEAKCHECK"), "the key is in the logs or console:\n" + captured);
    }

    private void run(MockWebServer server, StringBuilder logs, List<String> seenByServer) throws Exception {
        Logger log = Logger.getLogger(KeyLeakTest.class.getName());
        CredentialStore store = CredentialStores.best(dataDir, () -> "test passphrase".toCharArray(), Optional::empty);
        store.save(ProviderId.OPENAI, new Secret(KEY, "typed in Settings"));

        ProviderConfig config = new ProviderConfig(Map.of(), store, dataDir.resolve(ProviderConfig.FILE_NAME));
        config.saveSettings(ProviderId.OPENAI, server.url("/v1").toString(), List.of("gpt-5-mini"));
        ProviderSettings settings = config.resolve(ProviderId.OPENAI).withRetries(0);
        log.info("resolved " + settings + " key " + settings.key().masked() + " from "
                + settings.key().source());
        System.err.println("settings: " + settings);
        ProviderClient client = Providers.client(settings);

        String usage = "{\"input_tokens\":12,\"input_tokens_details\":{\"cached_tokens\":0},\"output_tokens\":3,"
                + "\"output_tokens_details\":{\"reasoning_tokens\":0},\"total_tokens\":15}";
        server.enqueue(new MockResponse.Builder()
                .code(200)
                .setHeader("Content-Type", "text/event-stream")
                .body("event: response.output_text.delta\ndata: {\"type\":\"response.output_text.delta\","
                        + "\"delta\":\"Hi\"}\n\nevent: response.completed\ndata: {\"type\":\"response.completed\","
                        + "\"response\":{\"id\":\"resp_1\",\"status\":\"completed\",\"model\":\"gpt-5-mini\","
                        + "\"output\":[],\"usage\":" + usage + "}}\n\n")
                .build());
        ChatResult r = client.complete(ChatRequest.of("gpt-5-mini", "sys", "Hello"), d -> {}, CancelToken.none());
        log.info("result " + r);
        assertEquals("Hi", r.text());

        server.enqueue(new MockResponse.Builder()
                .code(200)
                .setHeader("Content-Type", "application/json")
                .body("{\"object\":\"response.input_tokens\",\"input_tokens\":12}")
                .build());
        log.info("count " + client.countTokens(ChatRequest.of("gpt-5-mini", null, "Hello")));

        server.enqueue(new MockResponse.Builder()
                .code(401)
                .setHeader("Content-Type", "application/json")
                .body("{\"error\":{\"message\":\"Incorrect API key provided: " + KEY + ".\",\"type\":"
                        + "\"invalid_request_error\",\"param\":null,\"code\":\"invalid_api_key\"}}")
                .build());
        ProviderException auth = assertThrows(ProviderException.class, client::listModels);
        log.log(Level.WARNING, "refused: " + auth.getMessage() + " body " + auth.body(), auth);
        auth.printStackTrace();

        server.enqueue(new MockResponse.Builder()
                .code(200)
                .setHeader("Content-Type", "text/plain")
                .body(KEY + " is not allowed through this proxy")
                .build());
        ProviderException bad = assertThrows(
                ProviderException.class,
                () -> client.complete(ChatRequest.of("gpt-5-mini", null, "x").withStream(false), null, null));
        log.log(Level.SEVERE, "malformed: " + bad.getMessage() + " body " + bad.body(), bad);

        for (int i = 0; i < 4; i++) {
            seenByServer.add(server.takeRequest().getHeaders().get("Authorization"));
        }
        // the key exists again only in memory: a fresh store instance reads it back with the passphrase
        assertEquals(
                KEY,
                CredentialStores.best(dataDir, () -> "test passphrase".toCharArray(), Optional::empty)
                        .load(ProviderId.OPENAI)
                        .orElseThrow()
                        .reveal());
    }
}
