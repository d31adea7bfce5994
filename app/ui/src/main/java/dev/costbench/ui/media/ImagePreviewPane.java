// SPDX-License-Identifier: Apache-2.0
package dev.costbench.ui.media;

import java.awt.image.BufferedImage;
import java.util.List;
import javafx.beans.value.ObservableValue;
import javafx.embed.swing.SwingFXUtils;
import javafx.geometry.Bounds;
import javafx.geometry.Rectangle2D;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tooltip;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.Pane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.shape.Rectangle;

/**
 * The original and the optimized image side by side, zoomed together (scroll or pinch over either, drag the
 * optimized one to pan, double-click to fit); dragging on the original draws the crop.
 */
final class ImagePreviewPane extends SplitPane {

    private final ImageMediaViewModel vm;
    private final ZoomModel zoom;
    private final ImageView originalView = imageView(null);
    private final ImageView optimizedView = imageView(null);
    private final Rectangle cropRect = new Rectangle();

    ImagePreviewPane(ImageMediaViewModel vm) {
        this.vm = vm;
        this.zoom = vm.zoom();
        show(originalView, vm.originalPreviewProperty());
        show(optimizedView, vm.optimizedPreviewProperty());
        StackPane left = framed(originalView);
        StackPane right = framed(optimizedView);
        left.getChildren().add(cropOverlay());
        for (StackPane pane : List.of(left, right)) {
            ImageView v = pane == left ? originalView : optimizedView;
            pane.setOnScroll(e -> {
                if (e.getDeltaY() != 0) {
                    double[] f = fraction(v, e.getX(), e.getY());
                    zoom.zoomAt(zoom.zoom() * Math.pow(1.1, e.getDeltaY() / 40), f[0], f[1]);
                    e.consume();
                }
            });
            pane.setOnZoom(e -> zoom.zoomAt(
                    zoom.zoom() * e.getZoomFactor(),
                    zoom.stateProperty().get().cx(),
                    zoom.stateProperty().get().cy()));
        }
        panOnDrag(right);
        left.addEventFilter(MouseEvent.MOUSE_CLICKED, e -> {
            if (e.getClickCount() == 2) {
                zoom.fit();
            }
        });
        Tooltip.install(left, new Tooltip("Drag to crop · scroll to zoom both images · double-click to fit"));
        Tooltip.install(right, new Tooltip("Scroll to zoom both images · drag to pan · double-click to fit"));
        Label originalInfo = new Label();
        originalInfo.setId("original-info");
        originalInfo.textProperty().bind(vm.originalInfoProperty());
        Label optimizedInfo = new Label();
        optimizedInfo.setId("optimized-info");
        optimizedInfo.textProperty().bind(vm.optimizedInfoProperty());
        Label sizeWarning = new Label();
        sizeWarning.setId("size-warning");
        sizeWarning.getStyleClass().add("warning-text");
        // The first sentence under the image, the whole explanation in the tooltip.
        sizeWarning.textProperty().bind(vm.sizeWarningProperty().map(w -> w.replaceFirst("\\. .*", ".")));
        Tooltip why = new Tooltip();
        why.setWrapText(true);
        why.setMaxWidth(480);
        why.textProperty().bind(vm.sizeWarningProperty());
        sizeWarning.setTooltip(why);
        sizeWarning.visibleProperty().bind(vm.sizeWarningProperty().isNotEmpty());
        sizeWarning.managedProperty().bind(sizeWarning.visibleProperty());
        getItems()
                .addAll(
                        new VBox(4, new Label("Original"), left, originalInfo),
                        new VBox(4, new Label("Optimized"), right, optimizedInfo, sizeWarning));
        zoom.stateProperty().addListener(o -> applyZoom());
        left.layoutBoundsProperty().addListener(o -> applyZoom());
        right.layoutBoundsProperty().addListener(o -> applyZoom());
        vm.cropProperty().addListener((o, a, c) -> cropRect.setVisible(c != null));
    }

    private void show(ImageView view, ObservableValue<BufferedImage> source) {
        source.addListener((o, a, img) -> {
            view.setImage(img == null ? null : SwingFXUtils.toFXImage(img, null));
            applyZoom();
        });
    }

