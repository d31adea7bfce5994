// SPDX-License-Identifier: Apache-2.0
package dev.costbench.ui.common;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A {@link DialogService} for view-model tests: records what would have been shown and answers questions and
 * choosers from a script ({@link #answer}); an unscripted question is answered "cancel".
 */
public final class RecordingDialogService implements DialogService {

    /** One thing shown: its kind ("error", "warning", "info", "text", "confirm", "choose", "notify", …). */
    public record Shown(String kind, String headline, String detail) {}

    private final List<Shown> shown = new ArrayList<>();
    private final Deque<Object> answers = new ArrayDeque<>();

    /**
     * Queues the next answer: a Boolean for confirm, an Integer for choose, a String for askText, a char[] for
     * askSecret, a Path for openFile/saveFile/chooseFolder, a List of Paths for openFiles, a Set of row indices for
     * review or chooseMany.
     */
    public RecordingDialogService answer(Object next) {
        answers.add(next);
        return this;
    }

    public List<Shown> shown() {
        return shown;
    }

    /** The last thing shown of {@code kind}, or null. */
    public Shown last(String kind) {
        for (int i = shown.size() - 1; i >= 0; i--) {
            if (shown.get(i).kind().equals(kind)) {
                return shown.get(i);
            }
        }
        return null;
    }

    public List<Shown> all(String kind) {
        return shown.stream().filter(s -> s.kind().equals(kind)).toList();
    }

    private <T> Optional<T> next(Class<T> type) {
        Object a = answers.poll();
        return type.isInstance(a) ? Optional.of(type.cast(a)) : Optional.empty();
    }

    @Override
    public void error(String headline, String detail) {
        shown.add(new Shown("error", headline, detail));
    }

    @Override
    public void warning(String headline, String detail) {
        shown.add(new Shown("warning", headline, detail));
    }

    @Override
    public void info(String headline, String detail) {
        shown.add(new Shown("info", headline, detail));
    }

    @Override
    public void showText(String title, String headline, String text) {
        shown.add(new Shown("text", headline, text));
    }

    @Override
    public boolean confirm(String headline, String detail, String confirmLabel) {
        shown.add(new Shown("confirm", headline, detail));
        return next(Boolean.class).orElse(false);
    }

    @Override
    public Optional<Integer> choose(String headline, String detail, List<String> options) {
        shown.add(new Shown("choose", headline, detail + " " + options));
        return next(Integer.class);
    }

    @Override
    public Optional<String> askText(String headline, String prompt, String initial) {
        shown.add(new Shown("askText", headline, prompt));
        return next(String.class);
    }

    @Override
    public Optional<char[]> askSecret(String headline, String prompt) {
        shown.add(new Shown("askSecret", headline, prompt));
        return next(char[].class);
    }

    @Override
    public Optional<Path> openFile(String title, FileKind... kinds) {
        shown.add(new Shown("openFile", title, ""));
        return next(Path.class);
    }

    @Override
    @SuppressWarnings("unchecked")
    public List<Path> openFiles(String title, FileKind... kinds) {
        shown.add(new Shown("openFiles", title, ""));
        return next(List.class).map(l -> (List<Path>) l).orElse(List.of());
    }

    @Override
    public Optional<Path> saveFile(String title, String suggestedName, FileKind... kinds) {
        shown.add(new Shown("saveFile", title, suggestedName));
        return next(Path.class);
    }

    @Override
    public Optional<Path> chooseFolder(String title) {
        shown.add(new Shown("chooseFolder", title, ""));
        return next(Path.class);
    }

    /** Records the items, "[x] " before each preselected one, one a line. */
    @Override
    @SuppressWarnings("unchecked")
    public Optional<Set<Integer>> chooseMany(
            String headline, String detail, List<String> options, Set<Integer> preselected) {
        StringBuilder items = new StringBuilder(detail).append('\n');
        for (int i = 0; i < options.size(); i++) {
            items.append(preselected.contains(i) ? "[x] " : "[ ] ")
                    .append(options.get(i))
                    .append('\n');
        }
        shown.add(new Shown("chooseMany", headline, items.toString()));
        return next(Set.class).map(x -> (Set<Integer>) x);
    }

    @Override
    @SuppressWarnings("unchecked")
    public Optional<Set<Integer>> review(Review review) {
        StringBuilder rows = new StringBuilder();
        for (int i = 0; i < review.rows().size(); i++) {
            rows.append(review.marked().contains(i) ? "! " : "  ")
                    .append(String.join(" | ", review.rows().get(i)))
                    .append('\n');
        }
        shown.add(new Shown("review", review.headline(), rows.toString()));
        return next(Set.class).map(x -> (Set<Integer>) x);
    }

    @Override
    public void notify(String message) {
        shown.add(new Shown("notify", message, ""));
    }
}
