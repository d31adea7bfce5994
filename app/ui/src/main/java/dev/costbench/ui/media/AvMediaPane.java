// SPDX-License-Identifier: Apache-2.0
package dev.costbench.ui.media;

import dev.costbench.media.AudioAnalysis;
import dev.costbench.media.AudioExport;
import dev.costbench.media.AvInfo;
import dev.costbench.media.FrameExport;
import dev.costbench.media.VideoAnalysis;
import dev.costbench.model.catalog.Catalog;
import dev.costbench.model.cost.Money;
import dev.costbench.model.media.ImageOptions;
import dev.costbench.model.media.MediaCosts;
import dev.costbench.model.media.Transcription;
import java.awt.image.BufferedImage;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.concurrent.Task;
import javafx.embed.swing.SwingFXUtils;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Slider;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.image.ImageView;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;

/**
 * Audio and video in the Media view. Audio: a waveform with the silences shaded, threshold and minimum-gap
 * controls, and native-audio cost before and after resampling to 16 kHz mono and cutting silences. Video: one
 * decoding pass (with a progress bar and Cancel), then frame-sampling strategies priced instantly — Gemini native
 * video vs frames sent as images — with the chosen frames as a thumbnail strip. FX thread only, except the tasks.
 */
public final class AvMediaPane {

    private static final String[] STRATEGIES = {"Every frame", "Uniform 2 fps", "Uniform 1 fps", "Uniform 0.5 fps",
        "Uniform 0.2 fps", "Motion-adaptive", "Scene change"};
    private static final int THUMBS = 24;

    private final Supplier<Catalog> catalog;
    private final Supplier<ImageOptions> options;
    static final String[] FRAME_SIZES = {"Source size", "1080p", "720p", "480p", "360p"};
    private final ObservableList<MediaCostRow> rows;
    private final Consumer<String> summary;
    private final Consumer<String> onError;
    private final Runnable onResult;

    private final ProgressBar progress = new ProgressBar(0);
    private final Button cancel = new Button("Cancel");
    private final Label info = new Label();
    private final Slider silenceDb = new Slider(-70, -20, -40);
    private final Slider minGap = new Slider(0.1, 3, 0.5);
    private final CheckBox trim = new CheckBox("Cut silences");
    private final ComboBox<String> strategy = new ComboBox<>(FXCollections.observableArrayList(STRATEGIES));
    private final TextField maxFrames = new TextField("0");
    private final ComboBox<String> frameSize = new ComboBox<>(FXCollections.observableArrayList(FRAME_SIZES));
    private final Button playOriginal = new Button("▶ Original");
    private final Button playTrimmed = new Button("▶ Trimmed");
    private final Button stop = new Button("■");
    private final Button exportAudio = new Button("Export WAV…");
    private final Button exportFrames = new Button("Export frames…");
    private javax.sound.sampled.Clip clip;
    private int[] lastPicked = new int[0];
    private final FlowPane audioControls;
    private final FlowPane videoControls;
    private final Canvas wave = new Canvas(900, 200);
    private final HBox strip = new HBox(6);
    private final StackPane visual;
    private final VBox box;

    private Path file;
    private AvInfo av;
    private AudioAnalysis.Result audio;
    private VideoAnalysis.Scan scan;
    private Task<?> task;
    private Task<?> thumbs;

