// SPDX-License-Identifier: Apache-2.0
package dev.costbench.ui.media;

import dev.costbench.media.AudioAnalysis;
import dev.costbench.media.AudioExport;
import dev.costbench.media.AvInfo;
import dev.costbench.media.FrameExport;
import dev.costbench.media.VideoAnalysis;
import dev.costbench.model.catalog.Catalog;
import dev.costbench.ui.common.DialogService.FileKind;
import dev.costbench.ui.common.Job;
import dev.costbench.ui.common.UiContext;
import dev.costbench.ui.common.ViewModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Audio and video in the Media view. Audio: silences found at a threshold and minimum gap, native-audio cost before
 * and after resampling to 16 kHz mono and cutting them. Video: one decoding pass (a cancellable job with progress),
 * then frame-sampling strategies priced at once, with thumbnails of the chosen frames.
 */
public final class AvMediaViewModel implements ViewModel {

    private static final String EXPORT_AGAIN =
            "Choose another place (one you can write to, with room) and export " + "again.";

    private final UiContext ui;
    private final Supplier<Catalog> catalog;
    private final PricingChoices choices;
    private final AvThumbnails thumbnails;
    private final AudioPreview player = new AudioPreview();
    private final AvSettings settings = new AvSettings();
    private final ReadOnlyBooleanWrapper video = new ReadOnlyBooleanWrapper(this, "video");
    private final JobSlot slot;
    private final ReadOnlyStringWrapper info = new ReadOnlyStringWrapper(this, "info", "");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "");
    private final ReadOnlyObjectWrapper<AudioAnalysis.Result> audio = new ReadOnlyObjectWrapper<>(this, "audio");
    private final ObservableList<MediaCostRow> rows = FXCollections.observableArrayList();
    private final ObservableList<MediaCostRow> readOnlyRows = FXCollections.unmodifiableObservableList(rows);
    private Path file;
    private AvInfo av;
    private VideoAnalysis.Scan scan;
    private int[] picked = new int[0];

    public AvMediaViewModel(UiContext ui, Supplier<Catalog> catalog, PricingChoices choices) {
        this.ui = ui;
        this.catalog = catalog;
        this.choices = choices;
        this.thumbnails = new AvThumbnails(ui.tasks());
        this.slot = new JobSlot(ui, () -> info.set(describe() + " · analysis cancelled"));
        settings.onChange(this::reanalyseAudio, this::recompute);
        choices.onChange(this::recompute);
    }

    /** Shows a freshly opened audio or video file and starts its analysis. */
    void show(MediaLoader.AvFile f) {
        cancel();
        player.stop();
        picked = new int[0];
        file = f.path();
        av = f.info();
        audio.set(null);
        scan = null;
        rows.clear();
        summary.set("");
        thumbnails.clear();
        video.set(av.hasVideo());
        info.set(describe());
        if (av.hasVideo()) {
            Path path = file;
            slot.run(
                    analysis("video analysis", path, s -> {
                        scan = s;
                        info.set(describe());
                        recompute();
                    }),
                    p -> VideoAnalysis.scan(path, p::isCancelled, x -> p.update(x, "Decoding frames")));
        } else {
            reanalyseAudio();
        }
    }

    private void reanalyseAudio() {
        if (av == null || av.hasVideo()) {
            return;
        }
        double db = settings.silenceDbProperty().get();
        double gap = settings.minGapProperty().get();
        Path path = file;
        slot.run(
                analysis("audio analysis", path, r -> {
                    audio.set(r);
                    info.set(describe());
                    recompute();
                }),
                p -> AudioAnalysis.analyze(path, db, gap, 1200, p::isCancelled, x -> p.update(x, "Finding silences")));
    }

    private static <T> JobSlot.Purpose<T> analysis(String name, Path path, Consumer<T> done) {
        return new JobSlot.Purpose<>(
                name,
                done,
                "Cannot analyse " + path.getFileName(),
                "The figures shown are "
                        + "unchanged; check the file plays in another program, or convert it, and open it again.");
    }

    /** Stops the analysis or export in flight (opening another file does this too). */
    public void cancel() {
        slot.cancel();
        thumbnails.cancel();
    }

    /** Reprices from the finished analysis (no decoding). */
    public void recompute() {
        if (av == null) {
            return;
        }
        AvPricing.Priced p;
        if (scan != null) {
            p = AvPricing.video(
                    catalog.get().models(),
                    av,
                    scan,
                    AvPricing.strategy(settings.strategyProperty().get()),
                    AvPricing.maxFrames(settings.maxFramesProperty().get()),
                    AvPricing.sentSize(av, settings.frameSizeProperty().get()),
                    choices.options(),
                    choices.rateCardProperty().get());
            picked = p.picked();
            thumbnails.load(file, scan, picked);
        } else if (audio.get() != null) {
            p = AvPricing.audio(
                    catalog.get().models(),
                    av,
                    audio.get(),
                    settings.trimProperty().get(),
                    choices.rateCardProperty().get());
        } else {
            return;
        }
        rows.setAll(p.rows());
        summary.set(p.summary());
    }

    /** Plays the audio as a model would get it (16 kHz mono), whole or with the silences cut. */
    public void play(boolean trimmed) {
        AudioAnalysis.Result a = audio.get();
        if (a == null) {
            return;
        }
        player.stop();
        List<AudioAnalysis.Span> cut = trimmed ? a.silences() : List.of();
        Path src = file;
        ui.tasks()
                .task("audio preview", p -> {
                    Path wav = Files.createTempFile("costbench-play", ".wav");
                    wav.toFile().deleteOnExit();
                    AudioExport.writeWav(src, cut, wav, p::isCancelled);
                    return wav;
                })
                .onSuccess(wav -> {
                    try {
                        player.play(wav);
                        info.set(describe() + " · playing " + (trimmed ? "trimmed" : "original"));
                    } catch (Exception | LinkageError e) {
                        ui.dialogs()
                                .error(
                                        "Cannot play audio",
                                        "No audio output device could play the clip ("
                                                + e.getClass().getSimpleName()
                                                + "). Export the WAV and play it in another program.");
                    }
                })
                .onFailure(e -> ui.dialogs()
                        .error(
                                "Cannot play audio",
                                UiContext.describe(e) + "\n\nExport the WAV and play it in another program."))
                .start();
    }

    public void stopPlayback() {
        player.stop();
    }

    /** Asks where to save the optimized audio (16 kHz mono WAV, silences cut if chosen) and writes it. */
    public void exportAudio() {
        if (audio.get() == null) {
            return;
        }
        String base = file.getFileName().toString().replaceFirst("\\.[^.]+$", "");
        String suffix = settings.trimProperty().get() ? "-16k-trimmed.wav" : "-16k.wav";
        ui.dialogs()
                .saveFile("Export optimized audio", base + suffix, new FileKind("WAV audio", List.of("*.wav")))
                .ifPresent(this::exportAudioTo);
    }

    Job<Double> exportAudioTo(Path out) {
        List<AudioAnalysis.Span> cut =
                settings.trimProperty().get() ? audio.get().silences() : List.of();
        Path src = file;
        return slot.run(
                new JobSlot.Purpose<Double>(
                        "audio export",
                        secs -> info.set(
                                describe() + String.format(Locale.ROOT, " · exported %.1f s to %s", secs, out)),
                        "Could not export the audio to " + out.getFileName(),
                        EXPORT_AGAIN),
                p -> AudioExport.writeWav(src, cut, out, p::isCancelled));
    }

    /** Asks for a folder and saves the frames the chosen strategy keeps there as JPEG files. */
    public void exportFrames() {
        if (scan == null || picked.length == 0) {
            return;
        }
        ui.dialogs().chooseFolder("Export the chosen frames to a folder").ifPresent(this::exportFramesTo);
    }

    Job<List<Path>> exportFramesTo(Path dir) {
        double[] times = new double[picked.length];
        for (int i = 0; i < times.length; i++) {
            times[i] = scan.times()[picked[i]];
        }
        Path src = file;
        return slot.run(
                new JobSlot.Purpose<List<Path>>(
                        "frame export",
                        files -> info.set(describe() + " · exported " + files.size() + " frames to " + dir),
                        "Could not export the frames to " + dir,
                        EXPORT_AGAIN),
                p -> FrameExport.export(src, times, dir, 90));
    }

    private String describe() {
        return av == null ? "" : AvPricing.describe(file, av, scan, audio.get());
    }

    public AvSettings settings() {
        return settings;
    }

    /** True for video, false for audio. */
    public ReadOnlyBooleanProperty videoProperty() {
        return video.getReadOnlyProperty();
    }

    /** True while an analysis or export runs (a progress bar and Cancel show). */
    public ReadOnlyBooleanProperty busyProperty() {
        return slot.busyProperty();
    }

    public ReadOnlyDoubleProperty progressProperty() {
        return slot.progressProperty();
    }

    public ReadOnlyStringProperty infoProperty() {
        return info.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    /** The audio analysis (levels and silences for the waveform), or null. */
    public ReadOnlyObjectProperty<AudioAnalysis.Result> audioProperty() {
        return audio.getReadOnlyProperty();
    }

    public ObservableList<MediaCostRow> rows() {
        return readOnlyRows;
    }

    public AvThumbnails thumbnails() {
        return thumbnails;
    }

    @Override
    public void close() {
        cancel();
        player.close();
        thumbnails.close();
    }
}
