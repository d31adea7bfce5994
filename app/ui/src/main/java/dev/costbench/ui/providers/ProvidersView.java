// SPDX-License-Identifier: Apache-2.0
package dev.costbench.ui.providers;

import dev.costbench.model.provider.ProviderClient;
import dev.costbench.model.provider.ProviderException;
import dev.costbench.model.provider.ProviderId;
import dev.costbench.model.provider.ProviderSettings;
import dev.costbench.model.provider.Secret;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.concurrent.Task;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
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

/**
 * Settings for each provider: its key (masked, with where it came from), base URL, and a "Test connection" button
 * that makes the cheapest real call (list models). Keys typed here go to the credential store, never to a plain file.
 */
public final class ProvidersView extends BorderPane {

    private final ProviderAccess access;
    private final Map<ProviderId, Label> keyInfo = new EnumMap<>(ProviderId.class);
    private final Map<ProviderId, TextField> baseUrl = new EnumMap<>(ProviderId.class);
    private final Map<ProviderId, Label> baseInfo = new EnumMap<>(ProviderId.class);
    private final Map<ProviderId, Label> result = new EnumMap<>(ProviderId.class);
    private final Map<ProviderId, Button> test = new EnumMap<>(ProviderId.class);
    private final Map<ProviderId, PasswordField> keyField = new EnumMap<>(ProviderId.class);
    private final Label storeInfo = new Label();
    private long generation;

    public ProvidersView(ProviderAccess access) {
        this.access = access;
        setId("providers-view");
        VBox box = new VBox(14);
        box.setPadding(new Insets(14));
        Label intro = new Label("CostBench calls the providers' real APIs with your own keys (Prompt view ▸ Send to "
                + "the API, A/B runs, exact token counts). A key in the environment (OPENAI_API_KEY, "
                + "ANTHROPIC_API_KEY, GEMINI_API_KEY or GOOGLE_API_KEY) wins over one saved here. Keys are never "
                + "written to disk in plain text, logs or exports.");
        intro.setWrapText(true);
        storeInfo.setId("credential-store");
        box.getChildren().addAll(intro, storeInfo);
        for (ProviderId id : ProviderId.values()) {
            box.getChildren().add(card(id));
        }
        ScrollPane sp = new ScrollPane(box);
        sp.setFitToWidth(true);
        setCenter(sp);
        refresh();
    }

    private VBox card(ProviderId id) {
        Label title = new Label(id.displayName());
        title.getStyleClass().add("section-title");
        String key = id.name().toLowerCase(Locale.ROOT);
        Label ki = new Label();
        ki.setId("key-info-" + key);
        keyInfo.put(id, ki);
        PasswordField pf = new PasswordField();
        pf.setPromptText(id == ProviderId.COMPATIBLE ? "API key (most local servers need none)" : "Paste an API key");
        pf.setPrefColumnCount(28);
        pf.setId("key-field-" + key);
        keyField.put(id, pf);
        Button save = new Button("Save key");
        save.setId("save-key-" + key);
        save.setOnAction(e -> saveKey(id, pf));
        Button remove = new Button("Remove");
        remove.setTooltip(new Tooltip("Delete the key saved in the credential store (an environment variable stays)"));
        remove.setOnAction(e -> removeKey(id));
        TextField url = new TextField();
        url.setPrefColumnCount(36);
        url.setId("base-url-" + key);
        url.setPromptText(id.defaultBaseUrl());
        url.setTooltip(new Tooltip("A company gateway, proxy, regional endpoint or local server; empty: "
                + id.defaultBaseUrl() + ". The environment variable " + id.baseUrlVariable() + " wins over this."));
        baseUrl.put(id, url);
        Button saveUrl = new Button("Save URL");
        saveUrl.setOnAction(e -> saveUrl(id, url.getText()));
        Label bi = new Label();
        bi.getStyleClass().add("muted");
        baseInfo.put(id, bi);
        Button t = new Button("Test connection");
        t.setId("test-" + key);
        t.setTooltip(new Tooltip("Lists the models this key can use: the cheapest real call"));
        t.setOnAction(e -> testConnection(id));
        test.put(id, t);
        Label r = new Label();
        r.setId("test-result-" + key);
        r.setWrapText(true);
        result.put(id, r);

        GridPane g = new GridPane();
        g.setHgap(8);
        g.setVgap(6);
        g.addRow(0, new Label("Key"), ki);
        g.addRow(1, new Label(""), new HBox(6, pf, save, remove));
        g.addRow(2, new Label("Base URL"), new HBox(6, url, saveUrl, bi));
        HBox tr = new HBox(8, t, r);
        tr.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(r, Priority.ALWAYS);
        g.addRow(3, new Label(""), tr);
        VBox card = new VBox(6, title, g);
        card.getStyleClass().add("card");
        card.setPadding(new Insets(10));
        card.setStyle("-fx-border-color: -color-border-default, transparent; -fx-border-radius: 6;");
        return card;
    }

