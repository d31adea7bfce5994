// SPDX-License-Identifier: Apache-2.0
package dev.costbench.ui.media;

import dev.costbench.media.Av;
import dev.costbench.media.AvInfo;
import dev.costbench.media.ImageInfo;
import dev.costbench.media.Images;
import dev.costbench.model.catalog.Catalog;
import dev.costbench.model.catalog.ModelEntry;
import dev.costbench.model.cost.BillingOptions;
import dev.costbench.model.cost.Money;
import dev.costbench.model.lab.run.ExperimentSpec;
import dev.costbench.model.media.ImageDetail;
import dev.costbench.model.media.ImageOptions;
import dev.costbench.model.media.MediaCosts;
import dev.costbench.model.media.MediaCosts.ImageCost;
import dev.costbench.model.media.MediaResolution;
import dev.costbench.ui.common.LatestOnlyWorker;
import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.embed.swing.SwingFXUtils;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.Slider;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Pane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.shape.Rectangle;
import javafx.stage.FileChooser;

/**
 * The Media view (images): drop or open an image, see the original and an optimized version side by side with
 * their size, bytes, tokens and cost on every model that takes images. Resize by long edge (task presets from
 * seed 000), crop by dragging on the original, re-encode as JPEG, WebP or PNG with a quality slider, and choose OpenAI's
 * detail and Gemini's media resolution. All decoding and encoding runs off the FX thread.
 */
public final class MediaView extends BorderPane {

    /** Long-edge presets: seed 000's task sizes. */
    private static final String[] PRESETS = {"Original size", "OCR — 1024 px", "Scene — 512 px",
        "Classification — 256 px", "Thumbnail — 128 px", "Custom"};
    private static final int[] PRESET_PX = {0, 1024, 512, 256, 128, -1};

    private final ObservableList<MediaCostRow> rows = FXCollections.observableArrayList();
    private final TableView<MediaCostRow> table = new TableView<>(rows);
    private final ImageView originalView = new ImageView();
    private final ImageView optimizedView = new ImageView();
    private final Label originalInfo = new Label("Drop an image, audio or video file here, or use Open… (Ctrl+I)");
    private final Label optimizedInfo = new Label();
    private final Label summary = new Label();
    private final ComboBox<String> preset = new ComboBox<>(FXCollections.observableArrayList(PRESETS));
    private final TextField customEdge = new TextField("768");
    private final ComboBox<String> format = new ComboBox<>(FXCollections.observableArrayList("JPEG", "WebP", "PNG"));
    private final Slider quality = new Slider(1, 100, 85);
    private final Label qualityLabel = new Label("85");
    private final ComboBox<ImageDetail> detail = new ComboBox<>(FXCollections.observableArrayList(ImageDetail.values()));
    private final ComboBox<MediaResolution> resolution =
            new ComboBox<>(FXCollections.observableArrayList(MediaResolution.values()));
    private final CheckBox measured = new CheckBox("Measured OpenAI patch multipliers");
    private final ProgressIndicator busy = new ProgressIndicator();
    private final Rectangle cropRect = new Rectangle();
    private final Button export = new Button("Export optimized…");
    private final LatestOnlyWorker worker;
    private final Supplier<Catalog> catalog;

    private final AvMediaPane av;
    private final FlowPane imageControls;
    private SplitPane imagesSplit;
    private boolean avMode;

    private Path file;
    private ImageInfo info;
    private BufferedImage original;
    private int[] crop; // x, y, w, h in original pixels, or null
    private byte[] optimizedBytes;
    private long generation;

