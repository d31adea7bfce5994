// SPDX-License-Identifier: Apache-2.0
package dev.costbench.ui.common;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The one way the UI talks to the user outside its views: messages, questions, file choosers and notifications.
 * {@link FxDialogService} shows real dialogs; tests use a recording double that answers from a script. Every text is
 * the user's words: an error says what went wrong ({@code headline}) and what to do ({@code detail}).
 */
public interface DialogService {

    /** Something failed: what went wrong, and what to do about it. */
    void error(String headline, String detail);

    /** Something needs attention but nothing failed. */
    void warning(String headline, String detail);

    /** A result worth a dialog (an import's summary, About). */
    void info(String headline, String detail);

    /** A long text to read or copy (licences, a list of problems), scrollable. */
    void showText(String title, String headline, String text);

    /** A yes/no question; true when the user chose {@code confirmLabel}. */
    boolean confirm(String headline, String detail, String confirmLabel);

    /**
     * A choice between several named actions (e.g. "Keep it aside and start a new store" / "Quit"); returns the
     * index of the one chosen, or empty when the dialog was closed without a choice.
     */
    Optional<Integer> choose(String headline, String detail, List<String> options);

    /**
     * Several of a list of items (a check box each, those in {@code preselected} ticked at first); returns the
     * indices ticked when the user confirms, or empty when cancelled. The default answers "cancelled", so older
     * implementations keep compiling; {@link FxDialogService} shows it.
     */
    default Optional<Set<Integer>> chooseMany(
            String headline, String detail, List<String> options, Set<Integer> preselected) {
        return Optional.empty();
    }

    /** A line of text (a name, a number); empty when cancelled. */
    Optional<String> askText(String headline, String prompt, String initial);

    /** A secret (a passphrase); empty when cancelled. The caller clears the array after use. */
    Optional<char[]> askSecret(String headline, String prompt);

    /** One file to open; empty when cancelled. */
    Optional<Path> openFile(String title, FileKind... kinds);

    /** Several files to open; empty when cancelled. */
    List<Path> openFiles(String title, FileKind... kinds);

    /** Where to save; empty when cancelled. */
    Optional<Path> saveFile(String title, String suggestedName, FileKind... kinds);

    /**
     * A folder to write into (exported frames); empty when cancelled. The default answers "cancelled", so older
     * implementations keep compiling; {@link FxDialogService} shows a real folder chooser.
     */
    default Optional<Path> chooseFolder(String title) {
        return Optional.empty();
    }

    /** A short message that shows for a few seconds without taking focus ("Saved", "Copied"). */
    void notify(String message);

    /**
     * A table of proposed changes to review (a price import): a check box per row, "Accept all", "Accept selected"
     * and "Cancel". Returns the indices of the rows accepted (every row for "Accept all"), or empty when cancelled.
     * The default answers "cancelled", so older implementations keep compiling; {@link FxDialogService} shows it.
     */
    default Optional<Set<Integer>> review(Review review) {
        return Optional.empty();
    }

    /**
     * What {@link #review} shows.
     *
     * @param columns the column titles ("Change", "Model", …)
     * @param rows    one list of cells per row, in the order of {@code columns}
     * @param marked  rows that need a closer look (a CONFLICT): shown marked and not selected at first
     */
    record Review(String title, String headline, List<String> columns, List<List<String>> rows, Set<Integer> marked) {

        public Review {
            columns = List.copyOf(columns);
            rows = rows.stream().map(List::copyOf).toList();
            marked = Set.copyOf(marked);
        }
    }

    /** A file type for the choosers: "JSON files" with "*.json". */
    record FileKind(String description, List<String> patterns) {

        public static final FileKind JSON = new FileKind("JSON files", List.of("*.json"));
        public static final FileKind CSV = new FileKind("CSV files", List.of("*.csv"));
        public static final FileKind TEXT = new FileKind("Text files", List.of("*.txt", "*.md", "*.prompt"));
        public static final FileKind IMAGES =
                new FileKind("Images", List.of("*.png", "*.jpg", "*.jpeg", "*.webp", "*.gif", "*.bmp"));
        public static final FileKind AUDIO =
                new FileKind("Audio", List.of("*.wav", "*.mp3", "*.flac", "*.ogg", "*.m4a"));
        public static final FileKind VIDEO = new FileKind("Video", List.of("*.mp4", "*.mov", "*.mkv", "*.webm"));
        public static final FileKind ANY = new FileKind("All files", List.of("*.*"));

        public FileKind {
            patterns = List.copyOf(patterns);
        }
    }
}
