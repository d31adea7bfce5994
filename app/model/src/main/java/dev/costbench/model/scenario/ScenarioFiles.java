// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.scenario;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import dev.costbench.model.validation.JsonNumbers;
import dev.costbench.model.validation.JsonReading;
import dev.costbench.model.validation.NumberRefusedException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Scenario files: JSON with exact decimals, lower-case enum values and each lever written flat
 * ({@code {"id": …, "type": "routing", "routes": […]}}). Reads the built-in samples of {@code resources/scenarios}.
 */
public final class ScenarioFiles {

    /** Classpath folder of the built-in samples ({@code resources/scenarios} in the repository). */
    public static final String SAMPLE_DIR = "/scenarios/";

    /** The built-in samples, one per seed example, by file name without {@code .json}. */
    public static final List<String> SAMPLES = List.of(
            "seed003-video-moderation",
            "seed001-prompt-caching",
            "seed001-fine-tuning",
            "seed001-self-hosting",
            "seed000-support-tickets",
            "seed004-chatbot-basic",
            "seed004-chatbot-advanced",
            "seed002-tiering-story");

    static final int SCHEMA_VERSION = 1;
    private static final Set<String> ENTRY_FIELDS = Set.of("id", "label", "enabled", "appliesTo", "note");

    private static final ObjectMapper MAPPER = JsonReading.builder()
            .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .serializationInclusion(JsonInclude.Include.NON_EMPTY)
            .addModule(new SimpleModule().addSerializer(new LowerCaseEnums()))
            .build();

    /** Two-space indent, {@code "key": value}. */
    private static final DefaultPrettyPrinter PRINTER = new DefaultPrettyPrinter()
            .withSeparators(Separators.createDefaultInstance().withObjectFieldValueSpacing(Separators.Spacing.AFTER))
            .withArrayIndenter(new DefaultIndenter("  ", "\n"))
            .withObjectIndenter(new DefaultIndenter("  ", "\n"));

    private ScenarioFiles() {}

    /** A file's content that is not a valid scenario: the message names the file and the field. */
    public static final class ScenarioFileException extends IOException {
        private static final long serialVersionUID = 1L;

        public ScenarioFileException(String message) {
            super(message);
        }
    }

