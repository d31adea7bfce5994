// SPDX-License-Identifier: Apache-2.0
package dev.costbench.ui.prompt;

import dev.costbench.model.lab.run.ClientSource;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.testfx.api.FxToolkit;

/**
 * For each TestFX test, the Prompt view on the primary stage at 1400 × 900 over {@link PromptFixtures#onFxThread}
 * features with the clients given; its features are closed after the test. Use beside
 * {@code @ExtendWith(ApplicationExtension.class)}, as {@code @RegisterExtension final PromptOnStage shown = new
 * PromptOnStage(clients);}.
 */
public final class PromptOnStage implements BeforeEachCallback, AfterEachCallback {

    private final ClientSource clients;
    private PromptFeature feature;
    private PromptView view;

    public PromptOnStage(ClientSource clients) {
        this.clients = clients;
    }

    @Override
    public void beforeEach(ExtensionContext context) throws Exception {
        FxToolkit.setupStage(stage -> {
            feature = PromptFixtures.onFxThread(clients);
            view = PromptFixtures.show(stage, feature);
        });
    }

    @Override
    public void afterEach(ExtensionContext context) {
        feature.close();
    }

    public PromptFeature feature() {
        return feature;
    }

    public PromptViewModel prompt() {
        return feature.prompt();
    }

    public PromptView view() {
        return view;
    }
}
