// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.lab.promptfoo;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.costbench.model.lab.judge.JudgeSpec;
import dev.costbench.model.lab.run.ExperimentSpec;
import dev.costbench.model.lab.run.SpecException;
import dev.costbench.model.lab.stats.Check;
import dev.costbench.model.lab.stats.QualitySettings;
import dev.costbench.model.provider.ChatRequest;
import dev.costbench.model.validation.JsonReading;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a {@code promptfooconfig.yaml} as an A/B experiment: prompts become variants ({@link PromptfooPrompts}),
 * providers models ({@link PromptfooProviders}), tests inputs ({@link PromptfooTests}), assertions checks
 * ({@link PromptfooAsserts}) and {@code llm-rubric} the judge. CostBench's checks and judge apply to every input, so
 * an assertion becomes a check only when {@code defaultTest} has it or every test has it; the rest is reported in
 * {@link Imported#unmapped()} with the reason, as is everything else the experiment cannot hold.
 */
public final class PromptfooImport {

    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    static final ObjectMapper JSON = JsonReading.mapper();

    private static final Set<String> KNOWN =
            Set.of("description", "prompts", "providers", "tests", "defaultTest", "evaluateOptions");

    private PromptfooImport() {}

    /** Reads {@code file}; {@code file://} paths are relative to its folder. */
    public static Imported read(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        String stem = file.getFileName().toString().replaceFirst("\\.ya?ml$", "");
        return parse(text, file.toString(), file.toAbsolutePath().getParent(), stem);
    }

    /**
     * Parses a configuration's text.
     *
     * @param where   names the source in messages
     * @param baseDir where {@code file://} paths start, or null to read no files
     * @param name    the experiment's name when the configuration has no description
     * @throws SpecException when the text is not YAML, or nothing in it can be run (no prompt or no provider)
     */
    public static Imported parse(String text, String where, Path baseDir, String name) throws IOException {
        JsonNode root;
        try {
            root = YAML.readTree(text);
        } catch (JsonProcessingException e) {
            JsonLocation l = e.getLocation();
            throw new SpecException(where + " is not valid YAML"
                    + (l == null ? "" : " (line " + l.getLineNr() + ", column " + l.getColumnNr() + ")") + ": "
                    + e.getOriginalMessage() + ". Fix the file and import it again; nothing was created.");
        }
        if (root == null || !root.isObject()) {
            throw new SpecException(where + " is not a promptfoo configuration (expected a map with prompts, "
                    + "providers and tests); nothing was created.");
        }
        List<Unmapped> unmapped = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        root.fieldNames().forEachRemaining(k -> {
            if (!KNOWN.contains(k)) {
                unmapped.add(new Unmapped(
                        k,
                        k.equals("env")
                                ? "keys and settings in env are not imported: CostBench reads API keys from the Providers "
                                        + "tab or the environment, never from an imported file"
                                : "no matching CostBench setting"));
            }
        });
        PromptfooFiles files = new PromptfooFiles(baseDir);
        List<ExperimentSpec.VariantSpec> variants = PromptfooPrompts.map(root.get("prompts"), files, unmapped);
        PromptfooProviders.Mapped providers = PromptfooProviders.map(root.get("providers"), unmapped, notes);
        if (variants.isEmpty() || providers.models().isEmpty()) {
            throw new SpecException(where + ": " + (variants.isEmpty() ? "no prompt" : "no provider")
                    + " CostBench can use, so there is nothing to run; nothing was created."
                    + (unmapped.isEmpty() ? "" : " Not imported: " + unmapped));
        }
        JsonNode defaultTest = root.path("defaultTest");
        PromptfooTests.Test defaults = defaultTest.isObject()
                ? PromptfooTests.test(defaultTest, "defaultTest", files, unmapped, "default")
                : new PromptfooTests.Test("defaultTest", "default", Map.of(), List.of());
        List<PromptfooTests.Test> tests = PromptfooTests.map(root.get("tests"), files, unmapped);

        List<Check> checks = new ArrayList<>();
        List<String> rubrics = new ArrayList<>();
        for (int i = 0; i < defaults.asserts().size(); i++) {
            quality(defaults.asserts().get(i), "defaultTest.assert[" + i + "]", checks, rubrics, unmapped);
        }
        Set<String> inEvery = inEveryTest(tests);
        for (int t = 0; t < tests.size(); t++) {
            List<JsonNode> asserts = tests.get(t).asserts();
            for (int i = 0; i < asserts.size(); i++) {
                String at = tests.get(t).at() + ".assert[" + i + "]";
                if (!inEvery.contains(asserts.get(i).toString())) {
                    unmapped.add(new Unmapped(
                            at,
                            PromptfooAsserts.type(asserts.get(i)) + " applies to this test "
                                    + "only: CostBench's checks and judge apply to every input (put it in defaultTest, "
                                    + "or in every test)"));
                } else if (t == 0) {
                    quality(asserts.get(i), at + " (in every test)", checks, rubrics, unmapped);
                }
            }
        }
        List<ExperimentSpec.InputSpec> inputs = new ArrayList<>();
        for (PromptfooTests.Test t : tests) {
            Map<String, String> vars = new LinkedHashMap<>(defaults.vars());
            vars.putAll(t.vars());
            inputs.add(new ExperimentSpec.InputSpec(t.label(), vars));
        }
        if (inputs.isEmpty() && !defaults.vars().isEmpty()) {
            inputs.add(new ExperimentSpec.InputSpec("default", defaults.vars()));
        }
        JudgeSpec judge = judge(rubrics, defaultTest, providers.models(), notes, unmapped);
        int repetitions =
                Math.max(1, root.path("evaluateOptions").path("repeat").asInt(1));
        root.path("evaluateOptions").fieldNames().forEachRemaining(k -> {
            if (!k.equals("repeat")) {
                unmapped.add(new Unmapped("evaluateOptions." + k, "no matching CostBench setting"));
            }
        });
        String description = root.path("description").isTextual()
                ? root.path("description").asText().strip()
                : null;
        ExperimentSpec spec = new ExperimentSpec(
                description == null || description.isEmpty() ? name : description,
                "Imported from promptfoo: " + where,
                variants,
                inputs,
                providers.models(),
                repetitions,
                null,
                false,
                providers.params(),
                true,
                providers.openAiChat() ? ChatRequest.OpenAiApi.CHAT_COMPLETIONS : null,
                new QualitySettings(List.copyOf(new LinkedHashSet<>(checks)), null, judge));
        return new Imported(spec, unmapped, notes);
    }

    private static void quality(JsonNode a, String at, List<Check> checks, List<String> rubrics, List<Unmapped> um) {
        if (PromptfooAsserts.type(a).equals("llm-rubric")) {
            String value = a.path("value").asText("").strip();
            if (value.isEmpty()) {
                um.add(new Unmapped(at, "llm-rubric needs a value (what a good answer does)"));
            } else if (value.contains("{{")) {
                um.add(new Unmapped(
                        at, "llm-rubric with {{variables}}: the judge's rubric is the same for every " + "input"));
            } else {
                rubrics.add(value);
            }
            return;
        }
        checks.addAll(PromptfooAsserts.checks(a, at, um));
    }

    /** The assertions (as JSON text) every test has; none when there are no tests. */
    private static Set<String> inEveryTest(List<PromptfooTests.Test> tests) {
        Set<String> common = null;
        for (PromptfooTests.Test t : tests) {
            Set<String> mine = new HashSet<>();
            t.asserts().forEach(a -> mine.add(a.toString()));
            if (common == null) {
                common = mine;
            } else {
                common.retainAll(mine);
            }
        }
        return common == null ? Set.of() : common;
    }

    private static JudgeSpec judge(
            List<String> rubrics,
            JsonNode defaultTest,
            List<ExperimentSpec.ModelSpec> models,
            List<String> notes,
            List<Unmapped> unmapped) {
        if (rubrics.isEmpty()) {
            return null;
        }
        StringBuilder rubric = new StringBuilder("Score how well the answer meets ")
                .append(rubrics.size() == 1 ? "this requirement" : "these requirements")
                .append(":\n");
        for (String r : new LinkedHashSet<>(rubrics)) {
            rubric.append("- ").append(r).append('\n');
        }
        rubric.append("5 = fully meets ")
                .append(rubrics.size() == 1 ? "it" : "all of them")
                .append("; 1 = does not meet ")
                .append(rubrics.size() == 1 ? "it" : "them")
                .append("; 2–4 in between.");
        JsonNode grader = defaultTest.path("options").path("provider");
        String graderId =
                grader.isTextual() ? grader.asText() : grader.path("id").asText(null);
        String model = null;
        if (graderId != null) {
            ExperimentSpec.ModelSpec m =
                    PromptfooProviders.model(graderId, "defaultTest.options.provider", unmapped, notes);
            model = m == null ? null : m.id();
        }
        if (model == null) {
            model = models.get(0).id();
            notes.add("llm-rubric: the judge is " + model + " (promptfoo's default grader is not carried over); "
                    + "change it with costbench ab judge ID --model M");
        }
        return JudgeSpec.of(model, rubric.toString());
    }

    /** A node that may be one item or a list of items, as a list (empty for null). */
    static List<JsonNode> list(JsonNode n) {
        List<JsonNode> out = new ArrayList<>();
        if (n == null || n.isNull() || n.isMissingNode()) {
            return out;
        }
        if (n.isArray()) {
            n.forEach(out::add);
        } else {
            out.add(n);
        }
        return out;
    }
}
