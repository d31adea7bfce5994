// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The samples in resources/tools read as the shapes their names say, and the two support-agent files agree. */
class ToolSamplesTest {

    private static ToolSet read(String name) throws Exception {
        return ToolsJson.parse(Files.readString(Path.of("../../resources/tools", name)));
    }

    @Test
    void samplesReadInTheirProvidersShapes() throws Exception {
        ToolSet openai = read("support-agent-openai.json");
        ToolSet anthropic = read("support-agent-anthropic.json");
        ToolSet gemini = read("smart-home-gemini.json");
        assertEquals(ToolFormat.OPENAI, openai.format());
        assertEquals(ToolFormat.ANTHROPIC, anthropic.format());
        assertEquals(ToolFormat.GEMINI, gemini.format());
        assertEquals(20, openai.size());
        assertEquals(3, gemini.size());
        for (int i = 0; i < 20; i++) {
            ToolDefinition a = openai.tools().get(i);
            ToolDefinition b = anthropic.tools().get(i);
            assertEquals(a.name(), b.name());
            assertEquals(a.description(), b.description());
            assertEquals(a.parameters(), b.parameters());
        }
    }
}
