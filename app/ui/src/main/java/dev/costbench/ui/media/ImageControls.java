// SPDX-License-Identifier: Apache-2.0
package dev.costbench.ui.media;

import dev.costbench.model.media.ImageDetail;
import dev.costbench.model.media.MediaResolution;
import dev.costbench.ui.common.DisabledReason;
import java.util.Locale;
import javafx.collections.FXCollections;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.Slider;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.util.StringConverter;

/**
 * The Media view's top rows: Open and the pricing choices every kind of media shares, then the image's size,
 * format and quality, Reset crop and Export.
 */
final class ImageControls {

    private final FlowPane common;
    private final FlowPane image;

    ImageControls(MediaViewModel vm) {
        ImageMediaViewModel img = vm.image();
        ImageSettings settings = img.settings();
        PricingChoices choices = vm.choices();
        Button open = new Button("Open…");
        open.setId("open-image");
        open.setOnAction(e -> vm.chooseFile());
        ComboBox<ImageDetail> detail = new ComboBox<>(FXCollections.observableArrayList(ImageDetail.values()));
        detail.setConverter(words());
        detail.valueProperty().bindBidirectional(choices.detailProperty());
        detail.setTooltip(new Tooltip("OpenAI detail: low costs a fixed base on tile models; high/auto count tiles "
                + "or patches; original skips resizing on GPT-5.4+ patch models."));
        ComboBox<MediaResolution> resolution =
                new ComboBox<>(FXCollections.observableArrayList(MediaResolution.values()));
        resolution.setConverter(words());
        resolution.valueProperty().bindBidirectional(choices.resolutionProperty());
        resolution.setTooltip(new Tooltip("Gemini 3 media resolution: LOW 280, MEDIUM 560, HIGH/default 1120, "
                + "ULTRA_HIGH 2240 tokens per image."));
        CheckBox measured = new CheckBox("Measured OpenAI patch multipliers");
        measured.selectedProperty().bindBidirectional(choices.measuredProperty());
        measured.setTooltip(new Tooltip("OpenAI's vision guide lists 1.62 / 2.46 for GPT-5 mini/nano and GPT-5.4 "
                + "mini/nano; users and OpenAI's own calculator measure 1.2 / 1.5 (CONFLICT). Default: documented."));
        ProgressIndicator busy = new ProgressIndicator();
        busy.setPrefSize(22, 22);
        busy.visibleProperty().bind(vm.busyProperty());
        common = new FlowPane(
                10,
                8,
                open,
                new Label("OpenAI detail"),
                detail,
                new Label("Gemini resolution"),
                resolution,
                measured,
                busy);
        common.setAlignment(Pos.CENTER_LEFT);

        ComboBox<String> preset = new ComboBox<>(FXCollections.observableArrayList(ImageSettings.PRESETS));
        preset.setId("long-edge");
        preset.getSelectionModel().select(settings.presetProperty().get());
        preset.getSelectionModel()
                .selectedIndexProperty()
                .addListener((o, a, b) -> settings.presetProperty().set(b.intValue()));
        TextField customEdge = new TextField();
        customEdge.setPrefColumnCount(5);
        customEdge.setId("custom-edge");
        customEdge.setAccessibleText("Custom longest edge in pixels");
        customEdge.textProperty().bindBidirectional(settings.customEdgeProperty());
        customEdge.disableProperty().bind(settings.customEdgeEnabled().not());
        ComboBox<String> format = new ComboBox<>(FXCollections.observableArrayList(ImageSettings.FORMATS));
        format.setId("format");
        format.valueProperty().bindBidirectional(settings.formatProperty());
        Slider quality = qualitySlider(settings);
        Label qualityLabel = new Label();
        qualityLabel.textProperty().bind(quality.valueProperty().asString("%.0f"));
        Button resetCrop = new Button("Reset crop");
        resetCrop.setOnAction(e -> img.resetCrop());
        Button export = new Button("Export optimized…");
        export.setOnAction(e -> img.exportOptimized());
        DisabledReason.bind(export, img.exportBlockedReason());
        image = new FlowPane(
                10,
                8,
                new Label("Long edge"),
                preset,
                customEdge,
                new Label("px"),
                new Label("Format"),
                format,
                new Label("Quality"),
                quality,
                qualityLabel,
                resetCrop,
                export);
        image.setAlignment(Pos.CENTER_LEFT);
    }

    /** The quality slider: the view model hears of a value once the user lets go (or at once from the keyboard). */
    private static Slider qualitySlider(ImageSettings settings) {
        Slider quality = new Slider(1, 100, settings.qualityProperty().get());
        quality.setId("quality");
        quality.setPrefWidth(140);
        quality.disableProperty().bind(settings.qualityEnabled().not());
        quality.valueProperty().addListener((o, a, b) -> {
            if (!quality.isValueChanging()) {
                settings.qualityProperty().set((int) Math.round(b.doubleValue()));
            }
        });
        quality.valueChangingProperty().addListener((o, a, changing) -> {
            if (!changing) {
                settings.qualityProperty().set((int) Math.round(quality.getValue()));
            }
        });
        return quality;
    }

    /** The providers' own words for a choice ("auto", "ultra high"), not the constant's name. */
    private static <E extends Enum<E>> StringConverter<E> words() {
        return new StringConverter<>() {
            @Override
            public String toString(E e) {
                return e == null ? "" : e.name().toLowerCase(Locale.ROOT).replace('_', ' ');
            }

            @Override
            public E fromString(String s) {
                throw new UnsupportedOperationException("not editable");
            }
        };
    }

    FlowPane common() {
        return common;
    }

    FlowPane image() {
        return image;
    }
}
