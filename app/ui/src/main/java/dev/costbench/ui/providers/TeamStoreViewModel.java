// SPDX-License-Identifier: Apache-2.0
package dev.costbench.ui.providers;

import dev.costbench.store.LabStores;
import dev.costbench.store.ServerLabStore;
import dev.costbench.store.StoreUrl;
import dev.costbench.ui.common.Reasons;
import dev.costbench.ui.common.UiContext;
import dev.costbench.ui.common.ViewModel;
import java.nio.file.Path;
import java.util.function.Consumer;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The Providers tab's "Team store" section: the PostgreSQL server a team shares its experiments, scenarios and ledger
 * on. The URL and the user are saved in the data folder ({@link LabStores}); the password goes to the credential
 * store, never into that file. "Use this store" and "Use my own file" reopen the results store on the choice.
 */
public final class TeamStoreViewModel implements ViewModel {

    private final UiContext ui;
    private final ProviderAccess access;
    private final Path dataDir;
    private final Consumer<String> reopen;

    private final StringProperty url = new SimpleStringProperty(this, "url", "");
    private final StringProperty user = new SimpleStringProperty(this, "user", "");
    private final StringProperty password = new SimpleStringProperty(this, "password", "");
    private final StringProperty author = new SimpleStringProperty(this, "author", "");
    private final ReadOnlyStringWrapper inUse = new ReadOnlyStringWrapper(this, "inUse", "");
    private final ReadOnlyStringWrapper result = new ReadOnlyStringWrapper(this, "result", "");
    private final ReadOnlyObjectWrapper<ProvidersViewModel.Outcome> outcome =
            new ReadOnlyObjectWrapper<>(this, "outcome", ProvidersViewModel.Outcome.INFO);
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");

    /**
     * @param reopen closes the results store and opens the chosen one; its argument is what to tell the user then
     */
    public TeamStoreViewModel(UiContext ui, ProviderAccess access, Path dataDir, Consumer<String> reopen) {
        this.ui = ui;
        this.access = access;
        this.dataDir = dataDir;
        this.reopen = reopen;
        try {
            LabStores.Choice c = LabStores.choice(dataDir);
            author.set(c.author());
            c.teamStore().ifPresent(u -> {
                url.set(u.jdbcUrl());
                user.set(u.user() == null ? "" : u.user());
            });
            inUse.set(c.teamStore()
                    .map(u -> "In use: the team store " + u.redacted()
                            + (c.fromEnvironment()
                                    ? " (set by " + StoreUrl.VARIABLE + ", which wins over this setting)"
                                    : ""))
                    .orElse("In use: this computer's own file (the default)."));
        } catch (RuntimeException e) {
            inUse.set("The team store setting cannot be read: " + UiContext.describe(e));
        }
    }

    /** "Test connection": logs in and out, in the background, and says which server answered. */
    public void testConnection() {
        StoreUrl u = parsed();
        if (u == null || busy.get()) {
            return;
        }
        String pw = passwordOrSaved(u);
        busy.set(true);
        show(ProvidersViewModel.Outcome.INFO, "Connecting…");
        ui.tasks()
                .task("team store test", p -> ServerLabStore.test(u, pw))
                .onSuccess(v -> show(ProvidersViewModel.Outcome.OK, "OK: " + v + " answered."))
                .onFailure(e -> show(ProvidersViewModel.Outcome.FAILED, UiContext.describe(e)))
                .always(() -> busy.set(false))
                .start();
    }

    /** "Use this store": keeps the password in the credential store, saves the choice and reopens on it. */
    public void useThisStore() {
        StoreUrl u = parsed();
        if (u == null) {
            return;
        }
        try {
            if (!password.get().isEmpty()) {
                access.saveNamedSecret(u.credentialName(), password.get());
                password.set("");
            }
            LabStores.save(dataDir, u, author.get());
        } catch (Exception e) {
            show(ProvidersViewModel.Outcome.FAILED, "The team store was not chosen: " + UiContext.describe(e));
            return;
        }
        inUse.set("In use: the team store " + u.redacted());
        show(ProvidersViewModel.Outcome.INFO, "Opening the team store…");
        reopen.accept("The results store is now the team store " + u.redacted() + ".");
    }

    /** "Use my own file": back to this computer's database file (the team store's password stays kept). */
    public void useLocalFile() {
        try {
            LabStores.save(dataDir, null, author.get());
        } catch (RuntimeException e) {
            show(ProvidersViewModel.Outcome.FAILED, UiContext.describe(e));
            return;
        }
        inUse.set("In use: this computer's own file (the default).");
        show(ProvidersViewModel.Outcome.INFO, "Opening this computer's own file…");
        reopen.accept("The results store is now this computer's own file.");
    }

    private StoreUrl parsed() {
        try {
            return StoreUrl.parse(url.get(), user.get());
        } catch (IllegalArgumentException e) {
            show(ProvidersViewModel.Outcome.FAILED, e.getMessage());
            return null;
        }
    }

    private String passwordOrSaved(StoreUrl u) {
        if (!password.get().isEmpty()) {
            return password.get();
        }
        return access.namedSecret(u.credentialName()).orElse(null);
    }

    private void show(ProvidersViewModel.Outcome o, String text) {
        outcome.set(o);
        result.set(text);
    }

    /** Why Test connection and Use this store can do nothing now ("" when they can). */
    public StringBinding blockedReason() {
        return Reasons.first(
                Reasons.when(busy, "A connection test is running: wait for its result."),
                Reasons.when(url.isEmpty(), "Enter the team store's URL first (jdbc:postgresql://host:5432/db)."));
    }

    /** The server's JDBC URL, {@code jdbc:postgresql://host:5432/database}. */
    public StringProperty urlProperty() {
        return url;
    }

    public StringProperty userProperty() {
        return user;
    }

    /** Typed here, kept only in the credential store (cleared once saved). */
    public StringProperty passwordProperty() {
        return password;
    }

    /** Who this computer's new experiments, scenarios and ledger rows are recorded as created by. */
    public StringProperty authorProperty() {
        return author;
    }

    /** Which store is in use now, and what chose it. */
    public ReadOnlyStringProperty inUseProperty() {
        return inUse.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty resultProperty() {
        return result.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<ProvidersViewModel.Outcome> outcomeProperty() {
        return outcome.getReadOnlyProperty();
    }
}
