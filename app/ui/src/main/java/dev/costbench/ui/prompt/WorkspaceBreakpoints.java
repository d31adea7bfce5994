// SPDX-License-Identifier: Apache-2.0
package dev.costbench.ui.prompt;

import dev.costbench.model.prompt.PromptWorkspaceCache;
import dev.costbench.model.prompt.PromptWorkspaceCache.Breakpoint;
import java.util.ArrayList;
import java.util.List;

/**
 * Between {@link CacheMarks} (keyed by a turn's in-memory key) and the breakpoints of a workspace file (keyed by the
 * turn's position). FX thread only.
 */
final class WorkspaceBreakpoints {

    private WorkspaceBreakpoints() {}

    /** The marked breakpoints, each inside its part; those of a part no longer there are left out. */
    static PromptWorkspaceCache capture(WorkspaceParts parts) {
        PromptViewModel vm = parts.prompt();
        List<Breakpoint> out = new ArrayList<>();
        for (CacheMarks.Mark m : parts.marks().marks()) {
            String text;
            String part;
            if (m.key().equals("system") || m.key().equals("user")) {
                part = m.key();
                text = part.equals("system")
                        ? vm.systemTextProperty().get()
                        : vm.userTextProperty().get();
            } else {
                int i = indexOf(vm, m.key());
                if (i < 0) {
                    continue;
                }
                part = Breakpoint.turn(i, 0).part();
                text = vm.turns().get(i).textProperty().get();
            }
            Breakpoint b = new Breakpoint(part, Math.min(m.offset(), text == null ? 0 : text.length()));
            if (!out.contains(b)) {
                out.add(b);
            }
        }
        return new PromptWorkspaceCache(parts.marks().ttlProperty().get(), out);
    }

    /** Replaces the marked breakpoints and their lifetime with those of a file (its texts already applied). */
    static void apply(WorkspaceParts parts, PromptWorkspaceCache cache) {
        List<CacheMarks.Mark> marks = new ArrayList<>();
        for (Breakpoint b : cache.breakpoints()) {
            int t = b.turnIndex();
            String key = t < 0 ? b.part() : parts.prompt().turns().get(t).key();
            marks.add(new CacheMarks.Mark(key, b.offset()));
        }
        parts.marks().marks().setAll(marks);
        parts.marks().ttlProperty().set(cache.ttl());
    }

    private static int indexOf(PromptViewModel vm, String key) {
        for (int i = 0; i < vm.turns().size(); i++) {
            if (vm.turns().get(i).key().equals(key)) {
                return i;
            }
        }
        return -1;
    }
}
