// SPDX-License-Identifier: Apache-2.0
package dev.costbench.ui.prompt;

import dev.costbench.model.catalog.Catalog;
import dev.costbench.model.catalog.CatalogBuilder;
import dev.costbench.model.lab.run.ClientSource;
import dev.costbench.model.prompt.Role;
import dev.costbench.model.provider.ProviderException;
import dev.costbench.ui.common.DirectTaskExecutor;
import dev.costbench.ui.common.FxTaskExecutor;
import dev.costbench.ui.common.RecordingDialogService;
import dev.costbench.ui.common.UiContext;
import javafx.scene.Scene;
import javafx.stage.Stage;

/**
 * The Prompt view's features for tests: over the built-in catalog, with the clients given and nowhere to hand a
 * prompt on to (no A/B lab, no scenario planner); run at once for view-model tests or on the FX thread for TestFX.
 */
public final class PromptFixtures {

    public static final Catalog CATALOG = CatalogBuilder.builtIn();

    private PromptFixtures() {}

    /** No provider has a key: each client is refused as the real ones are. */
    public static ClientSource noKeys() {
        return id -> {
            throw new ProviderException(
                    id,
                    ProviderException.Kind.NO_KEY,
                    0,
                    "No API key for " + id.displayName() + ": add one in the Providers tab",
                    null,
                    null,
                    null);
        };
    }

    /**
     * Adds three few-shot examples of ticket classification (two alike, one in two scripts, one with runs of spaces):
     * user and assistant turns in turn.
     */
    public static void addTicketExamples(PromptViewModel p) {
        p.addTurn(Role.USER, "My parcel is late, please   tell me where it is.");
        p.addTurn(Role.ASSISTANT, "category: delivery");
        p.addTurn(Role.USER, "I was charged twice. مرحبا بكم");
        p.addTurn(Role.ASSISTANT, "category: billing");
        p.addTurn(Role.USER, "My parcel is late, where is it?");
        p.addTurn(Role.ASSISTANT, "category: delivery");
    }

    /** The Prompt view's features with {@code ui}'s executor and dialogs. */
    public static PromptFeature feature(UiContext ui, ClientSource clients) {
        return new PromptFeature(ui, CATALOG, clients, (n, b, o) -> {}, t -> {});
    }

    /** Over {@code catalog}, no clients; every job runs at once on the calling thread; dialogs are recorded. */
    public static PromptFeature feature(Catalog catalog) {
        UiContext ui = new UiContext(new DirectTaskExecutor(), new RecordingDialogService());
        return new PromptFeature(ui, catalog, null, (n, b, o) -> {}, t -> {});
    }

    /** Every job runs at once on the calling thread; dialogs are recorded. */
    public static PromptFeature direct(ClientSource clients) {
        return feature(new UiContext(new DirectTaskExecutor(), new RecordingDialogService()), clients);
    }

    /** Jobs run in the background and report on the FX thread, as in the app; dialogs are recorded. */
    public static PromptFeature onFxThread(ClientSource clients) {
        return feature(new UiContext(new FxTaskExecutor((j, e) -> {}), new RecordingDialogService()), clients);
    }

    /** Shows {@code feature}'s view on {@code stage} at 1400 × 900. */
    public static PromptView show(Stage stage, PromptFeature feature) {
        PromptView view = new PromptView(feature);
        stage.setScene(new Scene(view, 1400, 900));
        stage.show();
        return view;
    }
}
