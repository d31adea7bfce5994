// SPDX-License-Identifier: Apache-2.0
package dev.costbench.ui.prompt;

import dev.costbench.model.catalog.ModelEntry;
import dev.costbench.model.lab.run.ClientSource;
import dev.costbench.model.provider.ChatRequest;
import dev.costbench.model.provider.ProviderClient;
import dev.costbench.model.provider.ProviderException;
import dev.costbench.model.provider.ProviderId;
import dev.costbench.model.tools.ToolSet;
import dev.costbench.model.tools.ToolsCount;
import dev.costbench.ui.common.UiContext;
import java.util.List;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The Tools tab's "Count exactly": the selected model's counting endpoint (Anthropic count_tokens, Gemini
 * countTokens) on the prompt with its tools and without them; the difference is what the tools add to every request,
 * shown beside CostBench's estimate. OpenAI models need no call (their tools are counted exactly here); a server
 * without a counting endpoint, a missing key or a refused call says so.
 */
public final class ToolsExactCount {

    private final UiContext ui;
    private final Supplier<ModelEntry> selected;
    private final Supplier<ChatRequest> request;
    private final Supplier<ToolSet> tools;
    private final ClientSource clients;
    private final ReadOnlyStringWrapper result = new ReadOnlyStringWrapper(this, "result", "");
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");

    /**
     * @param request the prompt as a provider-neutral request (without tools; they are added here)
     * @param tools   the tools being edited
     */
    public ToolsExactCount(
            UiContext ui,
            Supplier<ModelEntry> selected,
            Supplier<ChatRequest> request,
            Supplier<ToolSet> tools,
            ClientSource clients) {
        this.ui = ui;
        this.selected = selected;
        this.request = request;
        this.tools = tools;
        this.clients = clients;
    }

    /** Asks the selected model's provider; {@code estimate} is CostBench's count of the same tools (or null). */
    public void count(ToolsCount estimate) {
        ModelEntry m = selected.get();
        ToolSet set = tools.get();
        if (running.get()) {
            return;
        }
        if (m == null || set == null || set.isEmpty()) {
            result.set("Select a model in the cost table and add tools first.");
            return;
        }
        ProviderId provider = ProviderIds.of(m);
        if (provider == ProviderId.OPENAI) {
            result.set("OpenAI models' tools are already counted exactly here (the documented formatting); no call "
                    + "is needed.");
            return;
        }
        if (provider == ProviderId.COMPATIBLE) {
            result.set(m.name() + " is served by an OpenAI-compatible server, which has no token-counting endpoint: "
                    + "the count stays an estimate.");
            return;
        }
        ChatRequest without = request.get().withModel(m.id()).withTools(List.of());
        ChatRequest with = without.withTools(set.specs());
        running.set(true);
        result.set("Asking " + provider.displayName() + "…");
        ui.tasks()
                .task("exact count of the tools", p -> {
                    ProviderClient c = clients.client(provider);
                    return c.countTokens(with).inputTokens()
                            - c.countTokens(without).inputTokens();
                })
                .onSuccess(n -> {
                    running.set(false);
                    result.set(describe(m, provider, n, estimate));
                })
                .onFailure(e -> {
                    running.set(false);
                    result.set(
                            e instanceof ProviderException pe && pe.kind() == ProviderException.Kind.NO_KEY
                                    ? pe.getMessage() + ", then Count exactly again."
                                    : "Counting failed: " + UiContext.describe(e)
                                            + ". The estimate above still holds; try "
                                            + "again, or check the key under Providers.");
                })
                .start();
    }

    /**
     * "Exact on Claude Sonnet 4.5 (Anthropic's counting endpoint): the tools add 1,234 tokens to every request;
     * estimated ≈1,150 (−6.8 %)."
     */
    static String describe(ModelEntry m, ProviderId provider, long exact, ToolsCount estimate) {
        String s = String.format(
                "Exact on %s (%s's counting endpoint): the tools add %,d tokens to every request",
                m.name(), provider.displayName(), exact);
        if (estimate == null || exact <= 0) {
            return s + ".";
        }
        double off = (estimate.tokens() - exact) * 100.0 / exact;
        return s + String.format("; estimated %s%,d (%+.1f %%).", estimate.exact() ? "" : "≈", estimate.tokens(), off);
    }

    /** What the last count found, or why it could not count; empty before the first. */
    public ReadOnlyStringProperty resultProperty() {
        return result.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }
}