    public MediaView(Supplier<Catalog> catalog) {
        this.catalog = catalog;
        this.worker = new LatestOnlyWorker("CostBench media", e -> {
            busy.setVisible(false);
            error("Could not process the image", e.getMessage() == null ? e.toString() : e.getMessage());
        });
        setId("media-view");
        setPadding(new Insets(10));

        Button open = new Button("Open…");
        open.setId("open-image");
        open.setOnAction(e -> chooseFile());
        preset.getSelectionModel().select(1);
        preset.setId("long-edge");
        customEdge.setPrefColumnCount(5);
        customEdge.setId("custom-edge");
        customEdge.disableProperty().bind(preset.getSelectionModel().selectedIndexProperty().isNotEqualTo(5));
        format.getSelectionModel().select(0);
        format.setId("format");
        quality.setId("quality");
        quality.setPrefWidth(140);
        quality.disableProperty().bind(format.getSelectionModel().selectedItemProperty().isEqualTo("PNG"));
        quality.valueProperty().addListener((o, a, b) -> qualityLabel.setText(Integer.toString(b.intValue())));
        detail.getSelectionModel().select(ImageDetail.AUTO);
        detail.setTooltip(new Tooltip("OpenAI detail: low costs a fixed base on tile models; high/auto count tiles "
                + "or patches; original skips resizing on GPT-5.4+ patch models."));
        resolution.getSelectionModel().select(MediaResolution.DEFAULT);
        resolution.setTooltip(new Tooltip("Gemini 3 media resolution: LOW 280, MEDIUM 560, HIGH/default 1120, "
                + "ULTRA_HIGH 2240 tokens per image."));
        measured.setTooltip(new Tooltip("OpenAI's vision guide lists 1.62 / 2.46 for GPT-5 mini/nano and GPT-5.4 "
                + "mini/nano; users and OpenAI's own calculator measure 1.2 / 1.5 (CONFLICT). Default: documented."));
        Button resetCrop = new Button("Reset crop");
        resetCrop.setOnAction(e -> {
            crop = null;
            updateCropRect();
            recompute();
        });
        export.setOnAction(e -> exportOptimized());
        export.setDisable(true);
        busy.setVisible(false);
        busy.setPrefSize(22, 22);
        FlowPane common = new FlowPane(10, 8, open, new Label("OpenAI detail"), detail, new Label("Gemini resolution"),
                resolution, measured, busy);
        common.setAlignment(Pos.CENTER_LEFT);
        imageControls = new FlowPane(10, 8, new Label("Long edge"), preset, customEdge, new Label("px"),
                new Label("Format"), format, new Label("Quality"), quality, qualityLabel, resetCrop, export);
        imageControls.setAlignment(Pos.CENTER_LEFT);
        av = new AvMediaPane(catalog, () -> new ImageOptions(detail.getValue(), resolution.getValue(),
                measured.isSelected()), rows, summary::setText, m -> error(m.startsWith("No audio output") ? "Cannot play audio" : "Cannot analyse this file", m),
                () -> generation++);
        VBox top = new VBox(6, common, imageControls, av.audioControls(), av.videoControls());
        top.setPadding(new Insets(0, 0, 8, 0));
        setTop(top);

        originalView.setPreserveRatio(true);
        optimizedView.setPreserveRatio(true);
        StackPane left = imagePane(originalView, true);
        StackPane right = imagePane(optimizedView, false);
        for (StackPane pane : List.of(left, right)) {
            // Zoom both images together: scroll (or pinch) over either one; drag the optimized one to pan;
            // double-click to fit again.
            pane.setOnScroll(e -> {
                if (e.getDeltaY() == 0) {
                    return;
                }
                ImageView v = pane == left ? originalView : optimizedView;
                double[] f = fraction(v, e.getX(), e.getY());
                zoomAt(zoom * Math.pow(1.1, e.getDeltaY() / 40), f[0], f[1]);
                e.consume();
            });
            pane.setOnZoom(e -> zoomAt(zoom * e.getZoomFactor(), cx, cy));
        }
        double[] panFrom = new double[4];
        right.setOnMousePressed(e -> {
            panFrom[0] = e.getX();
            panFrom[1] = e.getY();
            panFrom[2] = cx;
            panFrom[3] = cy;
            if (e.getClickCount() == 2) {
                zoomAt(1, 0.5, 0.5);
            }
        });
        right.setOnMouseDragged(e -> {
            javafx.geometry.Bounds b = optimizedView.getBoundsInParent();
            if (b.getWidth() > 0 && b.getHeight() > 0) {
                cx = panFrom[2] - (e.getX() - panFrom[0]) / b.getWidth() / zoom;
                cy = panFrom[3] - (e.getY() - panFrom[1]) / b.getHeight() / zoom;
                applyZoom();
            }
        });
        left.addEventFilter(javafx.scene.input.MouseEvent.MOUSE_CLICKED, e -> {
            if (e.getClickCount() == 2) {
                zoomAt(1, 0.5, 0.5);
            }
        });
        Tooltip.install(left, new Tooltip("Drag to crop · scroll to zoom both images · double-click to fit"));
        Tooltip.install(right, new Tooltip("Scroll to zoom both images · drag to pan · double-click to fit"));
        VBox leftBox = new VBox(4, new Label("Original"), left, originalInfo);
        VBox rightBox = new VBox(4, new Label("Optimized"), right, optimizedInfo);
        originalInfo.setId("original-info");
        optimizedInfo.setId("optimized-info");
        imagesSplit = new SplitPane(leftBox, rightBox);
        buildTable();
        summary.setId("media-summary");
        VBox bottom = new VBox(4, summary, table);
        av.node().setVisible(false);
        StackPane visuals = new StackPane(imagesSplit, av.node());
        SplitPane main = new SplitPane(visuals, bottom);
        main.setOrientation(Orientation.VERTICAL);
        main.setDividerPositions(0.5);
        setCenter(main);

        for (javafx.beans.Observable o : new javafx.beans.Observable[] {preset.valueProperty(), customEdge.textProperty(),
                format.valueProperty(), quality.valueChangingProperty(), detail.valueProperty(),
                resolution.valueProperty(), measured.selectedProperty()}) {
            o.addListener(x -> recompute());
        }
        quality.valueProperty().addListener((o, a, b) -> {
            if (!quality.isValueChanging()) {
                recompute();
            }
        });
        setOnDragOver(e -> {
            if (e.getDragboard().hasFiles()) {
                e.acceptTransferModes(TransferMode.COPY);
            }
            e.consume();
        });
        setOnDragDropped(e -> {
            List<File> files = e.getDragboard().getFiles();
            if (files != null && !files.isEmpty()) {
                load(files.get(0).toPath());
            }
            e.setDropCompleted(files != null && !files.isEmpty());
            e.consume();
        });
    }

