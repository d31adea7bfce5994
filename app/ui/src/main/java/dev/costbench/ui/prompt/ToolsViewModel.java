// SPDX-License-Identifier: Apache-2.0
package dev.costbench.ui.prompt;

import dev.costbench.model.catalog.ModelEntry;
import dev.costbench.model.cost.BillingOptions;
import dev.costbench.model.cost.CostRow;
import dev.costbench.model.cost.Money;
import dev.costbench.model.cost.PromptOptions;
import dev.costbench.model.tools.ToolChoice;
import dev.costbench.model.tools.ToolCut;
import dev.costbench.model.tools.ToolCuts;
import dev.costbench.model.tools.ToolMeter;
import dev.costbench.model.tools.ToolPricing;
import dev.costbench.model.tools.ToolSet;
import dev.costbench.model.tools.ToolTokenCounter;
import dev.costbench.model.tools.ToolTuning;
import dev.costbench.model.tools.ToolsCount;
import dev.costbench.model.tools.ToolsFormatException;
import dev.costbench.model.tools.ToolsJson;
import dev.costbench.ui.common.TaskExecutor;
import dev.costbench.ui.common.ToolsFile;
import dev.costbench.ui.common.UiContext;
import dev.costbench.ui.common.ViewModel;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Prompt view's Tools section: the tools JSON the user pasted, opened or dropped, read in the background; what
 * is wrong with it, in the section; the tool meter on the model selected in the cost table (each tool's tokens, $
 * per request and per month at the request's monthly volume, most expensive first); and the schema-pruning cuts
 * (remove a tool, shorten its descriptions) with undo. Every change of the tools re-prices the cost table, whose
 * rows include the tools' tokens. UI-thread only.
 */
public final class ToolsViewModel implements ViewModel {

    private final UiContext ui;
    private final PromptViewModel prompt;
    private final TaskExecutor.Lane reading;
    private final TaskExecutor.Lane metering;
    private final ToolTuning tuning = new ToolTuning(ToolSet.EMPTY);
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "");
    private final ReadOnlyStringWrapper howCounted = new ReadOnlyStringWrapper(this, "howCounted", "");
    private final ReadOnlyBooleanWrapper canUndo = new ReadOnlyBooleanWrapper(this, "canUndo");
    private final ObservableList<ToolMeter.Row> meter = FXCollections.observableArrayList();
    private final ObservableList<ToolCut> cuts = FXCollections.observableArrayList();
    /** True while a cut writes the tools JSON back: the text then needs no reading. */
    private boolean writingBack;

    private ToolsExactCount exact;
    private ToolsCount lastCount;

    public ToolsViewModel(UiContext ui, PromptViewModel prompt) {
        this.ui = ui;
        this.prompt = prompt;
        this.reading = ui.tasks().lane("tools reader");
        this.metering = ui.tasks().lane("tool meter");
        prompt.toolsJsonProperty().addListener(x -> read());
        prompt.generationProperty().addListener(x -> measure());
        prompt.selectedModelProperty().addListener(x -> measure());
        read();
    }

    /** Reads the tools JSON; a refusal is shown in the section and the tools are left out of the table. */
    private void read() {
        if (writingBack) {
            return;
        }
        String json = prompt.toolsJsonProperty().get();
        reading.task(p -> ToolsJson.parse(json))
                .onSuccess(set -> {
                    error.set("");
                    tuning.reset(set);
                    canUndo.set(false);
                    prompt.toolsProperty().set(set);
                    measure();
                })
                .onFailure(e -> {
                    error.set((e instanceof ToolsFormatException
                                    ? e.getMessage()
                                    : "Reading the tools failed: " + UiContext.describe(e) + ".")
                            + " Until then the cost table leaves the tools out.");
                    tuning.reset(ToolSet.EMPTY);
                    canUndo.set(false);
                    prompt.toolsProperty().set(ToolSet.EMPTY);
                    measure();
                })
                .start();
    }

    /** Recomputes the meter and the cuts on the selected model from the last cost table. */
    private void measure() {
        ToolSet set = prompt.toolsProperty().get();
        ModelEntry m = prompt.selectedModelProperty().get();
        CostRow row = m == null
                ? null
                : prompt.rows().stream()
                        .filter(r -> r.model().id().equals(m.id()))
                        .findFirst()
                        .orElse(null);
        if (set.isEmpty() || row == null) {
            meter.clear();
            cuts.clear();
            howCounted.set("");
            summary.set(
                    set.isEmpty()
                            ? "No tools. Paste a tools array (OpenAI, Anthropic or Gemini), open or drop a .json file."
                            : tools(set.size()) + " (" + set.format().label()
                                    + "). Select a model in the cost table to see " + "what each one costs on it.");
            return;
        }
        ToolChoice choice = prompt.toolChoiceProperty().get();
        PromptOptions options;
        try {
            options = new PromptOptions(
                    prompt.outputTokensProperty().get(),
                    prompt.reasoningTokensProperty().get(),
                    false,
                    prompt.batchProperty().get(),
                    prompt.residencyProperty().get(),
                    prompt.monthlyRequestsProperty().get());
        } catch (IllegalArgumentException e) {
            return; // the status bar already says which option is wrong
        }
        BillingOptions billing = prompt.billing();
        metering.task(p -> {
                    ToolsCount count = ToolTokenCounter.count(m, set, choice);
                    ToolPricing pricing = new ToolPricing(
                            m, choice, Math.max(0, row.input().tokens() - count.tokens()), options, billing);
                    return new Measured(count, ToolMeter.rows(pricing, set), ToolCuts.suggest(pricing, set));
                })
                .onSuccess(r -> {
                    if (set != prompt.toolsProperty().get()) {
                        return; // the tools changed meanwhile; a newer measure follows
                    }
                    meter.setAll(r.rows);
                    cuts.setAll(r.cuts);
                    howCounted.set(r.count.method());
                    lastCount = r.count;
                    BigDecimal month = r.rows.stream()
                            .map(ToolMeter.Row::usdPerMonth)
                            .reduce(BigDecimal.ZERO, (a, b) -> a == null || b == null ? null : a.add(b));
                    summary.set(String.format(
                            "%s (%s) %s %s tokens to every request on %s: %s a month at %,d requests.",
                            tools(set.size()),
                            set.format().label(),
                            set.size() == 1 ? "adds" : "add",
                            (r.count.exact() ? "" : "≈") + String.format("%,d", r.count.tokens()),
                            m.name(),
                            money(month),
                            options.monthlyRequests()));
                })
                .onFailure(e -> summary.set("The tool meter could not be computed: " + UiContext.describe(e)
                        + ". Change the prompt or select another model to try again."))
                .start();
    }

    /** "1 tool", "20 tools". */
    static String tools(int n) {
        return n == 1 ? "1 tool" : n + " tools";
    }

    private record Measured(ToolsCount count, List<ToolMeter.Row> rows, List<ToolCut> cuts) {}

    /** "$1.20", or "unpriced" when the model's prices cannot price it. */
    static String money(BigDecimal usd) {
        return usd == null ? "unpriced" : Money.format(usd);
    }

    /** Counts the tools exactly with the selected model's provider ({@link ToolsExactCount}); wired by the feature. */
    void countExactlyWith(ToolsExactCount e) {
        this.exact = e;
    }

    /** The exact count of the tools on the selected model, or null when the feature has no clients to ask. */
    public ToolsExactCount exact() {
        return exact;
    }

    /** Count exactly: asks the selected model's provider what the tools add (beside the estimate shown). */
    public void countExactly() {
        if (exact != null) {
            exact.count(lastCount);
        }
    }

    /** Applies {@code cut} (one of {@link #cuts()}): the tools JSON, the meter and the cost table follow. */
    public void apply(ToolCut cut) {
        try {
            tuning.accept(cut);
        } catch (IllegalArgumentException e) {
            ui.dialogs()
                    .warning(
                            "The tools changed",
                            "This cut was worked out for the tools as they were. Wait for the new figures, then "
                                    + "try again.");
            return;
        }
        writeBack();
    }

    /** Removes the tool named {@code tool}. */
    public void remove(String tool) {
        find(ToolCut.Kind.REMOVE, tool).ifPresent(this::apply);
    }

    /** Shortens the descriptions of the tool named {@code tool} to their first sentence. */
    public void shorten(String tool) {
        Optional<ToolCut> c = find(ToolCut.Kind.SHORTEN, tool);
        if (c.isEmpty()) {
            ui.dialogs()
                    .info(
                            "Nothing to shorten",
                            "The descriptions of “" + tool + "” are one sentence each already (or the figures are "
                                    + "still being worked out).");
            return;
        }
        apply(c.get());
    }

    /** What removing and shortening {@code tool} would save, one line each; "" when there is no such cut. */
    public String savingsOf(String tool) {
        StringBuilder b = new StringBuilder();
        for (ToolCut c : cuts) {
            if (c.tool().equals(tool)) {
                b.append(b.length() == 0 ? "" : "\n")
                        .append(c.kind() == ToolCut.Kind.REMOVE ? "Remove" : "Shorten descriptions")
                        .append(": saves ")
                        .append(c.exact() ? "" : "≈")
                        .append(String.format("%,d", c.tokensSaved()))
                        .append(" tokens · ")
                        .append(money(c.usdPerRequest()))
                        .append(" per request · ")
                        .append(money(c.usdPerMonth()))
                        .append(" a month");
            }
        }
        return b.toString();
    }

    private Optional<ToolCut> find(ToolCut.Kind kind, String tool) {
        return cuts.stream()
                .filter(c -> c.kind() == kind && c.tool().equals(tool))
                .findFirst();
    }

    /** Undoes the last cut. */
    public void undo() {
        if (tuning.canUndo()) {
            tuning.undo();
            writeBack();
        }
    }

    /** Undoes every cut since the tools were last pasted or opened. */
    public void undoAll() {
        if (tuning.canUndo()) {
            tuning.undoAll();
            writeBack();
        }
    }

    private void writeBack() {
        ToolSet now = tuning.tools();
        writingBack = true;
        try {
            prompt.toolsJsonProperty().set(now.toJson());
        } finally {
            writingBack = false;
        }
        canUndo.set(tuning.canUndo());
        prompt.toolsProperty().set(now);
        measure();
    }

    /** Removes all tools. */
    public void clear() {
        prompt.toolsJsonProperty().set("");
    }

    /** Asks for a tools JSON file and reads it. */
    public void open() {
        ToolsFile.open(ui.dialogs(), error::set).ifPresent(prompt.toolsJsonProperty()::set);
    }

    /** Reads the tools of {@code file} (opened or dropped); says in the section when it cannot be read. */
    public void load(Path file) {
        ToolsFile.read(file, error::set).ifPresent(prompt.toolsJsonProperty()::set);
    }

    /** What is wrong with the tools JSON, in the user's words; "" when it reads. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** One line: how many tools, their tokens and monthly cost on the selected model. */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    /** How the selected model's tool tokens were counted. */
    public ReadOnlyStringProperty howCountedProperty() {
        return howCounted.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canUndoProperty() {
        return canUndo.getReadOnlyProperty();
    }

    /** The meter on the selected model: the tools by monthly cost, then the tokens no single tool owns. */
    public ObservableList<ToolMeter.Row> meter() {
        return meter;
    }

    /** Remove and shorten cuts, largest saving first. */
    public ObservableList<ToolCut> cuts() {
        return cuts;
    }

    public PromptViewModel prompt() {
        return prompt;
    }

    @Override
    public void close() {
        reading.close();
        metering.close();
    }
}