    private static ImageView imageView(Image img) {
        ImageView v = new ImageView(img);
        v.setPreserveRatio(true);
        return v;
    }

    private static StackPane framed(ImageView view) {
        StackPane p = new StackPane(view);
        p.setMinSize(200, 150);
        p.setPrefSize(500, 320);
        p.getStyleClass().add("image-pane");
        view.fitWidthProperty().bind(p.widthProperty().subtract(8));
        view.fitHeightProperty().bind(p.heightProperty().subtract(8));
        return p;
    }

    private void panOnDrag(StackPane pane) {
        double[] from = new double[4];
        pane.setOnMousePressed(e -> {
            from[0] = e.getX();
            from[1] = e.getY();
            from[2] = zoom.stateProperty().get().cx();
            from[3] = zoom.stateProperty().get().cy();
            if (e.getClickCount() == 2) {
                zoom.fit();
            }
        });
        pane.setOnMouseDragged(e -> {
            Bounds b = optimizedView.getBoundsInParent();
            Image img = optimizedView.getImage();
            Rectangle2D vp = optimizedView.getViewport();
            if (img != null && vp != null && b.getWidth() > 0 && b.getHeight() > 0) {
                // A pixel dragged is this fraction of the whole image: the shown part's share over its width on screen.
                zoom.panTo(
                        from[2] - (e.getX() - from[0]) / b.getWidth() * vp.getWidth() / img.getWidth(),
                        from[3] - (e.getY() - from[1]) / b.getHeight() * vp.getHeight() / img.getHeight());
            }
        });
    }

    /** A transparent layer over the original: drag a rectangle to crop to it. */
    private Pane cropOverlay() {
        cropRect.setFill(Color.color(0.2, 0.5, 1, 0.15));
        cropRect.setStroke(Color.DODGERBLUE);
        cropRect.setVisible(false);
        cropRect.setManaged(false);
        Pane overlay = new Pane(cropRect);
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
            if (!vm.croppableProperty().get() || cropRect.getWidth() < 4 || cropRect.getHeight() < 4) {
                cropRect.setVisible(vm.cropProperty().get() != null);
                return;
            }
            // Map the rectangle from view coordinates (zoomed or not) to fractions of the original.
            double[] a = fraction(originalView, cropRect.getX(), cropRect.getY());
            double[] z = fraction(
                    originalView, cropRect.getX() + cropRect.getWidth(), cropRect.getY() + cropRect.getHeight());
            vm.cropTo(a[0], a[1], z[0], z[1]);
        });
        return overlay;
    }

    /** Zoomed, each image fills its whole pane (the shown part takes the pane's shape), not only the fitted box. */
    private void applyZoom() {
        for (ImageView v : List.of(originalView, optimizedView)) {
            Image img = v.getImage();
            double[] r = img == null
                    ? null
                    : zoom.region(img.getWidth(), img.getHeight(), v.getFitWidth(), v.getFitHeight());
            v.setViewport(r == null ? null : new Rectangle2D(r[0], r[1], r[2], r[3]));
        }
    }

    /** The point (x, y) of a pane as fractions of the whole image shown in {@code v}, viewport included. */
    private static double[] fraction(ImageView v, double x, double y) {
        Bounds b = v.getBoundsInParent();
        Image img = v.getImage();
        if (img == null || b.getWidth() <= 0 || b.getHeight() <= 0) {
            return new double[] {0.5, 0.5};
        }
        Rectangle2D vp =
                v.getViewport() != null ? v.getViewport() : new Rectangle2D(0, 0, img.getWidth(), img.getHeight());
        double fx = (vp.getMinX() + Math.max(0, Math.min(1, (x - b.getMinX()) / b.getWidth())) * vp.getWidth())
                / img.getWidth();
        double fy = (vp.getMinY() + Math.max(0, Math.min(1, (y - b.getMinY()) / b.getHeight())) * vp.getHeight())
                / img.getHeight();
        return new double[] {fx, fy};
    }
}