    private double zoom = 1;
    private double cx = 0.5;
    private double cy = 0.5;

    /** The zoom factor shared by both images (1: whole image). */
    public double zoom() {
        return zoom;
    }

    /** Zooms both images to {@code z} (1 to 32), keeping the image point at fractions (fx, fy) in view. */
    public void zoomAt(double z, double fx, double fy) {
        zoom = Math.max(1, Math.min(32, z));
        cx = fx;
        cy = fy;
        if (zoom == 1) {
            cx = 0.5;
            cy = 0.5;
        }
        applyZoom();
    }

    private void applyZoom() {
        double half = 0.5 / zoom;
        cx = Math.max(half, Math.min(1 - half, cx));
        cy = Math.max(half, Math.min(1 - half, cy));
        for (ImageView v : List.of(originalView, optimizedView)) {
            javafx.scene.image.Image img = v.getImage();
            if (img == null || zoom == 1) {
                v.setViewport(null);
                continue;
            }
            double w = img.getWidth() / zoom;
            double h = img.getHeight() / zoom;
            v.setViewport(new javafx.geometry.Rectangle2D(cx * img.getWidth() - w / 2, cy * img.getHeight() - h / 2,
                    w, h));
        }
    }

    /** The point (x, y) of a pane as fractions of the whole image shown in {@code v}, viewport included. */
    private static double[] fraction(ImageView v, double x, double y) {
        javafx.geometry.Bounds b = v.getBoundsInParent();
        javafx.scene.image.Image img = v.getImage();
        if (img == null || b.getWidth() <= 0 || b.getHeight() <= 0) {
            return new double[] {0.5, 0.5};
        }
        javafx.geometry.Rectangle2D vp = v.getViewport() != null ? v.getViewport()
                : new javafx.geometry.Rectangle2D(0, 0, img.getWidth(), img.getHeight());
        double fx = (vp.getMinX() + Math.max(0, Math.min(1, (x - b.getMinX()) / b.getWidth())) * vp.getWidth())
                / img.getWidth();
        double fy = (vp.getMinY() + Math.max(0, Math.min(1, (y - b.getMinY()) / b.getHeight())) * vp.getHeight())
                / img.getHeight();
        return new double[] {fx, fy};
    }

