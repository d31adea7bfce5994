// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.lab.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.costbench.model.catalog.Catalog;
import dev.costbench.model.catalog.CatalogBuilder;
import dev.costbench.model.catalog.ModelEntry;
import dev.costbench.model.lab.TrialCell;
import dev.costbench.model.provider.ToolSpec;
import dev.costbench.model.tools.ToolChoice;
import dev.costbench.model.tools.ToolTokenCounter;
import dev.costbench.model.tools.ToolsCount;
import dev.costbench.model.tools.ToolsJson;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The lab reads tools with the Prompt view's reader and its estimate and budget reservation count them as the Prompt
 * view does ({@link ToolTokenCounter}), not with a flat allowance.
 */
class ToolsEstimateTest {

    private static final Catalog CATALOG = CatalogBuilder.builtIn();

    private static String sample() throws IOException {
        return Files.readString(Path.of("../../resources/tools/support-agent-openai.json"));
    }

    /** The old flat allowance: 500 tokens plus one per three characters of the tools' neutral JSON. */
    private static long allowance(List<ToolSpec> tools) {
        long chars =
                tools.stream().mapToLong(t -> t.toJson().toString().length()).sum();
        return 500 + (chars + 2) / 3;
    }

    private static RunPlan plan(List<ToolSpec> tools, String... models) {
        return RunPlan.of(new ExperimentSpec(
                "t",
                null,
                List.of(ExperimentSpec.VariantSpec.of("v", true, "You help customers.", "Where is order 42?")
                        .withTools(tools)),
                null,
                List.of(models).stream().map(ExperimentSpec.ModelSpec::of).toList(),
                1,
                null,
                false,
                new ExperimentSpec.Params(null, 300, null, null, null),
                false,
                null));
    }

    @Test
    void theTwentyToolSampleIsReservedAsCountedNotAsAnAllowance() throws IOException {
        List<ToolSpec> tools = SpecJsonV2.readTools(sample(), "Tools");
        assertEquals(20, tools.size());
        ModelEntry gpt = CATALOG.find("gpt-4o").orElseThrow();
        ToolsCount counted = ToolTokenCounter.count(gpt, ToolsJson.parse(sample()), ToolChoice.AUTO);
        assertTrue(counted.exact());
        assertNotEquals(allowance(tools), counted.tokens(), "the sample tells the two apart");

        TrialCell cell = new TrialCell(0, 0, "gpt-4o", 1);
        Estimator est = new Estimator(CATALOG::find);
        RunPlan without = plan(List.of(), "gpt-4o");
        RunPlan with = plan(tools, "gpt-4o");
        long bare = est.cell(without, cell, null).inputTokens();
        Estimator.CellEstimate e = est.cell(with, cell, null);
        assertEquals(bare + counted.tokens(), e.inputTokens());
        assertTrue(e.inputExact(), "OpenAI's tool count is exact");
        long reasoning = with.params(cell.variantId()).reasoningReserve(RunPlan.providerOf(gpt));
        assertEquals(
                0,
                Estimator.worstCase(gpt, bare + counted.tokens(), 300, reasoning)
                        .compareTo(est.worstCase(with, cell, 1.0)),
                "the reservation prices the counted tool tokens");
    }

    @Test
    void claudeCountsTheToolUseSystemPromptAndTheEstimateSaysHow() throws IOException {
        List<ToolSpec> tools = SpecJsonV2.readTools(sample(), "Tools");
        ModelEntry claude = CATALOG.find("claude-haiku-4-5").orElseThrow();
        ToolsCount counted = ToolTokenCounter.count(claude, ToolsJson.parse(sample()), ToolChoice.AUTO);
        assertTrue(counted.shared() > 0, "Anthropic's tool-use system prompt");

        RunPlan p = plan(tools, "gpt-4o", "claude-haiku-4-5");
        Estimator est = new Estimator(CATALOG::find);
        TrialCell cell = new TrialCell(0, 0, "claude-haiku-4-5", 1);
        long bare = est.cell(plan(List.of(), "claude-haiku-4-5"), cell, null).inputTokens();
        Estimator.CellEstimate e = est.cell(p, cell, null);
        assertEquals(bare + counted.tokens(), e.inputTokens());
        assertFalse(e.inputExact());

        RunEstimate run = est.estimate(p, p.cells(), Map.of(), BigDecimal.ZERO);
        List<String> said = run.toolsSentences();
        assertEquals(2, said.size(), said.toString());
        assertTrue(
                said.get(0).startsWith("Tools on gpt-4o: ") && said.get(0).contains("exact: o200k_base"), said.get(0));
        assertTrue(
                said.get(1).startsWith("Tools on claude-haiku-4-5: ≈")
                        && said.get(1).contains("tool-use system prompt"),
                said.get(1));
    }

    @Test
    void theLabRefusesAToolInTheWordsOfThePromptViewsReader() {
        String twice = "[{\"name\": \"a\", \"parameters\": {}}, {\"name\": \"a\"}]";
        assertEquals(
                "Tool 2 (Tools[1]): the name \"a\" is already used by Tools[0]; providers refuse two tools with one "
                        + "name. Rename or remove one",
                assertThrows(SpecException.class, () -> SpecJsonV2.readTools(twice, "Tools"))
                        .getMessage());
    }
}
