// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.tokens;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Set;

/**
 * Build step (run by the exec plugin in {@code process-classes}, see app/model/pom.xml): compiles the published rank
 * files {@code o200k_base.tiktoken} and {@code cl100k_base.tiktoken} — taken from the jtokkit jar on the test class
 * path, no network — into the compact form {@link Vocabulary} loads: {@code CBVO}, the token count (u32), the byte
 * length of every token in rank order (u8 each) and then all token bytes. A token's id is its rank.
 *
 * <p>The rank files are checked against the SHA-256 digests tiktoken itself pins for them. Public only so that the
 * exec plugin can run it; not an API.
 */
public final class VocabularyCompiler {

    static final String MAGIC = "CBVO";

    private static final String[][] SOURCES = {
        {"o200k_base", "446a9538cb6c348e3516120d7c08b09f57c36495e2acfffe59a5bf8b0cfb1a2d"},
        {"cl100k_base", "223921b76ee99bde995b7ff738513eef100fb51d18c93597a113bcffe865b2a7"},
    };

    private VocabularyCompiler() {}

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args[0]).resolve("dev/costbench/model/tokens");
        Files.createDirectories(dir);
        for (String[] source : SOURCES) {
            byte[] compiled = compile(readRankFile(source[0], source[1]));
            Path out = dir.resolve(source[0] + ".bin");
            if (!Files.exists(out) || !Arrays.equals(Files.readAllBytes(out), compiled)) {
                Files.write(out, compiled);
            }
        }
    }

    private static byte[] readRankFile(String name, String sha256) throws IOException {
        String resource = "/com/knuddels/jtokkit/" + name + ".tiktoken";
        try (InputStream in = VocabularyCompiler.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " not found: jtokkit must be on the class path");
            }
            byte[] bytes = in.readAllBytes();
            String digest = HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
            if (!digest.equals(sha256)) {
                throw new IllegalStateException(resource + " has SHA-256 " + digest + ", expected " + sha256);
            }
            return bytes;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Compiles the lines {@code base64(token) rank} of a rank file; ranks must be 0..n-1 with no gaps. */
    static byte[] compile(byte[] rankFile) throws IOException {
        String[] lines;
        try (BufferedReader r = new BufferedReader(
                new InputStreamReader(new ByteArrayInputStream(rankFile), StandardCharsets.US_ASCII))) {
            lines = r.lines().filter(l -> !l.isBlank()).toArray(String[]::new);
        }
        byte[][] tokens = new byte[lines.length][];
        for (String line : lines) {
            int space = line.indexOf(' ');
            byte[] token = Base64.getDecoder().decode(line.substring(0, space));
            int rank = Integer.parseInt(line.substring(space + 1).trim());
            if (rank < 0 || rank >= tokens.length || tokens[rank] != null) {
                throw new IllegalStateException("ranks are not 0.." + (tokens.length - 1) + " without gaps: " + rank);
            }
            if (token.length == 0 || token.length > 255) {
                throw new IllegalStateException("token of length " + token.length + " at rank " + rank);
            }
            tokens[rank] = token;
        }
        Set<String> seen = new HashSet<>();
        for (byte[] t : tokens) {
            if (!seen.add(new String(t, StandardCharsets.ISO_8859_1))) {
                throw new IllegalStateException("duplicate token " + Arrays.toString(t));
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(MAGIC.getBytes(StandardCharsets.US_ASCII));
        int n = tokens.length;
        out.write(new byte[] {(byte) (n >>> 24), (byte) (n >>> 16), (byte) (n >>> 8), (byte) n});
        for (byte[] t : tokens) {
            out.write(t.length);
        }
        for (byte[] t : tokens) {
            out.write(t);
        }
        return out.toByteArray();
    }
}
