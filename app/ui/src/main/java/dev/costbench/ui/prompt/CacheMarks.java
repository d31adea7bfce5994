// SPDX-License-Identifier: Apache-2.0
package dev.costbench.ui.prompt;

import dev.costbench.model.provider.Part;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;

/**
 * The cache breakpoints marked in the Prompt view's editors ("Cache up to here"): each is a part (system, a turn,
 * the user message) and an offset in its text. Offsets follow edits: a change before a breakpoint moves it, a
 * breakpoint at the end of a part stays at the end, and one inside replaced text moves to where the change starts.
 * FX thread only.
 */
public final class CacheMarks {

    /** A breakpoint after {@code offset} UTF-16 characters of the part with {@code key}. */
    public record Mark(String key, int offset) {}

    /** The whole prompt as one text and the breakpoints as offsets into it (see {@link PromptSnapshot#render()}). */
    public record Placed(String prompt, List<Integer> offsets, List<String> labels) {}

    private final ObservableList<Mark> marks = FXCollections.observableArrayList();
    private final ObjectProperty<Part.CacheTtl> ttl =
            new SimpleObjectProperty<>(this, "ttl", Part.CacheTtl.FIVE_MINUTES);
    private final Set<String> tracked = new HashSet<>();

    public CacheMarks(PromptViewModel vm) {
        track("system", vm.systemTextProperty());
        track("user", vm.userTextProperty());
        vm.turns().forEach(t -> track(t.key(), t.textProperty()));
        vm.turns().addListener((ListChangeListener<Turn>)
                c -> vm.turns().forEach(t -> track(t.key(), t.textProperty())));
    }

    public ObservableList<Mark> marks() {
        return marks;
    }

    /** The lifetime sent with the breakpoints (Anthropic {@code cache_control} ttl). */
    public ObjectProperty<Part.CacheTtl> ttlProperty() {
        return ttl;
    }

    /** Adds a breakpoint at {@code offset} of part {@code key}, or removes it when there is one already. */
    public void toggle(String key, int offset) {
        Mark m = new Mark(key, offset);
        if (!marks.remove(m)) {
            marks.add(m);
        }
    }

    /** The breakpoints of one part, in offset order. */
    public List<Integer> offsets(String key) {
        return marks.stream()
                .filter(m -> m.key().equals(key))
                .map(Mark::offset)
                .sorted()
                .toList();
    }

    private void track(String key, StringProperty text) {
        if (!tracked.add(key)) {
            return;
        }
        text.addListener((o, before, after) -> shift(key, before == null ? "" : before, after == null ? "" : after));
    }

    private void shift(String key, String a, String b) {
        if (marks.stream().noneMatch(m -> m.key().equals(key))) {
            return;
        }
        int p = 0;
        int max = Math.min(a.length(), b.length());
        while (p < max && a.charAt(p) == b.charAt(p)) {
            p++;
        }
        int s = 0;
        while (s < max - p && a.charAt(a.length() - 1 - s) == b.charAt(b.length() - 1 - s)) {
            s++;
        }
        int delta = b.length() - a.length();
        List<Mark> next = new ArrayList<>();
        for (Mark m : marks) {
            if (!m.key().equals(key)) {
                next.add(m);
                continue;
            }
            int o = m.offset();
            int moved = o <= p ? o : o >= a.length() - s ? o + delta : p;
            Mark n = new Mark(key, Math.max(0, Math.min(b.length(), moved)));
            if (!next.contains(n)) {
                next.add(n);
            }
        }
        if (!next.equals(marks)) {
            marks.setAll(next);
        }
    }

    /** Places the breakpoints in {@code s} rendered as one text; breakpoints of parts no longer there are left out. */
    public Placed place(PromptSnapshot s) {
        StringBuilder b = new StringBuilder();
        List<Integer> offsets = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        var parts = s.parts();
        for (var p : parts) {
            if (p.text().isEmpty()) {
                continue;
            }
            if (b.length() > 0) {
                b.append("\n\n");
            }
            int start = b.length();
            b.append(p.text());
            for (int o : offsets(p.key())) {
                int at = Math.min(o, p.text().length());
                offsets.add(start + at);
                labels.add(
                        at == p.text().length()
                                ? "after the " + lower(p.label())
                                : "in the " + lower(p.label()) + " at character " + at);
            }
        }
        return new Placed(b.toString(), offsets, labels);
    }

    /**
     * The text of part {@code key} as message parts: split at its breakpoints, each piece before a breakpoint
     * carrying {@code cache_control} with the chosen TTL (Anthropic; the other providers ignore it).
     */
    public List<Part> parts(String key, String text) {
        List<Part> out = new ArrayList<>();
        int pos = 0;
        for (int o : offsets(key)) {
            int at = Math.min(o, text.length());
            if (at > pos) {
                out.add(new Part.Text(text.substring(pos, at), ttl.get()));
                pos = at;
            }
        }
        if (pos < text.length() || out.isEmpty()) {
            out.add(new Part.Text(text.substring(pos)));
        }
        return out;
    }

    /** The system block's breakpoint (ChatRequest carries one system block: any breakpoint in it caches all of it). */
    public Part.CacheTtl systemCache() {
        return offsets("system").isEmpty() ? null : ttl.get();
    }

    private static String lower(String s) {
        return s.isEmpty() ? s : Character.toLowerCase(s.charAt(0)) + s.substring(1);
    }
}
