// SPDX-License-Identifier: Apache-2.0
package dev.costbench.ui.prompt;

import dev.costbench.model.catalog.Catalog;
import dev.costbench.model.catalog.ModelEntry;
import dev.costbench.model.cost.BillingOptions;
import dev.costbench.model.prompt.Role;
import dev.costbench.model.tokens.Encoding;
import dev.costbench.model.tuning.TokenTax;
import dev.costbench.ui.common.Reasons;
import dev.costbench.ui.common.TaskExecutor;
import dev.costbench.ui.common.UiContext;
import dev.costbench.ui.common.ViewModel;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.InvalidationListener;
import javafx.beans.Observable;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * The Tokens tab's state: the prompt as the chosen tokenizer cuts it, or its token tax under every tokenizer the
 * catalog uses ({@link TokenTaxCounts} for the providers' exact counts). Tokenizing runs on a task lane (latest
 * wins), only while the tab is showing.
 */
public final class TokensViewModel implements ViewModel {

    private final PromptViewModel prompt;
    private final TaskExecutor.Lane lane;
    private final TokenTaxCounts exact;
    private final ObjectProperty<Encoding> encoding = new SimpleObjectProperty<>(this, "encoding", Encoding.O200K_BASE);
    private final BooleanProperty taxMode = new SimpleBooleanProperty(this, "taxMode");
    private final BooleanProperty active = new SimpleBooleanProperty(this, "active");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "");
    private final ReadOnlyObjectWrapper<TokenRows.Result> pieces = new ReadOnlyObjectWrapper<>(this, "pieces");
    private final ReadOnlyObjectWrapper<TokenTax> tax = new ReadOnlyObjectWrapper<>(this, "tax");
    private boolean dirty = true;

    public TokensViewModel(UiContext ui, PromptViewModel prompt, TokenTaxCounts exact) {
        this.prompt = prompt;
        this.exact = exact;
        this.lane = ui.tasks().lane("token view");
        InvalidationListener changed = x -> {
            dirty = true;
            refreshIfActive();
        };
        for (Observable o : new Observable[] {
            prompt.systemTextProperty(),
            prompt.turns(),
            prompt.userTextProperty(),
            prompt.catalogProperty(),
            prompt.batchProperty(),
            encoding,
            taxMode,
            active
        }) {
            o.addListener(changed);
        }
    }

    private void refreshIfActive() {
        if (active.get() && dirty) {
            dirty = false;
            refresh();
        }
    }

    /** Tokenizes the current prompt for the chosen mode (on the lane). */
    public void refresh() {
        List<TokenRows.Message> messages = messages();
        if (taxMode.get()) {
            Catalog c = prompt.catalogProperty().get();
            List<ModelEntry> models = c == null ? List.of() : c.models();
            List<String> texts = messages.stream().map(TokenRows.Message::text).toList();
            BillingOptions billing = prompt.batchProperty().get() ? BillingOptions.BATCH : BillingOptions.INTERACTIVE;
            summary.set("Counting under every tokenizer…");
            lane.task(p -> models.isEmpty() ? null : TokenTax.of(texts, models, billing))
                    .onSuccess(t -> {
                        if (t == null || tax.get() == null || !tax.get().whole().equals(t.whole())) {
                            exact.clear(); // the provider counts were of another text
                        }
                        tax.set(t);
                        summary.set(
                                t == null
                                        ? "No catalog loaded"
                                        : String.format(
                                                "%,d chars · %d tokenizers",
                                                t.whole().chars(), t.families().size()));
                    })
                    .onFailure(this::failed)
                    .start();
            return;
        }
        Encoding enc = encoding.get();
        summary.set("Tokenizing…");
        lane.task(p -> TokenRows.build(enc, messages))
                .onSuccess(r -> {
                    pieces.set(r);
                    summary.set(String.format(
                            "%s · %,d tokens · %,d chars · %d message%s%s",
                            r.encoding().id(),
                            r.tokens(),
                            r.chars(),
                            r.messages(),
                            r.messages() == 1 ? "" : "s",
                            r.splitCharacters() == 0
                                    ? ""
                                    : String.format(
                                            " · %,d split characters (merged, all ids on " + "hover)",
                                            r.splitCharacters())));
                })
                .onFailure(this::failed)
                .start();
    }

    private void failed(Throwable e) {
        summary.set("Tokenizing failed: " + UiContext.describe(e) + " — edit the prompt to try again.");
        dirty = true;
    }

    private List<TokenRows.Message> messages() {
        List<TokenRows.Message> out = new ArrayList<>();
        out.add(new TokenRows.Message(
                "System prompt", prompt.systemTextProperty().get()));
        int k = 0;
        for (Turn t : prompt.turns()) {
            k++;
            out.add(new TokenRows.Message(
                    "Example turn " + k + " · " + (t.roleProperty().get() == Role.ASSISTANT ? "assistant" : "user"),
                    t.textProperty().get()));
        }
        out.add(new TokenRows.Message("User message", prompt.userTextProperty().get()));
        return out;
    }

    /** The tokenizer of the pieces view: o200k_base or cl100k_base. */
    public ObjectProperty<Encoding> encodingProperty() {
        return encoding;
    }

    /** True: the token tax; false: the pieces. */
    public BooleanProperty taxModeProperty() {
        return taxMode;
    }

    /** Why the tokenizer and token-id choices can do nothing now ("" when they can). */
    public StringBinding tokenizerBlockedReason() {
        return Reasons.when(
                taxMode, "The token tax compares every tokenizer at once: choose Pieces to pick one tokenizer.");
    }

    /** True while the Tokens tab shows: the prompt is tokenized only then. */
    public BooleanProperty activeProperty() {
        return active;
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    /** The last token view: the rows of pieces of every message; null before the first. */
    public ReadOnlyObjectProperty<TokenRows.Result> piecesProperty() {
        return pieces.getReadOnlyProperty();
    }

    /** The last token tax; null before the first or without a catalog. */
    public ReadOnlyObjectProperty<TokenTax> taxProperty() {
        return tax.getReadOnlyProperty();
    }

    /** "Count exactly" of the token tax. */
    public TokenTaxCounts exactCounts() {
        return exact;
    }

    @Override
    public void close() {
        lane.close();
        exact.cancel();
    }
}