    private StackPane imagePane(ImageView view, boolean croppable) {
        Pane overlay = new Pane();
        StackPane p = new StackPane(view, overlay);
        p.setMinSize(200, 150);
        p.setPrefSize(500, 320);
        p.getStyleClass().add("image-pane");
        view.fitWidthProperty().bind(p.widthProperty().subtract(8));
        view.fitHeightProperty().bind(p.heightProperty().subtract(8));
        if (croppable) {
            cropRect.setFill(Color.color(0.2, 0.5, 1, 0.15));
            cropRect.setStroke(Color.DODGERBLUE);
            cropRect.setVisible(false);
            cropRect.setManaged(false);
            overlay.getChildren().add(cropRect);
            overlay.setPickOnBounds(true);
            double[] start = new double[2];
            overlay.setOnMousePressed(e -> {
                start[0] = e.getX();
                start[1] = e.getY();
            });
            overlay.setOnMouseDragged(e -> {
                cropRect.setVisible(true);
                cropRect.setX(Math.min(start[0], e.getX()));
                cropRect.setY(Math.min(start[1], e.getY()));
                cropRect.setWidth(Math.abs(e.getX() - start[0]));
                cropRect.setHeight(Math.abs(e.getY() - start[1]));
            });
            overlay.setOnMouseReleased(e -> {
                if (original == null || cropRect.getWidth() < 4 || cropRect.getHeight() < 4) {
                    return;
                }
                // Map the rectangle from view coordinates (zoomed or not) to original pixels.
                double[] a = fraction(view, cropRect.getX(), cropRect.getY());
                double[] z = fraction(view, cropRect.getX() + cropRect.getWidth(), cropRect.getY()
                        + cropRect.getHeight());
                int x = (int) Math.round(a[0] * original.getWidth());
                int y = (int) Math.round(a[1] * original.getHeight());
                int w = (int) Math.min(original.getWidth() - x, Math.round((z[0] - a[0]) * original.getWidth()));
                int h = (int) Math.min(original.getHeight() - y, Math.round((z[1] - a[1]) * original.getHeight()));
                if (w > 0 && h > 0) {
                    crop = new int[] {x, y, w, h};
                    recompute();
                }
            });
        }
        return p;
    }

    private void updateCropRect() {
        cropRect.setVisible(crop != null);
    }

    private void buildTable() {
        table.setId("media-table");
        table.setPlaceholder(new Label("Open an image, audio or video file to see its tokens and cost on every model "
                + "that takes it."));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().add(col("Model", 210, r -> r.name()));
        table.getColumns().add(col("Provider", 90, r -> r.provider()));
        TableColumn<MediaCostRow, Long> ot = col("Tokens", 90, MediaCostRow::originalTokens);
        ot.setCellFactory(c -> tokenCell());
        TableColumn<MediaCostRow, BigDecimal> ou = moneyCol("Original $", MediaCostRow::originalUsd);
        TableColumn<MediaCostRow, Long> pt = col("Optimized tokens", 120, MediaCostRow::optimizedTokens);
        pt.setId("col-optimized-tokens");
        pt.setCellFactory(c -> tokenCell());
        TableColumn<MediaCostRow, BigDecimal> pu = moneyCol("Optimized $", MediaCostRow::optimizedUsd);
        TableColumn<MediaCostRow, Double> save = col("Saving", 80, MediaCostRow::savingPercent);
        save.setCellFactory(c -> new javafx.scene.control.TableCell<>() {
            @Override
            protected void updateItem(Double v, boolean empty) {
                super.updateItem(v, empty);
                setText(empty || v == null ? null : String.format(Locale.ROOT, "%.0f %%", v));
            }
        });
        TableColumn<MediaCostRow, String> how = col("How the optimized count is computed", 420,
                r -> r.method() + (r.unconfirmed() ? "  [UNCONFIRMED / CONFLICT]" : ""));
        table.getColumns().addAll(List.of(ot, ou, pt, pu, save, how));
        ou.setSortType(TableColumn.SortType.ASCENDING);
    }