    /** Re-reads where each key and URL comes from. */
    public void refresh() {
        storeInfo.setText("Saved keys are kept in: " + access.storeDescription());
        for (ProviderId id : ProviderId.values()) {
            try {
                ProviderSettings s = access.settings(id);
                Secret k = s.key();
                keyInfo.get(id).setText(k == null || k.isEmpty()
                        ? (id == ProviderId.COMPATIBLE ? "no key (fine for Ollama, llama.cpp and most local servers)"
                        : "no key — set " + id.keyVariable() + " or paste one below")
                        : k.masked() + " · from " + k.source());
                baseUrl.get(id).setText(access.savedBaseUrl(id));
                baseInfo.get(id).setText("using " + s.baseUrl() + " (" + access.baseUrlSource(id) + ")");
            } catch (Exception e) {
                keyInfo.get(id).setText("cannot read the key: " + e.getMessage());
            }
        }
    }

    private void saveKey(ProviderId id, PasswordField pf) {
        String v = pf.getText();
        if (v == null || v.isBlank()) {
            result.get(id).setText("Paste a key first.");
            return;
        }
        try {
            access.saveKey(id, new Secret(v, "Settings"));
            pf.clear();
            result.get(id).setText("Key saved in " + access.storeDescription() + ".");
        } catch (Exception e) {
            result.get(id).setText("The key was not saved: " + e.getMessage());
        }
        refresh();
    }

    private void removeKey(ProviderId id) {
        try {
            access.deleteKey(id);
            result.get(id).setText("Saved key removed.");
        } catch (Exception e) {
            result.get(id).setText("Could not remove the key: " + e.getMessage());
        }
        refresh();
    }

    private void saveUrl(ProviderId id, String url) {
        try {
            access.saveBaseUrl(id, url == null || url.isBlank() ? null : url.trim());
            result.get(id).setText(url == null || url.isBlank() ? "Back to the default endpoint." : "Base URL saved.");
        } catch (Exception e) {
            result.get(id).setText("Could not save the base URL: " + e.getMessage());
        }
        refresh();
    }

    /** Runs "Test connection" for {@code id} in the background (tests call it directly). */
    public void testConnection(ProviderId id) {
        Button b = test.get(id);
        Label r = result.get(id);
        b.setDisable(true);
        r.setText("Connecting…");
        Task<List<String>> t = new Task<>() {
            @Override
            protected List<String> call() throws Exception {
                ProviderClient c = access.clients().client(id);
                long t0 = System.nanoTime();
                List<String> models = c.listModels();
                updateMessage(((System.nanoTime() - t0) / 1_000_000) + " ms");
                return models;
            }
        };
        t.setOnSucceeded(e -> {
            b.setDisable(false);
            List<String> m = t.getValue();
            r.setText("OK in " + t.getMessage() + ": " + m.size() + " models" + (m.isEmpty() ? "" : " ("
                    + String.join(", ", m.subList(0, Math.min(6, m.size()))) + (m.size() > 6 ? ", …" : "") + ")"));
            r.setStyle("-fx-text-fill: -color-success-fg;");
            generation++;
        });
        t.setOnFailed(e -> {
            b.setDisable(false);
            Throwable x = t.getException();
            r.setText(x instanceof ProviderException ? x.getMessage() : "Failed: " + x);
            r.setStyle("-fx-text-fill: -color-danger-fg;");
            generation++;
        });
        Thread th = new Thread(t, "CostBench connection test");
        th.setDaemon(true);
        th.start();
    }

    public long generation() {
        return generation;
    }

    public Label result(ProviderId id) {
        return result.get(id);
    }

    public Label keyInfo(ProviderId id) {
        return keyInfo.get(id);
    }
}
