// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.validation;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.costbench.model.catalog.Catalog;
import dev.costbench.model.catalog.CatalogBuilder;
import dev.costbench.model.catalog.CatalogProblem;
import dev.costbench.model.catalog.CatalogReader;
import dev.costbench.model.catalog.LiteLlmImporter;
import dev.costbench.model.catalog.ModelEntry;
import dev.costbench.model.catalog.Origin;
import dev.costbench.model.catalog.Price;
import dev.costbench.model.lab.run.ExperimentSpec;
import dev.costbench.model.lab.run.SpecException;
import dev.costbench.model.lab.run.SpecJson;
import dev.costbench.model.scenario.InvalidScenarioException;
import dev.costbench.model.scenario.Scenario;
import dev.costbench.model.scenario.ScenarioEngine;
import dev.costbench.model.scenario.ScenarioFiles;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Issue 14 part 4: random and extreme JSON numbers fed to every reader. Each is either accepted within its declared
 * range or refused with its field path; never a hang, never an unexpected exception type. The timeouts only guard
 * against hangs (the failures this prevents ran for minutes); they are not speed targets.
 */
class ReaderNumbersPropertyTest {

    private static final Duration HANG_GUARD = Duration.ofSeconds(120);
    private static final Catalog CATALOG = CatalogBuilder.builtIn();

    /** Extreme forms first, then random ones. Some are not valid JSON (NaN, Infinity): they must be refused too. */
    static List<String> numbers(long seed, int random) {
        List<String> out = new ArrayList<>(List.of(
                "1e100000000",
                "-1e100000000",
                "1e-100000000",
                "1e-400",
                "1e400",
                "-0",
                "-0.0",
                "0",
                "0.0",
                "0e100000000",
                "NaN",
                "Infinity",
                "-Infinity",
                "\"NaN\"",
                "\"Infinity\"",
                "\"1e100000000\"",
                "\"-0\"",
                "1" + "0".repeat(399),
                "-" + "9".repeat(400),
                "0." + "0".repeat(398) + "1",
                "1E+2147483647",
                "1e-2147483647",
                "1e2147483648",
                "12.5",
                "0.5",
                "1",
                "30",
                "1000",
                "1000.0000001",
                "100000000",
                "100000001",
                "\"abc\"",
                "true",
                "null",
                "[1]",
                "{}",
                "1" + "0".repeat(1_200)));
        Random r = new Random(seed);
        for (int i = 0; i < random; i++) {
            StringBuilder b = new StringBuilder();
            if (r.nextInt(5) == 0) {
                b.append('-');
            }
            b.append(r.nextInt(1000));
            if (r.nextBoolean()) {
                b.append('.').append(r.nextInt(1_000_000));
            }
            if (r.nextInt(3) == 0) {
                int exp = r.nextInt(4) == 0 ? r.nextInt(2_000_000_000) - 1_000_000_000 : r.nextInt(80) - 40;
                b.append('e').append(exp);
            }
            out.add(r.nextInt(10) == 0 ? "\"" + b + "\"" : b.toString());
        }
        return out;
    }

