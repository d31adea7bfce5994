// SPDX-License-Identifier: Apache-2.0
package dev.costbench.providers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.costbench.model.app.AppDirs;
import dev.costbench.model.provider.CredentialStore;
import dev.costbench.model.provider.ProviderId;
import dev.costbench.model.provider.ProviderSettings;
import dev.costbench.model.provider.Secret;
import dev.costbench.model.validation.JsonReading;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Resolves how to reach each provider. For the key and the base URL the first source that has a value wins:
 * <ol>
 *   <li>explicit overrides (the command line's {@code --base-url}, a key typed into a dialog);</li>
 *   <li>environment variables: {@code OPENAI_API_KEY}, {@code ANTHROPIC_API_KEY}, {@code GEMINI_API_KEY} then
 *       {@code GOOGLE_API_KEY}, {@code OPENAI_COMPATIBLE_API_KEY}; base URLs {@code OPENAI_BASE_URL},
 *       {@code ANTHROPIC_BASE_URL}, {@code GEMINI_BASE_URL}, {@code OPENAI_COMPATIBLE_BASE_URL}
 *       ({@link ProviderId});</li>
 *   <li>keys: the {@link CredentialStore}; base URLs and default models: the settings file
 *       ({@value #FILE_NAME} in the data directory, which never holds a key);</li>
 *   <li>the provider's default base URL; no key.</li>
 * </ol>
 * The settings file may also hold, per provider, {@value #CALL_TIMEOUT} (the deadline for one call, retries and
 * the whole stream included), {@value #STREAM_IDLE_TIMEOUT} (longest time a stream may send only keep-alives) and
 * {@value #READ_TIMEOUT} (longest silence); absent fields keep the defaults of {@link ProviderSettings#defaults}.
 * {@link Secret#source()} says which source gave the key ("environment OPENAI_API_KEY", "command line",
 * "macOS Keychain", "encrypted file"). Empty variables count as unset.
 */
public final class ProviderConfig {

    /** The non-secret settings file. */
    public static final String FILE_NAME = "providers.json";
    /** Optional per-provider fields of the settings file, in seconds (see docs/reliability/network.md). */
    public static final String CALL_TIMEOUT = "callTimeoutSeconds";

    public static final String STREAM_IDLE_TIMEOUT = "streamIdleTimeoutSeconds";
    public static final String READ_TIMEOUT = "readTimeoutSeconds";
    private static final ObjectMapper MAPPER = JsonReading.mapper();

    private final Map<String, String> env;
    private final CredentialStore store;
    private final Path settingsFile;

    /**
     * @param env          environment variables ({@code System.getenv()}, or a map in tests)
     * @param store        where keys entered in Settings are kept, or null for none
     * @param settingsFile the non-secret settings file (may not exist yet)
     */
    public ProviderConfig(Map<String, String> env, CredentialStore store, Path settingsFile) {
        this.env = Map.copyOf(env);
        this.store = store;
        this.settingsFile = settingsFile;
    }

    /** The real environment and {@code <data dir>/providers.json}. */
    public static ProviderConfig fromSystem(CredentialStore store) {
        return new ProviderConfig(System.getenv(), store, AppDirs.dataDir().resolve(FILE_NAME));
    }

    public CredentialStore store() {
        return store;
    }

    /** Settings with no overrides. */
    public ProviderSettings resolve(ProviderId id) throws IOException {
        return resolve(id, null, null);
    }

    /**
     * The settings for {@code id}: key and base URL from the first source that has one, default timeouts.
     *
     * @param baseUrlOverride e.g. {@code --base-url}, or null
     * @param keyOverride     a key given explicitly, or null
     * @throws IOException when the credential store cannot be read (e.g. a wrong passphrase)
     */
    public ProviderSettings resolve(ProviderId id, String baseUrlOverride, Secret keyOverride) throws IOException {
        Secret key = keyOverride != null && !keyOverride.isEmpty() ? keyOverride : key(id).orElse(null);
        ProviderSettings s = ProviderSettings.defaults(id, key).withBaseUrl(baseUrl(id, baseUrlOverride));
        JsonNode section = section(id);
        s = s.withTimeouts(
                s.connectTimeout(),
                seconds(id, section, READ_TIMEOUT, s.readTimeout()),
                seconds(id, section, CALL_TIMEOUT, s.callTimeout()));
        return s.withStreamIdleTimeout(seconds(id, section, STREAM_IDLE_TIMEOUT, s.streamIdleTimeout()));
    }

    /** A timeout from the provider's section of the settings file, or {@code fallback} when it has none. */
    private Duration seconds(ProviderId id, JsonNode section, String field, Duration fallback) throws IOException {
        JsonNode v = section.path(field);
        if (v.isMissingNode() || v.isNull()) {
            return fallback;
        }
        if (!v.isNumber() || v.asDouble() <= 0 || v.asDouble() > 86_400) {
            throw new IOException("In the provider settings file " + settingsFile + ", "
                    + id.name().toLowerCase(Locale.ROOT) + "." + field + " must be a number of seconds between 0 and"
                    + " 86400 (found " + v + "); fix or remove it to use the default");
        }
        return Duration.ofMillis(Math.round(v.asDouble() * 1000));
    }

    /** The key from the environment, else the credential store. */
    public Optional<Secret> key(ProviderId id) throws IOException {
        List<String> vars = new ArrayList<>(List.of(id.keyVariable()));
        if (id == ProviderId.GEMINI) {
            vars.add("GOOGLE_API_KEY");
        }
        for (String v : vars) {
            String k = env(v);
            if (k != null) {
                return Optional.of(new Secret(k, "environment " + v));
            }
        }
        return store == null ? Optional.empty() : store.load(id);
    }

    /** The base URL: override, environment, settings file, default. */
    public String baseUrl(ProviderId id, String override) throws IOException {
        if (override != null && !override.isBlank()) {
            return override.trim();
        }
        String e = env(id.baseUrlVariable());
        if (e != null) {
            return e;
        }
        JsonNode saved = section(id).path("baseUrl");
        return saved.isTextual() && !saved.asText().isBlank() ? saved.asText() : id.defaultBaseUrl();
    }

    /** Where {@link #baseUrl} took its value from: "command line", "environment X", "settings", "default". */
    public String baseUrlSource(ProviderId id, String override) throws IOException {
        if (override != null && !override.isBlank()) {
            return "command line";
        }
        if (env(id.baseUrlVariable()) != null) {
            return "environment " + id.baseUrlVariable();
        }
        return section(id).path("baseUrl").isTextual() ? "settings" : "default";
    }

    /** The user's default models for {@code id} (empty when none are saved). */
    public List<String> defaultModels(ProviderId id) throws IOException {
        List<String> out = new ArrayList<>();
        for (JsonNode m : section(id).path("defaultModels")) {
            out.add(m.asText());
        }
        return out;
    }

    /**
     * Saves the non-secret settings of one provider (a null base URL removes the saved one). Written atomically.
     * Keys go to {@link #store()}, never here.
     */
    public synchronized void saveSettings(ProviderId id, String baseUrl, List<String> defaultModels)
            throws IOException {
        ObjectNode root = Files.exists(settingsFile) ? (ObjectNode) readRoot() : MAPPER.createObjectNode();
        String name = id.name().toLowerCase(Locale.ROOT);
        ObjectNode s = root.path(name).isObject() ? (ObjectNode) root.get(name) : root.putObject(name);
        s.remove("baseUrl"); // other fields (timeouts the user set by hand) are kept
        if (baseUrl != null && !baseUrl.isBlank()) {
            s.put("baseUrl", baseUrl.trim());
        }
        ArrayNode models = s.putArray("defaultModels");
        defaultModels.forEach(models::add);
        Path dir = settingsFile.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, ".providers", ".tmp");
        try {
            Files.writeString(
                    tmp, MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(root), StandardCharsets.UTF_8);
            AtomicFiles.moveIntoPlace(tmp, settingsFile);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private JsonNode section(ProviderId id) throws IOException {
        if (!Files.exists(settingsFile)) {
            return MAPPER.missingNode();
        }
        return readRoot().path(id.name().toLowerCase(Locale.ROOT));
    }

    private JsonNode readRoot() throws IOException {
        JsonNode n = MAPPER.readTree(settingsFile.toFile());
        if (n == null || !n.isObject()) {
            throw new IOException("The provider settings file " + settingsFile + " is not a JSON object");
        }
        return n;
    }

    private String env(String name) {
        String v = env.get(name);
        return v == null || v.isBlank() ? null : v.trim();
    }
}
