// SPDX-License-Identifier: Apache-2.0
package dev.costbench.ui.providers;

import dev.costbench.model.provider.ProviderClient;
import dev.costbench.model.provider.ProviderException;
import dev.costbench.model.provider.ProviderId;
import dev.costbench.model.provider.ProviderSettings;
import dev.costbench.model.provider.Secret;
import dev.costbench.ui.common.Reasons;
import dev.costbench.ui.common.UiContext;
import dev.costbench.ui.common.ViewModel;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The Providers tab: for each provider its key (masked, with where it came from), base URL, and "Test connection",
 * which makes the cheapest real call (list models). Keys typed here go to the credential store, never a plain file.
 */
public final class ProvidersViewModel implements ViewModel {

    private final UiContext ui;
    private final ProviderAccess access;
    private final ReadOnlyStringWrapper storeInfo = new ReadOnlyStringWrapper(this, "storeInfo", "");
    private final Map<ProviderId, ProviderState> states = new EnumMap<>(ProviderId.class);

    public ProvidersViewModel(UiContext ui, ProviderAccess access) {
        this.ui = ui;
        this.access = access;
        for (ProviderId id : ProviderId.values()) {
            states.put(id, new ProviderState(id));
        }
        refresh();
    }

    public ProviderState provider(ProviderId id) {
        return states.get(id);
    }

    /** "Saved keys are kept in: …" */
    public ReadOnlyStringProperty storeInfoProperty() {
        return storeInfo.getReadOnlyProperty();
    }

    /** Re-reads where each key and URL comes from. */
    public void refresh() {
        storeInfo.set("Saved keys are kept in: " + access.storeDescription());
        for (ProviderId id : ProviderId.values()) {
            ProviderState st = states.get(id);
            try {
                ProviderSettings s = access.settings(id);
                Secret k = s.key();
                st.keyInfo.set(
                        k == null || k.isEmpty()
                                ? (id == ProviderId.COMPATIBLE
                                        ? "no key (fine for Ollama, llama.cpp and most local servers)"
                                        : "no key — set " + id.keyVariable() + " or paste one below")
                                : k.masked() + " · from " + k.source());
                st.savedBaseUrl.set(access.savedBaseUrl(id));
                st.baseInfo.set("using " + s.baseUrl() + " (" + access.baseUrlSource(id) + ")");
            } catch (Exception e) {
                st.keyInfo.set("cannot read the key: " + UiContext.describe(e));
            }
        }
    }

    /** Saves a pasted key in the credential store; returns true when saved (the view then clears the field). */
    public boolean saveKey(ProviderId id, String key) {
        ProviderState st = states.get(id);
        if (key == null || key.isBlank()) {
            st.show(Outcome.INFO, "Paste a key first.");
            return false;
        }
        boolean saved;
        try {
            access.saveKey(id, new Secret(key.strip(), "the Providers tab"));
            st.show(Outcome.INFO, "Key saved in " + access.storeDescription() + ".");
            saved = true;
        } catch (Exception e) {
            st.show(Outcome.FAILED, "The key was not saved: " + UiContext.describe(e));
            saved = false;
        }
        refresh();
        return saved;
    }

    public void removeKey(ProviderId id) {
        ProviderState st = states.get(id);
        try {
            access.deleteKey(id);
            st.show(Outcome.INFO, "Saved key removed.");
        } catch (Exception e) {
            st.show(Outcome.FAILED, "Could not remove the key: " + UiContext.describe(e));
        }
        refresh();
    }

    public void saveBaseUrl(ProviderId id, String url) {
        ProviderState st = states.get(id);
        boolean reset = url == null || url.isBlank();
        try {
            access.saveBaseUrl(id, reset ? null : url.trim());
            st.show(Outcome.INFO, reset ? "Back to the default endpoint." : "Base URL saved.");
        } catch (Exception e) {
            st.show(Outcome.FAILED, "Could not save the base URL: " + UiContext.describe(e));
        }
        refresh();
    }

    /** "Test connection": lists the models the key can use, in the background. */
    public void testConnection(ProviderId id) {
        ProviderState st = states.get(id);
        if (st.testing.get()) {
            return;
        }
        st.testing.set(true);
        st.show(Outcome.INFO, "Connecting…");
        ui.tasks()
                .task("connection test", p -> {
                    ProviderClient c = access.clients().client(id);
                    long t0 = System.nanoTime();
                    List<String> models = c.listModels();
                    return new Listed(models, (System.nanoTime() - t0) / 1_000_000);
                })
                .onSuccess(r -> st.show(
                        Outcome.OK,
                        "OK in " + r.millis() + " ms: " + r.models().size() + " models"
                                + (r.models().isEmpty()
                                        ? ""
                                        : " ("
                                                + String.join(
                                                        ", ",
                                                        r.models()
                                                                .subList(
                                                                        0,
                                                                        Math.min(
                                                                                6,
                                                                                r.models()
                                                                                        .size())))
                                                + (r.models().size() > 6 ? ", …" : "") + ")")))
                .onFailure(e -> st.show(
                        Outcome.FAILED,
                        e instanceof ProviderException ? e.getMessage() : "Failed: " + UiContext.describe(e)))
                .always(() -> st.testing.set(false))
                .start();
    }

    private record Listed(List<String> models, long millis) {}

    /** How the last action of a provider card ended: the view colours its line by it. */
    public enum Outcome {
        INFO,
        OK,
        FAILED
    }

    /** One provider card's state. */
    public static final class ProviderState {

        private final ProviderId id;
        private final ReadOnlyStringWrapper keyInfo = new ReadOnlyStringWrapper(this, "keyInfo", "");
        private final ReadOnlyStringWrapper savedBaseUrl = new ReadOnlyStringWrapper(this, "savedBaseUrl", "");
        private final ReadOnlyStringWrapper baseInfo = new ReadOnlyStringWrapper(this, "baseInfo", "");
        private final ReadOnlyStringWrapper result = new ReadOnlyStringWrapper(this, "result", "");
        private final ReadOnlyObjectWrapper<Outcome> outcome =
                new ReadOnlyObjectWrapper<>(this, "outcome", Outcome.INFO);
        private final ReadOnlyBooleanWrapper testing = new ReadOnlyBooleanWrapper(this, "testing");

        ProviderState(ProviderId id) {
            this.id = id;
        }

        /** Why Test connection can do nothing now ("" when it can). */
        public StringBinding testBlockedReason() {
            return Reasons.when(testing, "A connection test is running: wait for its result.");
        }

        private void show(Outcome o, String text) {
            outcome.set(o);
            result.set(text);
        }

        public ProviderId id() {
            return id;
        }

        /** "sk-…cdef · from encrypted file", or what to set when there is no key. */
        public ReadOnlyStringProperty keyInfoProperty() {
            return keyInfo.getReadOnlyProperty();
        }

        /** The base URL saved in the settings ("" when none is saved). */
        public ReadOnlyStringProperty savedBaseUrlProperty() {
            return savedBaseUrl.getReadOnlyProperty();
        }

        /** "using https://… (default)". */
        public ReadOnlyStringProperty baseInfoProperty() {
            return baseInfo.getReadOnlyProperty();
        }

        /** The outcome line of the last action (save, remove, test). */
        public ReadOnlyStringProperty resultProperty() {
            return result.getReadOnlyProperty();
        }

        public ReadOnlyObjectProperty<Outcome> outcomeProperty() {
            return outcome.getReadOnlyProperty();
        }

        /** True while a connection test runs (the button is disabled). */
        public ReadOnlyBooleanProperty testingProperty() {
            return testing.getReadOnlyProperty();
        }
    }
}
