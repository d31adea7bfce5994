// SPDX-License-Identifier: Apache-2.0
package dev.costbench.ui.media;

import dev.costbench.model.catalog.Catalog;
import dev.costbench.model.lab.run.ExperimentSpec;
import dev.costbench.ui.common.DialogService.FileKind;
import dev.costbench.ui.common.Job;
import dev.costbench.ui.common.UiContext;
import dev.costbench.ui.common.ViewModel;
import dev.costbench.ui.common.handoff.ExperimentMediaSource;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.ObjectBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ObservableList;

/**
 * The Media view: opens a file (decoding off the UI thread) and hands it to the image half
 * ({@link ImageMediaViewModel}) or the audio/video half ({@link AvMediaViewModel}); the pricing choices both share.
 * A file that cannot be opened is reported and changes nothing. Gives the A/B lab the open image.
 */
public final class MediaViewModel implements ViewModel, ExperimentMediaSource {

    /** What to do when another view asks for the current image and there is none. */
    public static final String NO_IMAGE =
            "Open an image in the Media view first (Ctrl+I), choose its size and " + "format there, then take it here.";

    /** What the file chooser offers. */
    static final FileKind MEDIA_FILES = new FileKind(
            "Images, audio and video",
            List.of(
                    "*.jpg", "*.jpeg", "*.png", "*.webp", "*.gif", "*.bmp", "*.tif", "*.tiff", "*.wav", "*.mp3",
                    "*.m4a", "*.aac", "*.ogg", "*.opus", "*.flac", "*.mp4", "*.mov", "*.mkv", "*.webm", "*.avi"));

    private final UiContext ui;
    private final PricingChoices choices = new PricingChoices();
    private final ImageMediaViewModel image;
    private final AvMediaViewModel av;
    private final ReadOnlyBooleanWrapper avMode = new ReadOnlyBooleanWrapper(this, "avMode");
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(this, "loading");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "");
    private final ObjectBinding<ObservableList<MediaCostRow>> rows;
    private Job<MediaLoader.Loaded> opening;

    public MediaViewModel(UiContext ui, Supplier<Catalog> catalog) {
        this.ui = ui;
        this.image = new ImageMediaViewModel(ui, catalog, choices);
        this.av = new AvMediaViewModel(ui, catalog, choices);
        busy.bind(loading.or(image.busyProperty()));
        summary.bind(Bindings.when(avMode).then(av.summaryProperty()).otherwise(image.summaryProperty()));
        rows = Bindings.createObjectBinding(() -> avMode.get() ? av.rows() : image.rows(), avMode);
    }

    /** Asks for a file and opens it. */
    public void chooseFile() {
        ui.dialogs().openFile("Open image", MEDIA_FILES, FileKind.ANY).ifPresent(this::load);
    }

    /** Opens an image, audio or video file; one that cannot be read gives a message and leaves the view as it was. */
    public void load(Path path) {
        loading.set(true);
        Job<MediaLoader.Loaded> job = ui.tasks().task("opening " + path.getFileName(), p -> MediaLoader.load(path));
        opening = job;
        job.onSuccess(l -> {
                    if (opening == job) {
                        show(l);
                    }
                })
                .onFailure(e -> ui.dialogs().error("Cannot open " + path.getFileName(), UiContext.describe(e)))
                .always(() -> {
                    if (opening == job) {
                        loading.set(false);
                    }
                })
                .start();
    }

    private void show(MediaLoader.Loaded loaded) {
        if (loaded instanceof MediaLoader.AvFile f) {
            avMode.set(true);
            av.show(f);
        } else if (loaded instanceof MediaLoader.ImageFile f) {
            av.cancel();
            av.stopPlayback();
            avMode.set(false);
            image.show(f);
            if (f.warning() != null) {
                ui.dialogs().warning("Tokens from the header only", f.warning());
            }
        }
    }

    @Override
    public List<ExperimentSpec.MediaSpec> experimentMedia() {
        if (avMode.get()) {
            throw new IllegalStateException(NO_IMAGE);
        }
        return image.experimentMedia();
    }

    public PricingChoices choices() {
        return choices;
    }

    public ImageMediaViewModel image() {
        return image;
    }

    public AvMediaViewModel av() {
        return av;
    }

    /** True while audio or video is open (the A/V panel shows), false for an image. */
    public ReadOnlyBooleanProperty avModeProperty() {
        return avMode.getReadOnlyProperty();
    }

    /** True while a file opens or an image is re-encoded. */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** The line above the table: what was priced and the cheapest model. */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    /** The table's rows: the image's, or the audio's or video's. */
    public ObjectBinding<ObservableList<MediaCostRow>> rowsBinding() {
        return rows;
    }

    public ObservableList<MediaCostRow> rows() {
        return rows.get();
    }

    @Override
    public void close() {
        image.close();
        av.close();
    }
}
