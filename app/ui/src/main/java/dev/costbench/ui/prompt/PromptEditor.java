// SPDX-License-Identifier: Apache-2.0
package dev.costbench.ui.prompt;

import javafx.beans.property.StringProperty;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import org.fxmisc.flowless.VirtualizedScrollPane;
import org.fxmisc.richtext.CodeArea;

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

    public PromptEditor(String id, String prompt, StringProperty text) {
        setId(id);
        area.setId(id + "-area");
        area.getStyleClass().add("prompt-editor");
        area.setWrapText(true);
        placeholder.setText(prompt);
        placeholder.getStyleClass().addAll("text-muted", "editor-placeholder");
        placeholder.setMouseTransparent(true);
        setAlignment(placeholder, javafx.geometry.Pos.TOP_LEFT);
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
