// SPDX-License-Identifier: Apache-2.0
package dev.costbench.ui.lab;

import dev.costbench.model.lab.run.ExperimentSpec;
import dev.costbench.ui.common.DialogService.FileKind;
import dev.costbench.ui.common.UiContext;
import dev.costbench.ui.common.handoff.ExperimentMediaSource;
import dev.costbench.ui.common.handoff.QualityCheckTarget;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The setup's two variants: each a system prompt, a user message with {{placeholders}} and optional media; filled by
 * hand, "From the Prompt view", "Images from the Media view" or the Prompt view's "Check quality". A problem goes to
 * the setup's error line.
 */
public final class SetupVariants {

    private final UiContext ui;
    private final SetupViewModel.PromptSource prompt;
    private final ExperimentMediaSource mediaSource;
    private final Consumer<String> error;
    private final StringProperty baseSystem = new SimpleStringProperty(this, "baseSystem", SetupDefaults.BASE_SYSTEM);
    private final StringProperty baseUser = new SimpleStringProperty(this, "baseUser", SetupDefaults.BASE_USER);
    private final StringProperty optSystem = new SimpleStringProperty(this, "optSystem", SetupDefaults.OPT_SYSTEM);
    private final StringProperty optUser = new SimpleStringProperty(this, "optUser", SetupDefaults.OPT_USER);
    private final ObservableList<ExperimentSpec.MediaSpec> baseMedia = FXCollections.observableArrayList();
    private final ObservableList<ExperimentSpec.MediaSpec> optMedia = FXCollections.observableArrayList();

    /**
     * @param prompt      "From the Prompt view" (may be null: the buttons then say it is not available)
     * @param mediaSource "Images from the Media view" (may be null: the button then says it is not available)
     * @param error       the setup's error line
     */
    SetupVariants(
            UiContext ui,
            SetupViewModel.PromptSource prompt,
            ExperimentMediaSource mediaSource,
            Consumer<String> error) {
        this.ui = ui;
        this.prompt = prompt;
        this.mediaSource = mediaSource;
        this.error = error;
    }

    /** The variants as the form describes them: the baseline, and the optimized one when it has a user message. */
    List<ExperimentSpec.VariantSpec> specs() {
        List<ExperimentSpec.VariantSpec> vs = new ArrayList<>();
        vs.add(ExperimentSpec.VariantSpec.of("baseline", true, text(baseSystem), text(baseUser))
                .withMedia(baseMedia));
        if (!text(optUser).isBlank()) {
            vs.add(ExperimentSpec.VariantSpec.of("optimized", false, text(optSystem), text(optUser))
                    .withMedia(optMedia));
        } else if (!optMedia.isEmpty()) {
            throw new IllegalArgumentException("The optimized variant has an image but no user message: type one "
                    + "(e.g. the baseline's question).");
        }
        return vs;
    }

    static String text(StringProperty p) {
        return p.get() == null ? "" : p.get();
    }

    /** Copies the Prompt view's prompt into the baseline ({@code baseline} true) or the optimized variant. */
    public void fromPromptView(boolean baseline) {
        if (prompt == null) {
            error.accept("The Prompt view is not available here.");
            return;
        }
        String[] p = prompt.current();
        (baseline ? baseSystem : optSystem).set(p[0] == null ? "" : p[0]);
        (baseline ? baseUser : optUser).set(p[1] == null ? "" : p[1]);
    }

    /** The Media view's original to the baseline, its processed image to the optimized variant. */
    public void fromMediaView() {
        error.accept("");
        try {
            if (mediaSource == null) {
                throw new IllegalStateException("The Media view is not available here.");
            }
            List<ExperimentSpec.MediaSpec> pair = mediaSource.experimentMedia();
            baseMedia.setAll(pair.get(0));
            optMedia.setAll(pair.get(1));
            if (text(optUser).isBlank()) {
                optUser.set(text(baseUser));
            }
        } catch (RuntimeException ex) {
            error.accept(UiContext.describe(ex));
        }
    }

    /** "Attach image…" of a variant's media. */
    public void chooseMedia(ObservableList<ExperimentSpec.MediaSpec> target) {
        ui.dialogs()
                .openFiles(
                        "Attach image",
                        new FileKind(
                                "Images and WAV audio",
                                List.of("*.jpg", "*.jpeg", "*.png", "*.webp", "*.gif", "*.wav")),
                        FileKind.ANY)
                .forEach(f -> attach(target, f));
    }

    /** Reads and attaches a file; a file that is not a supported image or WAV gives a message instead. */
    public boolean attach(ObservableList<ExperimentSpec.MediaSpec> target, Path file) {
        try {
            target.add(ExperimentSpec.MediaSpec.of(file.getFileName().toString(), Files.readAllBytes(file)));
            return true;
        } catch (IOException e) {
            error.accept("Cannot read " + file + ": " + e.getMessage());
        } catch (RuntimeException e) {
            error.accept(UiContext.describe(e));
        }
        return false;
    }

    /** "Check quality" from the Prompt view: both variants' system prompt and user message. */
    void prefill(QualityCheckTarget.Variant baseline, QualityCheckTarget.Variant optimized) {
        baseSystem.set(baseline.system() == null ? "" : baseline.system());
        baseUser.set(baseline.user() == null ? "" : baseline.user());
        optSystem.set(optimized.system() == null ? "" : optimized.system());
        optUser.set(optimized.user() == null ? "" : optimized.user());
    }

    public StringProperty baseSystemProperty() {
        return baseSystem;
    }

    public StringProperty baseUserProperty() {
        return baseUser;
    }

    public StringProperty optSystemProperty() {
        return optSystem;
    }

    public StringProperty optUserProperty() {
        return optUser;
    }

    public ObservableList<ExperimentSpec.MediaSpec> baselineMedia() {
        return baseMedia;
    }

    public ObservableList<ExperimentSpec.MediaSpec> optimizedMedia() {
        return optMedia;
    }
}
