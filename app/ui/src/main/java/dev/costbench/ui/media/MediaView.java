// SPDX-License-Identifier: Apache-2.0
package dev.costbench.ui.media;

import dev.costbench.ui.common.View;
import java.io.File;
import java.util.List;
import javafx.beans.binding.BooleanExpression;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * The Media view: drop or open an image, audio or video file; see the original and an optimized version with their
 * tokens and cost on every model that takes them. Lays out the sections and binds them to {@link MediaViewModel}.
 */
public final class MediaView extends BorderPane implements View<MediaViewModel> {

    private final MediaViewModel vm;

    public MediaView(MediaViewModel vm) {
        this.vm = vm;
        setId("media-view");
        setPadding(new Insets(10));
        BooleanExpression avMode = vm.avModeProperty();
        BooleanExpression video = vm.av().videoProperty();
        ImageControls controls = new ImageControls(vm);
        AvControls avControls = new AvControls(vm.av());
        showWhen(controls.image(), avMode.not());
        showWhen(avControls.audio(), avMode.and(video.not()));
        showWhen(avControls.video(), avMode.and(video));
        VBox top = new VBox(6, controls.common(), controls.image(), avControls.audio(), avControls.video());
        top.setPadding(new Insets(0, 0, 8, 0));
        setTop(top);

        ImagePreviewPane images = new ImagePreviewPane(vm.image());
        images.visibleProperty().bind(avMode.not());
        AvPanel avPanel = new AvPanel(vm.av());
        avPanel.visibleProperty().bind(avMode);
        Label summary = new Label();
        summary.setId("media-summary");
        summary.textProperty().bind(vm.summaryProperty());
        CostTable table = new CostTable();
        table.itemsProperty().bind(vm.rowsBinding());
        SplitPane main = new SplitPane(new StackPane(images, avPanel), new VBox(4, summary, table));
        main.setOrientation(Orientation.VERTICAL);
        main.setDividerPositions(0.5);
        setCenter(main);

        setOnDragOver(e -> {
            if (e.getDragboard().hasFiles()) {
                e.acceptTransferModes(TransferMode.COPY);
            }
            e.consume();
        });
        setOnDragDropped(e -> {
            List<File> files = e.getDragboard().getFiles();
            boolean any = files != null && !files.isEmpty();
            if (any) {
                vm.load(files.get(0).toPath());
            }
            e.setDropCompleted(any);
            e.consume();
        });
    }

    private static void showWhen(Node n, BooleanExpression shown) {
        n.visibleProperty().bind(shown);
        n.managedProperty().bind(shown);
    }

    @Override
    public Parent root() {
        return this;
    }

    @Override
    public MediaViewModel viewModel() {
        return vm;
    }
}
