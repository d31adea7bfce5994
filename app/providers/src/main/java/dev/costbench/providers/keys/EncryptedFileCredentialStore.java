// SPDX-License-Identifier: Apache-2.0
package dev.costbench.providers.keys;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.costbench.model.provider.CredentialStore;
import dev.costbench.model.provider.ProviderId;
import dev.costbench.model.provider.Secret;
import dev.costbench.model.validation.JsonReading;
import dev.costbench.providers.AtomicFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Supplier;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Keys in one file encrypted with a passphrase, for machines without an operating-system credential store.
 *
 * <p>Format (JSON, all binary fields base64): {@code {"format":"costbench-credentials","version":1,
 * "kdf":"PBKDF2WithHmacSHA256","iterations":600000,"salt":…,"cipher":"AES/GCM/NoPadding","iv":…,"data":…}}.
 * The key is derived from the passphrase with PBKDF2-HMAC-SHA256 (600,000 iterations, the OWASP 2023 figure;
 * files with fewer than {@value #MIN_ITERATIONS} are refused), 16-byte random salt, 256-bit output. The data is
 * the JSON map {@code {"openai": "<key>", …}} encrypted with AES-256-GCM under a fresh 12-byte IV on every save,
 * with the header fields as associated data, so changing any of them makes the file unreadable rather than
 * weaker. The file is written to a temporary file beside it and moved into place atomically, owner-only
 * (rw-------) where the file system has POSIX permissions. The plain text exists only in memory.
 *
 * <p>The passphrase is asked for (through the supplier) once per store, when the file is first read or
 * created. A wrong passphrase fails with {@link WrongPassphraseException}; the next call asks again.
 */
public final class EncryptedFileCredentialStore implements CredentialStore {

    /** The default and the floor for PBKDF2 iterations. */
    public static final int ITERATIONS = 600_000;

    static final int MIN_ITERATIONS = 210_000;
    private static final String FORMAT = "costbench-credentials";
    private static final String KDF = "PBKDF2WithHmacSHA256";
    private static final String CIPHER = "AES/GCM/NoPadding";
    private static final ObjectMapper MAPPER = JsonReading.mapper();
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path file;
    private final Supplier<char[]> passphrase;
    private final int iterations;
    private SecretKey key;
    private byte[] salt;
    /** The iteration count {@link #key} was derived with. */
    private int lastIterations = -1;

    /** The passphrase did not decrypt the file (or the file was altered). */
    public static final class WrongPassphraseException extends IOException {
        WrongPassphraseException(Path file, Throwable cause) {
            super(
                    "The passphrase does not open the encrypted key file " + file
                            + " (wrong passphrase, or the file was changed). Enter the passphrase again, or delete the file"
                            + " and enter the keys anew.",
                    cause);
        }
    }

    /**
     * @param file       e.g. {@code AppDirs.dataDir().resolve("credentials.enc")}
     * @param passphrase asked when the file is first opened or created; the array is wiped after use
     */
    public EncryptedFileCredentialStore(Path file, Supplier<char[]> passphrase) {
        this(file, passphrase, ITERATIONS);
    }

    EncryptedFileCredentialStore(Path file, Supplier<char[]> passphrase, int iterations) {
        this.file = file;
        this.passphrase = passphrase;
        this.iterations = iterations;
    }

    public Path file() {
        return file;
    }

    @Override
    public String describe() {
        return "encrypted file";
    }

    @Override
    public synchronized Optional<Secret> load(ProviderId provider) throws IOException {
        String v = read().get(name(provider));
        return v == null ? Optional.empty() : Optional.of(new Secret(v, describe()));
    }

    @Override
    public synchronized void save(ProviderId provider, Secret secret) throws IOException {
        Map<String, String> all = read();
        all.put(name(provider), secret.reveal());
        write(all);
    }

    @Override
    public synchronized void delete(ProviderId provider) throws IOException {
        if (!Files.exists(file)) {
            return;
        }
        Map<String, String> all = read();
        if (all.remove(name(provider)) != null) {
            write(all);
        }
    }

    @Override
    public synchronized Optional<Secret> loadNamed(String name) throws IOException {
        String v = read().get(NAMED + name);
        return v == null ? Optional.empty() : Optional.of(new Secret(v, describe()));
    }

    @Override
    public synchronized void saveNamed(String name, Secret secret) throws IOException {
        Map<String, String> all = read();
        all.put(NAMED + name, secret.reveal());
        write(all);
    }

    @Override
    public synchronized void deleteNamed(String name) throws IOException {
        if (Files.exists(file)) {
            Map<String, String> all = read();
            if (all.remove(NAMED + name) != null) {
                write(all);
            }
        }
    }

    private Map<String, String> read() throws IOException {
        Map<String, String> out = new TreeMap<>();
        if (!Files.exists(file)) {
            return out;
        }
        JsonNode h;
        try {
            h = MAPPER.readTree(Files.readString(file));
        } catch (IOException e) {
            throw new IOException("The encrypted key file " + file + " is damaged (not JSON)", e);
        }
        if (!FORMAT.equals(h.path("format").asText())
                || h.path("version").asInt() != 1
                || !KDF.equals(h.path("kdf").asText())
                || !CIPHER.equals(h.path("cipher").asText())) {
            throw new IOException("The encrypted key file " + file + " has an unknown format");
        }
        int iter = h.path("iterations").asInt();
        if (iter < MIN_ITERATIONS && iterations >= MIN_ITERATIONS) {
            throw new IOException("The encrypted key file " + file + " uses too few key-derivation iterations (" + iter
                    + "); delete it and enter the keys anew");
        }
        byte[] fileSalt = b64(h, "salt");
        byte[] iv = b64(h, "iv");
        byte[] data = b64(h, "data");
        if (key == null || !Arrays.equals(salt, fileSalt)) {
            key = derive(fileSalt, iter);
            salt = fileSalt;
        }
        byte[] plain = null;
        try {
            Cipher c = Cipher.getInstance(CIPHER);
            c.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, iv));
            c.updateAAD(aad(h));
            plain = c.doFinal(data);
            JsonNode map = MAPPER.readTree(plain);
            for (Iterator<Map.Entry<String, JsonNode>> it = map.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                out.put(e.getKey(), e.getValue().asText());
            }
            return out;
        } catch (AEADBadTagException e) {
            key = null; // ask again next time
            salt = null;
            throw new WrongPassphraseException(file, null);
        } catch (GeneralSecurityException e) {
            throw new IOException("Cannot decrypt " + file + ": " + e.getClass().getSimpleName(), e);
        } finally {
            if (plain != null) {
                Arrays.fill(plain, (byte) 0);
            }
        }
    }

    private void write(Map<String, String> all) throws IOException {
        if (key == null) {
            salt = new byte[16];
            RANDOM.nextBytes(salt);
            key = derive(salt, iterations);
        }
        byte[] iv = new byte[12];
        RANDOM.nextBytes(iv);
        ObjectNode h = MAPPER.createObjectNode();
        h.put("format", FORMAT)
                .put("version", 1)
                .put("kdf", KDF)
                .put("iterations", currentIterations())
                .put("salt", Base64.getEncoder().encodeToString(salt))
                .put("cipher", CIPHER)
                .put("iv", Base64.getEncoder().encodeToString(iv));
        byte[] plain = MAPPER.writeValueAsBytes(all);
        try {
            Cipher c = Cipher.getInstance(CIPHER);
            c.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, iv));
            c.updateAAD(aad(h));
            h.put("data", Base64.getEncoder().encodeToString(c.doFinal(plain)));
        } catch (GeneralSecurityException e) {
            throw new IOException("Cannot encrypt the key file: " + e.getClass().getSimpleName(), e);
        } finally {
            Arrays.fill(plain, (byte) 0);
        }
        atomicWrite(MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(h));
    }

    private int currentIterations() {
        return lastIterations > 0 ? lastIterations : iterations;
    }

    private void atomicWrite(String content) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, ".credentials", ".tmp");
        try {
            try {
                Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                // Windows: the user's profile directory is already private
            }
            Files.writeString(tmp, content, StandardCharsets.UTF_8);
            AtomicFiles.moveIntoPlace(tmp, file);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private SecretKey derive(byte[] s, int iter) throws IOException {
        char[] pass = passphrase.get();
        if (pass == null || pass.length == 0) {
            throw new IOException("A passphrase is needed to open the encrypted key file " + file);
        }
        PBEKeySpec spec = new PBEKeySpec(pass, s, iter, 256);
        try {
            byte[] k = SecretKeyFactory.getInstance(KDF).generateSecret(spec).getEncoded();
            lastIterations = iter;
            SecretKey out = new SecretKeySpec(k, "AES");
            Arrays.fill(k, (byte) 0);
            return out;
        } catch (GeneralSecurityException e) {
            throw new IOException("Cannot derive the file key: " + e.getClass().getSimpleName(), e);
        } finally {
            spec.clearPassword();
            Arrays.fill(pass, '\0');
        }
    }

    /** The header fields bound to the ciphertext. */
    private static byte[] aad(JsonNode h) {
        return (h.path("format").asText() + "|" + h.path("version").asInt() + "|"
                        + h.path("kdf").asText() + "|" + h.path("iterations").asInt() + "|"
                        + h.path("salt").asText() + "|" + h.path("cipher").asText())
                .getBytes(StandardCharsets.UTF_8);
    }

    private byte[] b64(JsonNode h, String field) throws IOException {
        try {
            return Base64.getDecoder().decode(h.path(field).asText());
        } catch (IllegalArgumentException e) {
            throw new IOException("The encrypted key file " + file + " is damaged (" + field + ")", e);
        }
    }

    /** Named secrets' entries start with this, so no name can take a provider's entry. */
    private static final String NAMED = "named:";

    private static String name(ProviderId p) {
        return p.name().toLowerCase(Locale.ROOT);
    }
}
