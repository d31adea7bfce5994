// SPDX-License-Identifier: Apache-2.0
package dev.costbench.ui.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.costbench.model.lab.ExperimentStatus;
import dev.costbench.store.H2LabStore;
import dev.costbench.ui.common.RecordingDialogService;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** "Import promptfoo config…" and "Export for promptfoo…" in the A/B history, without a display. */
class PromptfooViewModelTest {

    @TempDir
    Path dir;

    private H2LabStore store;
    private final RecordingDialogService dialogs = new RecordingDialogService();
    private LabViewModel lab;

    @BeforeEach
    void open() {
        store = H2LabStore.open(dir.resolve("data"));
        lab = LabFixtures.lab(store, LabFixtures.direct(dialogs), LabFixtures.answering(new ArrayList<>()));
        lab.history().refresh();
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void importStoresANewExperimentNotRunYetAndShowsWhatWasNotMapped() throws Exception {
        Path config = Files.writeString(dir.resolve("promptfooconfig.yaml"), """
                description: Greetings
                prompts: ['Say hello to {{name}}', 'Greet {{name}} warmly']
                providers: [openai:gpt-4o-mini]
                defaultTest:
                  assert:
                    - type: icontains
                      value: hello
                    - type: javascript
                      value: output.length < 100
                tests:
                  - vars: {name: Ada}
                """);
        dialogs.answer(config);
        lab.promptfoo().importChosen();
        assertEquals(1, store.listExperiments().size());
        var e = store.listExperiments().get(0);
        assertEquals("Greetings", e.name());
        assertEquals(ExperimentStatus.DRAFT, e.status());
        assertEquals(e.id(), lab.history().selected().id(), "the new experiment is selected");
        RecordingDialogService.Shown shown = dialogs.last("text");
        assertTrue(
                shown.headline().contains("not run yet: select it and press Rerun to run its 2 calls"),
                shown.headline());
        assertTrue(shown.detail().contains("2 prompt variants, 1 models, 1 inputs, 1 checks."), shown.detail());
        assertTrue(
                shown.detail().contains("• defaultTest.assert[1]: javascript assertions are refused"), shown.detail());
    }

    @Test
    void aMalformedConfigCreatesNothingAndSaysWhy() throws Exception {
        Path config = Files.writeString(dir.resolve("bad.yaml"), "prompts: ['Hi\nproviders: [openai:gpt-4o-mini\n");
        lab.promptfoo().importFrom(config);
        assertTrue(store.listExperiments().isEmpty());
        RecordingDialogService.Shown shown = dialogs.last("error");
        assertEquals("Cannot import bad.yaml", shown.headline());
        assertTrue(shown.detail().contains("is not valid YAML (line "), shown.detail());
        assertTrue(shown.detail().contains("Nothing was created."), shown.detail());
    }

    @Test
    void exportWritesTheSelectedExperimentInPromptfoosShape() throws Exception {
        store.importExperiment(LabFixtures.snapshot("Support prompt", 1000, 900, "2026-11-18T10:00:00Z"));
        lab.history().refresh();
        Path out = dir.resolve("results.json");
        lab.promptfoo().exportTo(store.listExperiments().get(0).id(), out);
        assertTrue(Files.exists(out), dialogs.shown().toString());
        JsonNode r = new ObjectMapper().readTree(out.toFile());
        assertEquals(3, r.get("results").get("version").asInt());
        assertTrue(r.get("results").get("results").size() > 0);
        assertTrue(dialogs.last("notify").headline().startsWith("Exported for promptfoo to results.json"));
    }
}
