// SPDX-License-Identifier: Apache-2.0
package dev.costbench.ui.prompt;

import dev.costbench.model.catalog.Catalog;
import dev.costbench.model.catalog.ModelEntry;
import dev.costbench.model.catalog.ServiceTier;
import dev.costbench.model.cost.CanonicalUsage;
import dev.costbench.model.cost.CostBreakdown;
import dev.costbench.model.cost.Money;
import dev.costbench.model.lab.NewSentRequest;
import dev.costbench.model.lab.SendHistoryRepository;
import dev.costbench.model.lab.SentRequest;
import dev.costbench.model.provider.ServiceTierWords;
import dev.costbench.model.ratecard.RateCard;
import dev.costbench.ui.common.Reasons;
import dev.costbench.ui.common.UiContext;
import dev.costbench.ui.common.ViewModel;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableObjectValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The "Send to the API" history of the open workspace, newest first: every call kept in the local store with its
 * answer, model, options, usage, billed cost and failure. An entry re-opens in the Send pane, can be deleted, and
 * its settings can be copied back into the controls. Without a store it says the history is not kept, and why.
 */
public final class SendHistory implements ViewModel {

    /** One line of the history as shown: time, model name, tokens and cost in the user's words. */
    /** @param tier the tier asked for and the one served: "Priority", "Priority · served default" */
    public record Entry(SentRequest sent, String when, String model, String tokens, String cost, String tier) {}

    private static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm:ss", Locale.ENGLISH).withZone(ZoneId.systemDefault());

    private final UiContext ui;
    private final PromptViewModel prompt;
    private final SendPorts ports;
    private final ObservableList<Entry> entries = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private String shownWorkspace;

    SendHistory(UiContext ui, PromptViewModel prompt, SendPorts ports) {
        this.ui = ui;
        this.prompt = prompt;
        this.ports = ports;
        prompt.useMyRatesProperty().addListener(x -> reprice());
        prompt.rateCardProperty().addListener(x -> reprice());
        refresh();
    }

    /** The entries' costs again, after "Use my rates" or the rate card changed. */
    private void reprice() {
        entries.setAll(entries.stream().map(e -> entry(e.sent())).toList());
    }

    /** Reads the open workspace's history again (after the store opened, or another workspace was opened). */
    public void refresh() {
        SendHistoryRepository repo = ports.history().repository();
        String workspace = ports.workspace().get();
        shownWorkspace = workspace;
        if (repo == null) {
            entries.clear();
            status.set(notKept());
            return;
        }
        ui.tasks()
                .task("send history", p -> repo.sentHistory(workspace))
                .onSuccess(list -> {
                    if (workspace.equals(shownWorkspace)) {
                        entries.setAll(list.stream().map(this::entry).toList());
                        status.set("");
                    }
                })
                .onFailure(e -> status.set("The history could not be read: " + UiContext.describe(e)
                        + " Restart CostBench; if it keeps failing, run ./costbench store check."))
                .start();
    }

    private String notKept() {
        return "The history of calls is not kept: " + ports.history().whyAbsent() + ".";
    }

    /** Keeps one call (in the background) and puts it at the top; without a store says it was not kept. */
    void add(NewSentRequest call) {
        SendHistoryRepository repo = ports.history().repository();
        if (repo == null) {
            status.set(notKept());
            return;
        }
        ui.tasks()
                .task("keep the call", p -> repo.addSent(call))
                .onSuccess(kept -> {
                    if (kept.call().workspace().equals(shownWorkspace)) {
                        entries.add(0, entry(kept));
                        status.set("");
                    }
                })
                .onFailure(e -> status.set("This call could not be kept in the history: " + UiContext.describe(e)
                        + " The answer above is not lost until the next send."))
                .start();
    }

    /** The key of the workspace calls are kept under now. */
    String workspace() {
        return ports.workspace().get();
    }

    /** Deletes an entry from the store and the list. */
    public void delete(Entry e) {
        SendHistoryRepository repo = ports.history().repository();
        if (e == null || repo == null) {
            return;
        }
        ui.tasks()
                .task("delete from the history", p -> repo.deleteSent(e.sent().id()))
                .onSuccess(done -> entries.remove(e))
                .onFailure(x -> status.set("The entry could not be deleted: " + UiContext.describe(x)))
                .start();
    }

    private Entry entry(SentRequest s) {
        ModelEntry m = model(s.call().modelId());
        String cost = s.failed() ? "failed" : s.call().costUsd() == null ? "cost unknown" : cost(s.call(), m);
        return new Entry(
                s,
                WHEN.format(s.call().time()),
                m == null ? s.call().modelId() : m.name(),
                tokens(s.call().usage()),
                cost,
                tier(s));
    }

    /**
     * The list price kept with the call; with "Use my rates" on, also its cost at your rates, billed again from its
     * usage ("$0.000228 list price · $0.000205 your rates").
     */
    private String cost(NewSentRequest c, ModelEntry m) {
        String list = Money.format(c.costUsd());
        RateCard card = prompt.rateCardProperty().get();
        if (!prompt.useMyRatesProperty().get() || card == null || card.isEmpty()) {
            return list;
        }
        if (m == null || c.usage() == null) {
            return list + " list price · your rates unknown (model not in the catalog)";
        }
        LocalDate day = LocalDate.ofInstant(c.time(), ZoneOffset.UTC);
        CostBreakdown b = RunFigures.billed(m, c.usage(), c.servedTier(), day, card);
        return list + " list price · " + Money.format(b.total()) + " your rates";
    }

    /** "Standard", "Priority · served priority", "Flex · served default (priced at Standard)". */
    static String tier(SentRequest s) {
        ServiceTier asked = s.call().requestedTierOrStandard();
        String served = s.call().servedTier();
        if (served == null) {
            return asked.label();
        }
        ServiceTier pricedAs = ServiceTierWords.pricedAs(served);
        return asked.label() + " · served " + served
                + (ServiceTierWords.changed(asked, served) ? " (priced at " + pricedAs.label() + ")" : "");
    }

    ModelEntry model(String id) {
        Catalog c = prompt.catalogProperty().get();
        return c == null ? null : c.find(id).orElse(null);
    }

    static String tokens(CanonicalUsage u) {
        if (u == null) {
            return "no usage";
        }
        return String.format(Locale.ROOT, "%,d in · %,d out", u.totalInput(), u.billedOutput());
    }

    /** Newest first. */
    public ObservableList<Entry> entries() {
        return entries;
    }

    /** Why the history is empty or not kept, or "" when it lists calls. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    @Override
    public void close() {
        // background reads end on their own
    }

    /** Why Open, Use these settings and Delete can do nothing while {@code selected} (the list's) is empty. */
    public static StringBinding pickReason(ObservableObjectValue<?> selected) {
        return Reasons.when(Bindings.isNull(selected), "Select a past call in the list first.");
    }
}
