// SPDX-License-Identifier: Apache-2.0
package dev.costbench.ui.prompt;

import dev.costbench.model.tokens.Encoding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * What a prompt workspace file holds, as the Prompt view keeps it: the prompt and its options, the cache breakpoints
 * marked in the editors, and the tokenizer chosen in the Tokens pane.
 */
public record WorkspaceParts(PromptViewModel prompt, CacheMarks marks, ObjectProperty<Encoding> tokenizer) {

    /** The parts of a Prompt view built by {@link PromptFeature}. */
    public static WorkspaceParts of(PromptFeature f) {
        return new WorkspaceParts(f.prompt(), f.marks(), f.tokens().encodingProperty());
    }

    /** A prompt with its own (unshown) breakpoints and tokenizer. */
    public static WorkspaceParts of(PromptViewModel prompt) {
        return new WorkspaceParts(prompt, new CacheMarks(prompt), new SimpleObjectProperty<>(Encoding.O200K_BASE));
    }
}