    AvMediaPane(Supplier<Catalog> catalog, Supplier<ImageOptions> options, ObservableList<MediaCostRow> rows,
                Consumer<String> summary, Consumer<String> onError, Runnable onResult) {
        this.catalog = catalog;
        this.options = options;
        this.rows = rows;
        this.summary = summary;
        this.onError = onError;
        this.onResult = onResult;
        progress.setPrefWidth(220);
        progress.setId("av-progress");
        cancel.setId("av-cancel");
        cancel.setOnAction(e -> cancel());
        setBusy(false);
        silenceDb.setPrefWidth(140);
        silenceDb.setTooltip(new Tooltip("Level below which a 20 ms window counts as silence (dBFS)"));
        minGap.setPrefWidth(120);
        minGap.setTooltip(new Tooltip("Shortest silence that is cut, in seconds"));
        Label dbLabel = new Label();
        dbLabel.textProperty().bind(silenceDb.valueProperty().asString("%.0f dB"));
        Label gapLabel = new Label();
        gapLabel.textProperty().bind(minGap.valueProperty().asString("%.1f s"));
        trim.setSelected(true);
        trim.setId("trim-silence");
        playOriginal.setId("play-original");
        playTrimmed.setId("play-trimmed");
        playOriginal.setTooltip(new Tooltip("Play the whole file (as the 16 kHz mono version a model would get)"));
        playTrimmed.setTooltip(new Tooltip("Play it with the silences cut, as it would be sent"));
        stop.setTooltip(new Tooltip("Stop playback"));
        exportAudio.setTooltip(new Tooltip("Save the optimized audio: 16 kHz mono WAV, silences cut if chosen"));
        playOriginal.setOnAction(e -> play(false));
        playTrimmed.setOnAction(e -> play(true));
        stop.setOnAction(e -> stopPlayback());
        exportAudio.setOnAction(e -> exportAudio());
        exportAudio.setId("export-audio");
        audioControls = new FlowPane(10, 6, new Label("Silence below"), silenceDb, dbLabel, new Label("Min gap"), minGap,
                gapLabel, trim, playOriginal, playTrimmed, stop, exportAudio);
        strategy.getSelectionModel().select(2);
        strategy.setId("strategy");
        maxFrames.setPrefColumnCount(5);
        maxFrames.setTooltip(new Tooltip("Cap on frames per video (0: no cap)"));
        frameSize.getSelectionModel().select(0);
        frameSize.setId("frame-size");
        frameSize.setTooltip(new Tooltip("Size at which sampled frames are sent as images to models without native "
                + "video (OpenAI, Anthropic). Gemini's native video is priced per frame by its media resolution."));
        exportFrames.setId("export-frames");
        exportFrames.setTooltip(new Tooltip("Save the frames the chosen strategy keeps as JPEG files"));
        exportFrames.setOnAction(e -> exportFrames());
        videoControls = new FlowPane(10, 6, new Label("Frame sampling"), strategy, new Label("Max frames"), maxFrames,
                new Label("Frames sent at"), frameSize, exportFrames);
        frameSize.valueProperty().addListener(o -> recompute());
        for (FlowPane f : new FlowPane[] {audioControls, videoControls}) {
            f.setAlignment(Pos.CENTER_LEFT);
            f.setVisible(false);
            f.setManaged(false);
        }
        silenceDb.valueChangingProperty().addListener((o, a, b) -> {
            if (!b) {
                reanalyseAudio();
            }
        });
        minGap.valueChangingProperty().addListener((o, a, b) -> {
            if (!b) {
                reanalyseAudio();
            }
        });
        trim.selectedProperty().addListener(o -> recompute());
        strategy.valueProperty().addListener(o -> recompute());
        maxFrames.textProperty().addListener(o -> recompute());
        Pane wavePane = new Pane(wave);
        wave.widthProperty().bind(wavePane.widthProperty());
        wave.heightProperty().bind(wavePane.heightProperty());
        wave.widthProperty().addListener(o -> drawWave());
        wave.heightProperty().addListener(o -> drawWave());
        ScrollPane stripScroll = new ScrollPane(strip);
        stripScroll.setFitToHeight(true);
        strip.setPadding(new Insets(6));
        strip.setId("frame-strip");
        visual = new StackPane(wavePane, stripScroll);
        visual.getStyleClass().add("image-pane");
        box = new VBox(6, new HBox(10, progress, cancel, info), visual);
        info.setId("av-info");
        VBox.setVgrow(visual, javafx.scene.layout.Priority.ALWAYS);
    }

    FlowPane audioControls() {
        return audioControls;
    }

    FlowPane videoControls() {
        return videoControls;
    }

    VBox node() {
        return box;
    }

    ComboBox<String> strategyBox() {
        return strategy;
    }

    private void setBusy(boolean busy) {
        progress.setVisible(busy);
        cancel.setVisible(busy);
        if (!busy) {
            progress.progressProperty().unbind();
        }
    }

    /** Stops any analysis in flight (opening another file does this too). */
    void cancel() {
        if (task != null) {
            task.cancel();
        }
        if (thumbs != null) {
            thumbs.cancel();
        }
        setBusy(false);
    }

