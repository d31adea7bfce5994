// SPDX-License-Identifier: Apache-2.0
package dev.costbench.ui.providers;

import dev.costbench.model.provider.ProviderId;
import dev.costbench.ui.common.DisabledReason;
import dev.costbench.ui.common.View;
import java.util.Locale;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** Lays out one card per provider and binds it to {@link ProvidersViewModel}. */
public final class ProvidersView extends BorderPane implements View<ProvidersViewModel> {

    private final ProvidersViewModel vm;

    public ProvidersView(ProvidersViewModel vm) {
        this(vm, null, null);
    }

    /**
     * With the "Team store" card below the providers (none when {@code teamStore} is null), and in it the team
     * catalog's line (none when {@code teamCatalog} is null).
     */
    public ProvidersView(ProvidersViewModel vm, TeamStoreViewModel teamStore, TeamCatalogViewModel teamCatalog) {
        this.vm = vm;
        setId("providers-view");
        VBox box = new VBox(14);
        box.setPadding(new Insets(14));
        Label intro = new Label("CostBench calls the providers' real APIs with your own keys (Prompt view ▸ Send to "
                + "the API, A/B runs, exact token counts). A key in the environment (OPENAI_API_KEY, "
                + "ANTHROPIC_API_KEY, GEMINI_API_KEY or GOOGLE_API_KEY) wins over one saved here. Keys are never "
                + "written to disk in plain text, logs or exports.");
        intro.setWrapText(true);
        Label storeInfo = new Label();
        storeInfo.setId("credential-store");
        storeInfo.textProperty().bind(vm.storeInfoProperty());
        box.getChildren().addAll(intro, storeInfo);
        for (ProviderId id : ProviderId.values()) {
            box.getChildren().add(card(vm.provider(id)));
        }
        if (teamStore != null) {
            box.getChildren().add(new TeamStoreCard(teamStore, teamCatalog));
        }
        ScrollPane sp = new ScrollPane(box);
        sp.setFitToWidth(true);
        setCenter(sp);
    }

    private VBox card(ProvidersViewModel.ProviderState st) {
        ProviderId id = st.id();
        String key = id.name().toLowerCase(Locale.ROOT); // node ids only, never shown
        Label title = new Label(id.displayName());
        title.getStyleClass().add("section-title");
        Label keyInfo = new Label();
        keyInfo.setId("key-info-" + key);
        keyInfo.textProperty().bind(st.keyInfoProperty());
        PasswordField pf = new PasswordField();
        pf.setPromptText(id == ProviderId.COMPATIBLE ? "API key (most local servers need none)" : "Paste an API key");
        pf.setPrefColumnCount(28);
        pf.setId("key-field-" + key);
        pf.setAccessibleText(id.displayName() + " API key");
        Button save = new Button("Save key");
        save.setId("save-key-" + key);
        save.setOnAction(e -> {
            if (vm.saveKey(id, pf.getText())) {
                pf.clear();
            }
        });
        pf.setOnAction(save.getOnAction());
        Button remove = new Button("Remove");
        remove.setTooltip(new Tooltip("Delete the key saved in the credential store (an environment variable stays)"));
        remove.setOnAction(e -> vm.removeKey(id));
        TextField url = new TextField();
        url.setPrefColumnCount(36);
        url.setId("base-url-" + key);
        url.setAccessibleText(id.displayName() + " base URL");
        url.setPromptText(id.defaultBaseUrl());
        url.setTooltip(new Tooltip("A company gateway, proxy, regional endpoint or local server; empty: "
                + id.defaultBaseUrl() + ". The environment variable " + id.baseUrlVariable() + " wins over this."));
        url.setText(st.savedBaseUrlProperty().get());
        st.savedBaseUrlProperty().addListener((o, a, b) -> url.setText(b));
        Button saveUrl = new Button("Save URL");
        saveUrl.setOnAction(e -> vm.saveBaseUrl(id, url.getText()));
        url.setOnAction(saveUrl.getOnAction());
        Label baseInfo = new Label();
        baseInfo.getStyleClass().add("muted");
        baseInfo.textProperty().bind(st.baseInfoProperty());
        Button test = new Button("Test connection");
        test.setId("test-" + key);
        test.setTooltip(new Tooltip("Lists the models this key can use: the cheapest real call"));
        test.setOnAction(e -> vm.testConnection(id));
        DisabledReason.bind(test, st.testBlockedReason());
        Label result = resultLabel("test-result-" + key, st.resultProperty(), st.outcomeProperty());

        GridPane g = new GridPane();
        g.setHgap(8);
        g.setVgap(6);
        g.addRow(0, new Label("Key"), keyInfo);
        g.addRow(1, new Label(""), new HBox(6, pf, save, remove));
        g.addRow(2, new Label("Base URL"), new HBox(6, url, saveUrl, baseInfo));
        HBox tr = new HBox(8, test, result);
        tr.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(result, Priority.ALWAYS);
        g.addRow(3, new Label(""), tr);
        VBox card = new VBox(6, title, g);
        card.getStyleClass().add("card");
        card.setPadding(new Insets(10));
        card.setStyle("-fx-border-color: -color-border-default, transparent; -fx-border-radius: 6;");
        return card;
    }

    /** The line saying how a card's last action ended, coloured by its outcome. */
    static Label resultLabel(
            String id, ReadOnlyStringProperty text, ReadOnlyObjectProperty<ProvidersViewModel.Outcome> outcome) {
        Label result = new Label();
        result.setId(id);
        result.setWrapText(true);
        result.textProperty().bind(text);
        outcome.addListener((o, a, b) -> result.setStyle(
                switch (b) {
                    case OK -> "-fx-text-fill: -color-success-fg;";
                    case FAILED -> "-fx-text-fill: -color-danger-fg;";
                    case INFO -> "";
                }));
        return result;
    }

    @Override
    public Parent root() {
        return this;
    }

    @Override
    public ProvidersViewModel viewModel() {
        return vm;
    }
}