    @Test
    void catalogReader() {
        String[][] fields = {
            {"prices.input", "\"prices\": {\"input\": %s, \"output\": 1}"},
            {"contextWindow", "\"contextWindow\": %s, \"prices\": {\"input\": 1, \"output\": 1}"},
            {"longContext.threshold", "\"longContext\": {\"threshold\": %s, \"prices\": {\"input\": 2}}"},
            {"residencyMultiplier", "\"residencyMultiplier\": %s"},
            {"media.image.tile", "\"media\": {\"image\": {\"rule\": \"openai-tile\", \"tile\": %s}}"}
        };
        assertTimeoutPreemptively(HANG_GUARD, () -> {
            for (String n : numbers(1, 150)) {
                for (String[] f : fields) {
                    String json = "{\"models\": [{\"id\": \"m\", \"provider\": \"groq\", \"tier\": \"open\", "
                            + String.format(f[1], n) + "}]}";
                    CatalogReader.CatalogFile file;
                    try {
                        file = CatalogReader.read(
                                "c.json", new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), Origin.USER);
                    } catch (RuntimeException e) {
                        throw new AssertionError("unexpected " + e + " for " + f[0] + " = " + n, e);
                    }
                    List<String> problems = file.problems().stream()
                            .map(CatalogProblem::toString)
                            .collect(Collectors.toList());
                    boolean refused = problems.stream()
                            .anyMatch(p -> p.contains("field '" + f[0])
                                    || p.contains("c.json: not valid JSON")
                                    || p.startsWith("c.json: too long"));
                    if (refused) {
                        continue;
                    }
                    assertTrue(problems.isEmpty(), f[0] + " = " + n + ": " + problems);
                    ModelEntry m = CatalogBuilder.build(List.of(file)).find("m").orElseThrow();
                    for (Price p : m.prices().values()) {
                        assertNull(NumberRules.problem(p.perMTok(), NumberKind.PRICE_PER_MILLION_TOKENS), n);
                    }
                    if (m.contextWindow() != null) {
                        assertTrue(m.contextWindow() >= 0 && m.contextWindow() <= 100_000_000L, n);
                    }
                    m.toString(); // formatting an accepted entry never hangs
                }
            }
        });
    }

    @Test
    void liteLlmImport() {
        String[] keys = {
            "input_cost_per_token",
            "output_cost_per_token",
            "cache_read_input_token_cost",
            "max_input_tokens",
            "regional_processing_uplift_multiplier_us"
        };
        assertTimeoutPreemptively(HANG_GUARD, () -> {
            for (String n : numbers(2, 150)) {
                for (String k : keys) {
                    String base = "\"mode\": \"chat\", \"litellm_provider\": \"openai\", "
                            + "\"input_cost_per_token\": 1e-6, \"output_cost_per_token\": 2e-6";
                    String json = "{\"m\": {"
                            + base.replace("\"" + k + "\": 1e-6", "\"" + k + "\": 0")
                                    .replace("\"" + k + "\": 2e-6", "\"" + k + "\": 0")
                            + ", \"" + k + "\": " + n + "}}";
                    LiteLlmImporter.Result r;
                    try {
                        r = LiteLlmImporter.convert(
                                new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "prices.json", null);
                    } catch (IOException e) {
                        assertTrue(e.getMessage().startsWith("prices.json: "), e.getMessage());
                        continue;
                    } catch (RuntimeException e) {
                        throw new AssertionError("unexpected " + e + " for " + k + " = " + n, e);
                    }
                    boolean warned = r.warnings().stream().anyMatch(w -> w.startsWith("m." + k + ": "));
                    if (!warned && r.imported() == 1) {
                        // accepted: the written catalog reads back without a problem
                        CatalogReader.CatalogFile back = CatalogReader.read(
                                "c.json",
                                new ByteArrayInputStream(r.catalog().toString().getBytes(StandardCharsets.UTF_8)),
                                Origin.USER);
                        assertTrue(back.problems().isEmpty(), k + " = " + n + ": " + back.problems());
                    }
                }
            }
        });
    }

    @Test
    void scenarioReaderAndEngine() {
        String sample = ScenarioFiles.toJson(ScenarioFiles.sample("seed000-support-tickets"));
        String[][] fields = {
            {"workload.requestTypes[0].volume.amount", "\"amount\": 1000000"},
            {"workload.daysPerMonth", "\"daysPerMonth\": 30"},
            {"workload.requestTypes[0].repeatRate", "\"repeatRate\": 0.85"},
            {"workload.requestTypes[0].images[0].width", "\"width\": 1024"}
        };
        for (String[] f : fields) {
            assertTrue(sample.contains(f[1]), f[1]);
        }
        assertTimeoutPreemptively(HANG_GUARD, () -> {
            for (String n : numbers(3, 80)) {
                for (String[] f : fields) {
                    String key = f[1].substring(0, f[1].indexOf(':') + 1);
                    String json = sample.replaceFirst(Pattern.quote(f[1]), Matcher.quoteReplacement(key + " " + n));
                    Scenario s;
                    try {
                        s = ScenarioFiles.fromJson(json, "x.json");
                    } catch (ScenarioFiles.ScenarioFileException e) {
                        String m = e.getMessage();
                        String parent = f[0].substring(0, f[0].lastIndexOf('.'));
                        assertTrue(
                                m.startsWith("x.json: " + f[0] + ": ")
                                        || m.startsWith("x.json: not valid JSON")
                                        || (n.equals("null")
                                                        || n.startsWith("[")
                                                        || n.startsWith("{")
                                                        || n.equals("true"))
                                                && m.startsWith("x.json: " + parent)
                                        || m.startsWith("x.json: too long")
                                        || m.startsWith("x.json: " + f[0].replace("workload.", "")),
                                f[0] + " = " + n + ": " + m);
                        continue;
                    } catch (RuntimeException e) {
                        throw new AssertionError("unexpected " + e + " for " + f[0] + " = " + n, e);
                    }
                    try {
                        ScenarioEngine.compute(s, CATALOG);
                    } catch (InvalidScenarioException e) {
                        // refused by the validator, with fields: fine
                        assertTrue(!e.errors().isEmpty(), n);
                    } catch (RuntimeException e) {
                        throw new AssertionError("unexpected " + e + " for " + f[0] + " = " + n, e);
                    }
                }
            }
        });
    }

    @Test
    void experimentReader() {
        String[][] fields = {
            {"repetitions", ",\"repetitions\":%s"},
            {"budgetUsd", ",\"budgetUsd\":%s"},
            {"parameters.temperature", ",\"parameters\":{\"temperature\":%s}"},
            {"parameters.maxOutputTokens", ",\"parameters\":{\"maxOutputTokens\":%s}"}
        };
        assertTimeoutPreemptively(HANG_GUARD, () -> {
            for (String n : numbers(4, 150)) {
                for (String[] f : fields) {
                    String json = "{\"name\":\"n\",\"models\":[\"m\"],\"variants\":[{\"name\":\"a\",\"user\":\"x\"}]"
                            + String.format(f[1], n) + "}";
                    try {
                        ExperimentSpec s = SpecJson.parse(json, "x.json", null);
                        assertTrue(s.repetitions() >= 1 && s.repetitions() <= 1000, n);
                        assertTrue(s.plannedCalls() <= ExperimentSpec.MAX_TRIALS, n);
                        if (s.budgetUsd() != null) {
                            assertNull(NumberRules.problem(s.budgetUsd(), NumberKind.USD), n);
                        }
                        SpecJson.write(s); // writing an accepted spec never hangs
                    } catch (SpecException e) {
                        String m = e.getMessage();
                        assertTrue(
                                m.startsWith("x.json: " + f[0])
                                        || m.startsWith("x.json: not valid JSON")
                                        || m.startsWith("x.json: too long"),
                                f[0] + " = " + n + ": " + m);
                    } catch (IOException | RuntimeException e) {
                        fail("unexpected " + e + " for " + f[0] + " = " + n, e);
                    }
                }
            }
        });
    }

    @Test
    void numberRulesAgreeWithTheRangeForEveryKind() {
        for (String n : numbers(5, 300)) {
            String text = n.startsWith("\"") ? n.substring(1, n.length() - 1) : n;
            for (NumberKind k : NumberKind.values()) {
                try {
                    BigDecimal d = NumberRules.parse("f", text, k);
                    assertTrue(d.compareTo(k.min()) >= 0 && d.compareTo(k.max()) <= 0, k + " " + n);
                } catch (NumberRefusedException e) {
                    assertTrue(e.getMessage().startsWith("f: "), e.getMessage());
                }
            }
        }
    }
}