    /** Token cells: blank for per-minute transcription rows (-1), which are not billed in tokens. */
    private static javafx.scene.control.TableCell<MediaCostRow, Long> tokenCell() {
        return new javafx.scene.control.TableCell<>() {
            @Override
            protected void updateItem(Long v, boolean empty) {
                super.updateItem(v, empty);
                setText(empty || v == null ? null : v < 0 ? "per minute" : String.format(Locale.ROOT, "%,d", v));
            }
        };
    }

    private static <T> TableColumn<MediaCostRow, T> col(String title, double w,
                                                        java.util.function.Function<MediaCostRow, T> f) {
        TableColumn<MediaCostRow, T> c = new TableColumn<>(title);
        c.setPrefWidth(w);
        c.setCellValueFactory(p -> new ReadOnlyObjectWrapper<>(f.apply(p.getValue())));
        return c;
    }

    private static TableColumn<MediaCostRow, BigDecimal> moneyCol(String title,
                                                                 java.util.function.Function<MediaCostRow, BigDecimal> f) {
        TableColumn<MediaCostRow, BigDecimal> c = col(title, 110, f);
        c.setComparator(Comparator.nullsLast(Comparator.naturalOrder()));
        c.setCellFactory(x -> new javafx.scene.control.TableCell<>() {
            @Override
            protected void updateItem(BigDecimal v, boolean empty) {
                super.updateItem(v, empty);
                setText(empty ? null : Money.format(v));
            }
        });
        return c;
    }

    public ObservableList<MediaCostRow> rows() {
        return rows;
    }

    public Slider qualitySlider() {
        return quality;
    }

    public ComboBox<String> presetBox() {
        return preset;
    }

    /** Increments when a new result is shown (tests wait on it). */
    public long generation() {
        return generation;
    }

    /** What to do when another view asks for the current image and there is none. */
    public static final String NO_IMAGE = "Open an image in the Media view first (Ctrl+I), choose its size and "
            + "format there, then take it here.";

    public byte[] optimizedBytes() {
        return optimizedBytes;
    }

    /**
     * The current image for an A/B experiment: {original file, optimized version} (the A/B lab's "Images from the
     * Media view").
     *
     * @throws IllegalStateException saying what to do when no image (or no optimized version yet) is at hand
     */
    public List<ExperimentSpec.MediaSpec> experimentMedia() {
        if (avMode || file == null || info == null) {
            throw new IllegalStateException(NO_IMAGE);
        }
        if (optimizedBytes == null) {
            throw new IllegalStateException("The Media view has no optimized version of " + file.getFileName()
                    + " yet; wait for it to finish, or choose a size and format.");
        }
        byte[] originalBytes;
        try {
            originalBytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read " + file + ": " + e.getMessage(), e);
        }
        String base = file.getFileName().toString().replaceFirst("\\.[^.]*$", "");
        String ext = format.getValue().equals("PNG") ? "png" : format.getValue().equals("WebP") ? "webp" : "jpg";
        ExperimentSpec.MediaSpec optimized = ExperimentSpec.MediaSpec.of(base + "-optimized." + ext, optimizedBytes);
        return List.of(ExperimentSpec.MediaSpec.of(file.getFileName().toString(), originalBytes), optimized);
    }

