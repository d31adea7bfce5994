// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.tools;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Objects;

/** Accepting tool cuts one by one, with undo: the tools as they are now and the way back. Not thread-safe. */
public final class ToolTuning {

    private final Deque<ToolCut> done = new ArrayDeque<>();
    private ToolSet tools;

    public ToolTuning(ToolSet tools) {
        this.tools = Objects.requireNonNull(tools, "tools");
    }

    /** The tools now. */
    public ToolSet tools() {
        return tools;
    }

    /**
     * Applies {@code cut}.
     *
     * @throws IllegalArgumentException when the cut was made for other tools than the current ones
     */
    public void accept(ToolCut cut) {
        if (!cut.before().equals(tools)) {
            throw new IllegalArgumentException("the cut for " + cut.tool() + " was made for other tools");
        }
        tools = cut.after();
        done.push(cut);
    }

    public boolean canUndo() {
        return !done.isEmpty();
    }

    /** Undoes the last accepted cut and returns it. */
    public ToolCut undo() {
        ToolCut c = done.pop();
        tools = c.before();
        return c;
    }

    /** Undoes every accepted cut. */
    public void undoAll() {
        while (canUndo()) {
            undo();
        }
    }

    /** The cuts accepted so far, oldest first. */
    public List<ToolCut> accepted() {
        List<ToolCut> out = new ArrayList<>();
        done.descendingIterator().forEachRemaining(out::add);
        return out;
    }

    /** New tools from the user (pasted, opened): replaces the current ones and forgets the undo history. */
    public void reset(ToolSet newTools) {
        tools = Objects.requireNonNull(newTools, "tools");
        done.clear();
    }
}