    public static Scenario read(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file.getFileName().toString());
        }
    }

    public static Scenario read(InputStream in, String name) throws IOException {
        return fromJson(new String(in.readAllBytes(), StandardCharsets.UTF_8), name);
    }

    /** Parses scenario JSON; {@code name} is used in messages. */
    public static Scenario fromJson(String json, String name) throws ScenarioFileException {
        JsonNode root;
        try {
            root = JsonReading.readTree(MAPPER, json);
        } catch (JsonProcessingException e) {
            throw new ScenarioFileException(name + ": " + JsonReading.describe(e));
        }
        if (root == null || !root.isObject()) {
            throw new ScenarioFileException(name + ": expected a JSON object with a \"workload\"");
        }
        ObjectNode obj = (ObjectNode) root;
        // Every number is checked against its declared range before anything binds or computes with it; an explicit
        // "daysPerMonth": 0 is refused here (the record would otherwise read it as the default, 30).
        try {
            JsonNumbers.require(obj, ScenarioNumbers::kind);
        } catch (NumberRefusedException e) {
            throw new ScenarioFileException(name + ": " + e.getMessage());
        }
        JsonNode version = obj.remove("schemaVersion");
        if (version != null && version.asInt(-1) != SCHEMA_VERSION) {
            throw new ScenarioFileException(
                    name + ": unsupported schemaVersion " + version + " (this CostBench reads " + SCHEMA_VERSION + ")");
        }
        JsonNode levers = obj.get("levers");
        if (levers != null && levers.isArray()) {
            ArrayNode nested = MAPPER.createArrayNode();
            for (JsonNode l : levers) {
                nested.add(l.isObject() ? nest((ObjectNode) l) : l);
            }
            obj.set("levers", nested);
        }
        try {
            return MAPPER.treeToValue(obj, Scenario.class);
        } catch (JsonMappingException e) {
            throw new ScenarioFileException(name + ": " + path(e) + e.getOriginalMessage());
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new ScenarioFileException(name + ": " + e.getMessage());
        }
    }

    /** The scenario as the JSON a file holds. */
    public static String toJson(Scenario s) {
        ObjectNode root = toTree(s);
        try {
            return MAPPER.writer(PRINTER).writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The scenario as the JSON tree a file holds (levers flat), without formatting any number. */
    static ObjectNode toTree(Scenario s) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("schemaVersion", SCHEMA_VERSION);
        root.setAll((ObjectNode) MAPPER.valueToTree(s));
        JsonNode levers = root.get("levers");
        if (levers != null) {
            ArrayNode flat = MAPPER.createArrayNode();
            for (JsonNode l : levers) {
                ObjectNode entry = ((ObjectNode) l).deepCopy();
                JsonNode lever = entry.remove("lever");
                // Keep "enabled": false visible; true is the default but written too, for the reader's sake.
                entry.setAll((ObjectNode) lever);
                flat.add(entry);
            }
            root.set("levers", flat);
        }
        return root;
    }

    /**
     * True when {@code a} and {@code b} would be the same file apart from how numbers are written ({@code 0} and
     * {@code 0.00} are the same growth): what "unsaved changes" is measured with.
     */
    public static boolean sameContent(Scenario a, Scenario b) {
        if (a == null || b == null) {
            return a == b;
        }
        Comparator<JsonNode> numbers = (x, y) ->
                x.isNumber() && y.isNumber() ? x.decimalValue().compareTo(y.decimalValue()) : x.equals(y) ? 0 : 1;
        return a.equals(b) || toTree(a).equals(numbers, toTree(b));
    }

    /** Writes atomically (a temporary file, then a move). */
    public static void write(Scenario s, Path file) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        if (dir != null) {
            Files.createDirectories(dir);
        }
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(tmp, toJson(s), StandardCharsets.UTF_8);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** A built-in sample by name ({@code seed003-video-moderation}); null when there is no such sample. */
    public static Scenario sample(String name) {
        String n = name.endsWith(".json") ? name.substring(0, name.length() - 5) : name;
        if (!SAMPLES.contains(n)) {
            return null;
        }
        try (InputStream in = ScenarioFiles.class.getResourceAsStream(SAMPLE_DIR + n + ".json")) {
            if (in == null) {
                throw new IllegalStateException(SAMPLE_DIR + n + ".json is missing from the classpath");
            }
            return read(in, n + ".json");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ObjectNode nest(ObjectNode flat) {
        ObjectNode entry = MAPPER.createObjectNode();
        ObjectNode lever = MAPPER.createObjectNode();
        Iterator<Map.Entry<String, JsonNode>> it = flat.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> f = it.next();
            (ENTRY_FIELDS.contains(f.getKey()) ? entry : lever).set(f.getKey(), f.getValue());
        }
        entry.set("lever", lever);
        return entry;
    }

    /** "levers[2].hitRate: " from Jackson's reference chain, with the nesting of levers hidden. */
    private static String path(JsonMappingException e) {
        List<String> parts = new ArrayList<>();
        for (JsonMappingException.Reference r : e.getPath()) {
            if (r.getFieldName() != null) {
                if (!r.getFieldName().equals("lever")) {
                    parts.add("." + r.getFieldName());
                }
            } else if (r.getIndex() >= 0) {
                parts.add("[" + r.getIndex() + "]");
            }
        }
        String p = String.join("", parts);
        if (p.startsWith(".")) {
            p = p.substring(1);
        }
        return p.isEmpty() ? "" : p + ": ";
    }

    /** Enum values as lower-case JSON strings ("day", "five_minutes"); reading is case-insensitive. */
    @SuppressWarnings({"rawtypes", "unchecked"})
    private static final class LowerCaseEnums extends StdSerializer<Enum> {
        private static final long serialVersionUID = 1L;

        LowerCaseEnums() {
            super(Enum.class);
        }

        @Override
        public void serialize(Enum value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            gen.writeString(value.name().toLowerCase(Locale.ROOT));
        }
    }
}
