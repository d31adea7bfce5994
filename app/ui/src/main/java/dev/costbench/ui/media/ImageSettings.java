// SPDX-License-Identifier: Apache-2.0
package dev.costbench.ui.media;

import java.util.List;
import javafx.beans.Observable;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** How the optimized image is made: a long-edge preset (or a custom edge), the format and its quality. */
public final class ImageSettings {

    /** Long-edge presets: seed 000's task sizes; the last one takes the custom edge. */
    public static final List<String> PRESETS = List.of(
            "Original size",
            "OCR — 1024 px",
            "Scene — 512 px",
            "Classification — 256 px",
            "Thumbnail — 128 px",
            "Custom");

    private static final int[] PRESET_PX = {0, 1024, 512, 256, 128, -1};
    static final int CUSTOM = 5;
    public static final List<String> FORMATS = List.of("JPEG", "WebP", "PNG");

    private final IntegerProperty preset = new SimpleIntegerProperty(this, "preset", 1);
    private final StringProperty customEdge = new SimpleStringProperty(this, "customEdge", "768");
    private final StringProperty format = new SimpleStringProperty(this, "format", "JPEG");
    private final IntegerProperty quality = new SimpleIntegerProperty(this, "quality", 85);
    private int originalEdge;

    public ImageSettings() {
        // The custom box shows the long edge the chosen preset gives, so switching to Custom starts from it.
        preset.addListener((o, a, b) -> showPresetEdge());
    }

    /** The open image's long edge (after any crop): what "Original size" gives. */
    void originalEdge(int px) {
        originalEdge = px;
        showPresetEdge();
    }

    private void showPresetEdge() {
        int i = preset.get();
        if (i == CUSTOM || i < 0 || i >= PRESET_PX.length) {
            return;
        }
        int px = PRESET_PX[i] == 0
                ? originalEdge
                : Math.min(PRESET_PX[i], originalEdge > 0 ? originalEdge : PRESET_PX[i]);
        if (px > 0) {
            customEdge.set(Integer.toString(px));
        }
    }

    /** Runs {@code r} whenever a setting changes. */
    void onChange(Runnable r) {
        for (Observable o : new Observable[] {preset, customEdge, format, quality}) {
            o.addListener(x -> r.run());
        }
    }

    /** The long edge asked for: a preset's, or the custom one (0: unchanged; an unreadable custom edge counts as 0). */
    int targetEdge() {
        int i = preset.get();
        if (i == CUSTOM) {
            try {
                return Math.max(1, Integer.parseInt(customEdge.get().trim()));
            } catch (NumberFormatException e) {
                return 0;
            }
        }
        return i < 0 || i >= PRESET_PX.length ? 0 : PRESET_PX[i];
    }

    /** The file extension of the chosen format. */
    String extension() {
        return switch (format.get()) {
            case "PNG" -> "png";
            case "WebP" -> "webp";
            default -> "jpg";
        };
    }

    /** Index into {@link #PRESETS}. */
    public IntegerProperty presetProperty() {
        return preset;
    }

    public StringProperty customEdgeProperty() {
        return customEdge;
    }

    /** One of {@link #FORMATS}. */
    public StringProperty formatProperty() {
        return format;
    }

    /** 1 to 100. */
    public IntegerProperty qualityProperty() {
        return quality;
    }

    /** The custom edge applies only with the "Custom" preset. */
    public BooleanBinding customEdgeEnabled() {
        return preset.isEqualTo(CUSTOM);
    }

    /** PNG is lossless: no quality. */
    public BooleanBinding qualityEnabled() {
        return format.isNotEqualTo("PNG");
    }
}
