// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.tuning;

import dev.costbench.model.tokens.Encoding;
import dev.costbench.model.tokens.Tokenizers;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Objects;

/**
 * Accepting suggestions one by one, with undo and redo: the state behind a tuning pane. After every change the
 * suggestions are recomputed for the new text (their offsets and savings refer to the text they were made for).
 * Not thread-safe; compute off the UI thread for long prompts.
 */
public final class TuningSession {

    private record Step(Suggestion suggestion, List<TextEdit> undo, List<TextEdit> redo) {}

    private final String original;
    private final Deque<Step> done = new ArrayDeque<>();
    private final Deque<Step> undone = new ArrayDeque<>();
    private TuneOptions options;
    private String text;
    private List<Suggestion> suggestions;

    public TuningSession(String text, TuneOptions options) {
        this.original = Objects.requireNonNull(text, "text");
        this.text = text;
        this.options = Objects.requireNonNull(options, "options");
    }

    /** The prompt as it is now. */
    public String text() {
        return text;
    }

    /** The prompt the session started from. */
    public String original() {
        return original;
    }

    /** The suggestions for the current text, largest saving first. */
    public List<Suggestion> suggestions() {
        if (suggestions == null) {
            suggestions = PromptTuner.suggest(text, options);
        }
        return suggestions;
    }

    /** Changes the model, volume or optional suggestions; the text and history stay. */
    public void setOptions(TuneOptions options) {
        this.options = Objects.requireNonNull(options, "options");
        suggestions = null;
    }

    /**
     * Applies {@code s}, which must be one of the current {@link #suggestions()}.
     *
     * @throws IllegalArgumentException when {@code s} was made for another text
     */
    public void accept(Suggestion s) {
        if (!suggestions().contains(s)) {
            throw new IllegalArgumentException("suggestion " + s.id() + " was made for another version of the text");
        }
        if (s.edits().isEmpty()) {
            return; // a request parameter (the output cap): nothing to change in the text
        }
        text = s.apply(text);
        done.push(new Step(s, s.undoEdits(), s.edits()));
        undone.clear();
        suggestions = null;
    }

    public boolean canUndo() {
        return !done.isEmpty();
    }

    public boolean canRedo() {
        return !undone.isEmpty();
    }

    /** Undoes the last accepted suggestion and returns it. */
    public Suggestion undo() {
        Step st = done.pop();
        text = TextEdit.applyAll(text, st.undo());
        undone.push(st);
        suggestions = null;
        return st.suggestion();
    }

    /** Re-applies the last undone suggestion and returns it. */
    public Suggestion redo() {
        Step st = undone.pop();
        text = TextEdit.applyAll(text, st.redo());
        done.push(st);
        suggestions = null;
        return st.suggestion();
    }

    /** The suggestions accepted so far, oldest first. */
    public List<Suggestion> accepted() {
        List<Suggestion> out = new ArrayList<>();
        done.descendingIterator().forEachRemaining(st -> out.add(st.suggestion()));
        return out;
    }

    /** A manual edit of the prompt: replaces the text and clears undo and redo. */
    public void setText(String newText) {
        text = Objects.requireNonNull(newText, "text");
        done.clear();
        undone.clear();
        suggestions = null;
    }

    /** Tokens saved so far under {@code e}, against the original prompt. */
    public int tokensSaved(Encoding e) {
        return Tokenizers.count(e, original) - Tokenizers.count(e, text);
    }
}
