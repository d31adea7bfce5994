// SPDX-License-Identifier: Apache-2.0
package dev.costbench.ui.prompt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.costbench.model.catalog.Catalog;
import dev.costbench.model.catalog.CatalogBuilder;
import dev.costbench.ui.common.DirectTaskExecutor;
import dev.costbench.ui.common.Reasons;
import dev.costbench.ui.common.RecordingDialogService;
import dev.costbench.ui.common.UiContext;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import org.junit.jupiter.api.Test;

/** The Prompt view's buttons say why they can do nothing, in the user's words; no display. */
class DisabledReasonsViewModelTest {

    private static final Catalog CATALOG = CatalogBuilder.builtIn();

    private final PromptFeature f = new PromptFeature(
            new UiContext(new DirectTaskExecutor(), new RecordingDialogService()),
            CATALOG,
            id -> null,
            (n, b, o) -> {},
            t -> {});

    @Test
    void sendAndCountSayWhatIsMissingWhileTheyCannotAct() {
        f.prompt().userTextProperty().set("Say hello.");
        f.prompt().selectedModelProperty().set(CATALOG.find("gpt-4o-mini").orElseThrow());
        f.run().controls().temperatureProperty().set("hot");
        assertFalse(f.run().canSendProperty().get());
        String problem = f.run().controls().problemProperty().get();
        assertEquals("Cannot send yet: " + problem, f.run().sendBlockedReason().get());
        assertEquals(
                f.run().sendBlockedReason().get(), f.run().countBlockedReason().get());
    }

    @Test
    void undoSaysThereIsNothingToUndo() {
        assertEquals(
                "Nothing to undo: no cut or rewrite has been applied to the prompt.",
                f.tune().undoBlockedReason().get());
        assertEquals("", f.tune().rewrite().rewriteBlockedReason().get());
        assertEquals("", f.tokens().exactCounts().countBlockedReason().get());
        assertEquals("", f.tokens().tokenizerBlockedReason().get());
        f.tokens().taxModeProperty().set(true);
        assertEquals(
                "The token tax compares every tokenizer at once: choose Pieces to pick one tokenizer.",
                f.tokens().tokenizerBlockedReason().get());
    }

    @Test
    void theFirstReasonThatAppliesIsShownAndNoneWhenTheButtonCanAct() {
        SimpleBooleanProperty running = new SimpleBooleanProperty(false);
        SimpleStringProperty missing = new SimpleStringProperty("");
        var reason = Reasons.first(missing, Reasons.when(running, "A call is in progress."));
        assertEquals("", reason.get());
        running.set(true);
        assertEquals("A call is in progress.", reason.get());
        missing.set("Add an Anthropic API key in the Providers tab to send.");
        assertEquals("Add an Anthropic API key in the Providers tab to send.", reason.get());
        SimpleObjectProperty<Object> selected = new SimpleObjectProperty<>();
        assertEquals(
                "Select a past call in the list first.",
                SendHistory.pickReason(selected).get());
        selected.set(new Object());
        assertTrue(SendHistory.pickReason(selected).get().isEmpty());
    }
}
