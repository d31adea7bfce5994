// SPDX-License-Identifier: Apache-2.0
package dev.costbench.providers.keys;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.costbench.model.provider.ProviderId;
import dev.costbench.model.provider.Secret;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayDeque;
import java.util.Base64;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EncryptedFileCredentialStoreTest {

    static final String OPENAI_KEY = "sk-proj-AbCdEf0123456789AbCdEf0123456789";
    static final String ANTHROPIC_KEY = "sk-ant-api03-ZyXwVu9876543210";
    /** Fast stores for most tests; {@link #theDefaultDerivationIsStrong} checks the real figure. */
    static final int FAST = 1_000;

    @TempDir
    Path dir;

    static Supplier<char[]> pass(String... answers) {
        Deque<String> q = new ArrayDeque<>(List.of(answers));
        return () -> (q.size() > 1 ? q.poll() : q.peek()).toCharArray();
    }

    private EncryptedFileCredentialStore store(Supplier<char[]> p) {
        return new EncryptedFileCredentialStore(dir.resolve("credentials.enc"), p, FAST);
    }

    @Test
    void aNamedSecretIsKeptEncryptedBesideTheKeysAndNeverTakesAProvidersEntry() throws Exception {
        String password = "team-store-pw-0123456789";
        EncryptedFileCredentialStore a = store(pass("correct horse"));
        a.save(ProviderId.OPENAI, new Secret(OPENAI_KEY, "typed"));
        a.saveNamed("openai", new Secret(password, "typed"));
        EncryptedFileCredentialStore b = store(pass("correct horse"));
        assertEquals(password, b.loadNamed("openai").orElseThrow().reveal());
        assertEquals(OPENAI_KEY, b.load(ProviderId.OPENAI).orElseThrow().reveal(), "the key is untouched");
        assertFalse(new String(Files.readAllBytes(a.file()), StandardCharsets.ISO_8859_1).contains(password));
        b.deleteNamed("openai");
        assertEquals(Optional.empty(), store(pass("correct horse")).loadNamed("openai"));
        assertEquals(
                OPENAI_KEY,
                store(pass("correct horse"))
                        .load(ProviderId.OPENAI)
                        .orElseThrow()
                        .reveal());
    }

    @Test
    void roundTripAcrossInstancesAndNoPlainTextOnDisk() throws Exception {
        EncryptedFileCredentialStore a = store(pass("correct horse"));
        assertEquals(Optional.empty(), a.load(ProviderId.OPENAI), "no file yet");
        a.save(ProviderId.OPENAI, new Secret(OPENAI_KEY, "typed"));
        a.save(ProviderId.ANTHROPIC, new Secret(ANTHROPIC_KEY, "typed"));

        EncryptedFileCredentialStore b = store(pass("correct horse"));
        Secret k = b.load(ProviderId.OPENAI).orElseThrow();
        assertEquals(OPENAI_KEY, k.reveal());
        assertEquals("encrypted file", k.source());
        assertEquals(ANTHROPIC_KEY, b.load(ProviderId.ANTHROPIC).orElseThrow().reveal());
        assertEquals(Optional.empty(), b.load(ProviderId.GEMINI));

        byte[] raw = Files.readAllBytes(a.file());
        String text = new String(raw, StandardCharsets.ISO_8859_1);
        for (String secret : new String[] {OPENAI_KEY, ANTHROPIC_KEY}) {
            assertFalse(text.contains(secret));
            assertFalse(text.contains(Base64.getEncoder().encodeToString(secret.getBytes(StandardCharsets.UTF_8))));
        }
        assertFalse(text.contains("correct horse"));
        JsonNode h = new ObjectMapper().readTree(raw);
        assertEquals("costbench-credentials", h.path("format").asText());
        assertEquals("PBKDF2WithHmacSHA256", h.path("kdf").asText());
        assertEquals("AES/GCM/NoPadding", h.path("cipher").asText());
        assertEquals(16, Base64.getDecoder().decode(h.path("salt").asText()).length);
        assertEquals(12, Base64.getDecoder().decode(h.path("iv").asText()).length);
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(a.file()), files.toList(), "no temporary files left behind");
        }
    }

    @Test
    void everySaveUsesAFreshIv() throws Exception {
        EncryptedFileCredentialStore s = store(pass("pw"));
        s.save(ProviderId.OPENAI, new Secret(OPENAI_KEY, null));
        String iv1 = new ObjectMapper().readTree(s.file().toFile()).path("iv").asText();
        s.save(ProviderId.OPENAI, new Secret(OPENAI_KEY, null));
        String iv2 = new ObjectMapper().readTree(s.file().toFile()).path("iv").asText();
        assertNotEquals(iv1, iv2);
    }

    @Test
    void aWrongPassphraseIsAClearErrorAndCanBeRetried() throws Exception {
        store(pass("right")).save(ProviderId.OPENAI, new Secret(OPENAI_KEY, null));
        EncryptedFileCredentialStore s = store(pass("wrong", "right"));
        EncryptedFileCredentialStore.WrongPassphraseException e = assertThrows(
                EncryptedFileCredentialStore.WrongPassphraseException.class, () -> s.load(ProviderId.OPENAI));
        assertTrue(e.getMessage().startsWith("The passphrase does not open the encrypted key file"), e.getMessage());
        assertEquals(OPENAI_KEY, s.load(ProviderId.OPENAI).orElseThrow().reveal(), "asked again, then opened");
    }

    @Test
    void aTamperedHeaderDoesNotOpen() throws Exception {
        EncryptedFileCredentialStore s = store(pass("pw"));
        s.save(ProviderId.OPENAI, new Secret(OPENAI_KEY, null));
        String json = Files.readString(s.file());
        Files.writeString(s.file(), json.replaceFirst("\"iterations\" : \\d+", "\"iterations\" : 1001"));
        assertThrows(
                EncryptedFileCredentialStore.WrongPassphraseException.class,
                () -> store(pass("pw")).load(ProviderId.OPENAI));
    }

    @Test
    void deleteRemovesOneProvider() throws Exception {
        EncryptedFileCredentialStore s = store(pass("pw"));
        s.delete(ProviderId.OPENAI); // no file: nothing to do
        s.save(ProviderId.OPENAI, new Secret(OPENAI_KEY, null));
        s.save(ProviderId.GEMINI, new Secret("AIzaSyA-0123456789", null));
        s.delete(ProviderId.OPENAI);
        EncryptedFileCredentialStore t = store(pass("pw"));
        assertEquals(Optional.empty(), t.load(ProviderId.OPENAI));
        assertEquals(
                "AIzaSyA-0123456789", t.load(ProviderId.GEMINI).orElseThrow().reveal());
    }

    @Test
    void theFileIsOwnerOnlyAndThePassphraseArrayIsWiped() throws Exception {
        char[] given = "s3cret-pass".toCharArray();
        EncryptedFileCredentialStore s =
                new EncryptedFileCredentialStore(dir.resolve("credentials.enc"), () -> given, FAST);
        s.save(ProviderId.OPENAI, new Secret(OPENAI_KEY, null));
        assertArrayEquals(new char[given.length], given);
        if (Files.getFileAttributeView(s.file(), PosixFileAttributeView.class) != null) {
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(s.file())));
        }
    }

    @Test
    void anEmptyPassphraseIsRefused() {
        EncryptedFileCredentialStore s = store(() -> new char[0]);
        assertThrows(IOException.class, () -> s.save(ProviderId.OPENAI, new Secret(OPENAI_KEY, null)));
        assertFalse(Files.exists(s.file()));
    }

    @Test
    void theDefaultDerivationIsStrong() throws Exception {
        EncryptedFileCredentialStore s = new EncryptedFileCredentialStore(dir.resolve("credentials.enc"), pass("pw"));
        s.save(ProviderId.OPENAI, new Secret(OPENAI_KEY, null));
        int iterations = new ObjectMapper()
                .readTree(s.file().toFile())
                .path("iterations")
                .asInt();
        assertEquals(EncryptedFileCredentialStore.ITERATIONS, iterations);
        assertTrue(iterations >= 210_000);
        assertEquals(
                OPENAI_KEY,
                new EncryptedFileCredentialStore(s.file(), pass("pw"))
                        .load(ProviderId.OPENAI)
                        .orElseThrow()
                        .reveal());
    }

    @Test
    void aWeakFileIsRefusedByAStrongStore() throws Exception {
        store(pass("pw")).save(ProviderId.OPENAI, new Secret(OPENAI_KEY, null));
        IOException e = assertThrows(
                IOException.class,
                () -> new EncryptedFileCredentialStore(dir.resolve("credentials.enc"), pass("pw"))
                        .load(ProviderId.OPENAI));
        assertTrue(e.getMessage().contains("too few key-derivation iterations"), e.getMessage());
    }
}
