// SPDX-License-Identifier: Apache-2.0
package dev.costbench.ui.media;

import dev.costbench.media.ImageInfo;
import dev.costbench.model.catalog.Catalog;
import dev.costbench.model.lab.run.ExperimentSpec;
import dev.costbench.ui.common.DialogService.FileKind;
import dev.costbench.ui.common.Job;
import dev.costbench.ui.common.Reasons;
import dev.costbench.ui.common.TaskExecutor;
import dev.costbench.ui.common.UiContext;
import dev.costbench.ui.common.ViewModel;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The image half of the Media view: the open image, how to optimize it (long edge, crop, format, quality) and, on a
 * latest-wins lane, the optimized version with its tokens and cost on every model that takes images.
 */
public final class ImageMediaViewModel implements ViewModel {

    static final String PROMPT = "Drop an image, audio or video file here, or use Open… (Ctrl+I)";

    private final UiContext ui;
    private final Supplier<Catalog> catalog;
    private final PricingChoices choices;
    private final TaskExecutor.Lane lane;
    private final ZoomModel zoom = new ZoomModel();
    private final ImageSettings settings = new ImageSettings();
    private final ReadOnlyObjectWrapper<Crop> crop = new ReadOnlyObjectWrapper<>(this, "crop");
    private final ReadOnlyStringWrapper originalInfo = new ReadOnlyStringWrapper(this, "originalInfo", PROMPT);
    private final ReadOnlyStringWrapper optimizedInfo = new ReadOnlyStringWrapper(this, "optimizedInfo", "");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "");
    private final ReadOnlyStringWrapper sizeWarning = new ReadOnlyStringWrapper(this, "sizeWarning", "");
    private final ReadOnlyObjectWrapper<BufferedImage> originalPreview = new ReadOnlyObjectWrapper<>(this, "original");
    private final ReadOnlyObjectWrapper<BufferedImage> optimizedPreview =
            new ReadOnlyObjectWrapper<>(this, "optimized");
    private final ReadOnlyObjectWrapper<byte[]> optimizedBytes = new ReadOnlyObjectWrapper<>(this, "optimizedBytes");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyBooleanWrapper croppable = new ReadOnlyBooleanWrapper(this, "croppable");
    private final ObservableList<MediaCostRow> rows = FXCollections.observableArrayList();
    private final ObservableList<MediaCostRow> readOnlyRows = FXCollections.unmodifiableObservableList(rows);
    private Path file;
    private ImageInfo info;
    private BufferedImage original;
    private Job<ImagePricing.Result> current;

    public ImageMediaViewModel(UiContext ui, Supplier<Catalog> catalog, PricingChoices choices) {
        this.ui = ui;
        this.catalog = catalog;
        this.choices = choices;
        this.lane = ui.tasks().lane("media image");
        settings.onChange(this::recompute);
        choices.onChange(this::recompute);
    }

    /** Shows a freshly opened image (crop and zoom reset) and prices it. */
    void show(MediaLoader.ImageFile f) {
        file = f.path();
        info = f.info();
        original = f.image();
        croppable.set(original != null);
        crop.set(null);
        originalPreview.set(f.preview());
        zoom.fit();
        originalInfo.set(ImagePricing.originalInfo(file, info));
        settings.originalEdge(Math.max(info.width(), info.height()));
        recompute();
    }

    /** Re-encodes the optimized version and reprices both sides; the newest request wins. */
    public void recompute() {
        if (info == null) {
            return;
        }
        ImageInfo in = info;
        Crop c = crop.get();
        ImagePricing.Request q = new ImagePricing.Request(
                catalog.get().models(),
                in,
                original,
                c,
                settings.targetEdge(),
                settings.formatProperty().get().toLowerCase(Locale.ROOT),
                settings.qualityProperty().get(),
                choices.options(),
                choices.billing());
        Job<ImagePricing.Result> job = lane.task(p -> ImagePricing.price(q));
        current = job;
        busy.set(true);
        job.onSuccess(r -> {
                    if (current == job) {
                        apply(r, in, c);
                    }
                })
                .onFailure(e -> {
                    if (current == job) {
                        ui.dialogs()
                                .error(
                                        "Could not process the image",
                                        UiContext.describe(e)
                                                + "\n\nChoose another format or size; the original file is unchanged.");
                    }
                })
                .always(() -> {
                    if (current == job) {
                        busy.set(false);
                    }
                })
                .start();
    }

    private void apply(ImagePricing.Result r, ImageInfo in, Crop c) {
        rows.setAll(r.rows());
        optimizedPreview.set(r.preview());
        optimizedBytes.set(r.bytes());
        optimizedInfo.set(ImagePricing.optimizedInfo(r, in.bytes(), c));
        summary.set(ImagePricing.summary(r.rows()));
        sizeWarning.set(ImagePricing.sizeWarning(r, in));
    }

    /** Crops to the part between fractions (fx0, fy0) and (fx1, fy1) of the original; too small a part is ignored. */
    public void cropTo(double fx0, double fy0, double fx1, double fy1) {
        if (original == null) {
            return;
        }
        Crop c = Crop.ofFractions(fx0, fy0, fx1, fy1, original.getWidth(), original.getHeight());
        if (c != null) {
            crop.set(c);
            settings.originalEdge(Math.max(c.width(), c.height()));
            recompute();
        }
    }

    public void resetCrop() {
        crop.set(null);
        if (info != null) {
            settings.originalEdge(Math.max(info.width(), info.height()));
        }
        recompute();
    }

    /** Asks where to save the optimized version and writes it there. */
    public void exportOptimized() {
        byte[] bytes = optimizedBytes.get();
        if (bytes == null) {
            return;
        }
        String ext = settings.extension();
        ui.dialogs()
                .saveFile(
                        "Export optimized image",
                        baseName() + "-optimized." + ext,
                        new FileKind(settings.formatProperty().get() + " images", List.of("*." + ext)))
                .ifPresent(out -> exportTo(out, bytes));
    }

    void exportTo(Path out, byte[] bytes) {
        ui.tasks()
                .task("export image", p -> Files.write(out, bytes))
                .onSuccess(p -> ui.dialogs().notify("Saved " + out.getFileName()))
                .onFailure(e -> ui.dialogs()
                        .error(
                                "Could not save " + out.getFileName(),
                                UiContext.describe(e) + "\n\nChoose another folder or name and export again."))
                .start();
    }

    /** The open image as {original, optimized} for the A/B lab. */
    List<ExperimentSpec.MediaSpec> experimentMedia() {
        if (file == null || info == null) {
            throw new IllegalStateException(MediaViewModel.NO_IMAGE);
        }
        byte[] bytes = optimizedBytes.get();
        if (bytes == null) {
            throw new IllegalStateException("The Media view has no optimized version of " + file.getFileName()
                    + " yet; wait for it to finish, or choose a size and format.");
        }
        byte[] originalBytes;
        try {
            originalBytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new IllegalStateException(
                    "Cannot read " + file + ": " + e.getMessage() + ". Open the image in the Media view again.", e);
        }
        return List.of(
                ExperimentSpec.MediaSpec.of(file.getFileName().toString(), originalBytes),
                ExperimentSpec.MediaSpec.of(baseName() + "-optimized." + settings.extension(), bytes));
    }

    private String baseName() {
        return file.getFileName().toString().replaceFirst("\\.[^.]*$", "");
    }

    public ImageSettings settings() {
        return settings;
    }

    public ReadOnlyObjectProperty<Crop> cropProperty() {
        return crop.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty originalInfoProperty() {
        return originalInfo.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty optimizedInfoProperty() {
        return optimizedInfo.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    /** Empty, or why the optimized file is larger than the original and what to try instead. */
    public ReadOnlyStringProperty sizeWarningProperty() {
        return sizeWarning.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<BufferedImage> originalPreviewProperty() {
        return originalPreview.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<BufferedImage> optimizedPreviewProperty() {
        return optimizedPreview.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<byte[]> optimizedBytesProperty() {
        return optimizedBytes.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** True when the original is decoded (not only its header read), so a crop can be drawn on it. */
    public ReadOnlyBooleanProperty croppableProperty() {
        return croppable.getReadOnlyProperty();
    }

    public ObservableList<MediaCostRow> rows() {
        return readOnlyRows;
    }

    public ZoomModel zoom() {
        return zoom;
    }

    @Override
    public void close() {
        lane.close();
    }

    /** Why Export… can do nothing now ("" when it can). */
    public StringBinding exportBlockedReason() {
        return Reasons.when(
                optimizedBytesProperty().isNull(),
                "Nothing to export yet: open an image and wait for its optimized version to be computed.");
    }
}