    void load(Path path, AvInfo avInfo) {
        cancel();
        stopPlayback();
        lastPicked = new int[0];
        file = path;
        av = avInfo;
        audio = null;
        scan = null;
        strip.getChildren().clear();
        boolean video = av.hasVideo();
        show(audioControls, !video);
        show(videoControls, video);
        visual.getChildren().get(0).setVisible(!video);
        visual.getChildren().get(1).setVisible(video);
        info.setText(describe());
        if (video) {
            run(new Task<VideoAnalysis.Scan>() {
                @Override
                protected VideoAnalysis.Scan call() throws Exception {
                    return VideoAnalysis.scan(path, this::isCancelled, p -> updateProgress(p, 1));
                }
            }, s -> {
                scan = s;
                info.setText(describe());
                recompute();
            });
        } else {
            reanalyseAudio();
        }
    }

    private static void show(FlowPane p, boolean on) {
        p.setVisible(on);
        p.setManaged(on);
    }

    private void reanalyseAudio() {
        if (av == null || av.hasVideo()) {
            return;
        }
        double db = silenceDb.getValue();
        double gap = minGap.getValue();
        Path path = file;
        run(new Task<AudioAnalysis.Result>() {
            @Override
            protected AudioAnalysis.Result call() throws Exception {
                return AudioAnalysis.analyze(path, db, gap, 1200, this::isCancelled, p -> updateProgress(p, 1));
            }
        }, r -> {
            audio = r;
            info.setText(describe());
            drawWave();
            recompute();
        });
    }

    private <T> void run(Task<T> t, Consumer<T> done) {
        if (task != null) {
            task.cancel();
        }
        task = t;
        progress.progressProperty().bind(t.progressProperty());
        setBusy(true);
        t.setOnSucceeded(e -> {
            setBusy(false);
            done.accept(t.getValue());
        });
        t.setOnFailed(e -> {
            setBusy(false);
            Throwable x = t.getException();
            onError.accept(x.getMessage() == null ? x.toString() : x.getMessage());
        });
        t.setOnCancelled(e -> {
            setBusy(false);
            info.setText(describe() + " · analysis cancelled");
        });
        Thread th = new Thread(t, "CostBench media analysis");
        th.setDaemon(true);
        th.start();
    }

