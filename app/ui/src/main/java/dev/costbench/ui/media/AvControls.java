// SPDX-License-Identifier: Apache-2.0
package dev.costbench.ui.media;

import java.util.List;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.collections.FXCollections;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;

/** The rows of controls for audio (silence threshold, gap, trimming, playback, export) and video (frame sampling). */
final class AvControls {

    private final FlowPane audio;
    private final FlowPane video;

    AvControls(AvMediaViewModel vm) {
        AvSettings settings = vm.settings();
        Slider silenceDb = slider(
                -70,
                -20,
                settings.silenceDbProperty(),
                140,
                "Level below which a 20 ms window counts as silence (dBFS)");
        Slider minGap = slider(0.1, 3, settings.minGapProperty(), 120, "Shortest silence that is cut, in seconds");
        Label dbLabel = new Label();
        dbLabel.textProperty().bind(silenceDb.valueProperty().asString("%.0f dB"));
        Label gapLabel = new Label();
        gapLabel.textProperty().bind(minGap.valueProperty().asString("%.1f s"));
        CheckBox trim = new CheckBox("Cut silences");
        trim.setId("trim-silence");
        trim.selectedProperty().bindBidirectional(settings.trimProperty());
        Button playOriginal = button(
                "▶ Original", "play-original", "Play the whole file (as the 16 kHz mono version a model would get)");
        playOriginal.setOnAction(e -> vm.play(false));
        Button playTrimmed = button("▶ Trimmed", "play-trimmed", "Play it with the silences cut, as it would be sent");
        playTrimmed.setOnAction(e -> vm.play(true));
        Button stop = button("■", null, "Stop playback");
        stop.setOnAction(e -> vm.stopPlayback());
        Button exportAudio = button(
                "Export WAV…", "export-audio", "Save the optimized audio: 16 kHz mono WAV, silences cut if chosen");
        exportAudio.setOnAction(e -> vm.exportAudio());
        audio = row(
                new Label("Silence below"),
                silenceDb,
                dbLabel,
                new Label("Min gap"),
                minGap,
                gapLabel,
                trim,
                playOriginal,
                playTrimmed,
                stop,
                exportAudio);

        ComboBox<String> strategy = choice(AvSettings.STRATEGIES, settings.strategyProperty(), "strategy");
        TextField maxFrames = new TextField();
        maxFrames.setPrefColumnCount(5);
        maxFrames.setTooltip(new Tooltip("Cap on frames per video (0: no cap)"));
        maxFrames.textProperty().bindBidirectional(settings.maxFramesProperty());
        ComboBox<String> frameSize = choice(AvSettings.FRAME_SIZES, settings.frameSizeProperty(), "frame-size");
        frameSize.setTooltip(new Tooltip("Size at which sampled frames are sent as images to models without native "
                + "video (OpenAI, Anthropic). Gemini's native video is priced per frame by its media resolution."));
        Button exportFrames =
                button("Export frames…", "export-frames", "Save the frames the chosen strategy keeps as JPEG files");
        exportFrames.setOnAction(e -> vm.exportFrames());
        video = row(
                new Label("Frame sampling"),
                strategy,
                new Label("Max frames"),
                maxFrames,
                new Label("Frames sent at"),
                frameSize,
                exportFrames);
    }

    /** A slider that tells the view model its value once the user lets go (or at once from the keyboard). */
    private static Slider slider(double min, double max, DoubleProperty target, double width, String tip) {
        Slider s = new Slider(min, max, target.get());
        s.setPrefWidth(width);
        s.setTooltip(new Tooltip(tip));
        s.valueProperty().addListener((o, a, b) -> {
            if (!s.isValueChanging()) {
                target.set(b.doubleValue());
            }
        });
        s.valueChangingProperty().addListener((o, a, changing) -> {
            if (!changing) {
                target.set(s.getValue());
            }
        });
        return s;
    }

    private static ComboBox<String> choice(List<String> items, IntegerProperty index, String id) {
        ComboBox<String> box = new ComboBox<>(FXCollections.observableArrayList(items));
        box.setId(id);
        box.getSelectionModel().select(index.get());
        box.getSelectionModel().selectedIndexProperty().addListener((o, a, b) -> index.set(b.intValue()));
        return box;
    }

    private static Button button(String text, String id, String tip) {
        Button b = new Button(text);
        if (id != null) {
            b.setId(id);
        }
        b.setTooltip(new Tooltip(tip));
        return b;
    }

    private static FlowPane row(Node... nodes) {
        FlowPane p = new FlowPane(10, 6, nodes);
        p.setAlignment(Pos.CENTER_LEFT);
        return p;
    }

    FlowPane audio() {
        return audio;
    }

    FlowPane video() {
        return video;
    }
}
