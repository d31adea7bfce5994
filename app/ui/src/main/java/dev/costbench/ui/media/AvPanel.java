// SPDX-License-Identifier: Apache-2.0
package dev.costbench.ui.media;

import dev.costbench.media.AudioAnalysis;
import java.util.Locale;
import javafx.collections.ListChangeListener;
import javafx.embed.swing.SwingFXUtils;
import javafx.geometry.Insets;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.image.ImageView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;

/**
 * Audio and video in the Media view: progress and Cancel while a file is analysed, the file line, and a waveform
 * with the silences shaded (audio) or a strip of the chosen frames (video).
 */
final class AvPanel extends VBox {

    private final AvMediaViewModel vm;
    private final Canvas wave = new Canvas(900, 200);
    private final HBox strip = new HBox(6);

    AvPanel(AvMediaViewModel vm) {
        super(6);
        this.vm = vm;
        ProgressBar progress = new ProgressBar(0);
        progress.setPrefWidth(220);
        progress.setId("av-progress");
        progress.progressProperty().bind(vm.progressProperty());
        progress.visibleProperty().bind(vm.busyProperty());
        progress.managedProperty().bind(vm.busyProperty());
        Button cancel = new Button("Cancel");
        cancel.setId("av-cancel");
        cancel.setOnAction(e -> vm.cancel());
        cancel.visibleProperty().bind(vm.busyProperty());
        cancel.managedProperty().bind(vm.busyProperty());
        Label info = new Label();
        info.setId("av-info");
        info.textProperty().bind(vm.infoProperty());

        Pane wavePane = new Pane(wave);
        wave.widthProperty().bind(wavePane.widthProperty());
        wave.heightProperty().bind(wavePane.heightProperty());
        wave.widthProperty().addListener(o -> drawWave());
        wave.heightProperty().addListener(o -> drawWave());
        vm.audioProperty().addListener(o -> drawWave());
        wavePane.visibleProperty().bind(vm.videoProperty().not());
        ScrollPane stripScroll = new ScrollPane(strip);
        stripScroll.setFitToHeight(true);
        stripScroll.visibleProperty().bind(vm.videoProperty());
        strip.setPadding(new Insets(6));
        strip.setId("frame-strip");
        vm.thumbnails().items().addListener((ListChangeListener<AvThumbnails.Thumbnail>) c -> fill());
        vm.thumbnails().moreProperty().addListener(o -> fill());
        StackPane visual = new StackPane(wavePane, stripScroll);
        visual.getStyleClass().add("image-pane");
        getChildren().addAll(new HBox(10, progress, cancel, info), visual);
        VBox.setVgrow(visual, Priority.ALWAYS);
    }

    private void fill() {
        strip.getChildren().clear();
        for (AvThumbnails.Thumbnail t : vm.thumbnails().items()) {
            ImageView iv = new ImageView(SwingFXUtils.toFXImage(t.image(), null));
            strip.getChildren().add(new VBox(2, iv, new Label(String.format(Locale.ROOT, "%.1f s", t.seconds()))));
        }
        int more = vm.thumbnails().moreProperty().get();
        if (more > 0) {
            strip.getChildren().add(new Label("… " + more + " more"));
        }
    }

    private void drawWave() {
        GraphicsContext g = wave.getGraphicsContext2D();
        double w = wave.getWidth();
        double h = wave.getHeight();
        g.clearRect(0, 0, w, h);
        AudioAnalysis.Result audio = vm.audioProperty().get();
        if (audio == null || w <= 0) {
            return;
        }
        double secs = Math.max(audio.seconds(), 1e-6);
        g.setFill(Color.color(1, 0.55, 0.1, 0.25));
        for (AudioAnalysis.Span s : audio.silences()) {
            g.fillRect(s.start() / secs * w, 0, s.length() / secs * w, h);
        }
        float[] lv = audio.levels();
        g.setStroke(Color.DODGERBLUE);
        double mid = h / 2;
        for (int i = 0; i < lv.length; i++) {
            double x = (i + 0.5) * w / lv.length;
            double a = lv[i] * (h / 2 - 4);
            g.strokeLine(x, mid - a, x, mid + a);
        }
    }
}