    private String describe() {
        if (av == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "%s · %.1f s · %,d bytes", file.getFileName(),
                av.seconds(), av.bytes()));
        if (av.hasVideo()) {
            b.append(String.format(Locale.ROOT, " · %s %d×%d %.2f fps", av.videoCodec(), av.width(), av.height(),
                    av.fps()));
        }
        if (av.hasAudio()) {
            b.append(String.format(Locale.ROOT, " · %s %d Hz %d ch", av.audioCodec(), av.sampleRate(), av.channels()));
        }
        if (scan != null) {
            b.append(String.format(Locale.ROOT, " · %d frames, %d scene cut(s)", scan.frames(), scan.cuts().size()));
        }
        if (audio != null) {
            b.append(String.format(Locale.ROOT, " · %d silence(s), %.1f s of sound; 16 kHz mono WAV %,d bytes",
                    audio.silences().size(), audio.speechSeconds(), audio.resampledBytes()));
        }
        return b.toString();
    }

    private void drawWave() {
        GraphicsContext g = wave.getGraphicsContext2D();
        double w = wave.getWidth();
        double h = wave.getHeight();
        g.clearRect(0, 0, w, h);
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

    private static final List<Transcription> TRANSCRIPTION = Transcription.builtIn();

    /** The frame size sent as images: the source, or scaled down to the chosen height keeping the aspect. */
    int[] sentSize() {
        int idx = frameSize.getSelectionModel().getSelectedIndex();
        int[] heights = {0, 1080, 720, 480, 360};
        int target = idx <= 0 ? 0 : heights[idx];
        if (target == 0 || av.height() <= target) {
            return new int[] {av.width(), av.height()};
        }
        return new int[] {(int) Math.round((double) av.width() * target / av.height()), target};
    }

    public ComboBox<String> frameSizeBox() {
        return frameSize;
    }

    private void play(boolean trimmed) {
        if (audio == null) {
            return;
        }
        stopPlayback();
        List<AudioAnalysis.Span> cut = trimmed ? audio.silences() : List.of();
        Path src = file;
        Task<Path> t = new Task<>() {
            @Override
            protected Path call() throws Exception {
                Path wav = java.nio.file.Files.createTempFile("costbench-play", ".wav");
                wav.toFile().deleteOnExit();
                AudioExport.writeWav(src, cut, wav, this::isCancelled);
                return wav;
            }
        };
        t.setOnSucceeded(e -> {
            try (var in = javax.sound.sampled.AudioSystem.getAudioInputStream(t.getValue().toFile())) {
                clip = javax.sound.sampled.AudioSystem.getClip();
                clip.open(in);
                clip.start();
                info.setText(describe() + " · playing " + (trimmed ? "trimmed" : "original"));
            } catch (Exception | LinkageError ex) {
                onError.accept("No audio output device could play the clip (" + ex.getClass().getSimpleName()
                        + "). Export the WAV and play it in another program.");
            }
        });
        t.setOnFailed(e -> onError.accept(t.getException().getMessage()));
        Thread th = new Thread(t, "CostBench audio preview");
        th.setDaemon(true);
        th.start();
    }

    public void stopPlayback() {
        if (clip != null) {
            clip.stop();
            clip.close();
            clip = null;
        }
    }

    private void exportAudio() {
        if (audio == null) {
            return;
        }
        javafx.stage.FileChooser fc = new javafx.stage.FileChooser();
        fc.setTitle("Export optimized audio");
        String base = file.getFileName().toString().replaceFirst("\\.[^.]+$", "");
        fc.setInitialFileName(base + (trim.isSelected() ? "-16k-trimmed.wav" : "-16k.wav"));
        fc.getExtensionFilters().add(new javafx.stage.FileChooser.ExtensionFilter("WAV audio", "*.wav"));
        java.io.File f = fc.showSaveDialog(box.getScene().getWindow());
        if (f != null) {
            exportAudioTo(f.toPath());
        }
    }

    /** Writes the optimized audio to {@code out} in the background (tests call it directly). */
    public Task<Double> exportAudioTo(Path out) {
        List<AudioAnalysis.Span> cut = trim.isSelected() ? audio.silences() : List.of();
        Path src = file;
        Task<Double> t = new Task<>() {
            @Override
            protected Double call() throws Exception {
                return AudioExport.writeWav(src, cut, out, this::isCancelled);
            }
        };
        run(t, secs -> info.setText(describe() + String.format(Locale.ROOT, " · exported %.1f s to %s", secs, out)));
        return t;
    }

    private void exportFrames() {
        if (scan == null || lastPicked.length == 0) {
            return;
        }
        javafx.stage.DirectoryChooser dc = new javafx.stage.DirectoryChooser();
        dc.setTitle("Export the chosen frames to a folder");
        java.io.File d = dc.showDialog(box.getScene().getWindow());
        if (d != null) {
            exportFramesTo(d.toPath());
        }
    }

    /** Saves the chosen frames as JPEG files into {@code dir} in the background (tests call it directly). */
    public Task<List<Path>> exportFramesTo(Path dir) {
        double[] times = new double[lastPicked.length];
        for (int i = 0; i < times.length; i++) {
            times[i] = scan.times()[lastPicked[i]];
        }
        Path src = file;
        Task<List<Path>> t = new Task<>() {
            @Override
            protected List<Path> call() throws Exception {
                return FrameExport.export(src, times, dir, 90);
            }
        };
        run(t, files -> info.setText(describe() + " · exported " + files.size() + " frames to " + dir));
        return t;
    }

    private int maxFrames() {
        try {
            return Math.max(0, Integer.parseInt(maxFrames.getText().trim()));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private VideoAnalysis.Strategy chosenStrategy() {
        switch (strategy.getSelectionModel().getSelectedIndex()) {
            case 0: return new VideoAnalysis.All();
            case 1: return new VideoAnalysis.Uniform(2);
            case 3: return new VideoAnalysis.Uniform(0.5);
            case 4: return new VideoAnalysis.Uniform(0.2);
            case 5: return new VideoAnalysis.Adaptive(0.05);
            case 6: return new VideoAnalysis.SceneChange();
            default: return new VideoAnalysis.Uniform(1);
        }
    }

    /** Reprices from the finished analysis (no decoding). */
    void recompute() {
        var models = catalog.get().models();
        List<MediaCostRow> out = new ArrayList<>();
        String what;
        if (scan != null) {
            int[] picked = VideoAnalysis.select(scan, chosenStrategy(), maxFrames());
            // Baseline: what a provider does with the file as sent — Gemini samples native video at 1 fps, and
            // 1 fps is the usual default for sending frames as images to the others (seed 000, provider-rules §3.3).
            long baseline = Math.min(scan.frames(), Math.max(1, (long) Math.ceil(av.seconds() - 1e-9)));
            var before = MediaCosts.video(models, av.seconds(), baseline, av.width(), av.height(), av.hasAudio(),
                    options.get());
            int[] wh = sentSize();
            var after = MediaCosts.video(models, av.seconds(), picked.length, wh[0], wh[1], av.hasAudio(),
                    options.get());
            lastPicked = picked;
            for (int i = 0; i < before.size(); i++) {
                out.add(MediaCostRow.of(before.get(i).model(), before.get(i).tokens(), before.get(i).usd(),
                        after.get(i).tokens(), after.get(i).usd(), after.get(i).method(), false));
            }
            what = String.format(Locale.ROOT, "baseline 1 fps (%d frames, Gemini's default) → %s: %d of %d frames, "
                    + "%.0f %% of scenes covered", baseline, chosenStrategy().label(), picked.length, scan.frames(),
                    100 * VideoAnalysis.sceneCoverage(scan, picked));
            loadThumbnails(picked);
        } else if (audio != null) {
            double after = trim.isSelected() ? audio.speechSeconds() : audio.seconds();
            var before = MediaCosts.audio(models, av.seconds());
            var opt = MediaCosts.audio(models, after);
            for (int i = 0; i < before.size(); i++) {
                out.add(MediaCostRow.of(before.get(i).model(), before.get(i).tokens(), before.get(i).usd(),
                        opt.get(i).tokens(), opt.get(i).usd(), opt.get(i).method(), false));
            }
            for (Transcription t : TRANSCRIPTION) {
                out.add(new MediaCostRow(t.id(), t.name(), t.provider(), -1, t.cost(av.seconds()), -1, t.cost(after),
                        t.method(after), t.status() != dev.costbench.model.catalog.PriceStatus.LISTED));
            }
            what = String.format(Locale.ROOT, "16 kHz mono%s: %.1f s of %.1f s", trim.isSelected() ? ", silences cut"
                    : "", after, audio.seconds());
        } else {
            return;
        }
        out.sort(Comparator.comparing(MediaCostRow::optimizedUsd, Comparator.nullsLast(Comparator.naturalOrder())));
        rows.setAll(out);
        // The cheapest model that takes the media itself (transcription services only turn speech into text).
        MediaCostRow cheapest = out.stream().filter(r -> r.optimizedTokens() >= 0).findFirst().orElse(null);
        summary.accept(what + " · " + out.size() + " models" + (cheapest == null || cheapest.optimizedUsd() == null ? ""
                : " · cheapest: " + cheapest.name() + " " + Money.format(cheapest.optimizedUsd()) + ", "
                + Money.format(cheapest.optimizedUsd().multiply(BigDecimal.valueOf(1000))) + " per 1,000 files"));
        onResult.run();
    }

    private void loadThumbnails(int[] picked) {
        if (thumbs != null) {
            thumbs.cancel();
        }
        int n = Math.min(THUMBS, picked.length);
        double[] times = new double[n];
        for (int i = 0; i < n; i++) {
            times[i] = scan.times()[picked[(int) ((long) i * picked.length / Math.max(1, n))]];
        }
        Path path = file;
        Task<List<BufferedImage>> t = new Task<>() {
            @Override
            protected List<BufferedImage> call() throws Exception {
                return FrameExport.thumbnails(path, times, 160, this::isCancelled);
            }
        };
        thumbs = t;
        t.setOnSucceeded(e -> {
            strip.getChildren().clear();
            List<BufferedImage> imgs = t.getValue();
            for (int i = 0; i < imgs.size(); i++) {
                ImageView iv = new ImageView(SwingFXUtils.toFXImage(imgs.get(i), null));
                Label l = new Label(String.format(Locale.ROOT, "%.1f s", times[i]));
                strip.getChildren().add(new VBox(2, iv, l));
            }
            if (picked.length > n) {
                strip.getChildren().add(new Label("… " + (picked.length - n) + " more"));
            }
        });
        Thread th = new Thread(t, "CostBench thumbnails");
        th.setDaemon(true);
        th.start();
    }
}
