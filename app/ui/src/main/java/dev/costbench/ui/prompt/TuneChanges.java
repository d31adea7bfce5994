// SPDX-License-Identifier: Apache-2.0
package dev.costbench.ui.prompt;

import dev.costbench.model.tuning.TextEdit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import javafx.beans.property.StringProperty;

/**
 * The Tune tab's accepted cuts as an undo stack over the Prompt view's model. Each change keeps exact inverse edits
 * (text), the removed turns with their positions (few-shot selection) or the previous value (output cap), so undoing
 * every change restores the prompt exactly. A text undo whose range was edited by hand since is refused rather
 * than guessed. FX thread only.
 */
public final class TuneChanges {

    /** One accepted cut: what it is called, how to make it and how to take it back. */
    public record Change(String label, Runnable apply, Runnable revert) {}

    private final PromptViewModel vm;
    private final Deque<Change> done = new ArrayDeque<>();
    private PromptSnapshot baseline;

    public TuneChanges(PromptViewModel vm) {
        this.vm = vm;
    }

    /** Applies {@code c} and remembers it; the first change records the baseline for the before/after view. */
    public void accept(Change c) {
        if (done.isEmpty()) {
            baseline = PromptSnapshot.of(vm);
        }
        c.apply().run();
        done.push(c);
    }

    /** Undoes the last change; false when there is none. */
    public boolean undo() {
        if (done.isEmpty()) {
            return false;
        }
        done.peek().revert().run();
        done.pop();
        if (done.isEmpty()) {
            baseline = null;
        }
        return true;
    }

    /** Undoes every change, newest first. */
    public int undoAll() {
        int n = 0;
        while (undo()) {
            n++;
        }
        return n;
    }

    public int size() {
        return done.size();
    }

    /** The prompt before the first accepted change; null when nothing is applied. */
    public PromptSnapshot baseline() {
        return baseline;
    }

    /** The labels of the accepted changes, oldest first. */
    public List<String> labels() {
        List<String> out = new ArrayList<>();
        done.descendingIterator().forEachRemaining(c -> out.add(c.label()));
        return out;
    }

    /** The text property of the part with {@code key} ("system", "user" or a turn's key); null when it is gone. */
    StringProperty text(String key) {
        if ("system".equals(key)) {
            return vm.systemTextProperty();
        }
        if ("user".equals(key)) {
            return vm.userTextProperty();
        }
        for (Turn t : vm.turns()) {
            if (t.key().equals(key)) {
                return t.textProperty();
            }
        }
        return null;
    }

    /** Edits of one part's text. */
    public Change textEdit(String label, String key, List<TextEdit> edits) {
        List<TextEdit> inverse = TextEdit.inverse(edits);
        return new Change(
                label,
                () -> {
                    StringProperty p = require(key);
                    p.set(TextEdit.applyAll(p.get(), edits));
                },
                () -> {
                    StringProperty p = require(key);
                    try {
                        p.set(TextEdit.applyAll(p.get(), inverse));
                    } catch (IllegalArgumentException e) {
                        throw new IllegalStateException(
                                "“" + label + "” cannot be undone: that text was edited by hand "
                                        + "since. Use the editor's own undo (Ctrl+Z in the field).",
                                e);
                    }
                });
    }

    /** Removes the turns at {@code indices} (few-shot selection). */
    public Change dropTurns(String label, List<Integer> indices) {
        List<Integer> sorted = indices.stream().distinct().sorted().toList();
        List<Turn> removed = new ArrayList<>();
        return new Change(
                label,
                () -> {
                    removed.clear();
                    for (int i : sorted) {
                        removed.add(vm.turns().get(i));
                    }
                    vm.turns().removeAll(removed);
                },
                () -> {
                    for (int k = 0; k < sorted.size(); k++) {
                        vm.turns().add(Math.min(sorted.get(k), vm.turns().size()), removed.get(k));
                    }
                });
    }

    /** Sets the expected output tokens (the request's max tokens) to {@code cap}. */
    public Change outputCap(String label, long cap) {
        long[] before = new long[1];
        return new Change(
                label,
                () -> {
                    before[0] = vm.outputTokensProperty().get();
                    vm.outputTokensProperty().set(cap);
                },
                () -> vm.outputTokensProperty().set(before[0]));
    }

    private StringProperty require(String key) {
        StringProperty p = text(key);
        if (p == null) {
            throw new IllegalStateException("the part this cut was made for has been removed");
        }
        return p;
    }
}
