// SPDX-License-Identifier: Apache-2.0
package dev.costbench.ui.prompt;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.WeakChangeListener;
import javafx.collections.ListChangeListener;
import javafx.collections.WeakListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.OverrunStyle;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.StackPane;
import org.fxmisc.flowless.VirtualizedScrollPane;
import org.fxmisc.richtext.CodeArea;
import org.fxmisc.richtext.model.TwoDimensional;

/**
 * A plain-text editor that stays responsive with megabytes of text: RichTextFX's virtualized {@link CodeArea}
 * renders only the visible paragraphs (a JavaFX TextArea re-lays out the whole text on every keystroke, about
 * 0.7 s per edit at 2 MB on this machine; the CodeArea takes about 10 ms). Wrapping is switched off while the
 * text holds a paragraph longer than {@link #WRAP_LIMIT} characters, because wrapping one huge paragraph is slow
 * in any JavaFX text control. FX thread only.
 */
public final class PromptEditor extends StackPane {

    /** Longest paragraph that is still wrapped. */
    static final int WRAP_LIMIT = 20_000;

    private final CodeArea area = new CodeArea();
    private final Label placeholder = new Label();
    private boolean syncing;
    private boolean styled;
    private ListChangeListener<CacheMarks.Mark> marksListener;
    private final StringProperty text;
    private ChangeListener<String> textListener;

    public PromptEditor(String id, String prompt, StringProperty text) {
        this.text = text;
        setId(id);
        area.setId(id + "-area");
        area.getStyleClass().add("prompt-editor");
        area.setWrapText(true);
        // Screen readers name the editor by what it holds ("System prompt"), not by its placeholder's instructions.
        area.setAccessibleRoleDescription("text editor");
        area.setAccessibleText(prompt.replaceFirst(" — .*", ""));
        area.setAccessibleHelp(prompt);
        placeholder.setText(prompt);
        placeholder.getStyleClass().addAll("text-muted", "editor-placeholder");
        placeholder.setMouseTransparent(true);
        setAlignment(placeholder, Pos.TOP_LEFT);
        VirtualizedScrollPane<CodeArea> scroll = new VirtualizedScrollPane<>(area);
        getChildren().addAll(scroll, placeholder);
        setMinHeight(70);
        area.replaceText(text.get() == null ? "" : text.get());
        updateChrome();
        area.textProperty().addListener((o, a, b) -> {
            updateChrome();
            if (!syncing) {
                syncing = true;
                text.set(b);
                syncing = false;
            }
        });
        text.addListener((o, a, b) -> {
            if (!syncing && !area.getText().equals(b)) {
                syncing = true;
                area.replaceText(b == null ? "" : b);
                syncing = false;
                updateChrome();
            }
        });
    }

    public CodeArea area() {
        return area;
    }

    /** The key combination that toggles a cache breakpoint at the caret. */
    public static final KeyCombination CACHE_KEY = KeyCombination.keyCombination("Shortcut+B");

    /**
     * Lets the user mark cache breakpoints in this editor (part {@code key} of {@code marks}): a context menu item
     * "Cache up to here", {@link #CACHE_KEY} at the caret, the cached prefix shaded and a ◆ in the margin of the
     * line each breakpoint is on.
     */
    public void enableCacheMarks(CacheMarks marks, String key) {
        MenuItem here = new MenuItem("Cache up to here");
        here.setAccelerator(CACHE_KEY);
        here.setOnAction(e -> marks.toggle(key, area.getCaretPosition()));
        MenuItem end = new MenuItem("Cache up to the end of this part");
        end.setOnAction(e -> marks.toggle(key, area.getLength()));
        MenuItem clear = new MenuItem("Remove this part's cache breakpoints");
        clear.setOnAction(e -> marks.marks().removeIf(m -> m.key().equals(key)));
        MenuItem cut = new MenuItem("Cut");
        cut.setOnAction(e -> area.cut());
        MenuItem copy = new MenuItem("Copy");
        copy.setOnAction(e -> area.copy());
        MenuItem paste = new MenuItem("Paste");
        paste.setOnAction(e -> area.paste());
        area.setContextMenu(new ContextMenu(cut, copy, paste, new SeparatorMenuItem(), here, end, clear));
        area.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (CACHE_KEY.match(e)) {
                marks.toggle(key, area.getCaretPosition());
                e.consume();
            }
        });
        Runnable show = () -> showMarks(marks.offsets(key));
        marksListener = c -> show.run();
        // weak: turn editors are rebuilt often, and the marks outlive them
        marks.marks().addListener(new WeakListChangeListener<>(marksListener));
        // after the marks have followed the edit (the marks track the part's text before this editor does)
        textListener = (o, a, b) -> show.run();
        text.addListener(new WeakChangeListener<>(textListener));
        show.run();
    }

    private void showMarks(List<Integer> offsets) {
        int len = area.getLength();
        if (offsets.isEmpty()) {
            if (!styled) {
                return;
            }
            styled = false;
            area.clearStyle(0, len);
            area.setParagraphGraphicFactory(null);
            getStyleClass().remove("has-cache-mark");
            return;
        }
        int last = Math.min(len, offsets.get(offsets.size() - 1));
        styled = true;
        area.clearStyle(0, len);
        if (last > 0) {
            area.setStyle(0, last, List.of("cached-prefix"));
        }
        Set<Integer> lines = new HashSet<>();
        for (int o : offsets) {
            lines.add(area.offsetToPosition(Math.min(len, o), TwoDimensional.Bias.Backward)
                    .getMajor());
        }
        area.setParagraphGraphicFactory(line -> {
            Label l = new Label(lines.contains(line) ? "◆" : "");
            l.getStyleClass().add("cache-gutter");
            l.setMinWidth(18);
            l.setPrefWidth(18);
            l.setPadding(Insets.EMPTY);
            l.setTextOverrun(OverrunStyle.CLIP);
            if (lines.contains(line)) {
                l.setTooltip(new Tooltip("Cache breakpoint: the prompt up to here is cached "
                        + "(see Tune ▸ Cache). Toggle with Ctrl+B or the context menu."));
            }
            return l;
        });
        if (!getStyleClass().contains("has-cache-mark")) {
            getStyleClass().add("has-cache-mark");
        }
    }

    public void setText(String s) {
        area.replaceText(s == null ? "" : s);
    }

    private void updateChrome() {
        placeholder.setVisible(area.getLength() == 0);
        boolean longParagraph = false;
        if (area.getLength() > WRAP_LIMIT) {
            for (var p : area.getParagraphs()) {
                if (p.length() > WRAP_LIMIT) {
                    longParagraph = true;
                    break;
                }
            }
        }
        if (area.isWrapText() == longParagraph) {
            area.setWrapText(!longParagraph);
        }
    }
}
