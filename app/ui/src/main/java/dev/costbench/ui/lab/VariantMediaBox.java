// SPDX-License-Identifier: Apache-2.0
package dev.costbench.ui.lab;

import dev.costbench.model.catalog.ModelEntry;
import dev.costbench.model.catalog.Price;
import dev.costbench.model.catalog.PriceKind;
import dev.costbench.model.cost.Money;
import dev.costbench.model.lab.Variant;
import dev.costbench.model.lab.run.Estimator;
import dev.costbench.model.lab.run.ExperimentSpec;
import dev.costbench.model.lab.run.SpecJson;
import dev.costbench.ui.common.Words;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The media of one experiment variant: "Attach image…", drag and drop of image (or WAV) files, a thumbnail per file
 * with its size and input tokens on the chosen models, and a remove button. The files are read by the setup's view
 * model (single images of at most a few MB, needed at once for the thumbnail and the hash).
 */
final class VariantMediaBox extends VBox {

    private final ObservableList<ExperimentSpec.MediaSpec> media;
    private final FlowPane thumbs = new FlowPane(8, 6);
    private final Label hint = new Label("No image: text only. Drop image files here.");
    private final Supplier<List<ModelEntry>> models;

    /**
     * @param idPrefix e.g. "lab-base" (ids: {@code lab-base-media}, {@code lab-base-attach})
     * @param media    the variant's media in the setup's view model
     * @param models   the models checked in the setup (for the token figures)
     * @param choose   "Attach image…"
     * @param drop     attaches one dropped file
     */
    VariantMediaBox(
            String idPrefix,
            ObservableList<ExperimentSpec.MediaSpec> media,
            Supplier<List<ModelEntry>> models,
            Runnable choose,
            Consumer<Path> drop) {
        super(4);
        this.media = media;
        this.models = models;
        setId(idPrefix + "-media");
        Button attach = new Button("Attach image…");
        attach.setId(idPrefix + "-attach");
        attach.setTooltip(new Tooltip("Send an image (JPEG, PNG, WebP, GIF) or WAV audio with every request of this "
                + "variant, after its user message; stored once by content hash"));
        attach.setOnAction(e -> choose.run());
        hint.setStyle("-fx-text-fill: -color-fg-muted;");
        HBox bar = new HBox(8, attach, hint);
        bar.setAlignment(Pos.CENTER_LEFT);
        getChildren().addAll(bar, thumbs);
        setOnDragOver(e -> {
            if (e.getDragboard().hasFiles()) {
                e.acceptTransferModes(TransferMode.COPY);
            }
            e.consume();
        });
        setOnDragDropped(e -> {
            boolean ok = e.getDragboard().hasFiles();
            if (ok) {
                e.getDragboard().getFiles().forEach(f -> drop.accept(f.toPath()));
            }
            e.setDropCompleted(ok);
            e.consume();
        });
        media.addListener((ListChangeListener<ExperimentSpec.MediaSpec>) c -> refresh());
        refresh();
    }

    /** Rebuilds the thumbnails (and their token figures, which follow the checked models). */
    void refresh() {
        thumbs.getChildren().clear();
        hint.setVisible(media.isEmpty());
        hint.setManaged(media.isEmpty());
        for (ExperimentSpec.MediaSpec m : media) {
            thumbs.getChildren().add(thumb(m));
        }
    }

    private HBox thumb(ExperimentSpec.MediaSpec m) {
        ImageView iv = new ImageView();
        if (m.image() && m.loaded()) {
            Image img = new Image(new ByteArrayInputStream(m.data()), 56, 56, true, true);
            iv.setImage(img.isError() ? null : img); // JavaFX does not decode WebP: no thumbnail then
        }
        iv.setFitWidth(56);
        iv.setFitHeight(56);
        iv.setPreserveRatio(true);
        Label text = new Label(m.describe() + "\n" + tokens(m));
        text.getStyleClass().add("media-caption");
        text.setWrapText(true);
        text.setMinWidth(0);
        text.setTooltip(new Tooltip("Input tokens of this " + (m.image() ? "image" : "recording")
                + " per call by the catalog's media rules (OpenAI tiles or patches at detail auto, Anthropic 28-px "
                + "patches, Gemini tiles), at each model's input price; included in the run estimate.\nSHA-256 "
                + m.sha256()));
        Button remove = new Button("✕");
        remove.setTooltip(new Tooltip("Remove " + m.name() + " from this variant"));
        remove.getStyleClass().add("flat");
        remove.setOnAction(e -> media.remove(m));
        HBox box = new HBox(6, iv, text, remove);
        box.setMinWidth(0);
        HBox.setHgrow(text, Priority.ALWAYS);
        box.setAlignment(Pos.CENTER_LEFT);
        box.getStyleClass().add("media-thumb");
        box.setStyle("-fx-border-color: -color-border-default; -fx-border-radius: 4; -fx-padding: 4;");
        return box;
    }

    /** One line per model: "gpt-4o-mini 25,501 tok ($0.003825)". */
    private String tokens(ExperimentSpec.MediaSpec m) {
        List<String> parts = new ArrayList<>();
        for (ModelEntry e : models.get()) {
            long t = Estimator.mediaTokens(e, m);
            if (t < 0) {
                parts.add(e.id() + ": takes no " + (m.image() ? "images" : "audio"));
                continue;
            }
            Price in = e.prices().get(PriceKind.INPUT);
            parts.add(String.format(
                    Locale.ROOT,
                    "%s %,d tok%s",
                    e.id(),
                    t,
                    in == null
                            ? ""
                            : " ("
                                    + Money.format(in.perMTok()
                                            .multiply(BigDecimal.valueOf(t))
                                            .movePointLeft(6)) + ")"));
        }
        return parts.isEmpty() ? "pick a model for the token figures" : String.join("\n", parts);
    }

    /** What a stored variant attached, for the results: "receipt-512.png · 384×512 · 15 KB", or "". */
    static String caption(Variant v) {
        if (v == null || v.mediaHashes().isEmpty() && !v.promptJson().contains("\"media\"")) {
            return "";
        }
        try {
            List<ExperimentSpec.MediaSpec> ms =
                    SpecJson.variantFromJson(v.promptJson()).media();
            return ms.isEmpty()
                    ? ""
                    : "Sent with: "
                            + ms.stream()
                                    .map(ExperimentSpec.MediaSpec::describe)
                                    .collect(Collectors.joining(", "));
        } catch (RuntimeException e) {
            return "media: " + Words.count(v.mediaHashes().size(), "file");
        }
    }
}