    public void chooseFile() {
        FileChooser fc = new FileChooser();
        fc.setTitle("Open image");
        fc.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("Images, audio and video", "*.jpg", "*.jpeg",
                "*.png", "*.webp", "*.gif", "*.bmp", "*.tif", "*.tiff", "*.wav", "*.mp3", "*.m4a", "*.aac", "*.ogg", "*.opus", "*.flac",
                "*.mp4", "*.mov", "*.mkv", "*.webm", "*.avi"), new FileChooser.ExtensionFilter("All files", "*"));
        File f = fc.showOpenDialog(getScene() == null ? null : getScene().getWindow());
        if (f != null) {
            load(f.toPath());
        }
    }

    /** Loads an image (decoding off the FX thread); a file that is not a usable image gives a message. */
    public void load(Path path) {
        busy.setVisible(true);
        av.cancel();
        worker.submit(() -> {
            try {
                Images.probe(path);
            } catch (IOException notAnImage) {
                try {
                    return new Loaded(path, null, null, null, null, Av.probe(path));
                } catch (IOException e) {
                    String m = e.getMessage().contains("not an audio or video file")
                            || e.getMessage().contains("neither an audio nor a video stream")
                            ? path.getFileName() + " is not an image, audio or video file CostBench can read (images: "
                            + "JPEG, PNG, WebP, GIF, BMP, TIFF; audio and video: whatever FFmpeg decodes)" : e.getMessage();
                    return new Loaded(path, null, null, null, m, null);
                }
            }
            try {
                ImageInfo i = Images.probe(path);
                BufferedImage img = Images.read(path);
                return new Loaded(path, i, img, SwingFXUtils.toFXImage(Images.fitLongEdge(img, 1600), null), null, null);
            } catch (IOException e) {
                ImageInfo i = null;
                try {
                    i = Images.probe(path);
                } catch (IOException ignored) {
                    // not even the header: nothing to price
                }
                return new Loaded(path, i, null, null, e.getMessage(), null);
            }
        }, l -> {
            busy.setVisible(false);
            if (l.error != null && l.info == null) {
                error("Cannot open " + path.getFileName(), l.error);
                return;
            }
            setAvMode(l.av != null);
            if (l.av != null) {
                file = l.path;
                info = null;
                original = null;
                rows.clear();
                av.load(l.path, l.av);
                return;
            }
            file = l.path;
            info = l.info;
            original = l.image;
            crop = null;
            updateCropRect();
            originalView.setImage(l.preview);
            zoomAt(1, 0.5, 0.5);
            originalInfo.setText(String.format(Locale.ROOT, "%s · %s · %d × %d · %,d bytes", path.getFileName(),
                    info.format().toUpperCase(Locale.ROOT), info.width(), info.height(), info.bytes()));
            if (l.error != null) {
                error("Tokens from the header only", l.error);
            }
            recompute();
        });
    }

    private record Loaded(Path path, ImageInfo info, BufferedImage image, Image preview, String error, AvInfo av) {
    }

    private void setAvMode(boolean on) {
        avMode = on;
        imageControls.setVisible(!on);
        imageControls.setManaged(!on);
        imagesSplit.setVisible(!on);
        av.node().setVisible(on);
    }

    /** The frame-sampling choice (video). */
    /** The audio/video pane (tests drive its exports and frame size). */
    public AvMediaPane avPane() {
        return av;
    }

    public ComboBox<String> strategyBox() {
        return av.strategyBox();
    }

    private record Result(List<MediaCostRow> rows, Image preview, int w, int h, byte[] bytes, String format) {
    }

    private int targetEdge() {
        int i = preset.getSelectionModel().getSelectedIndex();
        if (i == 5) {
            try {
                return Math.max(1, Integer.parseInt(customEdge.getText().trim()));
            } catch (NumberFormatException e) {
                return 0;
            }
        }
        return i < 0 ? 0 : PRESET_PX[i];
    }

    /** Re-encodes the optimized version and reprices both sides; called on every control change. */
    public void recompute() {
        if (avMode) {
            av.recompute();
            return;
        }
        if (info == null) {
            return;
        }
        BufferedImage src = original;
        int edge = targetEdge();
        int[] c = crop;
        String fmt = format.getValue().toLowerCase(Locale.ROOT);
        int q = (int) Math.round(quality.getValue());
        ImageOptions opts = new ImageOptions(detail.getValue(), resolution.getValue(), measured.isSelected());
        List<ModelEntry> models = catalog.get().models();
        ImageInfo in = info;
        busy.setVisible(true);
        worker.submit(() -> {
            List<ImageCost> before = MediaCosts.image(models, in.width(), in.height(), opts, BillingOptions.INTERACTIVE);
            int w;
            int h;
            byte[] bytes = null;
            Image preview = null;
            if (src != null) {
                BufferedImage img = c == null ? src : Images.crop(src, c[0], c[1], c[2], c[3]);
                img = Images.fitLongEdge(img, edge);
                try {
                    bytes = Images.encode(img, fmt, q);
                } catch (IOException e) {
                    throw new IllegalStateException(e.getMessage(), e);
                }
                w = img.getWidth();
                h = img.getHeight();
                preview = SwingFXUtils.toFXImage(Images.fitLongEdge(img, 1600), null);
            } else {
                double s = edge <= 0 ? 1 : Math.min(1, (double) edge / Math.max(in.width(), in.height()));
                w = Math.max(1, (int) Math.round(in.width() * s));
                h = Math.max(1, (int) Math.round(in.height() * s));
            }
            List<ImageCost> after = MediaCosts.image(models, w, h, opts, BillingOptions.INTERACTIVE);
            List<MediaCostRow> out = new ArrayList<>();
            for (int i = 0; i < before.size(); i++) {
                ImageCost b = before.get(i);
                ImageCost a = after.get(i);
                out.add(MediaCostRow.of(b.model(), b.tokens().tokens(), b.usd(), a.tokens().tokens(), a.usd(),
                        a.tokens().method(), a.tokens().unconfirmed()));
            }
            out.sort(Comparator.comparing(MediaCostRow::optimizedUsd, Comparator.nullsLast(Comparator.naturalOrder())));
            return new Result(out, preview, w, h, bytes, fmt);
        }, r -> {
            busy.setVisible(false);
            rows.setAll(r.rows);
            optimizedView.setImage(r.preview);
            applyZoom();
            optimizedBytes = r.bytes;
            export.setDisable(r.bytes == null);
            optimizedInfo.setText(String.format(Locale.ROOT, "%s · %d × %d%s%s", r.format.toUpperCase(Locale.ROOT),
                    r.w, r.h, r.bytes == null ? "" : String.format(Locale.ROOT, " · %,d bytes (%.0f %% of the original)",
                            r.bytes.length, 100.0 * r.bytes.length / info.bytes()),
                    crop == null ? "" : String.format(Locale.ROOT, " · cropped to %d×%d at (%d, %d)", crop[2], crop[3],
                            crop[0], crop[1])));
            MediaCostRow cheapest = r.rows.isEmpty() ? null : r.rows.get(0);
            summary.setText(r.rows.size() + " models take images" + (cheapest == null || cheapest.optimizedUsd() == null
                    ? "" : " · cheapest optimized: " + cheapest.name() + " "
                    + Money.format(cheapest.optimizedUsd()) + " per image, "
                    + Money.format(cheapest.optimizedUsd().multiply(BigDecimal.valueOf(1000))) + " per 1,000 images"));
            generation++;
        });
    }

    private void exportOptimized() {
        if (optimizedBytes == null) {
            return;
        }
        FileChooser fc = new FileChooser();
        String ext = format.getValue().equals("PNG") ? "png" : format.getValue().equals("WebP") ? "webp" : "jpg";
        fc.setInitialFileName(file.getFileName().toString().replaceFirst("\\.[^.]*$", "") + "-optimized." + ext);
        File f = fc.showSaveDialog(getScene().getWindow());
        if (f != null) {
            try {
                Files.write(f.toPath(), optimizedBytes);
            } catch (IOException e) {
                error("Could not save " + f.getName(), e.getMessage());
            }
        }
    }

    private void error(String header, String message) {
        Alert a = new Alert(Alert.AlertType.ERROR, message);
        a.setHeaderText(header);
        if (getScene() != null) {
            a.initOwner(getScene().getWindow());
        }
        a.show();
    }

    public void close() {
        av.cancel();
        av.stopPlayback();
        worker.close();
    }
}
